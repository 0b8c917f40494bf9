import { describe, expect, it, vi } from 'vitest';
import { createPreferenceStore, DEFAULT_PREFERENCES, PREFERENCES_KEY } from '../../src/adapters/alerts/preferences';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), data };
}

describe('alert preferences (per browser)', () => {
  it('start from the defaults: tone and notification off, title on', () => {
    expect(createPreferenceStore(memoryStorage()).get()).toEqual({ ringTone: false, notify: false, title: true });
  });

  it('remember what the agent set, and tell subscribers', () => {
    const storage = memoryStorage();
    const store = createPreferenceStore(storage);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set({ ringTone: true });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(createPreferenceStore(storage).get()).toEqual({ ...DEFAULT_PREFERENCES, ringTone: true });
  });

  it('ignore what is not theirs: broken JSON, wrong types, a storage that throws', () => {
    expect(createPreferenceStore(memoryStorage({ [PREFERENCES_KEY]: '{nope' })).get()).toEqual(DEFAULT_PREFERENCES);
    expect(createPreferenceStore(memoryStorage({ [PREFERENCES_KEY]: '{"ringTone":"yes","title":false,"__proto__":{"notify":true}}' })).get()).toEqual({
      ringTone: false,
      notify: false,
      title: false,
    });
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    const store = createPreferenceStore(throwing);
    expect(store.get()).toEqual(DEFAULT_PREFERENCES);
    store.set({ notify: true });
    expect(store.get().notify).toBe(true);
  });

  it('follow a change made in another tab', () => {
    const handlers: ((event: StorageEvent) => void)[] = [];
    const events = { addEventListener: (_type: string, handler: (event: StorageEvent) => void) => void handlers.push(handler) };
    const store = createPreferenceStore(memoryStorage(), events as unknown as Window);
    handlers.forEach((handler) => handler({ key: PREFERENCES_KEY, newValue: '{"ringTone":true}' } as StorageEvent));
    expect(store.get().ringTone).toBe(true);
  });
});
