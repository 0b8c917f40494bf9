/**
 * Toolbar command → GWS requests (gws-protocol.md §6.2), one row of COMMAND_ROWS per REST `type`.
 * Each row admits or refuses the command (synchronously, from what the session knows) and makes a
 * plan: the requests in order, the fallback when GWS answers 501, and the CometD event that proves
 * it. Pure.
 */
import type { CommandAdmission, ToolbarCommand, ToolbarFrame } from '../session/agent-session.types';
import type { GwsCallState } from '../gws/gws.schema';
import type { AgentRecord } from './agent';
import type { CallMap, ReleaseHint } from './calls';
import type { CallRecord } from './frames';
import type { TranslateOptions } from './options';

export type CommandName =
  | 'register' | 'accept' | 'reject' | 'hangup' | 'makeCall' | 'hold' | 'retrieve' | 'ready' | 'notReady' | 'logout'
  | 'snapshot' | 'singleStepTransfer' | 'initiateTransfer' | 'initiateConference' | 'completeTransfer'
  | 'completeConference' | 'reconnectCall' | 'alternateCall' | 'sendDtmf';

export interface GwsRequest {
  readonly method: 'GET' | 'POST';
  /** Below `/workspace/v3`, e.g. `/voice/calls/<id>/answer` (the id URI-encoded). */
  readonly path: string;
  readonly body?: Readonly<Record<string, unknown>>;
}

/** The CometD event that proves a command. */
export type Expectation =
  | { readonly kind: 'call'; readonly callId: string; readonly states: readonly GwsCallState[] }
  | { readonly kind: 'dial'; readonly dialId: string; readonly destination: string }
  | { readonly kind: 'consult'; readonly parentId: string }
  | { readonly kind: 'agent'; readonly states: readonly AgentRecord['state'][] }
  | { readonly kind: 'echo'; readonly callId: string }
  | { readonly kind: 'session' };

export interface CommandPlan {
  readonly command: CommandName;
  readonly steps: readonly GwsRequest[];
  /** Used instead of `steps` when GWS answers the first step 501 (or 404/405: no such request). */
  readonly fallback?: readonly GwsRequest[];
  readonly expect: Expectation;
  /** Where an error frame for this command goes (the toolbar correlates by these). */
  readonly connectionId?: string;
  readonly eventId?: string;
  /** Why the calls this command ends will be released (the cause the toolbar reads). */
  readonly releases?: Readonly<Record<string, ReleaseHint>>;
  /** Frames sent when it settles (GWS has no event of its own for them: DTMF, a conference's new party). */
  readonly onSettle?: readonly ToolbarFrame[];
  /** A consult this command starts, remembered for the leg (a conference started as a transfer). */
  readonly consult?: { readonly kind: 'transfer' | 'conference'; readonly destination: string };
}

/** What the session knows when a command comes in. */
export interface CommandView {
  readonly calls: CallMap;
  readonly agent: AgentRecord;
  /** Consult legs by their id: how they were started. */
  readonly consults: ReadonlyMap<string, { readonly kind: 'transfer' | 'conference'; readonly destination: string }>;
  /** MakeCall ids → the GWS call id once its Dialing came. */
  readonly dials: ReadonlyMap<string, string | undefined>;
  readonly options: TranslateOptions;
}

export type PlanResult = { readonly ok: true; readonly plan: CommandPlan } | { readonly ok: false; readonly admission: Exclude<CommandAdmission, { status: 200 }> };

const bad = (message: string): PlanResult => ({ ok: false, admission: { status: 400, code: 'BAD_COMMAND', message } });
const notYours: PlanResult = { ok: false, admission: { status: 403, code: 'NOT_YOUR_CALL' } };
const notSupported: PlanResult = { ok: false, admission: { status: 409, code: 'NOT_SUPPORTED' } };

function text(command: ToolbarCommand, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = command[key];
    if (typeof value === 'string' && value !== '' && value.length <= 256) return value;
  }
  return undefined;
}

