import { describe, expect, it, vi } from 'vitest';
import { FakeUef } from './fake-uef';
import { framedWindow, settle, startAdapter, type Harness } from './harness';

const CONTACT_OUT = { SVCMCA_CONTACT_NAME: 'Ada Lovelace', SVCMCA_CONTACT_ID: '300100', callStatus: 'INCOMING' };

async function ready(uef: FakeUef, watchdogMs = 1000, lang: 'en' | 'ja' = 'en'): Promise<Harness> {
  const h = startAdapter({ window: framedWindow(uef), watchdogMs }, { lang });
  await h.next('fusion.ready');
  uef.publishes.length = 0;
  return h;
}

async function published(uef: FakeUef, count: number): Promise<void> {
  await vi.waitFor(() => expect(uef.publishes.map((p) => p.operation)).toHaveLength(count), { timeout: 3000, interval: 2 });
  await settle(2);
  expect(uef.publishes).toHaveLength(count); // and no more
}

describe('inbound call: newCommEvent → startCommEvent → closeCommEvent', () => {
  for (const plain of [false, true]) {
    it(`echoes newCommEvent outData as start/close inData (${plain ? 'plain responseDetails' : 'typed getters'})`, async () => {
      const uef = new FakeUef({ plain });
      uef.answerNext('newCommEvent', { kind: 'resolve', outData: CONTACT_OUT });
      const h = await ready(uef);
      h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+15551230000', queue: 'Sales' });
      h.send({ type: 'fusion.cmd.startComm', eventId: 'e1', direction: 'inbound' });
      h.send({ type: 'fusion.cmd.closeComm', eventId: 'e1', reason: 'WRAPUP' });
      await published(uef, 3);
      expect(uef.publishes).toEqual([
        {
          operation: 'newCommEvent',
          fields: { eventId: 'e1', appClassification: 'ORA_SERVICE' },
          inData: { SVCMCA_ANI: '+15551230000', SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_INBOUND', comPanelQName1: 'Sales' },
        },
        { operation: 'startCommEvent', fields: { eventId: 'e1', appClassification: 'ORA_SERVICE' }, inData: CONTACT_OUT },
        {
          operation: 'closeCommEvent',
          fields: { eventId: 'e1', appClassification: 'ORA_SERVICE', reason: 'WRAPUP' },
          inData: CONTACT_OUT,
        },
      ]);
      expect(h.ofType('fusion.publishFailed')).toEqual([]);
      expect(h.ofType('fusion.contact')).toEqual([{ type: 'fusion.contact', eventId: 'e1', name: 'Ada Lovelace' }]);
      h.stop();
    });
  }

  it('names the contact (first + last, account) from the lookup, and nobody when the lookup found none', async () => {
    const uef = new FakeUef();
    uef.answerNext('newCommEvent', {
      kind: 'resolve',
      outData: { SVCMCA_CONTACT_FIRST_NAME: ' 花子 ', SVCMCA_CONTACT_LAST_NAME: '山田', SVCMCA_CONTACT_PRIM_ORG_NAME: '山田商事' },
    });
    uef.answerNext('newCommEvent', { kind: 'resolve', outData: { SVCMCA_CONTACT_NAME: '   ', SVCMCA_CONTACT_ID: '' } });
    const h = await ready(uef);
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+81312345678' });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e2', direction: 'inbound', number: '+15550000000' });
    await published(uef, 2);
    expect(h.ofType('fusion.contact')).toEqual([{ type: 'fusion.contact', eventId: 'e1', name: '花子 山田', account: '山田商事' }]);
    h.stop();
  });

  it('waits for the newCommEvent answer before publishing start (order per eventId)', async () => {
    const uef = new FakeUef();
    uef.answerNext('newCommEvent', { kind: 'resolve', outData: CONTACT_OUT, delayMs: 30 });
    const h = await ready(uef);
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+1555' });
    h.send({ type: 'fusion.cmd.startComm', eventId: 'e1', direction: 'inbound' });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e2', direction: 'inbound', number: '+1666' });
    await settle();
    // e2 is not held up by e1's slow answer; e1's start waits for it.
    expect(uef.publishes.map((p) => `${p.operation}:${String(p.fields.eventId)}`)).toEqual(['newCommEvent:e1', 'newCommEvent:e2']);
    await published(uef, 3);
    expect(uef.publishes[2]).toMatchObject({ operation: 'startCommEvent', fields: { eventId: 'e1' }, inData: CONTACT_OUT });
    h.stop();
  });

  it('publishes newCommEvent in the same tick once UEF is ready, before anything queued behind it', async () => {
    const uef = new FakeUef();
    const h = await ready(uef);
    let microtaskRan = false;
    queueMicrotask(() => (microtaskRan = true));
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+1555' });
    // A render scheduled as a microtask (Preact) must not run before the offer.
    expect(uef.publishes.map((p) => p.operation)).toEqual(['newCommEvent']);
    expect(microtaskRan).toBe(false);
    h.stop();
  });

  it('keeps outData apart for simultaneous calls', async () => {
    const uef = new FakeUef();
    uef.answerNext('newCommEvent', { kind: 'resolve', outData: { SVCMCA_CONTACT_ID: 'A' } });
    uef.answerNext('newCommEvent', { kind: 'resolve', outData: { SVCMCA_CONTACT_ID: 'B' } });
    const h = await ready(uef);
    h.send({ type: 'fusion.cmd.newComm', eventId: 'a', direction: 'inbound', number: '+1' });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'b', direction: 'inbound', number: '+2' });
    await published(uef, 2);
    h.send({ type: 'fusion.cmd.closeComm', eventId: 'b', reason: 'ABANDONED' });
    h.send({ type: 'fusion.cmd.closeComm', eventId: 'a', reason: 'REJECT' });
    await published(uef, 4);
    expect(uef.published('closeCommEvent').map((p) => [p.fields.eventId, p.fields.reason, p.inData.SVCMCA_CONTACT_ID])).toEqual([
      ['b', 'ABANDONED', 'B'],
      ['a', 'REJECT', 'A'],
    ]);
    h.stop();
  });

  it("keeps both keys when Fusion answers with its own eventId, and maps Fusion's id back", async () => {
    const uef = new FakeUef();
    uef.answerNext('newCommEvent', { kind: 'resolve', outData: CONTACT_OUT, eventId: 'fusion-77' });
    const h = await ready(uef);
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+1555' });
    await published(uef, 1);
    const accept = uef.command('onToolbarInteractionCommand', 'accept', 'fusion-77');
    const event = await h.next('fusion.accept');
    expect(event.eventId).toBe('e1');
    h.send({ type: 'fusion.cmd.respond', requestId: event.requestId, ok: true });
    await accept;
    h.send({ type: 'fusion.cmd.closeComm', eventId: 'e1', reason: 'WRAPUP' });
    await published(uef, 2);
    expect(uef.publishes[1]?.inData).toEqual(CONTACT_OUT);
    // start/close go out under the id Fusion chose (protocol.md §5.2).
    expect(uef.publishes[1]?.fields['eventId']).toBe('fusion-77');
    uef.dataUpdated('WRAPUP_CLOSED', 'fusion-77');
    expect(await h.next('fusion.wrapupClosed')).toEqual({ type: 'fusion.wrapupClosed', eventId: 'e1' });
    h.stop();
  });

  it('forgets outData after closeCommEvent and leaves no engagement after 10,000 calls', async () => {
    const uef = new FakeUef();
    uef.answerAlways('newCommEvent', { kind: 'resolve', outData: CONTACT_OUT });
    const h = await ready(uef);
    for (let i = 0; i < 10_000; i++) {
      h.send({ type: 'fusion.cmd.newComm', eventId: `c${i}`, direction: 'inbound', number: '+1555' });
      h.send({ type: 'fusion.cmd.closeComm', eventId: `c${i}`, reason: 'ABANDONED' });
    }
    await published(uef, 20_000);
    h.send({ type: 'fusion.cmd.startComm', eventId: 'c1', direction: 'inbound' });
    await published(uef, 20_001);
    expect(uef.publishes[20_000]?.inData).toEqual({});
    const answer = await uef.command('onToolbarAgentCommand', 'getActiveEngagements');
    expect(answer.outData).toEqual({ engagements: [] });
    h.stop();
  }, 20_000);
});

