import { describe, expect, test } from 'vitest';
import type { GwsCall } from '../../src/bridge/gws/gws.schema';
import { applyCall, translateOptions, type CallContext, type CallMap, type CallRecord, type ReleaseHint } from '../../src/bridge/translate';

const AGENT_DN = '+33298025003';

function context(over: Partial<{ hint: ReleaseHint; dialId: string }> = {}): CallContext {
  let n = 0;
  return {
    options: translateOptions(),
    agentDn: AGENT_DN,
    newEventId: () => `ev-${++n}`,
    dialEventId: () => over.dialId,
    releaseHint: () => over.hint ?? { by: 'other' },
  };
}

const gwsCall = (state: GwsCall['state'], extra: Partial<GwsCall> = {}): GwsCall => ({
  id: 'c1',
  state,
  callType: 'Inbound',
  participants: [{ number: '+33175001234', role: 'RoleOrigination' }],
  dnis: AGENT_DN,
  capabilities: [],
  ...extra,
});

/** The map after the calls, in order, and every frame they made. */
function run(calls: GwsCall[], ctx = context(), start: CallMap = new Map()) {
  let map = start;
  const names: string[] = [];
  const all: Record<string, unknown>[] = [];
  const complete: string[] = [];
  for (const call of calls) {
    const step = applyCall(map, call, ctx);
    map = step.calls;
    complete.push(...step.complete);
    for (const f of step.frames) {
      names.push(f.eventName);
      all.push(f);
    }
  }
  return { map, names, frames: all, complete };
}

const knownAs = (state: CallRecord['state'], direction: CallRecord['direction'] = 'inbound'): CallMap =>
  new Map([
    ['c1', { id: 'c1', eventId: 'ev-known', state, direction, callType: 'Inbound', parentConnId: undefined, ani: '+33175001234', dnis: AGENT_DN, parties: ['+33175001234'], capabilities: [] }],
  ]);

describe('CallStateChanged → toolbar frames, row by row', () => {
  const rows: [CallRecord['state'] | 'none', GwsCall['state'], string[]][] = [
    ['none', 'Ringing', ['EventRinging']],
    ['Released', 'Ringing', ['EventRinging']],
    ['Ringing', 'Ringing', []],
    ['none', 'Dialing', ['EventDialing']],
    ['Released', 'Dialing', ['EventDialing']],
    ['none', 'Established', ['EventRinging', 'EventEstablished']],
    ['Ringing', 'Established', ['EventEstablished']],
    ['Dialing', 'Established', ['EventEstablished']],
    ['Held', 'Established', ['EventRetrieved']],
    ['Established', 'Established', []],
    ['none', 'Held', ['EventRinging', 'EventEstablished', 'EventHeld']],
    ['Ringing', 'Held', ['EventEstablished', 'EventHeld']],
    ['Dialing', 'Held', ['EventEstablished', 'EventHeld']],
    ['Established', 'Held', ['EventHeld']],
    ['Held', 'Held', []],
    ['Ringing', 'Released', ['EventReleased']],
    ['Dialing', 'Released', ['EventReleased']],
    ['Established', 'Released', ['EventReleased']],
    ['Held', 'Released', ['EventReleased']],
    ['Released', 'Released', []],
    ['none', 'Released', []],
    ['Ringing', 'Completed', ['EventReleased']],
    ['Established', 'Completed', ['EventReleased']],
    ['Held', 'Completed', ['EventReleased']],
    ['Dialing', 'Completed', ['EventReleased']],
    ['Released', 'Completed', []],
    ['none', 'Completed', []],
    ['Released', 'Established', []],
  ];
  test.each(rows)('when the call was %s and GWS says %s → %j', (prev, next, expected) => {
    const start = prev === 'none' ? new Map() : knownAs(prev);
    const { names, map } = run([gwsCall(next)], context(), start);
    expect(names).toEqual(expected);
    if (next === 'Completed') expect(map.has('c1')).toBe(false);
  });
});

describe('when an inbound call rings', () => {
  test('EventRinging carries ANI from the originating participant, DNIS, CallType and attached data', () => {
    const userData = [
      { key: 'Segment', type: 'str', value: 'Gold' },
      { key: 'Priority', type: 'interger', value: 8 },
      { key: '__proto__', type: 'str', value: 'x' },
      { key: 'Nested', type: 'kvlist', value: [] },
    ];
    const { frames } = run([gwsCall('Ringing', { userData })]);
    expect(frames[0]).toEqual({
      eventName: 'EventRinging',
      connectionId: 'c1',
      eventId: 'ev-1',
      ANI: '+33175001234',
      DNIS: AGENT_DN,
      CallType: 'Inbound',
      direction: 'inbound',
      UserData: { Segment: 'Gold', Priority: '8' },
    });
  });
  test('call.ani wins over the participant', () => {
    const { frames } = run([gwsCall('Ringing', { ani: '+1555' })]);
    expect(frames[0]?.['ANI']).toBe('+1555');
  });
  test('the eventId stays the same for every frame of the call', () => {
    const { frames } = run([gwsCall('Ringing'), gwsCall('Established'), gwsCall('Held'), gwsCall('Established'), gwsCall('Released')]);
    expect(new Set(frames.map((f) => f['eventId']))).toEqual(new Set(['ev-1']));
    expect(frames.map((f) => f.eventName)).toEqual(['EventRinging', 'EventEstablished', 'EventHeld', 'EventRetrieved', 'EventReleased']);
  });
  test('a duplicate Ringing is ignored, never a second call', () => {
    expect(run([gwsCall('Ringing'), gwsCall('Ringing')]).names).toEqual(['EventRinging']);
  });
});

