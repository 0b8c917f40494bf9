/** The reload record: versioned, validated, written only on change, never containing timers or pending commands. */
import { describe, expect, it } from 'vitest';
import { afterNextPaint, openReloadRecord } from '../../src/adapters/persistence/reload';
import { createSessionRecorder, MAX_SAVED_EVENT_IDS, parseRecord, recordKey, RECORD_VERSION, type RecordCall } from '../../src/adapters/persistence/session-record';
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
    const seenEventIds = ['ev'];
    recorder.setToolbar({ presence: 'available', calls: [call], seenEventIds });
    recorder.setToolbar({ presence: 'available', calls: [call], seenEventIds });
    recorder.setEngagements([{ eventId: 'ev', direction: 'inbound', number: '+15551230000', started: true, outData: { SVCMCA_CONTACT_NAME: 'Ada' } }]);
    expect(storage.writes).toBe(2);
    const { record, warning } = parseRecord(storage.getItem(recordKey('agent-7')), 'agent-7');
    expect(warning).toBeUndefined();
    expect(record).toMatchObject({ v: RECORD_VERSION, presence: 'available', calls: [call], engagements: [{ outData: { SVCMCA_CONTACT_NAME: 'Ada' } }] });
    expect(restoredSession(record!, 1)).toEqual({ presence: 'available', calls: [call], seenEventIds: ['ev'] });
    expect(warnings).toEqual([]);
  });

  it('hands the tab mirror the very text it stored (one serialisation a write)', () => {
    const storage = new MemoryStorage();
    const mirrored: string[] = [];
    const recorder = createSessionRecorder(storage, 'a', () => undefined, () => 1, (_record, json) => mirrored.push(json));
    recorder.setToolbar({ presence: 'available', calls: [call], seenEventIds: ['ev'] });
    expect(mirrored).toEqual([storage.getItem(recordKey('a'))]);
    expect(parseRecord(mirrored[0]!, 'a').record).toMatchObject({ calls: [call], seenEventIds: ['ev'] });
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another version', JSON.stringify({ v: 0, calls: [] }), /version 0/],
    ['a bad call', JSON.stringify({ v: RECORD_VERSION, agentId: 'a', savedAt: 1, presence: 'available', calls: [{ ...call, state: 'exploded' }], engagements: [], seenEventIds: [] }), /invalid \(calls\.0\.state/],
    ['another agent', JSON.stringify({ v: RECORD_VERSION, agentId: 'b', savedAt: 1, presence: 'available', calls: [], engagements: [], seenEventIds: [] }), /another agent/],
  ])('%s is ignored with one warning', (_name, text, warning) => {
    const parsed = parseRecord(text, 'a');
    expect(parsed.record).toBeNull();
    expect(parsed.warning).toMatch(warning);
  });

  it('with a schedule, the changes made before its turn are one write; flush writes what waits', () => {
    const storage = new MemoryStorage();
    const turns: (() => void)[] = [];
    const recorder = createSessionRecorder(storage, 'a', () => undefined, () => 1, undefined, (flush) => turns.push(flush));
    recorder.setToolbar({ presence: 'available', calls: [], seenEventIds: [] });
    recorder.setToolbar({ presence: 'available', calls: [call], seenEventIds: [] });
    expect([storage.writes, turns.length]).toEqual([0, 1]);
    turns[0]!();
    expect(storage.writes).toBe(1);
    expect(parseRecord(storage.getItem(recordKey('a')), 'a').record?.calls).toEqual([call]);
    recorder.setToolbar({ presence: 'unavailable', calls: [call], seenEventIds: [] });
    recorder.flush();
    turns[1]!(); // nothing left by then
    expect(storage.writes).toBe(2);
  });

  it('afterNextPaint: after the next frame, else after hiddenMs, and at once on pagehide', () => {
    const frames: (() => void)[] = [];
    const timers = new Map<number, () => void>();
    const listeners: (() => void)[] = [];
    let id = 0;
    const win = {
      requestAnimationFrame: (run: () => void) => frames.push(run),
      setTimeout: (run: () => void) => (timers.set(++id, run), id),
      clearTimeout: (timer: number) => void timers.delete(timer),
      addEventListener: (_type: string, run: () => void) => void listeners.push(run),
    } as unknown as Parameters<typeof afterNextPaint>[0];
    const schedule = afterNextPaint(win);
    const ran: string[] = [];
    schedule(() => ran.push('painted'));
    frames.shift()!(); // the frame: the fallback goes, a task after it writes
    expect([...timers.keys()]).toEqual([2]);
    timers.get(2)!();
    schedule(() => ran.push('hidden'));
    timers.get(3)!(); // no frame came
    schedule(() => ran.push('pagehide'));
    listeners[0]!();
    expect(ran).toEqual(['painted', 'hidden', 'pagehide']);
  });

  it('a version 1 record (no seen eventIds) is still read: its calls\' and engagements\' eventIds count as seen', () => {
    const v1 = { v: 1, agentId: 'a', savedAt: 1, presence: 'available', calls: [call], engagements: [{ eventId: 'ev2', direction: 'inbound', number: '+1', started: true, outData: {} }] };
    const { record, warning } = parseRecord(JSON.stringify(v1), 'a');
    expect(warning).toBeUndefined();
    expect(record).toMatchObject({ v: RECORD_VERSION, calls: [call], seenEventIds: ['ev', 'ev2'] });
  });

  it('keeps the most recent seen eventIds, and writes again when a new one is seen', () => {
    const storage = new MemoryStorage();
    const recorder = createSessionRecorder(storage, 'a', () => undefined, () => 1);
    recorder.setToolbar({ presence: 'loggedOut', calls: [], seenEventIds: ['e1'] });
    recorder.setToolbar({ presence: 'loggedOut', calls: [], seenEventIds: ['e1', 'e2'] });
    expect(storage.writes).toBe(2);
    expect(parseRecord(storage.getItem(recordKey('a')), 'a').record?.seenEventIds).toEqual(['e1', 'e2']);
    const tooMany = JSON.stringify({ ...JSON.parse(storage.getItem(recordKey('a'))!), seenEventIds: Array.from({ length: MAX_SAVED_EVENT_IDS + 1 }, (_, i) => `e${i}`) });
    expect(parseRecord(tooMany, 'a').warning).toMatch(/seenEventIds/);
  });

  it('a storage that throws is reported once and the toolbar goes on', () => {
    const warnings: string[] = [];
    const broken = { getItem: () => null, setItem: () => { throw new Error('quota'); }, removeItem: () => undefined };
    const recorder = createSessionRecorder(broken, 'a', (w) => warnings.push(w));
    recorder.setToolbar({ presence: 'available', calls: [call], seenEventIds: [] });
    recorder.setToolbar({ presence: 'unavailable', calls: [call], seenEventIds: [] });
    expect(warnings).toEqual([expect.stringMatching(/^PERSIST_FAILED/)]);
  });
});

describe('the reload path', () => {
  it('the eventIds Fusion saw before a reload are restored: a reused one is offered under a fresh id', () => {
    const storage = new MemoryStorage();
    const before = openReloadRecord({ storage, agentId: 'a', warn: () => undefined });
    const d = createDriver();
    const unfollow = before.follow(d.actor);
    d.login().ring('c1', '+15551230000', 'reused');
    d.genesys({ type: 'genesys.abandoned', connectionId: 'c1' }).released('c1');
    unfollow();
    d.stop();
    // The page reloads: a new machine from the record.
    const after = openReloadRecord({ storage, agentId: 'a', warn: () => undefined });
    expect(after.restored?.seenEventIds).toEqual(['reused']);
    const reloaded = createDriver({ restored: after.restored! }).login().ring('c2', '+15551230001', 'reused');
    const offered = reloaded.fusionOf('fusion.cmd.newComm').map((c) => c.eventId);
    expect(offered).toHaveLength(1);
    expect(offered[0]).not.toBe('reused');
    reloaded.stop();
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