describe('outbound call (click-to-dial)', () => {
  it('uses the onOutgoingEvent data as newComm inData and strips the echoed callStatus from start', async () => {
    const uef = new FakeUef();
    uef.answerNext('newCommEvent', { kind: 'resolve', outData: { ...CONTACT_OUT, SVCMCA_ANI: '+15559870000' } });
    const h = await ready(uef);
    uef.outgoing({ SVCMCA_ANI: '+15559870000', SVCMCA_DISPLAY_NAME: 'Grace Hopper', SVCMCA_CONTACT_ID: '300200' }, 'uuid-9');
    expect(await h.next('fusion.dial')).toEqual({
      type: 'fusion.dial',
      number: '+15559870000',
      eventId: 'uuid-9',
      displayName: 'Grace Hopper',
    });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'uuid-9', direction: 'outbound', number: '+15559870000' });
    h.send({ type: 'fusion.cmd.startComm', eventId: 'uuid-9', direction: 'outbound' });
    await published(uef, 2);
    expect(uef.publishes[0]?.inData).toEqual({
      SVCMCA_ANI: '+15559870000',
      SVCMCA_DISPLAY_NAME: 'Grace Hopper',
      SVCMCA_CONTACT_ID: '300200',
      SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND',
    });
    expect(uef.publishes[1]?.inData).toEqual({
      SVCMCA_CONTACT_NAME: 'Ada Lovelace',
      SVCMCA_CONTACT_ID: '300100',
      SVCMCA_ANI: '+15559870000',
    });
    h.stop();
  });

  it('publishes outboundCommError with the call uuid', async () => {
    const uef = new FakeUef();
    const h = await ready(uef);
    h.send({ type: 'fusion.cmd.outboundError', eventId: 'uuid-9', code: 'INVALID_NUMBER', message: 'Busy' });
    await published(uef, 1);
    expect(uef.publishes[0]).toEqual({
      operation: 'outboundCommError',
      fields: { commUuid: 'uuid-9', errorCode: 'INVALID_NUMBER', errorMsg: 'Busy' },
      inData: {},
    });
    h.stop();
  });
});