describe('when a call is released', () => {
  test('Released then Completed: exactly one EventReleased, then the call is forgotten', () => {
    const { names, map } = run([gwsCall('Ringing'), gwsCall('Established'), gwsCall('Released', { capabilities: ['complete'] }), gwsCall('Completed')]);
    expect(names.filter((n) => n === 'EventReleased')).toHaveLength(1);
    expect(map.size).toBe(0);
  });
  test('a Released call that offers complete is completed by the bridge', () => {
    expect(run([gwsCall('Ringing'), gwsCall('Released', { capabilities: ['complete'] })]).complete).toEqual(['c1']);
    expect(run([gwsCall('Ringing'), gwsCall('Released', { capabilities: [] })]).complete).toEqual([]);
  });
  test('a ringing call nobody here ended: the caller left (Abandoned)', () => {
    expect(run([gwsCall('Ringing'), gwsCall('Released')]).frames[1]?.['CallState']).toBe('Abandoned');
  });
  test('an unanswered dial the agent did not end: NoAnswer', () => {
    expect(run([gwsCall('Dialing', { callType: 'Outbound' }), gwsCall('Released')]).frames[1]?.['CallState']).toBe('NoAnswer');
  });
  test('ended by the agent: no CallState; transferred: Transferred', () => {
    expect(run([gwsCall('Ringing'), gwsCall('Released')], context({ hint: { by: 'agent' } })).frames[1]).not.toHaveProperty('CallState');
    expect(run([gwsCall('Established'), gwsCall('Released')], context({ hint: { by: 'agent', callState: 'Transferred' } })).frames[2]?.['CallState']).toBe('Transferred');
  });
  test('a cause GWS gives in extensions wins', () => {
    const released = gwsCall('Released', { extensions: [{ key: 'CallState', type: 'str', value: 'Busy' }] });
    expect(run([gwsCall('Dialing'), released]).frames[1]?.['CallState']).toBe('Busy');
  });
});

describe('when the agent dials', () => {
  test('EventDialing takes the MakeCall id as eventId and names the number', () => {
    const dial = gwsCall('Dialing', { callType: 'Outbound', dnis: '+14155550100', participants: [{ number: '+14155550100', role: 'RoleDestination' }] });
    const { frames } = run([dial, { ...dial, state: 'Established' }], context({ dialId: 'dial-1' }));
    expect(frames[0]).toMatchObject({ eventName: 'EventDialing', connectionId: 'c1', eventId: 'dial-1', toNumber: '+14155550100', direction: 'outbound' });
    expect(frames[1]).toMatchObject({ eventName: 'EventEstablished', eventId: 'dial-1', direction: 'outbound', ANI: '+14155550100' });
  });
  test('a consult leg names its parent (parentConnId → previousConnectionId, TransferConnID)', () => {
    const leg = gwsCall('Dialing', { id: 'c2', callType: 'Consult', parentConnId: 'c1', dnis: '+33298025000' });
    const { frames } = run([leg]);
    expect(frames[0]).toMatchObject({ eventName: 'EventDialing', connectionId: 'c2', CallType: 'Consult', previousConnectionId: 'c1', TransferConnID: 'c1' });
  });
  test('a consult leg ringing at the target says Consult and its parent', () => {
    const { frames } = run([gwsCall('Ringing', { id: 'c2', callType: 'Consult', parentConnId: 'c1' })]);
    expect(frames[0]).toMatchObject({ eventName: 'EventRinging', CallType: 'Consult', previousConnectionId: 'c1' });
  });
});

describe('when participants change', () => {
  test('a new party → EventPartyAdded, a party gone → EventPartyDeleted; the agent is never a party', () => {
    const established = gwsCall('Established');
    const conference = gwsCall('Established', { participants: [{ number: '+33175001234', role: 'RoleOrigination' }, { number: AGENT_DN, role: 'RoleDestination' }, { number: '+33298025000', role: 'RoleNewParty' }] });
    const left = gwsCall('Established', { participants: [{ number: '+33175001234', role: 'RoleOrigination' }] });
    const { frames } = run([gwsCall('Ringing'), established, conference, left]);
    expect(frames.slice(2)).toEqual([
      { eventName: 'EventPartyAdded', connectionId: 'c1', eventId: 'ev-1', party: '+33298025000' },
      { eventName: 'EventPartyDeleted', connectionId: 'c1', eventId: 'ev-1', party: '+33298025000' },
    ]);
  });
});

describe('when a call changes ConnID (previousConnId)', () => {
  test('EventPartyChanged, then the call goes on under the new id with the same eventId', () => {
    const { frames, map } = run([gwsCall('Ringing'), gwsCall('Established'), gwsCall('Established', { id: 'c9', previousConnId: 'c1' })]);
    expect(frames[2]).toMatchObject({ eventName: 'EventPartyChanged', connectionId: 'c9', PreviousConnID: 'c1', eventId: 'ev-1' });
    expect([...map.keys()]).toEqual(['c9']);
  });
  test('a previousConnId this agent never knew is a new call', () => {
    expect(run([gwsCall('Ringing', { id: 'c9', previousConnId: 'other' })]).names).toEqual(['EventRinging']);
  });
});

describe('bounds', () => {
  test('released calls GWS never completes do not pile up', () => {
    const calls: GwsCall[] = [];
    for (let i = 0; i < 200; i++) calls.push(gwsCall('Ringing', { id: `r${i}` }), gwsCall('Released', { id: `r${i}` }));
    expect(run(calls).map.size).toBeLessThanOrEqual(64);
  });
  test('a hostile id is just a key', () => {
    const { map, names } = run([gwsCall('Ringing', { id: '__proto__' }), gwsCall('Established', { id: '__proto__' })]);
    expect(names).toEqual(['EventRinging', 'EventEstablished']);
    expect(map.get('__proto__')?.state).toBe('Established');
  });
});
