// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ceilingFor, createBackoff, DEFAULT_BACKOFF, type WebSocketConstructor } from '../../src/adapters/genesys';
import type { GenesysEvent } from '../../src/machines/genesys.types';
import { FakeWebSocket } from './fake-socket';
import { startHarness, type Harness } from './harness';

type Disconnected = Extract<GenesysEvent, { type: 'genesys.disconnected' }>;

describe('createBackoff', () => {
  it('doubles from 0.5 s up to the 30 s cap (top of the jitter range)', () => {
    const backoff = createBackoff(DEFAULT_BACKOFF, () => 1);
    const delays = Array.from({ length: 9 }, () => backoff.next());
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoff.attempt).toBe(9);
  });

  it('jitters within [half, full] of each ceiling', () => {
    const low = createBackoff(DEFAULT_BACKOFF, () => 0);
    expect(Array.from({ length: 8 }, () => low.next())).toEqual([250, 500, 1000, 2000, 4000, 8000, 15000, 15000]);
    const mid = createBackoff(DEFAULT_BACKOFF, () => 0.5);
    expect(mid.next()).toBe(375);
  });

  it('resets to the first delay', () => {
    const backoff = createBackoff(DEFAULT_BACKOFF, () => 1);
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.attempt).toBe(0);
    expect(backoff.next()).toBe(500);
  });

  it('stays finite and capped after very many attempts', () => {
    expect(ceilingFor(10_000, DEFAULT_BACKOFF)).toBe(30_000);
    expect(ceilingFor(0, DEFAULT_BACKOFF)).toBe(500);
  });
});