describe('agent state', () => {
  it('publishes agentStateEventOperation with translated display strings', async () => {
    const uef = new FakeUef();
    const en = await ready(uef, 1000, 'en');
    en.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    await published(uef, 1);
    expect(uef.publishes[0]).toMatchObject({
      operation: 'agentStateEventOperation',
      fields: {
        isAvailable: true,
        isLoggedIn: true,
        state: 'AVAILABLE',
        stateDisplayString: 'Available',
        reason: null,
        reasonDisplayString: '',
      },
    });
    expect(typeof uef.publishes[0]?.fields.eventId).toBe('string');
    en.stop();

    const uefJa = new FakeUef();
    const ja = await ready(uefJa, 1000, 'ja');
    ja.send({ type: 'fusion.cmd.agentState', presence: 'unavailable' });
    ja.send({ type: 'fusion.cmd.agentState', presence: 'unavailable', reason: 'Lunch' });
    ja.send({ type: 'fusion.cmd.agentState', presence: 'loggedOut' });
    await published(uefJa, 3);
    expect(uefJa.publishes.map((p) => [p.fields.state, p.fields.isAvailable, p.fields.isLoggedIn, p.fields.stateDisplayString, p.fields.reasonDisplayString])).toEqual([
      ['UNAVAILABLE', false, true, '受付不可. 休憩中', '休憩中'],
      ['UNAVAILABLE', false, true, '受付不可. Lunch', 'Lunch'],
      ['LOGGED_OUT', false, false, 'ログアウト', ''],
    ]);
    ja.stop();
  });
});

