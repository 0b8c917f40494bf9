import { describe, expect, test } from 'vitest';
import type { GwsCall } from '../../src/bridge/gws/gws.schema';
import { LOGGED_OUT, diffSession, snapshotFrame, translateOptions, type CallContext, type CallRecord } from '../../src/bridge/translate';

const who = { agentId: '+33298025003', dn: '+33298025003' };
let n = 0;
const ctx: CallContext = { options: translateOptions(), agentDn: who.dn, newEventId: () => `new-${++n}`, dialEventId: () => undefined, releaseHint: () => ({ by: 'other' }) };
const rec = (id: string, state: CallRecord['state'], direction: CallRecord['direction'] = 'inbound'): CallRecord => ({
  id, eventId: `ev-${id}`, state, direction, callType: 'Inbound', parentConnId: undefined, ani: '+1555', dnis: '+1666', parties: [], capabilities: [],
});
const gws = (id: string, state: GwsCall['state']): GwsCall => ({ id, state, callType: 'Inbound', participants: [{ number: '+1555', role: 'RoleOrigination' }] });

describe('when the bridge recovers and reads current-session', () => {
  const known = new Map([
    ['gone', rec('gone', 'Established')],
    ['same', rec('same', 'Established')],
    ['changed', rec('changed', 'Established')],
    ['ringing-gone', rec('ringing-gone', 'Ringing')],
  ]);
  const diff = diffSession(known, { state: 'Ready', workMode: undefined, reason: undefined }, {
    dn: { number: who.dn, agentState: 'NotReady', agentWorkMode: 'AuxWork', reasons: [{ key: 'ReasonCode', type: 'str', value: 'Lunch' }] },
    calls: [gws('same', 'Established'), gws('changed', 'Held'), gws('fresh', 'Ringing')],
    user: undefined,
  }, ctx, who);
  const names = diff.frames.map((f) => `${f.eventName}${f['connectionId'] ? ` ${String(f['connectionId'])}` : ''}`);

  test('a call that is gone → one EventReleased; a ringing one gone → Abandoned', () => {
    expect(names.filter((x) => x.startsWith('EventReleased'))).toEqual(['EventReleased gone', 'EventReleased ringing-gone']);
    expect(diff.frames.find((f) => f['connectionId'] === 'ringing-gone')?.['CallState']).toBe('Abandoned');
    expect(diff.calls.has('gone')).toBe(false);
  });
  test('an unknown Ringing → EventRinging; a changed state → its transition; an unchanged call → nothing', () => {
    expect(names).toContain('EventRinging fresh');
    expect(names).toContain('EventHeld changed');
    expect(names.some((x) => x.endsWith(' same'))).toBe(false);
  });
  test('the agent state follows the DN', () => {
    expect(names[0]).toBe('EventAgentNotReady');
    expect(diff.agent).toEqual({ state: 'NotReady', workMode: 'AuxWork', reason: 'Lunch' });
  });
  test('applied twice, the second diff sends nothing (no call doubled)', () => {
    const again = diffSession(diff.calls, diff.agent, { dn: undefined, calls: [gws('same', 'Established'), gws('changed', 'Held'), gws('fresh', 'Ringing')], user: undefined }, ctx, who);
    expect(again.frames).toEqual([]);
    expect([...again.calls.keys()].sort()).toEqual(['changed', 'fresh', 'same']);
  });
  test('an empty answer for a logged-out agent', () => {
    expect(diffSession(new Map(), LOGGED_OUT, { dn: undefined, calls: [], user: undefined }, ctx, who).frames).toEqual([]);
  });
});

describe('EventSnapshot', () => {
  test('lists live calls in the shape the toolbar resync reads, not released ones', () => {
    const calls = new Map([
      ['a', rec('a', 'Established')],
      ['b', rec('b', 'Dialing', 'outbound')],
      ['c', rec('c', 'Released')],
    ]);
    expect(snapshotFrame(calls, { state: 'NotReady', workMode: 'AfterCallWork', reason: 'Break' }, 50)).toEqual({
      eventName: 'EventSnapshot',
      agentState: 'NotReady',
      reason: 'Break',
      calls: [
        { connectionId: 'a', state: 'Established', direction: 'inbound', eventId: 'ev-a', ANI: '+1555' },
        { connectionId: 'b', state: 'Dialing', direction: 'outbound', eventId: 'ev-b', ANI: '+1666' },
      ],
    });
  });
  test('at most maxCalls calls', () => {
    const calls = new Map(Array.from({ length: 60 }, (_, i) => [`x${i}`, rec(`x${i}`, 'Held')] as const));
    expect((snapshotFrame(calls, LOGGED_OUT, 50)['calls'] as unknown[]).length).toBe(50);
  });
});
