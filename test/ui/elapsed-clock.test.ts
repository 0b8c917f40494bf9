/** Durations on the monotonic clock: a wall-clock jump neither stretches nor stalls them (issue 24, item 3). */
import { describe, expect, it } from 'vitest';
import { createElapsedClock } from '../../src/adapters/clock/elapsed';
import { MAX_RELOAD_GAP_MS, restoredSession } from '../../src/adapters/persistence/toolbar-part';
import type { SessionRecord } from '../../src/adapters/persistence/session-record';

function fakeClocks() {
  const t = { wall: 1_000_000, mono: 50 };
  return { t, clocks: { wall: () => t.wall, mono: () => t.mono }, pass: (ms: number) => ((t.wall += ms), (t.mono += ms)) };
}

describe('when the wall clock jumps after a stamp was seen', () => {
  it('the elapsed time follows the monotonic clock only', () => {
    const { t, clocks, pass } = fakeClocks();
    const clock = createElapsedClock(clocks);
    const since = t.wall - 2_000;
    expect(clock.elapsed(since)).toBe(2_000);
    pass(1_000);
    t.wall += 2 * 3_600_000;
    expect(clock.elapsed(since)).toBe(3_000);
    t.wall -= 3 * 3_600_000;
    pass(500);
    expect(clock.elapsed(since)).toBe(3_500);
  });

  it('a stamp ahead (a retry time) counts down, negative until it passes', () => {
    const { t, clocks, pass } = fakeClocks();
    const clock = createElapsedClock(clocks);
    const retryAt = t.wall + 4_000;
    expect(clock.elapsed(retryAt)).toBe(-4_000);
    t.wall += 3_600_000;
    pass(1_000);
    expect(clock.elapsed(retryAt)).toBe(-3_000);
  });

  it('rebases a stamp onto the jumped wall clock, and keeps it still under a second of drift', () => {
    const { t, clocks, pass } = fakeClocks();
    const clock = createElapsedClock(clocks);
    const since = t.wall - 2_000;
    expect(clock.rebased(since)).toBe(since);
    t.wall += 400; // drift, not a jump
    expect(clock.rebased(since)).toBe(since);
    t.wall += 2 * 3_600_000;
    pass(1_000);
    const moved = clock.rebased(since);
    expect(t.wall - moved).toBe(3_000);
    expect(clock.rebased(since)).toBe(moved);
  });
});

describe('a call restored after a reload', () => {
  const record = (savedAt: number): SessionRecord => ({
    v: 2, agentId: 'a', savedAt, presence: 'available', engagements: [], seenEventIds: [],
    calls: [{ key: 'call:conn:c1', connectionIds: ['c1'], eventId: 'e', direction: 'inbound', number: '1', state: 'established', since: savedAt - 30_000, offered: true, started: true }],
  });

  it('keeps its saved start when the reload took a plausible time', () => {
    expect(restoredSession(record(1_000_000), 1_000_000 + 2_000).calls[0]?.since).toBe(1_000_000 - 30_000);
  });

  it.each([
    ['forward', 2 * 3_600_000],
    ['back', -3_600_000],
    ['just past the bound', MAX_RELOAD_GAP_MS + 1],
  ])('does not trust a clock that jumped %s between the save and the reload: it shows what was saved', (_name, gap) => {
    const now = 1_000_000 + gap;
    expect(now - restoredSession(record(1_000_000), now).calls[0]!.since).toBe(30_000);
  });
});