describe('watchdog', () => {
  it('turns a publish that never settles into publishFailed UEF_TIMEOUT, and later publishes still go out', async () => {
    const uef = new FakeUef();
    uef.answerNext('newCommEvent', { kind: 'never' });
    const h = await ready(uef, 25);
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+1555' });
    h.send({ type: 'fusion.cmd.startComm', eventId: 'e1', direction: 'inbound' });
    const failed = await h.next('fusion.publishFailed');
    expect(failed).toEqual({
      type: 'fusion.publishFailed',
      operation: 'newCommEvent',
      eventId: 'e1',
      code: 'UEF_TIMEOUT',
      message: 'no answer from UEF in 25 ms',
    });
    expect(h.logs.some((l) => l.level === 'warn' && l.message.includes('newCommEvent (e1) UEF_TIMEOUT'))).toBe(true);
    await published(uef, 2);
    expect(uef.publishes[1]).toMatchObject({ operation: 'startCommEvent', inData: {} });
    h.stop();
  });

  it('turns a rejected publish into publishFailed UEF_REJECTED with the error message', async () => {
    for (const plain of [false, true]) {
      const uef = new FakeUef({ plain });
      uef.answerNext('startCommEvent', { kind: 'reject', message: 'engagement not found' });
      const h = await ready(uef);
      h.send({ type: 'fusion.cmd.startComm', eventId: 'e1', direction: 'inbound' });
      h.send({ type: 'fusion.cmd.closeComm', eventId: 'e1', reason: 'WRAPUP' });
      expect(await h.next('fusion.publishFailed')).toEqual({
        type: 'fusion.publishFailed',
        operation: 'startCommEvent',
        eventId: 'e1',
        code: 'UEF_REJECTED',
        message: 'engagement not found',
      });
      await published(uef, 2);
      h.stop();
    }
  });

  it('reports a publish that throws synchronously as rejected', async () => {
    const uef = new FakeUef();
    uef.answerNext('agentStateEventOperation', { kind: 'throw', message: 'bad payload' });
    const h = await ready(uef);
    h.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    expect(await h.next('fusion.publishFailed')).toMatchObject({ code: 'UEF_REJECTED', message: 'bad payload' });
    h.stop();
  });

  it('keeps a late newCommEvent answer for the open call', async () => {
    const uef = new FakeUef();
    uef.answerNext('newCommEvent', { kind: 'resolve', outData: CONTACT_OUT, delayMs: 40 });
    const h = await ready(uef, 10);
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+1555' });
    await h.next('fusion.publishFailed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    h.send({ type: 'fusion.cmd.closeComm', eventId: 'e1', reason: 'WRAPUP' });
    await published(uef, 2);
    expect(uef.publishes[1]?.inData).toEqual(CONTACT_OUT);
    h.stop();
  });
});

describe('before start-up ends', () => {
  it('holds commands and publishes them in order once ready', async () => {
    const uef = new FakeUef();
    const win = framedWindow();
    let release: () => void = () => undefined;
    const h = startAdapter({
      window: win,
      loadScript: () =>
        new Promise<void>((resolve) => {
          release = () => {
            win.CX_SVC_UI_EVENTS_FRAMEWORK = uef.global;
            resolve();
          };
        }),
    });
    h.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+1555' });
    await settle();
    expect(uef.calls).toEqual([]);
    release();
    await h.next('fusion.ready');
    await published(uef, 4);
    expect(uef.publishes.map((p) => p.operation)).toEqual([
      'getConfigurationOperation',
      'readyForOperationOperation',
      'agentStateEventOperation',
      'newCommEvent',
    ]);
    h.stop();
  });
});
