/** A storage that refuses writes (quota, private mode): retried, never stale, said once (issue 24, item 1). */
import { describe, expect, it } from 'vitest';
import { createSessionRecorder, parseRecord, recordKey, type RecordCall, type UnsavedNotice } from '../../src/adapters/persistence/session-record';
import { restoredSession } from '../../src/adapters/persistence/toolbar-part';
import { createDriver } from '../support/driver';

/** A Map storage whose setItem throws QuotaExceededError while `refuse(value)` says so. */
class RefusingStorage {
  readonly items = new Map<string, string>();
  refuse: (value: string) => boolean = () => false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuse(value)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const callOf = (id: string): RecordCall => ({
  key: id, connectionIds: [id], eventId: `ev-${id}`, direction: 'inbound', number: '+15551230000',
  state: 'established', since: 5, offered: true, started: true,
});

function recorderOn(storage: RefusingStorage) {
  const warnings: string[] = [];
  const unsaved: UnsavedNotice[] = [];
  const recorder = createSessionRecorder(storage, 'a', (w) => warnings.push(w), () => 1, undefined, undefined, (n) => unsaved.push(n));
  const saved = () => parseRecord(storage.getItem(recordKey('a')), 'a').record;
  return { recorder, warnings, unsaved, saved };
}

describe('when one write is refused', () => {
  it('the next change is written, and a call that ended is gone from the record', () => {
    const storage = new RefusingStorage();
    const { recorder, saved } = recorderOn(storage);
    recorder.setToolbar({ presence: 'available', calls: [callOf('A')], seenEventIds: ['ev-A'] });
    let refusals = 2; // the whole record and its trimmed form
    storage.refuse = () => refusals-- > 0;
    recorder.setToolbar({ presence: 'available', calls: [callOf('A'), callOf('B')], seenEventIds: ['ev-A', 'ev-B'] });
    expect(saved()).toBeNull();
    recorder.setToolbar({ presence: 'available', calls: [callOf('B')], seenEventIds: ['ev-A', 'ev-B'] });
    expect(saved()?.calls.map((call) => call.key)).toEqual(['B']);
  });
});

describe('when the whole record does not fit', () => {
  it('is saved without the older seen eventIds, with one console warning and no notice', () => {
    const storage = new RefusingStorage();
    const { recorder, warnings, unsaved, saved } = recorderOn(storage);
    storage.refuse = (value) => value.length > 1_000;
    const seen = [...Array.from({ length: 100 }, (_, i) => `old-${i}`), 'ev-A'];
    recorder.setToolbar({ presence: 'available', calls: [callOf('A')], seenEventIds: seen });
    recorder.setToolbar({ presence: 'unavailable', calls: [callOf('A')], seenEventIds: seen });
    expect(saved()).toMatchObject({ presence: 'unavailable', calls: [callOf('A')], seenEventIds: ['ev-A'] });
    expect(warnings).toEqual([expect.stringMatching(/^PERSIST_TRIMMED/)]);
    expect(unsaved).toEqual([]);
  });
});

describe('when every write is refused', () => {
  it('the old record is removed (no ended call comes back) and the agent is told once', () => {
    const storage = new RefusingStorage();
    const { recorder, warnings, unsaved, saved } = recorderOn(storage);
    recorder.setToolbar({ presence: 'available', calls: [callOf('A')], seenEventIds: ['ev-A'] });
    expect(saved()?.calls).toHaveLength(1);
    storage.refuse = () => true;
    recorder.setToolbar({ presence: 'available', calls: [callOf('A'), callOf('B')], seenEventIds: ['ev-A', 'ev-B'] });
    recorder.setToolbar({ presence: 'available', calls: [callOf('B')], seenEventIds: ['ev-A', 'ev-B'] });
    expect(storage.items.size).toBe(0);
    expect(unsaved).toEqual([{ code: 'PERSIST_FAILED', detail: 'The quota has been exceeded.' }]);
    expect(warnings).toEqual([expect.stringMatching(/^PERSIST_FAILED/)]);
    // It works again: the next change is stored whole.
    storage.refuse = () => false;
    recorder.setToolbar({ presence: 'unavailable', calls: [callOf('B')], seenEventIds: ['ev-A', 'ev-B'] });
    expect(saved()?.calls.map((call) => call.key)).toEqual(['B']);
  });
});

describe('when the reload adapter says the calls are not saved', () => {
  it('the agent gets one coded notice in the toolbar', () => {
    const d = createDriver().login();
    d.send({ type: 'persistence.unsaved', code: 'PERSIST_FAILED', detail: 'The quota has been exceeded.' });
    expect(d.snapshot().context.notices.map((notice) => [notice.code, notice.detail])).toEqual([['PERSIST_FAILED', 'The quota has been exceeded.']]);
    d.stop();
  });
});

describe('a record whose calls Fusion never had', () => {
  it('restores them as never offered nor started, so nothing is closed in Fusion for them', () => {
    const storage = new RefusingStorage();
    const { recorder, saved } = recorderOn(storage);
    recorder.setToolbar({ presence: 'available', calls: [callOf('A'), callOf('B')], seenEventIds: [] });
    recorder.setEngagements([{ eventId: 'ev-A', direction: 'inbound', number: '+15551230000', started: true, outData: {} }]);
    const restored = restoredSession(saved()!, 1);
    expect(restored.calls.map((call) => [call.key, call.offered, call.started])).toEqual([
      ['A', true, true],
      ['B', false, false],
    ]);
  });
});
