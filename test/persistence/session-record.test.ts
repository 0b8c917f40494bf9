/** The reload record: versioned, validated, written only on change, never containing timers or pending commands. */
import { describe, expect, it } from 'vitest';
import { createSessionRecorder, parseRecord, recordKey, RECORD_VERSION, type RecordCall } from '../../src/adapters/persistence/session-record';
import { restoredSession, toolbarPart } from '../../src/adapters/persistence/toolbar-part';
import { createDriver } from '../support/driver';

class MemoryStorage {
  readonly items = new Map<string, string>();
  writes = 0;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.writes += 1;
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const call: RecordCall = {
  key: 'c1', connectionIds: ['c1'], eventId: 'ev', direction: 'inbound', number: '+15551230000',
  state: 'established', since: 5, offered: true, started: true,
};

describe('the record', () => {
  it('round-trips and is written only when something changed', () => {
    const storage = new MemoryStorage();
    const warnings: string[] = [];
    const recorder = createSessionRecorder(storage, 'agent-7', (w) => warnings.push(w), () => 1);
    recorder.setToolbar({ presence: 'available', calls: [call] });
    recorder.setToolbar({ presence: 'available', calls: [call] });
    recorder.setEngagements([{ eventId: 'ev', direction: 'inbound', number: '+15551230000', started: true, outData: { SVCMCA_CONTACT_NAME: 'Ada' } }]);
    expect(storage.writes).toBe(2);
    const { record, warning } = parseRecord(storage.getItem(recordKey('agent-7')), 'agent-7');
    expect(warning).toBeUndefined();
    expect(record).toMatchObject({ v: RECORD_VERSION, presence: 'available', calls: [call], engagements: [{ outData: { SVCMCA_CONTACT_NAME: 'Ada' } }] });
    expect(restoredSession(record!)).toEqual({ presence: 'available', calls: [call] });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another version', JSON.stringify({ v: 0, calls: [] }), /version 0/],
    ['a bad call', JSON.stringify({ v: RECORD_VERSION, agentId: 'a', savedAt: 1, presence: 'available', calls: [{ ...call, state: 'exploded' }], engagements: [] }), /invalid \(calls\.0\.state/],
    ['another agent', JSON.stringify({ v: RECORD_VERSION, agentId: 'b', savedAt: 1, presence: 'available', calls: [], engagements: [] }), /another agent/],
  ])('%s is ignored with one warning', (_name, text, warning) => {
    const parsed = parseRecord(text, 'a');
    expect(parsed.record).toBeNull();
    expect(parsed.warning).toMatch(warning);
  });

  it('a storage that throws is reported once and the toolbar goes on', () => {
    const warnings: string[] = [];
    const broken = { getItem: () => null, setItem: () => { throw new Error('quota'); }, removeItem: () => undefined };
    const recorder = createSessionRecorder(broken, 'a', (w) => warnings.push(w));
    recorder.setToolbar({ presence: 'available', calls: [call] });
    recorder.setToolbar({ presence: 'unavailable', calls: [call] });
    expect(warnings).toEqual([expect.stringMatching(/^PERSIST_FAILED/)]);
  });
});

describe('the statechart part', () => {
  it('keeps calls with their state and Fusion flags, never a dial Genesys has not named', () => {
    const d = createDriver();
    d.login();
    d.ring('c1').answer('c1').established('c1');
    d.ring('c2');
    d.genesys({ type: 'genesys.held', connectionId: 'c1' });
    d.send({ type: 'agent.dial', number: '+15550002222' });
    const part = toolbarPart(d.snapshot());
    expect(part.presence).toBe('available');
    expect(part.calls.map((c) => [c.connectionIds[0], c.state, c.offered, c.started])).toEqual([
      ['c1', 'held', true, true],
      ['c2', 'ringing', true, false],
    ]);
    // Nothing of timers or pending commands: only the record's fields.
    expect(Object.keys(part.calls[0]!).sort()).toEqual(['connectionIds', 'direction', 'eventId', 'key', 'number', 'offered', 'since', 'started', 'state']);
  });
});
