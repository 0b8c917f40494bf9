// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveDeps } from '../../src/adapters/genesys/resolve-deps';
import { openSocketLink } from '../../src/adapters/genesys/socket-link';
import type { WebSocketConstructor } from '../../src/adapters/genesys';
import { FakeWebSocket } from './fake-socket';

/** A service that is down until `up` is set; the probe's HEAD fails while down. */
function service() {
  const state = { up: false, probes: 0 };
  const fetch = (async () => {
    state.probes += 1;
    if (!state.up) throw new TypeError('fetch failed');
    return new Response(null, { status: 404 });
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

function link(fetch: typeof globalThis.fetch) {
  const downs: number[] = [];
  const deps = resolveDeps({
    WebSocket: FakeWebSocket as unknown as WebSocketConstructor,
    fetch,
    random: () => 1,
    log: () => undefined,
    onlineEvents: null,
  });
  const handle = openSocketLink('ws://svc/genesysWs', deps, { onOpen: () => undefined, onData: () => undefined, onDown: (info) => downs.push(info.retryInMs) }, 'http://svc/genesys/events');
  return { handle, downs };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.instances = [];
});
afterEach(() => vi.useRealTimers());

describe('while backing off, the reachability probe', () => {
  it('retries within a probe period once a down service answers again, instead of waiting out 30 s', async () => {
    const svc = service();
    const { handle, downs } = link(svc.fetch);
    // Fail enough times to reach long backoff delays.
    for (let i = 0; i < 7; i++) {
      FakeWebSocket.last.fail();
      await vi.advanceTimersByTimeAsync(downs.at(-1)! + 1);
    }
    FakeWebSocket.last.fail();
    expect(downs.at(-1)).toBe(30_000);
    const attempts = FakeWebSocket.instances.length;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeWebSocket.instances.length).toBe(attempts);
    svc.state.up = true;
    await vi.advanceTimersByTimeAsync(950);
    expect(FakeWebSocket.instances.length).toBe(attempts + 1);
    handle.stop();
  });

  it('does not turn a service that is up but refuses the socket into a retry storm', async () => {
    const svc = service();
    svc.state.up = true;
    // Every socket is refused right away, while HTTP answers: the probe sees the service up.
    class Refused extends FakeWebSocket {
      constructor(url: string) {
        super(url);
        setTimeout(() => this.fail(), 0);
      }
    }
    const deps = resolveDeps({ WebSocket: Refused as unknown as WebSocketConstructor, fetch: svc.fetch, random: () => 1, log: () => undefined, onlineEvents: null });
    const handle = openSocketLink('ws://svc/genesysWs', deps, { onOpen: () => undefined, onData: () => undefined, onDown: () => undefined }, 'http://svc/genesys/events');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    // Plain backoff makes ~25 attempts in 10 minutes; the probe may add one per cycle at most, never one a second.
    expect(FakeWebSocket.instances.length).toBeGreaterThan(20);
    expect(FakeWebSocket.instances.length).toBeLessThanOrEqual(50);
    handle.stop();
  });

  it('stops probing when the link stops', async () => {
    const svc = service();
    const { handle } = link(svc.fetch);
    FakeWebSocket.last.fail();
    await vi.advanceTimersByTimeAsync(600);
    FakeWebSocket.last.fail();
    handle.stop();
    const probes = svc.state.probes;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(svc.state.probes).toBe(probes);
  });
});