const callPath = (id: string, op: string) => `/voice/calls/${encodeURIComponent(id)}/${op}`;
const post = (path: string, data?: Record<string, unknown>): GwsRequest => ({ method: 'POST', path, body: data ? { data } : {} });

type Lookup = { ok: true; call: CallRecord } | { ok: false; result: PlanResult };

/** The call a field names: missing → BAD_COMMAND, not this agent's → NOT_YOUR_CALL. */
function callNamed(command: ToolbarCommand, view: CommandView, ...keys: string[]): Lookup {
  const id = text(command, ...keys);
  if (id === undefined) return { ok: false, result: bad(`${keys[0]} is required`) };
  const mapped = view.dials.get(id);
  const call = view.calls.get(mapped ?? id);
  if (call === undefined) return { ok: false, result: view.dials.has(id) ? notSupported : notYours };
  return { ok: true, call };
}

const onCall = (call: CallRecord) => ({ connectionId: call.id, eventId: call.eventId });

type Row = (command: ToolbarCommand, view: CommandView) => PlanResult;

/** One call, one request, one expected state. */
function simple(command: CommandName, op: string, states: readonly GwsCallState[], by?: ReleaseHint): Row {
  return (cmd, view) => {
    const found = callNamed(cmd, view, 'connectionId');
    if (!found.ok) return found.result;
    const { call } = found;
    return {
      ok: true,
      plan: { command, steps: [post(callPath(call.id, op))], expect: { kind: 'call', callId: call.id, states }, ...onCall(call), ...(by ? { releases: { [call.id]: by } } : {}) },
    };
  };
}