describe('adapter reconnect timing (fake timers, fake socket)', () => {
  let online: EventTarget;
  let h: Harness;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeWebSocket.instances = [];
    online = new EventTarget();
  });
  afterEach(() => {
    h.stop();
    vi.useRealTimers();
  });

  function start(random = 1): void {
    h = startHarness({
      config: { genesysWs: 'ws://sim.invalid/genesysWs', agentId: 'timing' },
      deps: {
        WebSocket: FakeWebSocket as WebSocketConstructor,
        random: () => random,
        // Date is faked too, so the adapter's wall clock follows the fake timers.
        now: () => Date.now(),
        onlineEvents: online,
        backoff: DEFAULT_BACKOFF,
        sleepCheckMs: 5000,
      },
    });
  }
  const elapse = (ms: number): void => void vi.advanceTimersByTime(ms);
  const downs = (): Disconnected[] => h.events.filter((event): event is Disconnected => event.type === 'genesys.disconnected');

  it('connects to genesysWs with the agent query parameter', () => {
    start();
    expect(FakeWebSocket.last.url).toBe('ws://sim.invalid/genesysWs?agent=timing');
    FakeWebSocket.last.open();
    expect(h.events).toEqual([{ type: 'genesys.connected' }]);
  });

  it('retries after 0.5, 1, 2 … 30 s and never sooner', () => {
    start();
    const expected = [500, 1000, 2000, 4000, 8000, 16000, 30000, 30000];
    for (const [index, delay] of expected.entries()) {
      FakeWebSocket.last.fail();
      expect(downs().at(-1)).toMatchObject({ attempt: index + 1, retryInMs: delay });
      const count = FakeWebSocket.instances.length;
      elapse(delay - 1);
      expect(FakeWebSocket.instances.length).toBe(count);
      elapse(1);
      expect(FakeWebSocket.instances.length).toBe(count + 1);
    }
    expect(downs().at(-1)?.reason).toMatch(/connection failed \(code 1006, connect ECONNREFUSED\)/);
  });

  it('resets the backoff after a connection stayed healthy for 10 s, not before', () => {
    start();
    FakeWebSocket.last.fail();
    elapse(500);
    FakeWebSocket.last.fail();
    elapse(1000);
    FakeWebSocket.last.open();
    elapse(3000);
    FakeWebSocket.last.fail();
    expect(downs().at(-1)).toMatchObject({ attempt: 3, retryInMs: 2000 });
    elapse(2000);
    FakeWebSocket.last.open();
    elapse(10_000);
    FakeWebSocket.last.fail();
    expect(downs().at(-1)).toMatchObject({ attempt: 1, retryInMs: 500 });
  });

  it('a drop after a successful register retries within the first delay, however often it flaps', () => {
    start();
    for (let flap = 0; flap < 6; flap += 1) {
      FakeWebSocket.last.open();
      FakeWebSocket.last.receive(JSON.stringify({ eventName: 'EventRegistered' }));
      elapse(2000); // a link that drops every 2 s
      FakeWebSocket.last.fail();
      expect(downs().at(-1)).toMatchObject({ attempt: 1, retryInMs: 500 });
      elapse(500);
    }
    // Connecting now fails: only then does the backoff grow.
    FakeWebSocket.last.fail();
    expect(downs().at(-1)).toMatchObject({ attempt: 2, retryInMs: 1000 });
    elapse(1000);
    FakeWebSocket.last.fail();
    expect(downs().at(-1)).toMatchObject({ attempt: 3, retryInMs: 2000 });
  });

  it('a socket that opens but never registers keeps growing the backoff', () => {
    start();
    for (const expected of [500, 1000, 2000, 4000]) {
      FakeWebSocket.last.open();
      FakeWebSocket.last.fail();
      expect(downs().at(-1)?.retryInMs).toBe(expected);
      elapse(expected);
    }
  });

  it('retries at once when the browser comes back online', () => {
    start();
    for (let i = 0; i < 7; i += 1) {
      FakeWebSocket.last.fail();
      elapse(downs().at(-1)!.retryInMs);
    }
    FakeWebSocket.last.fail();
    expect(downs().at(-1)?.retryInMs).toBe(30_000);
    const count = FakeWebSocket.instances.length;
    online.dispatchEvent(new Event('online'));
    expect(FakeWebSocket.instances.length).toBe(count + 1);
    // The skipped timer must not fire a second connection later.
    elapse(30_000);
    expect(FakeWebSocket.instances.length).toBe(count + 1);
  });

  it('ignores online while connected', () => {
    start();
    FakeWebSocket.last.open();
    online.dispatchEvent(new Event('online'));
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('retries at once after a wall-clock jump (laptop sleep)', () => {
    start();
    for (let i = 0; i < 6; i += 1) {
      FakeWebSocket.last.fail();
      elapse(downs().at(-1)!.retryInMs);
    }
    FakeWebSocket.last.fail();
    const count = FakeWebSocket.instances.length;
    elapse(4000);
    expect(FakeWebSocket.instances.length).toBe(count);
    vi.setSystemTime(Date.now() + 120_000); // asleep: the wall clock moves, timers do not
    vi.advanceTimersByTime(5000); // the next sleep-check tick sees the jump
    expect(FakeWebSocket.instances.length).toBe(count + 1);
  });

  it('after a wall-clock jump, an open socket (maybe half-open) is dropped and reopened', () => {
    start();
    const first = FakeWebSocket.last;
    first.open();
    vi.setSystemTime(Date.now() + 120_000);
    vi.advanceTimersByTime(5000);
    expect(first.closedWith).toEqual({ code: 4000, reason: 'reopening after sleep' });
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(downs().at(-1)).toMatchObject({ retryInMs: 0 });
    FakeWebSocket.last.open();
    expect(h.events.filter((e) => e.type === 'genesys.connected')).toHaveLength(2);
    // The old socket is silent from now on.
    first.receive(JSON.stringify({ eventName: 'EventRegistered' }));
    expect(h.events.at(-1)).toEqual({ type: 'genesys.connected' });
  });

  it('cleans up on stop: socket closed, timers cancelled, listener removed, nothing sent after', () => {
    const remove = vi.spyOn(online, 'removeEventListener');
    start();
    const socket = FakeWebSocket.last;
    socket.open();
    h.stop();
    expect(socket.closedWith).toEqual({ code: 1000, reason: 'toolbar stopped' });
    expect(vi.getTimerCount()).toBe(0);
    expect(remove).toHaveBeenCalledWith('online', expect.any(Function));
    socket.receive(JSON.stringify({ eventName: 'EventRegistered' }));
    expect(h.events).toEqual([{ type: 'genesys.connected' }]);
  });

  it('cleans up while waiting to retry', () => {
    start();
    FakeWebSocket.last.fail();
    h.stop();
    expect(vi.getTimerCount()).toBe(0);
    elapse(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});
