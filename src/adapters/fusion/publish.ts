/**
 * Publishing with a watchdog, and per-call ordering.
 * Some live UEF publishes never settle (protocol.md 5.7): nothing may wait on one forever.
 */
import { describeError } from './responses';

export type PublishOutcome =
  | { ok: true; response: unknown }
  | { ok: false; code: 'UEF_TIMEOUT' | 'UEF_REJECTED'; message: string };

/**
 * Settles with the publish's result, or with UEF_TIMEOUT after `ms`. `onLate` receives a
 * response that arrives after the watchdog fired, so late outData is not lost.
 */
export function withWatchdog(
  publish: () => Promise<unknown>,
  ms: number,
  onLate?: (response: unknown) => void,
): Promise<PublishOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: PublishOutcome): void => {
      if (settled) {
        if (outcome.ok) onLate?.(outcome.response);
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(publish());
    } catch (error) {
      // A synchronous throw (bad request object) counts as a rejection.
      pending = Promise.reject(error);
    }
    // Armed right after the publish call, so the publish does not wait on timer bookkeeping.
    timer = setTimeout(() => {
      settled = true;
      resolve({ ok: false, code: 'UEF_TIMEOUT', message: `no answer from UEF in ${ms} ms` });
    }, ms);
    pending.then(
      (response) => finish({ ok: true, response }),
      (reason: unknown) => finish({ ok: false, code: 'UEF_REJECTED', message: describeError(reason) }),
    );
  });
}

function startNow(task: () => Promise<void>): Promise<void> {
  try {
    return task();
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Runs tasks one after another per key (a call's eventId), so newCommEvent's outData is
 * stored before startCommEvent or closeCommEvent reads it. Idle keys are dropped.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /**
   * `now`: when nothing of this key is queued, start the task in this tick instead of a microtask
   * later, so work that can wait (a render scheduled meanwhile) does not run before it.
   */
  enqueue(key: string, task: () => Promise<void>, now = false): Promise<void> {
    const previous = this.tails.get(key);
    const next = (now && previous === undefined ? startNow(task) : (previous ?? Promise.resolve()).then(task)).catch(() => undefined);
    this.tails.set(key, next);
    void next.then(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    });
    return next;
  }

  /** Settles once everything queued now has run (a tab hand-over waits for its closes). */
  async idle(): Promise<void> {
    await Promise.all(this.tails.values());
  }

  /** Keys with work queued or running (for leak checks). */
  get size(): number {
    return this.tails.size;
  }
}
