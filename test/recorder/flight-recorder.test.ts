/** The flight recorder: bounded, masked, and its log replays into the real machine. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { FlightRecorder } from '../../src/recorder/flight-recorder';
import { isFlightLog, type FlightLog } from '../../src/recorder/flight-log';
import { maskNumber } from '../../src/recorder/mask';
import { recorderInspector } from '../../src/recorder/recorder-inspector';
import { recordedStates, replay } from '../../src/recorder/replay';
import { checkLog } from '../fuzz/fuzz-core';
import { createDriver, keyOf } from '../support/driver';

const FIXTURES = join(import.meta.dirname, '../fixtures/flight');

describe('the ring buffer', () => {
  test('keeps the newest entries, oldest first, and counts the dropped ones', () => {
    const recorder = new FlightRecorder({ size: 5, now: () => 0 });
    for (let i = 0; i < 12; i += 1) recorder.record('event', { type: 'x', i }, 'ui');
    const log = recorder.toLog();
    expect(log.entries.map((entry) => (entry.data as { i: number }).i)).toEqual([7, 8, 9, 10, 11]);
    expect(log.dropped).toBe(7);
    expect(isFlightLog(JSON.parse(JSON.stringify(log)))).toBe(true);
  });

  test('masks caller numbers and contact data by default, keeps them when asked not to', () => {
    const event = { type: 'genesys.ringing', connectionId: 'c1', eventId: 'e1', ani: '+81 3 5550 1234', queue: 'Sales' };
    const masked = new FlightRecorder({ now: () => 0 });
    masked.record('event', event, 'genesys');
    masked.record('event', { type: 'fusion.contact', eventId: 'e1', name: 'Ada Lovelace', account: 'Acme' }, 'fusion');
    expect(masked.toLog().entries.map((entry) => entry.data)).toEqual([
      { ...event, ani: '+00 0 0000 0034' },
      { type: 'fusion.contact', eventId: 'e1', name: '•••', account: '•••' },
    ]);
    const raw = new FlightRecorder({ mask: false, now: () => 0 });
    raw.record('event', event, 'genesys');
    expect(raw.toLog().entries[0]?.data).toEqual(event);
    expect(maskNumber('+1 555 123 0042')).toBe('+0 000 000 0042');
  });
});

describe('replay', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('a recording of the machine, deadlines included, replays to the same state sequence', () => {
    const recorder = new FlightRecorder({ now: () => Date.now() });
    const rec = recorderInspector(recorder);
    // The product's defaults (after-call work on), as replay() uses them.
    const d = createDriver({ inspect: rec.inspect, config: { afterCallWork: true } }).login().ring('c1', '+15551230000', 'e1').answer('c1');
    vi.advanceTimersByTime(8_000); // the accept times out
    d.established('c1').send({ type: 'call.hold', key: keyOf('c1') });
    vi.advanceTimersByTime(3_000);
    d.genesys({ type: 'genesys.held', connectionId: 'c1' }).hangUp('c1').released('c1');
    rec.settle(d.snapshot());
    const log = recorder.toLog();
    expect(recordedStates(log).length).toBeGreaterThan(5);
    expect(replay(log).states).toEqual(recordedStates(log));
    d.stop();
  });
});

describe('field logs as regression tests (test/fixtures/flight)', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));
  test('the demo session recording is there', () => expect(files).toContain('demo-session.json'));
  test('the demo session is a real recording (npm run record-demo): masked, and every flow of the demo in it', () => {
    const log = JSON.parse(readFileSync(join(FIXTURES, 'demo-session.json'), 'utf8')) as FlightLog;
    expect(log.masked).toBe(true);
    expect(new Set(log.entries.map((entry) => entry.kind))).toEqual(new Set(['command', 'transition', 'event', 'frame', 'uef']));
    const states = recordedStates(log).join('\n');
    for (const state of ['{"ringing":"alerting"}', '{"established":"held"}', '{"dialing":"alerting"}', '{"wrappingUp":"active"}']) {
      expect(states).toContain(state);
    }
    expect(log.entries.some((entry) => entry.kind === 'event' && (entry.data as { type?: string }).type === 'genesys.abandoned')).toBe(true);
  });
  test.each(files)('%s replays: same states as recorded, every fuzz check holds', (name) => {
    const log: unknown = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
    expect(isFlightLog(log)).toBe(true);
    const states = recordedStates(log as FlightLog);
    if (states.length > 0) expect(replay(log as FlightLog).states).toEqual(states);
    checkLog(log as FlightLog);
  });
});
