import type { Clock } from './types';

const WINDOW_MS = 60_000;
/** Usernames remembered at once; past it the oldest are forgotten, so a flood of names cannot grow the map. */
const MAX_NAMES = 10_000;

/** Sign-in attempts per username in a sliding minute; refused attempts are not counted. */
export class SignInThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly now: Clock,
  ) {}

  /** True when this attempt may go to GWS (and counts it). */
  admit(username: string): boolean {
    const key = username.toLowerCase();
    const now = this.now();
    const recent = (this.attempts.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return false;
    }
    recent.push(now);
    // Re-inserted so the Map's order is least recently tried first.
    this.attempts.delete(key);
    this.attempts.set(key, recent);
    if (this.attempts.size > MAX_NAMES) this.forgetOldest();
    return true;
  }

  /** Drops names whose attempts are all older than the window. */
  sweep(): void {
    const now = this.now();
    for (const [key, times] of this.attempts) if (times.every((at) => now - at >= WINDOW_MS)) this.attempts.delete(key);
  }

  private forgetOldest(): void {
    const oldest = this.attempts.keys().next();
    if (!oldest.done) this.attempts.delete(oldest.value);
  }
}

/** A token bucket: `perSecond` sustained, `burst` at once; one per bridge session. */
export class RateBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: Clock,
  ) {
    this.tokens = burst;
    this.at = now();
  }

  /** True when one more request may go now (and takes it). */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
