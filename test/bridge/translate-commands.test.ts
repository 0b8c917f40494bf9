import { describe, expect, test } from 'vitest';
import {
  COMMAND_ROWS,
  commandNameOf,
  planCommand,
  translateOptions,
  type CallRecord,
  type CommandView,
  type TranslateOptions,
} from '../../src/bridge/translate';

const call = (id: string, state: CallRecord['state'], extra: Partial<CallRecord> = {}): CallRecord => ({
  id,
  eventId: `ev-${id}`,
  state,
  direction: 'inbound',
  callType: 'Inbound',
  parentConnId: undefined,
  ani: '+1555',
  dnis: '+33298025003',
  parties: [],
  capabilities: [],
  ...extra,
});

function view(calls: CallRecord[], options: Partial<TranslateOptions> = {}, dials: [string, string | undefined][] = []): CommandView {
  return {
    calls: new Map(calls.map((c) => [c.id, c])),
    agent: { state: 'Ready', workMode: undefined, reason: undefined },
    consults: new Map([['c2', { kind: 'conference', destination: '+33298025000' }]]),
    dials: new Map(dials),
    options: translateOptions(options),
  };
}

const ringing = call('c1', 'Ringing', { capabilities: ['answer', 'release', 'redirect'] });
const talking = call('c1', 'Established');
const held = call('c1', 'Held');
const consult = call('c2', 'Established', { parentConnId: 'c1', callType: 'Consult', direction: 'outbound', dnis: '+33298025000' });

