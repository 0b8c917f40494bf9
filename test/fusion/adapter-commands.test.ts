import { describe, expect, it } from 'vitest';
import { CallStore, MAX_OPEN_CALLS } from '../../src/adapters/fusion/calls';
import { FakeUef } from './fake-uef';
import { framedWindow, settle, startAdapter, type Harness } from './harness';

async function ready(uef: FakeUef, commandTimeoutMs = 2000): Promise<Harness> {
  const h = startAdapter({ window: framedWindow(uef), commandTimeoutMs });
  await h.next('fusion.ready');
  return h;
}

describe('interaction commands from Fusion', () => {
  const cases = [
    ['accept', 'fusion.accept'],
    ['reject', 'fusion.reject'],
    ['disconnect', 'fusion.hangup'],
    ['wrapup', 'fusion.hangup'],
    ['setActive', 'fusion.setActive'],
  ] as const;
  for (const [command, type] of cases) {
    it(`${command} → ${type}; UEF's promise waits for the machine's success`, async () => {
      const uef = new FakeUef();
      const h = await ready(uef);
      let answered = false;
      const answer = uef.command('onToolbarInteractionCommand', command, 'e1').then((a) => {
        answered = true;
        return a;
      });
      const event = await h.next(type);
      expect(event).toEqual({ type, eventId: 'e1', requestId: expect.stringMatching(/^req-/) });
      await settle();
      expect(answered).toBe(false);
      h.send({ type: 'fusion.cmd.respond', requestId: event.requestId, ok: true });
      expect(await answer).toMatchObject({ result: 'success' });
      h.stop();
    });
  }

  it('answers failure with the machine message', async () => {
    for (const plain of [false, true]) {
      const uef = new FakeUef({ plain });
      const h = await ready(uef);
      const answer = uef.command('onToolbarInteractionCommand', 'accept', 'e1');
      const event = await h.next('fusion.accept');
      h.send({ type: 'fusion.cmd.respond', requestId: event.requestId, ok: false, message: 'Genesys refused: 500' });
      expect(await answer).toMatchObject({ result: 'failure', resultDisplayString: 'Genesys refused: 500' });
      h.stop();
    }
  });

  it('resolves the typed response data object, and the plain response itself', async () => {
    const typed = new FakeUef();
    const h1 = await ready(typed);
    const a1 = typed.command('onToolbarInteractionCommand', 'reject', 'e1');
    h1.send({ type: 'fusion.cmd.respond', requestId: (await h1.next('fusion.reject')).requestId, ok: true });
    const r1 = (await a1).resolved as { getResult(): string };
    expect(r1.getResult()).toBe('success');
    h1.stop();

    const plain = new FakeUef({ plain: true });
    const h2 = await ready(plain);
    const a2 = plain.command('onToolbarInteractionCommand', 'reject', 'e1');
    h2.send({ type: 'fusion.cmd.respond', requestId: (await h2.next('fusion.reject')).requestId, ok: true });
    expect((await a2).resolved).toEqual({ responseDetails: expect.objectContaining({ result: 'success', command: 'reject' }) });
    h2.stop();
  });

  it('answers failure when the machine never responds', async () => {
    const uef = new FakeUef();
    const h = await ready(uef, 30);
    const answer = await uef.command('onToolbarInteractionCommand', 'accept', 'e1');
    expect(answer).toMatchObject({ result: 'failure', resultDisplayString: expect.stringContaining('no outcome') });
    expect(h.ofType('fusion.accept')).toHaveLength(1);
    // A respond after the deadline is only logged.
    h.send({ type: 'fusion.cmd.respond', requestId: h.ofType('fusion.accept')[0]!.requestId, ok: true });
    await settle();
    expect(h.logs.some((l) => l.message.includes('unknown or expired request'))).toBe(true);
    h.stop();
  });

  it('refuses an unknown command or one without eventId, with no machine event', async () => {
    const uef = new FakeUef();
    const h = await ready(uef);
    expect(await uef.command('onToolbarInteractionCommand', 'transfer', 'e1')).toMatchObject({
      result: 'failure',
      resultDisplayString: 'unknown command',
    });
    expect(await uef.command('onToolbarInteractionCommand', 'constructor', 'e1')).toMatchObject({ result: 'failure' });
    expect(await uef.command('onToolbarInteractionCommand', 'accept')).toMatchObject({
      result: 'failure',
      resultDisplayString: 'no eventId',
    });
    expect(h.events).toEqual([{ type: 'fusion.ready' }]);
    expect(h.logs.filter((l) => l.level === 'warn')).toHaveLength(3);
    h.stop();
  });

  it('refuses commands while no toolbar actor runs', async () => {
    const uef = new FakeUef();
    const h = await ready(uef);
    h.stop();
    expect(await uef.command('onToolbarInteractionCommand', 'accept', 'e1')).toMatchObject({
      result: 'failure',
      resultDisplayString: 'the toolbar is not running',
    });
  });
});

