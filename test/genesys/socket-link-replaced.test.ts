// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocketConstructor } from '../../src/adapters/genesys';
import { resolveDeps } from '../../src/adapters/genesys/resolve-deps';
import { closeReason, openSocketLink, type SocketLink } from '../../src/adapters/genesys/socket-link';
import { FakeWebSocket } from './fake-socket';

let link: SocketLink | null = null;

function start() {
  const seen = { downs: 0, replaced: [] as { code: number; reason: string }[], logs: [] as string[] };
  const deps = resolveDeps({
    WebSocket: FakeWebSocket as unknown as WebSocketConstructor,
    random: () => 1,
    backoff: { baseMs: 100, capMs: 1_000, healthyMs: 10_000 },
    log: (_level, code) => void seen.logs.push(code),
    onlineEvents: null,
    probeMs: null,
  });
  link = openSocketLink('ws://svc/genesysWs', deps, {
    onOpen: () => undefined,
    onData: () => undefined,
    onDown: () => void seen.downs++,
    onReplaced: (info) => void seen.replaced.push(info),
  });
  return seen;
}

/** The open socket closed by the server with this code and reason. */
function closeFromServer(code: number, reason: string): void {
  const socket = FakeWebSocket.last;
  socket.readyState = 3;
  socket.onclose?.({ code, reason });
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.instances.length = 0;
});
afterEach(() => {
  link?.stop();
  link = null;
  vi.useRealTimers();
});

describe('when the bridge gives the socket to another toolbar of the agent', () => {
  it.each([
    [4000, 'replaced by a newer socket'],
    [4004, 'another session of the agent took over'],
  ])('close %i: says replaced with the reason, and never reconnects', (code, reason) => {
    const seen = start();
    FakeWebSocket.last.open();
    closeFromServer(code, reason);
    vi.advanceTimersByTime(60_000);
    expect(seen.replaced).toEqual([{ code, reason }]);
    expect(seen.downs).toBe(0);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(seen.logs).toContain('WS_REPLACED');
    expect(link?.isOpen).toBe(false);
  });
});

describe('when the socket closes for any other reason', () => {
  it.each([
    [1012, 'bridge restarting'],
    [1006, ''],
    [4001, 'signed out'],
  ])('close %i: reconnects with backoff, no replaced', (code, reason) => {
    const seen = start();
    FakeWebSocket.last.open();
    closeFromServer(code, reason);
    expect(seen.downs).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(seen.replaced).toEqual([]);
  });

  it('a 4004 before the socket ever opened is a failed connect, retried', () => {
    const seen = start();
    FakeWebSocket.last.fail(4004);
    vi.advanceTimersByTime(1_000);
    expect(seen.replaced).toEqual([]);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });
});

describe('the close reason the machine keeps', () => {
  it('is text, one line, at most 123 characters', () => {
    expect(closeReason('took\nover\u0000 ')).toBe('took over');
    expect(closeReason('x'.repeat(500))).toHaveLength(123);
    expect(closeReason(42)).toBe('');
    expect(closeReason(undefined)).toBe('');
  });
});