function plan(command: Record<string, unknown> & { type: string }, v: CommandView) {
  const result = planCommand(command, v);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.admission)}`);
  return result.plan;
}

describe('toolbar command → GWS request, row by row', () => {
  const rows: [string, Record<string, unknown>, CommandView, { path: string; data?: unknown }[], unknown][] = [
    ['Accept', { connectionId: 'c1' }, view([ringing]), [{ path: '/voice/calls/c1/answer' }], { kind: 'call', callId: 'c1', states: ['Established'] }],
    ['Reject', { connectionId: 'c1' }, view([ringing]), [{ path: '/voice/calls/c1/release' }], { kind: 'call', callId: 'c1', states: ['Released', 'Completed'] }],
    ['Hangup', { connectionId: 'c1' }, view([talking]), [{ path: '/voice/calls/c1/release' }], { kind: 'call', callId: 'c1', states: ['Released', 'Completed'] }],
    ['MakeCall', { toNumber: '+1415', connectionId: 'd1', eventId: 'd1' }, view([]), [{ path: '/voice/make-call', data: { destination: '+1415' } }], { kind: 'dial', dialId: 'd1', destination: '+1415' }],
    ['MakeCall', { destination: '+1416', connectionId: 'd2' }, view([]), [{ path: '/voice/make-call', data: { destination: '+1416' } }], { kind: 'dial', dialId: 'd2', destination: '+1416' }],
    ['Hold', { connectionId: 'c1' }, view([talking]), [{ path: '/voice/calls/c1/hold' }], { kind: 'call', callId: 'c1', states: ['Held'] }],
    ['Retrieve', { connectionId: 'c1' }, view([held]), [{ path: '/voice/calls/c1/retrieve' }], { kind: 'call', callId: 'c1', states: ['Established'] }],
    ['Ready', {}, view([]), [{ path: '/voice/ready' }], { kind: 'agent', states: ['Ready'] }],
    ['NotReady', { reason: 'Break', workMode: 'AfterCallWork' }, view([]), [{ path: '/voice/not-ready', data: { agentWorkMode: 'AfterCallWork', reasonCode: 'Break' } }], { kind: 'agent', states: ['NotReady'] }],
    ['NotReady', {}, view([], { notReadyWorkMode: 'AuxWork' }), [{ path: '/voice/not-ready', data: { agentWorkMode: 'AuxWork' } }], { kind: 'agent', states: ['NotReady'] }],
    ['Logout', {}, view([]), [{ path: '/voice/logout' }], { kind: 'agent', states: ['LoggedOut'] }],
    ['snapshot', {}, view([]), [{ path: '/current-session' }], { kind: 'session' }],
    ['SingleStepTransfer', { connectionId: 'c1', destination: '+33298025000' }, view([talking]), [{ path: '/voice/calls/c1/single-step-transfer', data: { destination: '+33298025000' } }], { kind: 'call', callId: 'c1', states: ['Released', 'Completed'] }],
    ['InitiateTransfer', { connectionId: 'c1', destination: '+33298025000' }, view([talking]), [{ path: '/voice/calls/c1/initiate-transfer', data: { destination: '+33298025000' } }], { kind: 'consult', parentId: 'c1' }],
    ['InitiateConference', { connectionId: 'c1', destination: '+33298025000' }, view([talking]), [{ path: '/voice/calls/c1/initiate-conference', data: { destination: '+33298025000' } }], { kind: 'consult', parentId: 'c1' }],
    ['CompleteTransfer', { connectionId: 'c1', consultConnectionId: 'c2' }, view([held, consult]), [{ path: '/voice/calls/c2/complete-transfer', data: { parentConnId: 'c1' } }], { kind: 'call', callId: 'c1', states: ['Released', 'Completed'] }],
    ['CompleteConference', { connectionId: 'c1', consultConnectionId: 'c2' }, view([held, consult]), [{ path: '/voice/calls/c2/complete-conference', data: { parentConnId: 'c1' } }], { kind: 'call', callId: 'c1', states: ['Established'] }],
    ['ReconnectCall', { connectionId: 'c2', heldConnectionId: 'c1' }, view([held, consult]), [{ path: '/voice/calls/c2/reconnect', data: { heldConnId: 'c1' } }], { kind: 'call', callId: 'c1', states: ['Established'] }],
    ['AlternateCall', { connectionId: 'c2', heldConnectionId: 'c1' }, view([held, consult]), [{ path: '/voice/calls/c2/alternate', data: { heldConnId: 'c1' } }], { kind: 'call', callId: 'c1', states: ['Established'] }],
    ['SendDTMF', { connectionId: 'c1', digits: '12#' }, view([talking]), [{ path: '/voice/calls/c1/send-dtmf', data: { dtmfDigits: '12#' } }], { kind: 'echo', callId: 'c1' }],
  ];
  test.each(rows)('%s %j', (type, fields, v, requests, expectation) => {
    const p = plan({ type, ...fields }, v);
    const sent = p.steps.map((s) => {
      const data = s.body?.['data'] as object | undefined;
      return data && Object.keys(data).length > 0 ? { path: s.path, data } : { path: s.path };
    });
    expect(sent).toEqual(requests);
    expect(p.expect).toEqual(expectation);
  });

  test('every toolbar type.* default has a row, case-insensitively', () => {
    const defaults = ['initialize', 'Accept', 'Reject', 'Hangup', 'MakeCall', 'Hold', 'Retrieve', 'Ready', 'NotReady', 'Logout', 'snapshot', 'SingleStepTransfer', 'InitiateTransfer', 'InitiateConference', 'CompleteTransfer', 'CompleteConference', 'ReconnectCall', 'AlternateCall', 'SendDTMF'];
    for (const type of defaults) {
      expect(commandNameOf(type), type).toBeDefined();
      expect(commandNameOf(type.toUpperCase()), type).toBe(commandNameOf(type));
    }
    expect(commandNameOf('makeCall')).toBe('makeCall');
    expect(Object.keys(COMMAND_ROWS)).toHaveLength(defaults.length);
  });
});

describe('fallbacks where GWS has no such request or answers 501', () => {
  test('Reject without release in the capabilities redirects to the configured destination', () => {
    const r = call('c1', 'Ringing', { capabilities: ['answer', 'redirect'] });
    const p = plan({ type: 'Reject', connectionId: 'c1' }, view([r], { rejectRedirectDestination: '+100' }));
    expect(p.steps).toEqual([{ method: 'POST', path: '/voice/calls/c1/redirect', body: { data: { destination: '+100' } } }]);
  });
  test('Reject with neither release nor a redirect destination: NOT_SUPPORTED, nothing sent', () => {
    const r = call('c1', 'Ringing', { capabilities: ['answer', 'redirect'] });
    expect(planCommand({ type: 'Reject', connectionId: 'c1' }, view([r]))).toEqual({ ok: false, admission: { status: 409, code: 'NOT_SUPPORTED' } });
  });
  test('AlternateCall → hold + retrieve', () => {
    const p = plan({ type: 'AlternateCall', connectionId: 'c2', heldConnectionId: 'c1' }, view([held, consult]));
    expect(p.fallback?.map((s) => s.path)).toEqual(['/voice/calls/c2/hold', '/voice/calls/c1/retrieve']);
  });
  test('ReconnectCall → release + retrieve', () => {
    const p = plan({ type: 'ReconnectCall', connectionId: 'c2', heldConnectionId: 'c1' }, view([held, consult]));
    expect(p.fallback?.map((s) => s.path)).toEqual(['/voice/calls/c2/release', '/voice/calls/c1/retrieve']);
  });
  test('InitiateConference → initiate-transfer (completed later with complete-conference)', () => {
    const p = plan({ type: 'InitiateConference', connectionId: 'c1', destination: '+33298025000' }, view([talking]));
    expect(p.fallback?.map((s) => s.path)).toEqual(['/voice/calls/c1/initiate-transfer']);
    expect(p.consult).toEqual({ kind: 'conference', destination: '+33298025000' });
  });
});

describe('what settles with the command', () => {
  test('a completed conference adds the consulted party to the call', () => {
    const p = plan({ type: 'CompleteConference', connectionId: 'c1', consultConnectionId: 'c2' }, view([held, consult]));
    expect(p.onSettle).toEqual([{ eventName: 'EventPartyAdded', connectionId: 'c1', eventId: 'ev-c1', party: '+33298025000' }]);
    expect(p.releases).toEqual({ c2: { by: 'agent', callState: 'Conferenced' } });
  });
  test('a completed transfer releases both legs as Transferred', () => {
    const p = plan({ type: 'CompleteTransfer', connectionId: 'c1', consultConnectionId: 'c2' }, view([held, consult]));
    expect(Object.keys(p.releases ?? {})).toEqual(['c1', 'c2']);
  });
  test('DTMF settles as EventDtmfSent', () => {
    const p = plan({ type: 'SendDTMF', connectionId: 'c1', digits: '9' }, view([talking]));
    expect(p.onSettle).toEqual([{ eventName: 'EventDtmfSent', connectionId: 'c1', eventId: 'ev-c1', digits: '9' }]);
  });
  test('the legs of a Complete* may come in either order', () => {
    const p = plan({ type: 'CompleteTransfer', connectionId: 'c2', consultConnectionId: 'c1' }, view([held, consult]));
    expect(p.steps[0]?.path).toBe('/voice/calls/c2/complete-transfer');
  });
});

describe('admission', () => {
  test.each([
    [{ type: 'Accept' }, 400],
    [{ type: 'Accept', connectionId: 'nope' }, 403],
    [{ type: 'MakeCall', connectionId: 'd1' }, 400],
    [{ type: 'MakeCall', toNumber: '+1' }, 400],
    [{ type: 'SendDTMF', connectionId: 'c1', digits: '12a' }, 400],
    [{ type: 'SendDTMF', connectionId: 'c1' }, 400],
    [{ type: 'SingleStepTransfer', connectionId: 'c1' }, 400],
    [{ type: 'CompleteTransfer', connectionId: 'c1', consultConnectionId: 'other' }, 403],
    [{ type: 'Frobnicate' }, 400],
    [{ type: 'Hangup', connectionId: '__proto__' }, 403],
  ])('%j → %i', (command, status) => {
    const result = planCommand(command, view([talking]));
    expect(result.ok ? 200 : result.admission.status).toBe(status);
  });
  test('a dial id maps to its GWS call once the Dialing came', () => {
    const dialing = call('g1', 'Dialing', { direction: 'outbound' });
    expect(plan({ type: 'Hangup', connectionId: 'd1' }, view([dialing], {}, [['d1', 'g1']])).steps[0]?.path).toBe('/voice/calls/g1/release');
    expect(planCommand({ type: 'Hangup', connectionId: 'd1' }, view([], {}, [['d1', undefined]]))).toMatchObject({ ok: false, admission: { code: 'NOT_SUPPORTED' } });
  });
});
