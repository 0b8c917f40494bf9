/**
 * Durations from wall-clock stamps, measured on the monotonic clock. The statechart stamps a
 * phase with `Date.now()`; the first time a stamp is seen its wall-clock age is taken once, and
 * from then on only `performance.now()` moves it, so a wall-clock jump (NTP, the agent setting
 * the time, a VM resuming) neither leaps nor stalls a call's or a wrap-up's timer.
 */

export interface Clocks {
  wall(): number;
  mono(): number;
}

export interface ElapsedClock {
  /** ms since the wall-clock stamp `stamp` (negative for a stamp still ahead, e.g. a retry time). */
  elapsed(stamp: number): number;
  /** `stamp` on the wall clock as it reads now: moved only once a jump of more than a second shows. */
  rebased(stamp: number): number;
}

/** Stamps remembered at once; the oldest go first (a shift's calls need a few dozen). */
const MAX_STAMPS = 512;
/** Drift between the two clocks below this is not a jump. */
const JUMP_MS = 1_000;

const SYSTEM: Clocks = { wall: () => Date.now(), mono: () => performance.now() };

export function createElapsedClock(clocks: Clocks = SYSTEM): ElapsedClock {
  /** stamp → the monotonic time at which the wall clock read `stamp`. */
  const anchors = new Map<number, number>();
  /** stamp → the rebased value last given, so small drift never changes it. */
  const rebasedTo = new Map<number, number>();

  function anchor(stamp: number): number {
    let at = anchors.get(stamp);
    if (at === undefined) {
      at = clocks.mono() - (clocks.wall() - stamp);
      anchors.set(stamp, at);
      if (anchors.size > MAX_STAMPS) {
        const oldest = anchors.keys().next().value as number;
        anchors.delete(oldest);
        rebasedTo.delete(oldest);
      }
    }
    return at;
  }

  return {
    elapsed: (stamp) => clocks.mono() - anchor(stamp),
    rebased(stamp) {
      const now = Math.round(clocks.wall() - (clocks.mono() - anchor(stamp)));
      const last = rebasedTo.get(stamp) ?? stamp;
      if (Math.abs(now - last) <= JUMP_MS) return last;
      rebasedTo.set(stamp, now);
      return now;
    },
  };
}

/** The one clock the UI's timers and the reload record share. */
export const elapsedClock: ElapsedClock = createElapsedClock();