describe('agent commands from Fusion', () => {
  it('makeAvailable and makeUnavailable become machine events answered by respond', async () => {
    const uef = new FakeUef();
    const h = await ready(uef);
    const available = uef.command('onToolbarAgentCommand', 'makeAvailable');
    const a = await h.next('fusion.makeAvailable');
    h.send({ type: 'fusion.cmd.respond', requestId: a.requestId, ok: true });
    expect(await available).toMatchObject({ result: 'success' });

    const unavailable = uef.command('onToolbarAgentCommand', 'makeUnavailable', undefined, { reason: 'Lunch' });
    const u = await h.next('fusion.makeUnavailable');
    expect(u).toEqual({ type: 'fusion.makeUnavailable', requestId: expect.any(String), reason: 'Lunch' });
    h.send({ type: 'fusion.cmd.respond', requestId: u.requestId, ok: false, message: 'not registered' });
    expect(await unavailable).toMatchObject({ result: 'failure', resultDisplayString: 'not registered' });
    h.stop();
  });

  it('answers getCurrentAgentState from the last agentState command', async () => {
    const uef = new FakeUef();
    const h = await ready(uef);
    expect((await uef.command('onToolbarAgentCommand', 'getCurrentAgentState')).outData).toMatchObject({
      state: 'LOGGED_OUT',
      isLoggedIn: false,
    });
    h.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    expect(await uef.command('onToolbarAgentCommand', 'getCurrentAgentState')).toMatchObject({
      result: 'success',
      outData: { state: 'AVAILABLE', isAvailable: true, isLoggedIn: true, stateDisplayString: 'Available' },
    });
    h.stop();
  });

  it('answers getActiveEngagements from the open calls', async () => {
    const uef = new FakeUef();
    const h = await ready(uef);
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+1555' });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e2', direction: 'outbound', number: '+1666' });
    h.send({ type: 'fusion.cmd.startComm', eventId: 'e2', direction: 'outbound' });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e3', direction: 'inbound', number: '+1777' });
    h.send({ type: 'fusion.cmd.closeComm', eventId: 'e3', reason: 'ABANDONED' });
    await settle();
    expect((await uef.command('onToolbarAgentCommand', 'getActiveEngagements')).outData).toEqual({
      engagements: [
        { eventId: 'e1', direction: 'inbound', number: '+1555', started: false },
        { eventId: 'e2', direction: 'outbound', number: '+1666', started: true },
      ],
    });
    h.stop();
  });

  it('refuses an unknown agent command', async () => {
    const uef = new FakeUef();
    const h = await ready(uef);
    expect(await uef.command('onToolbarAgentCommand', 'custom')).toMatchObject({ result: 'failure' });
    expect(h.events).toEqual([{ type: 'fusion.ready' }]);
    h.stop();
  });
});

describe('non-controllable events from Fusion', () => {
  it('onOutgoingEvent without SVCMCA_ANI is ignored; without uuid gets a fresh eventId', async () => {
    const uef = new FakeUef({ plain: true });
    const h = await ready(uef);
    uef.outgoing({ SVCMCA_DISPLAY_NAME: 'Nobody' }, 'u1');
    uef.outgoing({ SVCMCA_ANI: ' +1 (555) 000-1111 ' });
    const dial = await h.next('fusion.dial');
    // Genesys gets the dialable form: the grouping goes.
    expect(dial).toEqual({ type: 'fusion.dial', number: '+15550001111', eventId: expect.stringMatching(/^req-/) });
    expect(h.ofType('fusion.dial')).toHaveLength(1);
    h.stop();
  });

  for (const plain of [false, true]) {
    it(`onDataUpdated OFFER_TIMEOUT and WRAPUP_CLOSED reach the machine; others do not (${plain ? 'plain' : 'typed'})`, async () => {
      const uef = new FakeUef({ plain });
      const h = await ready(uef);
      uef.dataUpdated('CUSTOMER_DATA', 'e1');
      uef.dataUpdated('OFFER_TIMEOUT', 'e1');
      uef.dataUpdated('WRAPUP_CLOSED', 'e2');
      await h.next('fusion.wrapupClosed');
      expect(h.events.slice(1)).toEqual([
        { type: 'fusion.offerTimeout', eventId: 'e1' },
        { type: 'fusion.wrapupClosed', eventId: 'e2' },
      ]);
      h.stop();
    });
  }
});

describe('CallStore bounds', () => {
  it('drops the oldest open call past the limit and forgets its outData and aliases', () => {
    const store = new CallStore();
    store.open('first', 'inbound', '+1');
    store.storeOutData('first', { a: 1 }, 'fusion-first');
    for (let i = 0; i < MAX_OPEN_CALLS - 1; i++) store.open(`c${i}`, 'inbound', '+1');
    expect(store.open('one-too-many', 'inbound', '+1')).toBe('first');
    expect(store.hasOutData('first')).toBe(false);
    expect(store.hasOutData('fusion-first')).toBe(false);
    expect(store.sizes().engagements).toBe(MAX_OPEN_CALLS);
    for (let i = 0; i < 1000; i++) {
      store.rememberOutgoing(`u${i}`, {});
      store.storeOutData(`x${i}`, {}, `fx${i}`);
      store.forget(`x${i}`);
    }
    expect(store.sizes()).toEqual({ engagements: MAX_OPEN_CALLS, outData: 0, aliases: 256, outgoing: 32 });
  });
});
