/**
 * One toolbar per agent per browser owns the Genesys socket and UEF: a Web Lock (name includes
 * the agent id) decides. The owner holds the lock for its life (closing the tab releases it); the
 * others queue for it, so when the owner goes the next one takes over at once. "Use here" steals it.
 * Without Web Locks the tab works alone, and says so.
 */

export type Ownership = 'owner' | 'follower';

/** The subset of `navigator.locks` used. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

export interface TabOwner {
  readonly state: Ownership | null;
  /** Take the toolbar over from the tab that owns it now ("Use here"). */
  takeOver(): void;
  /** Give the lock back and stop queueing (tests, page hide). */
  stop(): void;
}

export interface TabOwnerOptions {
  locks: LockManagerLike | undefined;
  /** The lock name; includes the agent id. */
  name: string;
  onChange(state: Ownership): void;
  log(level: 'info' | 'warn', code: string, message: string): void;
}

export function lockName(agentId: string): string {
  return `fusion-genesys-toolbar:owner:${agentId || 'default'}`;
}

export function startTabOwner(options: TabOwnerOptions): TabOwner {
  const { locks, name, onChange, log } = options;
  let state: Ownership | null = null;
  let stopped = false;
  let release: (() => void) | null = null;
  let waiting: AbortController | null = null;

  const become = (next: Ownership): void => {
    if (stopped || state === next) return;
    state = next;
    log('info', next === 'owner' ? 'TAB_OWNER' : 'TAB_FOLLOWER', next === 'owner' ? 'this tab owns the toolbar' : 'the toolbar is active in another tab');
    onChange(next);
  };

  if (!locks) {
    log('warn', 'TAB_ALONE', 'Web Locks are not available: this tab works alone (another tab may open a second connection)');
    become('owner');
    return { get state() { return state; }, takeOver: () => undefined, stop: () => { stopped = true; } };
  }
  const manager = locks;

  /** Holds the lock until released or stolen. */
  function hold(): Promise<void> {
    become('owner');
    return new Promise<void>((resolve) => {
      release = resolve;
    });
  }

  /** The lock was taken from us ("Use here" in another tab): follow, and queue to own it again. */
  function lost(): void {
    release = null;
    if (stopped) return;
    become('follower');
    queue();
  }

  function queue(): void {
    waiting?.abort();
    const controller = new AbortController();
    waiting = controller;
    manager.request(name, { signal: controller.signal }, () => {
      if (waiting === controller) waiting = null;
      return hold();
    }).catch(() => {
      if (!controller.signal.aborted) lost();
    });
  }

  let granted = false;
  manager.request(name, { ifAvailable: true }, (lock) => {
    granted = true;
    if (lock !== null) return hold();
    become('follower');
    queue();
    return undefined;
  }).catch((error: unknown) => {
    // Held, then stolen ("Use here" elsewhere): follow. Refused outright: work alone.
    if (granted) return lost();
    log('warn', 'TAB_LOCK_FAILED', `Web Lock request failed (${String(error)}): this tab works alone`);
    become('owner');
  });

  return {
    get state() {
      return state;
    },
    takeOver() {
      if (stopped || state === 'owner') return;
      waiting?.abort();
      waiting = null;
      manager.request(name, { steal: true }, () => hold()).catch(() => lost());
    },
    stop() {
      stopped = true;
      waiting?.abort();
      release?.();
    },
  };
}
