/** One owner tab: the lock decides; without Web Locks the tab works alone and says so. */
import { describe, expect, it } from 'vitest';
import { lockName, startTabOwner, type LockManagerLike, type Ownership } from '../../src/adapters/tabs/tab-owner';

/** A minimal in-memory Web Locks (exclusive, FIFO queue, ifAvailable, steal, signal) shared by "tabs". */
class FakeLocks {
  private holder: { release: () => void; reject: (e: unknown) => void } | null = null;
  private readonly queue: { grant: () => void }[] = [];

  manager(): LockManagerLike {
    return {
      request: (_name, options, callback) =>
        new Promise((resolve, reject) => {
          const grant = (): void => {
            let done = false;
            const release = (): void => {
              if (done) return;
              done = true;
              this.holder = null;
              this.queue.shift()?.grant();
            };
            this.holder = { release, reject: (e) => { release(); reject(e); } };
            Promise.resolve(callback({ name: _name })).then((value) => { release(); resolve(value); }, reject);
          };
          if (options.steal) {
            this.holder?.reject(new DOMException('stolen', 'AbortError'));
            grant();
          } else if (this.holder === null) grant();
          else if (options.ifAvailable) Promise.resolve(callback(null)).then(resolve, reject);
          else {
            const entry = { grant };
            this.queue.push(entry);
            options.signal?.addEventListener('abort', () => {
              const index = this.queue.indexOf(entry);
              if (index >= 0) this.queue.splice(index, 1);
              reject(new DOMException('aborted', 'AbortError'));
            });
          }
        }),
    };
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function tab(locks: FakeLocks | undefined) {
  const states: Ownership[] = [];
  const logs: string[] = [];
  const owner = startTabOwner({ locks: locks?.manager(), name: lockName('agent-1'), onChange: (s) => states.push(s), log: (_l, code) => logs.push(code) });
  return { owner, states, logs };
}

describe('tab ownership', () => {
  it('the first tab owns, the second follows; Use here moves it; when the owner goes the other takes over', async () => {
    const locks = new FakeLocks();
    const a = tab(locks);
    await tick();
    const b = tab(locks);
    await tick();
    expect(a.states).toEqual(['owner']);
    expect(b.states).toEqual(['follower']);
    b.owner.takeOver();
    await tick();
    expect(b.states).toEqual(['follower', 'owner']);
    expect(a.states).toEqual(['owner', 'follower']);
    b.owner.stop(); // the owner tab closes
    await tick();
    expect(a.states).toEqual(['owner', 'follower', 'owner']);
  });

  it('without Web Locks the tab works alone and says so', () => {
    const alone = tab(undefined);
    expect(alone.states).toEqual(['owner']);
    expect(alone.logs).toContain('TAB_ALONE');
  });

  it('the lock name includes the agent id', () => {
    expect(lockName('agent-9')).toContain('agent-9');
  });
});
