/** What the call card needs from the machine: the contact, the hold start, and the ended call for a few seconds. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MAX_ENDINGS } from '../../src/machines/toolbar.index';
import { createDriver, keyOf } from '../support/driver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const ENDING_LINGER_MS = 4_000;
const talking = () => createDriver().login().ring('c1', '+15551230000', 'ev1').answer().established('c1');

describe('when Fusion names the caller', () => {
  test('the lookup from newCommEvent lands on the ringing call; an unknown eventId changes nothing', () => {
    const d = createDriver().login().ring('c1', '+15551230000', 'ev1');
    d.fusion({ type: 'fusion.contact', eventId: 'ev1', name: 'Ada Lovelace', account: 'Analytical Engines Ltd' });
    d.fusion({ type: 'fusion.contact', eventId: 'nobody', name: 'Mallory' });
    expect(d.callSnapshot()?.context.contact).toEqual({ name: 'Ada Lovelace', account: 'Analytical Engines Ltd' });
  });

  test('click-to-dial names the outbound call before Genesys does', () => {
    const d = createDriver().login();
    d.fusion({ type: 'fusion.dial', number: '+15559870000', eventId: 'u1', displayName: 'Grace Hopper' });
    expect(d.callSnapshot('dial:u1')?.context.contact).toEqual({ name: 'Grace Hopper' });
  });
});

describe('when held', () => {
  test('the hold has its own start; a failed resume keeps it, resuming clears it', () => {
    const d = talking();
    vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
    d.genesys({ type: 'genesys.held', connectionId: 'c1' });
    const heldAt = d.callSnapshot()?.context.heldSince;
    expect(heldAt).toBe(Date.parse('2026-01-01T10:00:00Z'));
    vi.advanceTimersByTime(3_000);
    d.send({ type: 'call.retrieve', key: 'c1' });
    d.genesys({ type: 'genesys.commandFailed', command: 'retrieve', code: 'REST_HTTP_500', message: 'boom', connectionId: 'c1' });
    d.expectState('call.established.held');
    expect(d.callSnapshot()?.context.heldSince).toBe(heldAt);
    d.genesys({ type: 'genesys.retrieved', connectionId: 'c1' });
    expect(d.callSnapshot()?.context.heldSince).toBeNull();
  });
});

describe('when a call ends', () => {
  test('the caller hung up: the ending stays for a few seconds, then goes; the call actor is gone at once', () => {
    const d = talking();
    d.fusion({ type: 'fusion.contact', eventId: 'ev1', name: 'Ada Lovelace' });
    d.released('c1', 'RemoteRelease');
    expect(d.snapshot().children).not.toHaveProperty(keyOf('c1'));
    expect(d.snapshot().context.endings).toEqual([
      expect.objectContaining({ key: keyOf('c1'), reason: 'WRAPUP', endedByAgent: false, endedByRemote: true, contact: { name: 'Ada Lovelace' }, number: '+15551230000' }),
    ]);
    vi.advanceTimersByTime(ENDING_LINGER_MS - 1);
    expect(d.snapshot().context.endings).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(d.snapshot().context.endings).toEqual([]);
  });

  test('a plain release (the softphone hung up, no RemoteRelease) is "Call ended", never a guess that the caller left', () => {
    const d = talking();
    d.released('c1', 'Ok');
    expect(d.snapshot().context.endings.map((e) => [e.endedByAgent, e.endedByRemote])).toEqual([[false, false]]);
  });

  test('the agent hung up or declined: the ending says so', () => {
    const d = talking().hangUp();
    d.released('c1');
    d.ring('c2', '+15550000002', 'ev2').decline('c2');
    d.released('c2');
    expect(d.snapshot().context.endings.map((e) => [e.key, e.reason, e.endedByAgent])).toEqual([
      [keyOf('c1'), 'WRAPUP', true],
      [keyOf('c2'), 'REJECT', true],
    ]);
  });

  test(`at most ${MAX_ENDINGS} endings; the oldest goes early and its timer with it`, () => {
    const d = createDriver().login();
    for (let i = 1; i <= MAX_ENDINGS + 2; i += 1) {
      d.ring(`c${i}`, `+1555000000${i}`, `ev${i}`);
      d.genesys({ type: 'genesys.abandoned', connectionId: `c${i}` });
    }
    expect(d.snapshot().context.endings.map((e) => e.key)).toEqual(['c3', 'c4', 'c5'].map(keyOf));
    vi.advanceTimersByTime(ENDING_LINGER_MS);
    expect(d.snapshot().context.endings).toEqual([]);
  });
});
