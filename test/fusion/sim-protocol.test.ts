// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Harness } from './harness';
import { startAdapter } from './harness';
import { connectSim, frameWindow, HOST_ORIGIN, type Wire } from './sim-wire';

let running: Harness[] = [];
afterEach(() => {
  for (const h of running) h.stop();
  running = [];
});

async function boot(options: Parameters<typeof connectSim>[0] = {}, watchdogMs = 1000): Promise<{ wire: Wire; h: Harness }> {
  const wire = await connectSim(options);
  const h = startAdapter({ window: frameWindow(), watchdogMs });
  running.push(h);
  await h.next('fusion.ready');
  return { wire, h };
}

const until = (check: () => void) => vi.waitFor(check, { timeout: 3000, interval: 5 });

describe('simulated UEF client ↔ Fusion host', () => {
  it('runs the start-up sequence over postMessage', async () => {
    const { wire } = await boot();
    const log = wire.host.log();
    expect(log.filter((e) => e.from === 'toolbar').map((e) => `${e.type}:${e.name}`)).toEqual([
      'init:GenesysToolbar',
      'subscribe:onToolbarInteractionCommand',
      'subscribe:onToolbarAgentCommand',
      'subscribe:onOutgoingEvent',
      'subscribe:onDataUpdated',
      'publish:getConfigurationOperation',
      'publish:readyForOperationOperation',
    ]);
    expect(wire.host.state.toolbar).toMatchObject({ connected: true, ready: true, configured: true });
    expect(wire.misdirected).toEqual([]);
  });

  for (const plainResponses of [false, true]) {
    it(`plays an inbound call end to end (${plainResponses ? 'plain' : 'typed'} responses)`, async () => {
      const { wire, h } = await boot({ behaviour: { plainResponses } });
      const { host } = wire;
      h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+15551230000', queue: 'Sales' });
      await until(() => expect(host.model.find('e1')).toMatchObject({ phase: 'offered', lookupName: 'Ada Lovelace', queue: 'Sales' }));

      const answered = host.sendCommand('onToolbarInteractionCommand', 'accept', 'e1');
      const accept = await h.next('fusion.accept');
      expect(host.model.find('e1')?.lastCommand).toEqual({ command: 'accept', result: 'pending', message: null });
      h.send({ type: 'fusion.cmd.respond', requestId: accept.requestId, ok: true });
      expect(await answered).toMatchObject({ result: 'success' });

      h.send({ type: 'fusion.cmd.startComm', eventId: 'e1', direction: 'inbound' });
      // The screen pop name comes from start's inData: proof that newComm's outData was echoed.
      await until(() => expect(host.model.find('e1')).toMatchObject({ phase: 'active', screenPopName: 'Ada Lovelace' }));

      const ended = host.sendCommand('onToolbarInteractionCommand', 'disconnect', 'e1');
      const hangup = await h.next('fusion.hangup');
      h.send({ type: 'fusion.cmd.respond', requestId: hangup.requestId, ok: false, message: 'Genesys: 500' });
      expect(await ended).toMatchObject({ result: 'failure', resultDisplayString: 'Genesys: 500' });

      h.send({ type: 'fusion.cmd.closeComm', eventId: 'e1', reason: 'WRAPUP' });
      await until(() => expect(host.model.find('e1')).toMatchObject({ phase: 'wrapup', closeReason: 'WRAPUP' }));
      const close = host.log().find((e) => e.type === 'publish' && e.name === 'closeCommEvent');
      expect(close?.data).toMatchObject({ inData: { SVCMCA_CONTACT_NAME: 'Ada Lovelace', SVCMCA_ANI: '+15551230000' } });

      host.saveWrapup('e1');
      expect(await h.next('fusion.wrapupClosed')).toEqual({ type: 'fusion.wrapupClosed', eventId: 'e1' });
      expect(host.model.find('e1')?.phase).toBe('closed');
      expect(h.ofType('fusion.publishFailed')).toEqual([]);
    });
  }

  it("maps Fusion's own eventId back when the host rewrites it", async () => {
    const { wire, h } = await boot({ behaviour: { rewriteEventId: true } });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e7', direction: 'inbound', number: '+15559870000' });
    await until(() => expect(wire.host.model.find('e7')?.fusionEventId).toBe('F-e7'));
    await until(() => expect(wire.host.log().some((e) => e.type === 'publishResult')).toBe(true));
    const rejected = wire.host.sendCommand('onToolbarInteractionCommand', 'reject', 'e7');
    const event = await h.next('fusion.reject');
    expect(event.eventId).toBe('e7');
    expect(wire.host.log().find((e) => e.type === 'event' && e.name.endsWith(':reject'))?.eventId).toBe('F-e7');
    h.send({ type: 'fusion.cmd.respond', requestId: event.requestId, ok: true });
    expect((await rejected).result).toBe('success');
    h.send({ type: 'fusion.cmd.closeComm', eventId: 'e7', reason: 'REJECT' });
    await until(() => expect(wire.host.model.find('e7')).toMatchObject({ phase: 'closed', closeReason: 'REJECT' }));
  });

  it('click-to-dial: onOutgoingEvent reaches the machine as fusion.dial with the uuid', async () => {
    const { wire, h } = await boot();
    const uuid = wire.host.dial('+15559870000', 'Grace Hopper', '300100000002');
    expect(await h.next('fusion.dial')).toEqual({ type: 'fusion.dial', number: '+15559870000', eventId: uuid, displayName: 'Grace Hopper' });
    h.send({ type: 'fusion.cmd.newComm', eventId: uuid, direction: 'outbound', number: '+15559870000' });
    await until(() => expect(wire.host.model.find(uuid)).toMatchObject({ phase: 'dialing', direction: 'outbound' }));
    const publish = wire.host.log().find((e) => e.type === 'publish' && e.name === 'newCommEvent');
    expect(publish?.data).toMatchObject({ inData: { SVCMCA_CONTACT_ID: '300100000002', SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND' } });
  });

  it('shows the agent state and round-trips availability commands', async () => {
    const { wire, h } = await boot();
    h.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    await until(() => expect(wire.host.state.agent).toMatchObject({ state: 'AVAILABLE', stateDisplayString: 'Available', isAvailable: true }));
    const outcome = wire.host.sendCommand('onToolbarAgentCommand', 'makeUnavailable');
    const event = await h.next('fusion.makeUnavailable');
    h.send({ type: 'fusion.cmd.respond', requestId: event.requestId, ok: true });
    expect((await outcome).result).toBe('success');
    expect(wire.host.state.lastAgentCommand).toEqual({ command: 'makeUnavailable', result: 'success', message: null });
    const current = await wire.host.sendCommand('onToolbarAgentCommand', 'getCurrentAgentState');
    expect(current).toMatchObject({ result: 'success', outData: { state: 'AVAILABLE' } });
  });

  it('a never-answered publish trips the adapter watchdog; a rejected one is reported', async () => {
    const { wire, h } = await boot({ behaviour: { publishMode: 'never', affects: ['newCommEvent'] } }, 40);
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+15551230000' });
    expect(await h.next('fusion.publishFailed')).toMatchObject({ operation: 'newCommEvent', eventId: 'e1', code: 'UEF_TIMEOUT' });
    expect(wire.host.model.find('e1')?.phase).toBe('offered'); // Fusion acted, never answered

    wire.host.configure({ publishMode: 'reject', affects: [] });
    h.send({ type: 'fusion.cmd.startComm', eventId: 'e1', direction: 'inbound' });
    expect(await h.next('fusion.publishFailed', 2)).toMatchObject({
      operation: 'startCommEvent',
      code: 'UEF_REJECTED',
      message: 'simulated rejection of startCommEvent',
    });
  });

  it('answers after slowMs in slow mode', async () => {
    const { wire, h } = await boot({ behaviour: { publishMode: 'slow', slowMs: 30, affects: ['agentStateEventOperation'] } });
    h.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    await until(() => expect(wire.host.log().some((e) => e.type === 'publish' && e.name === 'agentStateEventOperation')).toBe(true));
    expect(wire.host.state.agent).toBeNull();
    await until(() => expect(wire.host.state.agent?.state).toBe('AVAILABLE'));
    expect(h.ofType('fusion.publishFailed')).toEqual([]);
  });
});

describe('the host log', () => {
  it('gives the log view only what came after the last entry it showed, and the oldest entry kept', async () => {
    const { wire } = await boot();
    const all = wire.host.log();
    const last = all.at(-1)!.seq;
    expect(wire.host.logAfter(last)).toEqual({ entries: [], oldest: all[0]!.seq });
    expect(wire.host.logAfter(last - 2).entries.map((e) => e.seq)).toEqual([last - 1, last]);
    expect(wire.host.logAfter(-1).entries).toEqual(all);
    // Copies: the view cannot change the host's log.
    wire.host.logAfter(last - 1).entries[0]!.name = 'changed';
    expect(wire.host.log().at(-1)!.name).toBe(all.at(-1)!.name);
    wire.host.clearLog();
    expect(wire.host.logAfter(last)).toEqual({ entries: [], oldest: undefined });
  });
});

describe('origin checks', () => {
  it('the host refuses messages from another origin or another window, and logs them', async () => {
    const { wire } = await boot();
    const before = wire.host.log().length;
    const init = { channel: 'fusion-uef-sim/1', type: 'init', clientId: 'evil', requestId: 1, appName: 'x', version: 'v1' };
    wire.host.handleMessage({ data: init, origin: 'http://evil.test', source: wire.frameToken });
    wire.host.handleMessage({ data: init, origin: window.location.origin, source: {} });
    wire.host.handleMessage({ data: { hello: 'not ours' }, origin: 'http://evil.test', source: {} });
    const added = wire.host.log().slice(before);
    expect(added.map((e) => `${e.type}:${e.name}`)).toEqual(['rejected:origin http://evil.test', `rejected:origin ${window.location.origin}`]);
    expect(wire.host.state.toolbar.appName).toBe('GenesysToolbar');
  });

  it('the host refuses malformed messages and unknown clients from the right frame', async () => {
    const { wire } = await boot();
    const before = wire.host.log().length;
    const origin = window.location.origin;
    wire.host.handleMessage({ data: { channel: 'fusion-uef-sim/1', type: 'publish', clientId: 'x' }, origin, source: wire.frameToken });
    wire.host.handleMessage({
      data: { channel: 'fusion-uef-sim/1', type: 'subscribe', clientId: 'stranger', event: 'onDataUpdated', appClassification: null },
      origin,
      source: wire.frameToken,
    });
    expect(wire.host.log().slice(before).map((e) => e.name)).toEqual([
      'publish needs requestId, operation, fields, inData',
      'unknown client stranger',
    ]);
  });

  it('the client ignores host messages from another origin or window, and posts only to its script origin', async () => {
    const { wire, h } = await boot();
    const event = { channel: 'fusion-uef-sim/1', type: 'event', event: 'onOutgoingEvent', commandId: null, plainResponses: false };
    const clientId = wire.host.toolbarClientId;
    const data = { outData: { SVCMCA_ANI: '+15550000000' }, uuid: 'forged' };
    wire.deliverToFrame({ ...event, clientId, data }, 'http://evil.test', wire.parent);
    wire.deliverToFrame({ ...event, clientId, data }, HOST_ORIGIN, {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.ofType('fusion.dial')).toEqual([]);
    wire.deliverToFrame({ ...event, clientId, data }, HOST_ORIGIN, wire.parent);
    expect((await h.next('fusion.dial')).eventId).toBe('forged');
    expect(wire.misdirected).toEqual([]);
  });

  it('the client refuses onOutgoingEvent subscriptions without appClassification, as the real one does', async () => {
    await connectSim();
    const uef = (window as unknown as { CX_SVC_UI_EVENTS_FRAMEWORK: ClientGlobal }).CX_SVC_UI_EVENTS_FRAMEWORK;
    const provider = await uef.uiEventsFramework.initialize('t', 'v1');
    const phone = await (await provider.getMultiChannelAdaptorContext()).getCommunicationChannelContext('PHONE');
    const request = provider.requestHelper.createSubscriptionRequest('onOutgoingEvent');
    expect(() => phone.subscribe(request, () => undefined)).toThrow('App Classification missing in payload');
  });
});

interface ClientGlobal {
  uiEventsFramework: {
    initialize(app: string, version: string): Promise<{
      requestHelper: { createSubscriptionRequest(event: string): unknown };
      getMultiChannelAdaptorContext(): Promise<{
        getCommunicationChannelContext(c: string): Promise<{ subscribe(r: unknown, cb: () => unknown): unknown }>;
      }>;
    }>;
  };
}
