import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_UEF_SCRIPT, parseConfig } from '../../src/config';
import { FakeUef } from './fake-uef';
import { framedWindow, settle, startAdapter } from './harness';

const START_UP = [
  'initialize:TestApp:v1',
  'getMultiChannelAdaptorContext',
  'getCommunicationChannelContext:PHONE',
  'subscribe:onToolbarInteractionCommand',
  'subscribe:onToolbarAgentCommand',
  'subscribe:onOutgoingEvent',
  'subscribe:onDataUpdated',
  'publish:getConfigurationOperation',
  'publish:readyForOperationOperation',
];

describe('when the UEF global exists at start', () => {
  it('initialises, subscribes once each, configures, declares readiness, then reports ready', async () => {
    const uef = new FakeUef();
    const h = startAdapter({ window: framedWindow(uef), appName: 'TestApp' });
    await h.next('fusion.ready');
    expect(uef.calls).toEqual(START_UP);
    expect(uef.published('getConfigurationOperation')[0]?.fields).toEqual({ configType: 'TOOLBAR' });
    expect(uef.published('readyForOperationOperation')[0]?.fields).toEqual({ readiness: true });
    expect(uef.subscriptionClassification.get('onOutgoingEvent')).toBe('ORA_SERVICE');
    expect(uef.subscriptionClassification.get('onDataUpdated')).toBe('ORA_SERVICE');
    expect(h.events).toEqual([{ type: 'fusion.ready' }]);
    h.stop();
  });

  it('publishes the agent state once at start-up: the one the machine sends on fusion.ready, not also the one from before', async () => {
    const uef = new FakeUef();
    const h = startAdapter({ window: framedWindow(uef), appName: 'TestApp' });
    // The agent region's first state, published before UEF is found…
    h.send({ type: 'fusion.cmd.agentState', presence: 'loggedOut' });
    await h.next('fusion.ready');
    // …and again by the machine when Fusion is ready.
    h.send({ type: 'fusion.cmd.agentState', presence: 'loggedOut' });
    await settle();
    expect(uef.published('agentStateEventOperation').map((entry) => entry.fields?.['state'])).toEqual(['LOGGED_OUT']);
    // Later repeats are the machine's to decide (a re-register republishes): they go out.
    h.send({ type: 'fusion.cmd.agentState', presence: 'loggedOut' });
    await settle();
    expect(uef.published('agentStateEventOperation')).toHaveLength(2);
    h.stop();
  });

  it('does not repeat either when the agent changed state during start-up: the last state sent before fusion.ready counts', async () => {
    const uef = new FakeUef();
    const h = startAdapter({ window: framedWindow(uef), appName: 'TestApp' });
    h.send({ type: 'fusion.cmd.agentState', presence: 'loggedOut' });
    h.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    await h.next('fusion.ready');
    h.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    await settle();
    expect(uef.published('agentStateEventOperation').map((entry) => entry.fields?.['state'])).toEqual(['LOGGED_OUT', 'AVAILABLE']);
    h.stop();
  });

  it('publishes what the machine says on fusion.ready when it differs from what it said before', async () => {
    const uef = new FakeUef();
    const h = startAdapter({ window: framedWindow(uef), appName: 'TestApp' });
    h.send({ type: 'fusion.cmd.agentState', presence: 'loggedOut' });
    await h.next('fusion.ready');
    h.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    await settle();
    expect(uef.published('agentStateEventOperation').map((entry) => entry.fields?.['state'])).toEqual(['LOGGED_OUT', 'AVAILABLE']);
    h.stop();
  });

  it('uses the global even when not framed', async () => {
    const uef = new FakeUef();
    const win = { CX_SVC_UI_EVENTS_FRAMEWORK: uef.global, parent: undefined as unknown };
    win.parent = win;
    const h = startAdapter({ window: win });
    await h.next('fusion.ready');
    h.stop();
  });

  it('initialises only once when a second actor starts, and rebinds events to it', async () => {
    const uef = new FakeUef();
    const win = framedWindow(uef);
    const first = startAdapter({ window: win, appName: 'TestApp' });
    await first.next('fusion.ready');
    const second = startAdapter({ window: win, appName: 'TestApp' });
    await second.next('fusion.ready');
    expect(uef.calls).toEqual(START_UP);
    expect([...uef.subscriptions.values()].map((callbacks) => callbacks.length)).toEqual([1, 1, 1, 1]);

    uef.outgoing({ SVCMCA_ANI: '+15550001111' }, 'u-1');
    await second.next('fusion.dial');
    expect(first.ofType('fusion.dial')).toEqual([]);
    first.stop();
    second.stop();
  });

  it('initialises only once when both actors start before start-up finished', async () => {
    const uef = new FakeUef();
    const win = framedWindow(uef);
    const first = startAdapter({ window: win });
    const second = startAdapter({ window: win });
    await second.next('fusion.ready');
    await settle();
    expect(uef.calls.filter((c) => c.startsWith('initialize'))).toHaveLength(1);
    expect(uef.calls.filter((c) => c.startsWith('subscribe'))).toHaveLength(4);
    expect(first.ofType('fusion.ready')).toEqual([]);
    first.stop();
    second.stop();
  });

  it('keeps the other subscriptions when one subscribe throws', async () => {
    const uef = new FakeUef({ subscribeThrows: ['onToolbarInteractionCommand', 'onOutgoingEvent'] });
    const h = startAdapter({ window: framedWindow(uef) });
    await h.next('fusion.ready');
    expect([...uef.subscriptions.keys()]).toEqual(['onToolbarAgentCommand', 'onDataUpdated']);
    expect(h.logs.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([
      expect.stringContaining('subscribe onToolbarInteractionCommand failed'),
      expect.stringContaining('subscribe onOutgoingEvent failed'),
    ]);
    h.stop();
  });

  it('still reports ready when getConfigurationOperation is rejected, and says so', async () => {
    const uef = new FakeUef();
    uef.answerNext('getConfigurationOperation', { kind: 'reject', message: 'SVCMCA_ERR_MISSING_CONFIGURATION' });
    const h = startAdapter({ window: framedWindow(uef) });
    await h.next('fusion.ready');
    expect(h.ofType('fusion.publishFailed')).toEqual([
      {
        type: 'fusion.publishFailed',
        operation: 'getConfigurationOperation',
        eventId: undefined,
        code: 'UEF_REJECTED',
        message: 'SVCMCA_ERR_MISSING_CONFIGURATION',
      },
    ]);
    h.stop();
  });

  it('reports fusion.failed when initialize rejects, and publishes nothing', async () => {
    const uef = new FakeUef({ initRejects: 'handshake refused' });
    const h = startAdapter({ window: framedWindow(uef) });
    const failed = await h.next('fusion.failed');
    expect(failed).toEqual({ type: 'fusion.failed', code: 'UEF_INIT_FAILED', message: 'handshake refused' });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+1555' });
    await settle();
    expect(uef.publishes).toEqual([]);
    h.stop();
  });

  it('reports fusion.failed with UEF_INIT_TIMEOUT when initialize never settles', async () => {
    const win = framedWindow();
    win.CX_SVC_UI_EVENTS_FRAMEWORK = { uiEventsFramework: { initialize: () => new Promise(() => undefined) } };
    const h = startAdapter({ window: win, initTimeoutMs: 20 });
    const failed = await h.next('fusion.failed');
    expect(failed.code).toBe('UEF_INIT_TIMEOUT');
    h.stop();
  });
});

describe('when the UEF global is missing', () => {
  it('reports absent without loading anything when not framed', async () => {
    const win = { parent: undefined as unknown };
    win.parent = win;
    const loadScript = vi.fn(async () => undefined);
    const h = startAdapter({ window: win, loadScript });
    const absent = await h.next('fusion.absent');
    expect(absent.reason).toMatch(/not inside a Fusion frame/);
    expect(loadScript).not.toHaveBeenCalled();
    h.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    h.send({ type: 'fusion.cmd.respond', requestId: 'x', ok: true });
    await settle();
    expect(h.events).toEqual([absent]);
    h.stop();
  });

  it('loads config.uefScript with a 10 s limit when framed, then starts up', async () => {
    const uef = new FakeUef();
    const win = framedWindow();
    const loadScript = vi.fn(async () => {
      win.CX_SVC_UI_EVENTS_FRAMEWORK = uef.global;
    });
    const h = startAdapter({ window: win, loadScript }, { uefScript: 'http://127.0.0.1:4000/sim/uef-client.js' });
    h.send({ type: 'fusion.cmd.agentState', presence: 'available' });
    await h.next('fusion.ready');
    expect(loadScript).toHaveBeenCalledWith('http://127.0.0.1:4000/sim/uef-client.js', 10_000);
    await vi.waitFor(() => expect(uef.published('agentStateEventOperation')).toHaveLength(1));
    h.stop();
  });

  it('never loads a script from an origin outside the allow-list, even if the config names one', async () => {
    const loadScript = vi.fn(async () => undefined);
    const h = startAdapter({ window: framedWindow(), loadScript }, { uefScript: 'https://attacker.test/uef.js' });
    const absent = await h.next('fusion.absent');
    expect(absent.reason).toMatch(/not from an allowed origin/);
    expect(loadScript).not.toHaveBeenCalled();
    h.stop();
  });

  it('a framing page\'s ?uefScript= from another origin is refused: only the default is loaded', async () => {
    const { config, warnings } = parseConfig('?uefScript=https://attacker.test/uef.js');
    expect(warnings).toEqual([expect.stringMatching(/^uefScript: .*not from an allowed origin/)]);
    const uef = new FakeUef();
    const win = framedWindow();
    const loadScript = vi.fn(async () => {
      win.CX_SVC_UI_EVENTS_FRAMEWORK = uef.global;
    });
    const h = startAdapter({ window: win, loadScript }, config);
    await h.next('fusion.ready');
    expect(loadScript.mock.calls).toEqual([[DEFAULT_UEF_SCRIPT, 10_000]]);
    h.stop();
  });

  it('reports absent when the script fails to load or times out', async () => {
    const win = framedWindow();
    const h = startAdapter({ window: win, loadScript: async () => Promise.reject(new Error('timed out after 10000 ms')) });
    const absent = await h.next('fusion.absent');
    expect(absent.reason).toMatch(/timed out after 10000 ms/);
    h.stop();
  });

  it('reports absent when the script loads but defines no global', async () => {
    const h = startAdapter({ window: framedWindow(), loadScript: async () => undefined });
    const absent = await h.next('fusion.absent');
    expect(absent.reason).toMatch(/defined no CX_SVC_UI_EVENTS_FRAMEWORK/);
    h.stop();
  });
});
