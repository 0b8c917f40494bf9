// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveDeps } from '../../src/adapters/genesys/resolve-deps';
import { openSocketLink } from '../../src/adapters/genesys/socket-link';
import type { WebSocketConstructor } from '../../src/adapters/genesys';
import { FakeWebSocket } from './fake-socket';

/** A service that is down until `up` is set; the probe's HEAD fails while down. */
function service() {
  const state = { up: false, probes: 0, at: [] as number[] };
  const fetch = (async () => {
    state.probes += 1;
    state.at.push(Date.now());
    if (!state.up) throw new TypeError('fetch failed');
    return new Response(null, { status: 404 });
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

function link(fetch: typeof globalThis.fetch) {
  const downs: number[] = [];
  const logged: { level: string; code: string }[] = [];
  const deps = resolveDeps({
    WebSocket: FakeWebSocket as unknown as WebSocketConstructor,
    fetch,
    random: () => 1,
    log: (level, code) => void logged.push({ level, code }),
    onlineEvents: null,
  });
  const handle = openSocketLink('ws://svc/genesysWs', deps, { onOpen: () => undefined, onData: () => undefined, onDown: (info) => downs.push(info.retryInMs) }, 'http://svc/genesys/events');
  return { handle, downs, logged };
}

/** Fails the socket until its retries reach the 30 s cap. */
async function failToCap(downs: number[]): Promise<void> {
  for (let i = 0; i < 7; i++) {
    FakeWebSocket.last.fail();
    await vi.advanceTimersByTimeAsync(downs.at(-1)! + 1);
  }
  FakeWebSocket.last.fail();
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
    await failToCap(downs);
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

  it('backs off while the service stays down, towards a period that still brings it back within 1 s', async () => {
    const svc = service();
    const { handle, downs } = link(svc.fetch);
    await failToCap(downs);
    svc.state.at = [];
    await vi.advanceTimersByTimeAsync(10_000);
    const gaps = svc.state.at.slice(1).map((time, i) => time - svc.state.at[i]!);
    // 0.9 s (the configured range, random = 1), then 0.95 s: fewer failed requests, never slower than that.
    expect(gaps[0]).toBe(950);
    expect(new Set(gaps)).toEqual(new Set([950]));
    handle.stop();
  });

  it('does not probe while the socket retries within a second by itself', async () => {
    const svc = service();
    const { handle, downs } = link(svc.fetch);
    FakeWebSocket.last.fail();
    await vi.advanceTimersByTimeAsync(downs.at(-1)! + 1);
    // Second failure: the socket retries in 1 s, so a probe could not bring it back sooner.
    FakeWebSocket.last.fail();
    expect(downs.at(-1)).toBe(1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(svc.state.probes).toBe(0);
    handle.stop();
  });

  it('logs a reconnect warning once per backoff step, not per try at the cap', async () => {
    const svc = service();
    const { handle, downs, logged } = link(svc.fetch);
    await failToCap(downs);
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(30_001);
      FakeWebSocket.last.fail();
    }
    const down = logged.filter((entry) => entry.code === 'WS_DOWN');
    expect(down).toHaveLength(11);
    // 0.5, 1, 2, 4, 8, 16 and 30 s: one warning each; the tries at 30 s after the first go to the flight log only.
    expect(down.filter((entry) => entry.level === 'warn')).toHaveLength(7);
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
