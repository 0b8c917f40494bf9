// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocketConstructor } from '../../src/adapters/genesys';
import { DEFAULT_COMMAND_TYPES } from '../../src/config';
import type { GenesysCommand } from '../../src/machines/genesys.types';
import { FakeWebSocket } from './fake-socket';
import { startHarness, type Harness } from './harness';

interface Sent {
  url: string;
  body: Record<string, unknown>;
  signal: AbortSignal;
}

let sent: Sent[];
let answer: () => Promise<Response>;
let h: Harness;

const fakeFetch: typeof fetch = async (input, init) => {
  sent.push({ url: String(input), body: JSON.parse(String(init?.body)) as Record<string, unknown>, signal: init!.signal! });
  return answer();
};

function start(config: { agentId?: string; dn?: string } = { agentId: 'a1', dn: '7001' }): void {
  h = startHarness({
    config: { genesysWs: 'ws://sim.invalid/genesysWs', genesysRest: 'http://sim.invalid/genesys/events', ...config },
    deps: { WebSocket: FakeWebSocket as WebSocketConstructor, fetch: fakeFetch, onlineEvents: null },
  });
  FakeWebSocket.last.open();
}

beforeEach(() => {
  sent = [];
  FakeWebSocket.instances = [];
  answer = async () => Response.json({ status: 'Success' });
});
afterEach(() => h.stop());

describe('command POST bodies', () => {
  it.each<[GenesysCommand, Record<string, unknown>]>([
    [{ type: 'genesys.cmd.register' }, { type: 'initialize' }],
    [{ type: 'genesys.cmd.ready' }, { type: 'Ready' }],
    [{ type: 'genesys.cmd.notReady', reason: 'Lunch' }, { type: 'NotReady', reason: 'Lunch' }],
    [{ type: 'genesys.cmd.notReady' }, { type: 'NotReady' }],
    [{ type: 'genesys.cmd.logout' }, { type: 'Logout' }],
    [{ type: 'genesys.cmd.accept', connectionId: 'c1', eventId: 'e1' }, { type: 'Accept', connectionId: 'c1', eventId: 'e1' }],
    [{ type: 'genesys.cmd.reject', connectionId: 'c1', eventId: 'e1' }, { type: 'Reject', connectionId: 'c1', eventId: 'e1' }],
    [{ type: 'genesys.cmd.hangup', connectionId: 'c1', eventId: 'e1' }, { type: 'Hangup', connectionId: 'c1', eventId: 'e1' }],
    [{ type: 'genesys.cmd.hold', connectionId: 'c1', eventId: 'e1' }, { type: 'Hold', connectionId: 'c1', eventId: 'e1' }],
    [{ type: 'genesys.cmd.retrieve', connectionId: 'c1', eventId: 'e1' }, { type: 'Retrieve', connectionId: 'c1', eventId: 'e1' }],
    [{ type: 'genesys.cmd.makeCall', number: '+1555', eventId: 'u1' }, { type: 'MakeCall', toNumber: '+1555', connectionId: 'u1', eventId: 'u1' }],
  ])('%j → %j plus agentId and dn', async (command, expected) => {
    start();
    h.send(command);
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.url).toBe('http://sim.invalid/genesys/events');
    expect(sent[0]!.body).toEqual({ ...expected, agentId: 'a1', dn: '7001' });
  });

  it('leaves out agentId and dn when not configured, and uses configured type names', async () => {
    h = startHarness({
      config: {
        genesysWs: 'ws://sim.invalid/genesysWs',
        commandTypes: { ...DEFAULT_COMMAND_TYPES, makeCall: 'makeCall' },
      },
      deps: { WebSocket: FakeWebSocket as WebSocketConstructor, fetch: fakeFetch, onlineEvents: null },
    });
    expect(FakeWebSocket.last.url).toBe('ws://sim.invalid/genesysWs');
    FakeWebSocket.last.open();
    h.send({ type: 'genesys.cmd.makeCall', number: '1', eventId: 'u' });
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.body).toEqual({ type: 'makeCall', toNumber: '1', connectionId: 'u', eventId: 'u' });
  });
});

describe('command answers', () => {
  it('an empty 2xx body counts as success', async () => {
    answer = async () => new Response(null, { status: 204 });
    start();
    h.send({ type: 'genesys.cmd.ready' });
    await expect.poll(() => sent.length).toBe(1);
    await h.expectNone('genesys.commandFailed', 20);
  });

  it('a 2xx body that is not JSON → REST_STATUS', async () => {
    answer = async () => new Response('<html>proxy login</html>', { status: 200 });
    start();
    h.send({ type: 'genesys.cmd.ready' });
    const failed = await h.next('genesys.commandFailed');
    expect(failed.code).toBe('REST_STATUS');
    expect(failed.message).toContain('not JSON');
  });

  it('status is compared case-insensitively ("success" is fine)', async () => {
    answer = async () => Response.json({ status: 'success' });
    start();
    h.send({ type: 'genesys.cmd.ready' });
    await expect.poll(() => sent.length).toBe(1);
    await h.expectNone('genesys.commandFailed', 20);
  });

  it('stopping the actor aborts POSTs in flight and reports nothing', async () => {
    answer = () => new Promise<Response>(() => undefined);
    start();
    h.send({ type: 'genesys.cmd.accept', connectionId: 'c', eventId: 'e' });
    await expect.poll(() => sent.length).toBe(1);
    h.stop();
    expect(sent[0]!.signal.aborted).toBe(true);
    await h.expectNone('genesys.commandFailed', 20);
  });
});

describe('without a WebSocket implementation', () => {
  it('fails the actor with a clear error and leaves no timer behind', () => {
    vi.useFakeTimers();
    const original = (globalThis as { WebSocket?: unknown }).WebSocket;
    delete (globalThis as { WebSocket?: unknown }).WebSocket;
    try {
      h = startHarness({ config: {}, deps: { WebSocket: undefined, onlineEvents: null } });
      const [failure] = h.events as { type: string; error?: Error }[];
      expect(failure?.type).toBe('xstate.error.actor.genesys');
      expect(failure?.error?.message).toMatch(/No WebSocket implementation/);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      if (original !== undefined) (globalThis as { WebSocket?: unknown }).WebSocket = original;
      vi.useRealTimers();
    }
  });
});