const ENDED: readonly GwsCallState[] = ['Released', 'Completed'];
const AGENT: ReleaseHint = { by: 'agent' };
const DTMF = /^[0-9*#]{1,32}$/;

function consultPair(cmd: ToolbarCommand, view: CommandView, otherKeys: string[]): { ok: true; first: CallRecord; other: CallRecord } | { ok: false; result: PlanResult } {
  const first = callNamed(cmd, view, 'connectionId');
  if (!first.ok) return first;
  const other = callNamed(cmd, view, ...otherKeys);
  if (!other.ok) return other;
  return { ok: true, first: first.call, other: other.call };
}

/** The consult leg and its parent of a Complete*: either field may name either leg (the toolbar names the parent). */
function legs(cmd: ToolbarCommand, view: CommandView) {
  const pair = consultPair(cmd, view, ['consultConnectionId', 'parentConnId', 'transferConnId']);
  if (!pair.ok) return pair;
  const { first, other } = pair;
  return other.parentConnId === first.id || first.parentConnId !== other.id ? { ok: true as const, parent: first, consult: other } : { ok: true as const, parent: other, consult: first };
}

export const COMMAND_ROWS: Readonly<Record<CommandName, Row>> = {
  register: () => ({ ok: true, plan: { command: 'register', steps: [], expect: { kind: 'session' } } }),
  accept: simple('accept', 'answer', ['Established']),
  hangup: simple('hangup', 'release', ENDED, AGENT),
  hold: simple('hold', 'hold', ['Held']),
  retrieve: simple('retrieve', 'retrieve', ['Established']),
  reject: (cmd, view) => {
    const found = callNamed(cmd, view, 'connectionId');
    if (!found.ok) return found.result;
    const { call } = found;
    const base = { command: 'reject' as const, expect: { kind: 'call' as const, callId: call.id, states: ENDED }, ...onCall(call), releases: { [call.id]: AGENT } };
    // gws-protocol.md §3.2: GWS has no voice reject; what the ringing call offers decides.
    if (call.capabilities.includes('release') || view.options.rejectRelease === 'always') return { ok: true, plan: { ...base, steps: [post(callPath(call.id, 'release'))] } };
    const destination = view.options.rejectRedirectDestination;
    if (call.capabilities.includes('redirect') && destination) return { ok: true, plan: { ...base, steps: [post(callPath(call.id, 'redirect'), { destination })] } };
    return notSupported;
  },
  makeCall: (cmd) => {
    const destination = text(cmd, 'destination', 'toNumber', 'number');
    if (destination === undefined) return bad('destination (or toNumber) is required');
    const dialId = text(cmd, 'connectionId', 'eventId');
    if (dialId === undefined) return bad('connectionId (the dial id) is required');
    return {
      ok: true,
      plan: { command: 'makeCall', steps: [post('/voice/make-call', { destination })], expect: { kind: 'dial', dialId, destination }, connectionId: dialId, eventId: dialId },
    };
  },
  ready: (cmd) => {
    const workMode = text(cmd, 'workMode');
    return { ok: true, plan: { command: 'ready', steps: [post('/voice/ready', workMode ? { agentWorkMode: workMode } : {})], expect: { kind: 'agent', states: ['Ready'] } } };
  },
  notReady: (cmd, view) => {
    const workMode = text(cmd, 'workMode') ?? view.options.notReadyWorkMode;
    const reason = text(cmd, 'reason', 'reasonCode');
    const data: Record<string, unknown> = {};
    if (workMode) data['agentWorkMode'] = workMode;
    if (reason) data['reasonCode'] = reason;
    return { ok: true, plan: { command: 'notReady', steps: [post('/voice/not-ready', data)], expect: { kind: 'agent', states: ['NotReady'] } } };
  },
  logout: () => ({ ok: true, plan: { command: 'logout', steps: [post('/voice/logout')], expect: { kind: 'agent', states: ['LoggedOut'] } } }),
  snapshot: () => ({ ok: true, plan: { command: 'snapshot', steps: [{ method: 'GET', path: '/current-session' }], expect: { kind: 'session' } } }),
  singleStepTransfer: (cmd, view) => {
    const found = callNamed(cmd, view, 'connectionId');
    if (!found.ok) return found.result;
    const destination = text(cmd, 'destination', 'toNumber');
    if (destination === undefined) return bad('destination is required');
    const { call } = found;
    return {
      ok: true,
      plan: {
        command: 'singleStepTransfer',
        steps: [post(callPath(call.id, 'single-step-transfer'), { destination })],
        expect: { kind: 'call', callId: call.id, states: ENDED },
        ...onCall(call),
        releases: { [call.id]: { by: 'agent', callState: 'Transferred' } },
      },
    };
  },
  initiateTransfer: (cmd, view) => initiate(cmd, view, 'transfer'),
  initiateConference: (cmd, view) => initiate(cmd, view, 'conference'),
  completeTransfer: (cmd, view) => {
    const pair = legs(cmd, view);
    if (!pair.ok) return pair.result;
    const { parent, consult } = pair;
    const transferred: ReleaseHint = { by: 'agent', callState: 'Transferred' };
    return {
      ok: true,
      plan: {
        command: 'completeTransfer',
        steps: [post(callPath(consult.id, 'complete-transfer'), { parentConnId: parent.id })],
        expect: { kind: 'call', callId: parent.id, states: ENDED },
        ...onCall(parent),
        releases: { [parent.id]: transferred, [consult.id]: transferred },
      },
    };
  },
  completeConference: (cmd, view) => {
    const pair = legs(cmd, view);
    if (!pair.ok) return pair.result;
    const { parent, consult } = pair;
    const party = view.consults.get(consult.id)?.destination ?? consult.dnis;
    return {
      ok: true,
      plan: {
        command: 'completeConference',
        steps: [post(callPath(consult.id, 'complete-conference'), { parentConnId: parent.id })],
        // Proven when the caller's leg is talking again, now with the target on it.
        expect: { kind: 'call', callId: parent.id, states: ['Established'] },
        ...onCall(parent),
        releases: { [consult.id]: { by: 'agent', callState: 'Conferenced' } },
        onSettle: party ? [{ eventName: 'EventPartyAdded', connectionId: parent.id, eventId: parent.eventId, party }] : [],
      },
    };
  },
  reconnectCall: backToHeld('reconnectCall', 'reconnect', 'release'),
  alternateCall: backToHeld('alternateCall', 'alternate', 'hold'),
  sendDtmf: (cmd, view) => {
    const found = callNamed(cmd, view, 'connectionId');
    if (!found.ok) return found.result;
    const digits = text(cmd, 'digits', 'dtmfDigits', 'DTMFDigits');
    if (digits === undefined || !DTMF.test(digits)) return bad('digits: 1 to 32 of 0-9 * #');
    const { call } = found;
    return {
      ok: true,
      plan: {
        command: 'sendDtmf',
        steps: [post(callPath(call.id, 'send-dtmf'), { dtmfDigits: digits })],
        expect: { kind: 'echo', callId: call.id },
        ...onCall(call),
        onSettle: [{ eventName: 'EventDtmfSent', connectionId: call.id, eventId: call.eventId, digits }],
      },
    };
  },
};

/**
 * Reconnect (drop the consult leg) and Alternate (hold the leg talking): `connectionId` is that leg,
 * `heldConnectionId` the call taken back; on 501 the same as two plain requests.
 */
function backToHeld(command: 'reconnectCall' | 'alternateCall', op: 'reconnect' | 'alternate', instead: 'release' | 'hold'): Row {
  return (cmd, view) => {
    const pair = consultPair(cmd, view, ['heldConnectionId', 'heldConnId']);
    if (!pair.ok) return pair.result;
    const { first: leg, other: held } = pair;
    return {
      ok: true,
      plan: {
        command,
        steps: [post(callPath(leg.id, op), { heldConnId: held.id })],
        fallback: [post(callPath(leg.id, instead)), post(callPath(held.id, 'retrieve'))],
        expect: { kind: 'call', callId: held.id, states: ['Established'] },
        ...onCall(leg),
        ...(instead === 'release' ? { releases: { [leg.id]: AGENT } } : {}),
      },
    };
  };
}

/** A consult: initiate-conference falls back to initiate-transfer (then complete-conference) on 501. */
function initiate(cmd: ToolbarCommand, view: CommandView, kind: 'transfer' | 'conference'): PlanResult {
  const found = callNamed(cmd, view, 'connectionId');
  if (!found.ok) return found.result;
  const destination = text(cmd, 'destination', 'toNumber');
  if (destination === undefined) return bad('destination is required');
  const { call } = found;
  const transfer = post(callPath(call.id, 'initiate-transfer'), { destination });
  return {
    ok: true,
    plan: {
      command: kind === 'transfer' ? 'initiateTransfer' : 'initiateConference',
      steps: [kind === 'transfer' ? transfer : post(callPath(call.id, 'initiate-conference'), { destination })],
      ...(kind === 'conference' ? { fallback: [transfer] } : {}),
      expect: { kind: 'consult', parentId: call.id },
      ...onCall(call),
      consult: { kind, destination },
    },
  };
}

const NAMES: ReadonlyMap<string, CommandName> = new Map(
  (Object.keys(COMMAND_ROWS) as CommandName[]).map((name) => [name.toLowerCase(), name] as const).concat([['initialize', 'register']]),
);

/** The command a REST `type` names, case-insensitively (`initialize` = register). */
export function commandNameOf(type: string): CommandName | undefined {
  return NAMES.get(type.toLowerCase());
}

/** Admits the command (or says why not) and plans its requests. */
export function planCommand(command: ToolbarCommand, view: CommandView): PlanResult {
  const name = typeof command.type === 'string' ? commandNameOf(command.type) : undefined;
  if (name === undefined) return bad(`unknown type ${String(command.type).slice(0, 40)}`);
  return COMMAND_ROWS[name](command, view);
}
