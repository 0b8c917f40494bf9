/**
 * Model-based tests of the toolbar root: paths generated from the real machine by xstate/graph,
 * executed through the driver with fake adapters, asserting every region's state and what the
 * root sent to Genesys and Fusion. Two models keep the walk small: the agent, connection and
 * Fusion regions (no calls), and the calls region (agent settled) — the regions are parallel.
 */
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { assign, createEmptyActor, sendParent, setup, transition, type AnyActorScope, type AnyEventObject, type SnapshotFrom } from 'xstate';
import { DEFAULT_CONFIG } from '../../src/config';
import { callMachine } from '../../src/machines/call.machine';
import { toolbarMachine } from '../../src/machines/toolbar.machine';
import type { ToolbarEvent } from '../../src/machines/toolbar.types';
import { createDriver, keyOf, type Driver } from '../support/driver';
import { ModelCoverage } from '../support/coverage';

/** Call keys as the root makes them (a prefixed ConnID, a prefixed dial eventId). */
const C1 = keyOf('c1');
const DIAL = keyOf('dial:');

type RootSnapshot = SnapshotFrom<typeof toolbarMachine>;
type ModelEvent = ToolbarEvent | { type: `xstate.${string}`; [key: string]: unknown };

const coverage = new ModelCoverage([toolbarMachine, callMachine]);
const AGENT_DEADLINE_MS = 8_000;
const config = { ...DEFAULT_CONFIG, ringCeilingMs: 600_000 };

function activeIds(snapshot: RootSnapshot): string[] {
  return (snapshot as unknown as { _nodes: { id: string }[] })._nodes.map((node) => node.id);
}

function agentEvents(): ModelEvent[] {
  const afters = ['registering', 'goingAvailable', 'goingUnavailable', 'loggingOut'].map(
    (state) => ({ type: `xstate.after.agentDeadline.toolbar.agent.${state}` }) as ModelEvent,
  );
  const failed = (command: 'register' | 'ready' | 'notReady' | 'logout'): ModelEvent => ({
    type: 'genesys.commandFailed', command, code: 'REST_HTTP_500', message: 'boom',
  });
  return [
    { type: 'genesys.connected' },
    { type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'closed' },
    ...replacedEvents(),
    { type: 'genesys.registered' },
    { type: 'genesys.unregistered' },
    { type: 'genesys.agentReady' },
    { type: 'genesys.agentNotReady', reason: 'Break' },
    { type: 'genesys.agentLogout' },
    { type: 'genesys.linkDisconnected' },
    { type: 'genesys.linkConnected' },
    failed('register'), failed('ready'), failed('notReady'), failed('logout'),
    { type: 'agent.login' },
    { type: 'agent.goAvailable' },
    { type: 'agent.goUnavailable', reason: 'Lunch' },
    { type: 'agent.logout' },
    { type: 'agent.dismissError' },
    { type: 'fusion.makeAvailable', requestId: 'a' },
    { type: 'fusion.makeUnavailable', requestId: 'u', reason: 'Break' },
    ...afters,
  ];
}

/** Another toolbar of the agent took the socket (4004), and this one's Use here. */
function replacedEvents(): ModelEvent[] {
  return [{ type: 'genesys.replaced', code: 4004, reason: 'another session of the agent took over' }, { type: 'connection.useHere' }];
}

function fusionRegionEvents(): ModelEvent[] {
  return [
    { type: 'fusion.ready' },
    { type: 'fusion.absent', reason: 'not framed' },
    { type: 'fusion.failed', code: 'UEF_INIT_FAILED', message: 'x' },
  ];
}

function callRoutingEvents(): ModelEvent[] {
  return [
    { type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'closed' },
    { type: 'genesys.connected' },
    { type: 'genesys.ringing', connectionId: 'c1', eventId: 'e1', ani: '+15551230000' },
    { type: 'genesys.dialing', connectionId: 'c2', number: '+15550002222' },
    { type: 'genesys.established', connectionId: 'c3', eventId: 'e3', ani: '+15550003333', direction: 'inbound' },
    { type: 'fusion.dial', number: '+15559870000', eventId: 'd1' },
    { type: 'fusion.dial', number: 'call me', eventId: 'd2' },
    { type: 'agent.dial', number: '12' },
    { type: 'agent.dial', number: 'x' },
    { type: 'genesys.dialing', connectionId: 'c4', eventId: 'd1', number: '+15559870000' },
    { type: 'genesys.established', connectionId: 'c4', eventId: 'd1', direction: 'outbound' },
    { type: 'genesys.networkReached', connectionId: 'c1' },
    { type: 'genesys.held', connectionId: 'c1' },
    { type: 'genesys.retrieved', connectionId: 'c1' },
    { type: 'genesys.released', connectionId: 'c1' },
    { type: 'genesys.abandoned', connectionId: 'c1' },
    { type: 'genesys.destinationBusy', connectionId: 'c1' },
    { type: 'genesys.partyChanged', connectionId: 'c9', previousConnectionId: 'c1' },
    { type: 'genesys.error', connectionId: 'c1', code: '56', message: 'x' },
    { type: 'genesys.error', code: '71', message: 'no call' },
    { type: 'genesys.commandFailed', command: 'accept', connectionId: 'c1', code: 'REST_HTTP_500', message: 'x' },
    { type: 'genesys.commandFailed', command: 'register', code: 'REST_HTTP_500', message: 'x' },
    { type: 'genesys.protocolError', code: 'FRAME_MALFORMED', message: 'x' },
    { type: 'fusion.publishFailed', operation: 'newCommEvent', code: 'UEF_TIMEOUT', message: 'x' },
    { type: 'call.accept', key: C1 },
    { type: 'call.reject', key: C1 },
    { type: 'call.hangup', key: C1 },
    { type: 'call.hold', key: C1 },
    { type: 'call.retrieve', key: C1 },
    { type: 'call.focus', key: C1 },
    { type: 'fusion.accept', eventId: 'e1', requestId: 'r' },
    { type: 'fusion.reject', eventId: 'e1', requestId: 'r' },
    { type: 'fusion.hangup', eventId: 'e1', requestId: 'r' },
    { type: 'fusion.setActive', eventId: 'e1', requestId: 'r' },
    { type: 'fusion.offerTimeout', eventId: 'e1' },
    { type: 'fusion.contact', eventId: 'e1', name: 'Ada Lovelace', account: 'Analytical Engines Ltd' },
    { type: 'notice.dismiss', seq: 1 },
    { type: 'persistence.unsaved', code: 'PERSIST_FAILED', detail: 'quota' },
    // Agent commands that depend on live calls (logout is refused while a call is up).
    { type: 'agent.logout' },
    { type: 'genesys.agentNotReady', reason: 'Break' },
    { type: 'call.sendGenesys', command: { type: 'genesys.cmd.hangup', connectionId: 'c1', eventId: 'e1' } },
    { type: 'call.sendFusion', command: { type: 'fusion.cmd.closeComm', eventId: 'e1', reason: 'WRAPUP' } },
    { type: 'call.ended', key: C1, output: { key: C1, connectionId: 'c1', eventId: 'e1', direction: 'inbound', number: '+1', reason: 'MISSED', contact: null, endedByAgent: false, endedByRemote: false, error: null } },
    { type: 'ending.expired', key: C1 },
    // Resync: a snapshot (its view goes to each named call; an unknown call is created), a service without it.
    { type: 'genesys.snapshot', agentState: 'Ready', calls: [] },
    { type: 'genesys.snapshot', agentState: 'Ready', calls: [{ connectionId: 'c1', state: 'Ringing', direction: 'inbound', ani: '+15551230000' }] },
    { type: 'genesys.commandFailed', command: 'snapshot', code: 'SNAPSHOT_TIMEOUT', message: 'x' },
    { type: 'call.corrected', key: C1, correction: 'ringing → established' },
  ];
}

/** After-call work: entered when a connected call ends, left by Done, Fusion, the limit or the agent. */
function wrapUpModels(): Model[] {
  const events: ModelEvent[] = [
    { type: 'genesys.ringing', connectionId: 'c1', eventId: 'e1', ani: '+15551230000' },
    { type: 'fusion.wrapupTimeout', eventId: 'e1', seconds: 3 },
    { type: 'call.ended', key: C1, output: { key: C1, connectionId: 'c1', eventId: 'e1', direction: 'inbound', number: '+1', reason: 'WRAPUP', contact: null, endedByAgent: false, endedByRemote: false, error: null, connected: true } },
    { type: 'agent.goUnavailable', reason: 'Lunch' },
    { type: 'genesys.agentNotReady', reason: 'Lunch' },
    { type: 'genesys.agentNotReady', workMode: 'AfterCallWork' },
    { type: 'genesys.commandFailed', command: 'notReady', code: 'REST_HTTP_500', message: 'x' },
    { type: 'agent.wrapUpDone' },
    { type: 'fusion.wrapupClosed', eventId: 'e1' },
    { type: 'fusion.wrapupClosed', eventId: 'other' },
    { type: 'agent.goAvailable' },
    { type: 'fusion.makeAvailable', requestId: 'a' },
    { type: 'agent.logout' },
    { type: 'genesys.agentReady' },
    { type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'closed' },
    { type: 'xstate.after.agentDeadline.toolbar.agent.wrappingUp.requesting' },
    { type: 'xstate.after.wrapUpLimit.toolbar.agent.wrappingUp.active' },
  ];
  const inWrapUp = (s: RootSnapshot) => typeof s.value.agent === 'object';
  const base = {
    inertCalls: true,
    prepare: (d: Driver) => d.login(),
    prefix: [{ type: 'genesys.connected' }, { type: 'genesys.registered' }] as ModelEvent[],
    serialize: (s: RootSnapshot) => [s.value.agent, s.value.connection, s.context.presence, s.context.wrapUp?.before ?? null, Object.keys(s.context.calls), s.context.calls[C1]?.wrapUpLimitMs ?? null],
    possible: (s: RootSnapshot, e: ModelEvent) => {
      if (!afterIsActive(s, e)) return false;
      // The way to a wrap-up that starts not ready: NotReady (Lunch) confirmed.
      if (s.value.agent === 'goingUnavailable') return e.type === 'genesys.agentNotReady' && e.reason === 'Lunch' && s.context.wrapUp === null;
      const settledOrWrapping = s.value.agent === 'available' || s.value.agent === 'unavailable' || inWrapUp(s);
      // Past the wrap-up (Ready/NotReady on their way), the walk stops.
      if (!settledOrWrapping) return false;
      if (e.type === 'genesys.ringing') return Object.keys(s.context.calls).length === 0;
      if (e.type === 'call.ended' || e.type === 'fusion.wrapupTimeout') return C1 in s.context.calls;
      if (e.type === 'agent.goUnavailable') return s.value.agent === 'available' || inWrapUp(s);
      if (e.type === 'genesys.agentNotReady') return inWrapUp(s);
      return inWrapUp(s) || e.type === 'genesys.disconnected';
    },
  };
  return [
    { name: 'after-call work', config: { afterCallWork: true, wrapUpLimitMs: 5_000 }, events, ...base },
    {
      name: 'after-call work confirmed by the 2xx answer (no agent events)',
      config: { afterCallWork: true, capabilities: ['afterCallWork'] },
      events: [events[0]!, events[2]!, { type: 'genesys.commandAccepted', command: 'notReady' }, { type: 'agent.wrapUpDone' }],
      ...base,
    },
  ];
}

/** auth=bridge: the form before the socket, after a refused token and after a logout; calls kept across it. */
function signInModels(): Model[] {
  const ring: ModelEvent = { type: 'genesys.ringing', connectionId: 'c1', eventId: 'e1', ani: '+15551230000' };
  const events: ModelEvent[] = [
    { type: 'genesys.authRequired', code: 'NO_SESSION' },
    { type: 'genesys.authRequired', code: 'SESSION_INVALID' },
    { type: 'genesys.authRequired', code: 'SIGNED_OUT' },
    { type: 'auth.submit', username: 'JohnSmith' },
    { type: 'genesys.signInFailed', code: 'SIGN_IN_FAILED', message: 'refused' },
    { type: 'genesys.signedIn', agentId: '+33298025003', dn: '+33298025003' },
    { type: 'genesys.connected' },
    { type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'closed' },
    { type: 'genesys.registered' },
    { type: 'agent.logout' },
    { type: 'genesys.agentLogout' },
    { type: 'auth.ssoStart' },
    { type: 'genesys.ssoBlocked', url: 'http://127.0.0.1:1/genesys/sso/start?origin=x' },
    { type: 'genesys.signInFailed', code: 'SSO_CANCELLED', message: 'closed' },
  ];
  return [
    {
      name: 'sign-in to the bridge',
      config: { auth: 'bridge' },
      events,
      prepare: () => undefined,
      prefix: [],
      serialize: (s) => [s.value.signIn, s.value.connection, s.value.agent, s.context.signIn.error?.code ?? null, s.context.wantsLogin],
      possible: bridgeCanSend,
    },
    {
      name: 'sign-in to the bridge, with a call on the toolbar',
      config: { auth: 'bridge' },
      inertCalls: true,
      events: [ring, events[1]!, events[3]!, events[4]!, events[5]!, events[6]!, events[8]!, events[11]!, { type: 'genesys.released', connectionId: 'c1' }, ...replacedEvents()],
      prepare: (d) => d.genesys({ type: 'genesys.signedIn', agentId: 'a', dn: 'd' }).login(),
      prefix: [{ type: 'genesys.signedIn', agentId: 'a', dn: 'd' }, { type: 'genesys.connected' }, { type: 'genesys.registered' }],
      serialize: (s) => [s.value.signIn, s.value.connection, Object.keys(s.context.calls)],
      possible: (s, e) => {
        const calls = Object.keys(s.context.calls).length;
        if (e.type === 'genesys.ringing') return calls === 0;
        if (e.type === 'genesys.released') return calls > 0 && s.value.signIn === 'signedIn';
        if (e.type === 'genesys.replaced' || e.type === 'connection.useHere') return replacedIsPossible(s, e);
        return bridgeCanSend(s, e) && (e.type !== 'genesys.authRequired' || s.value.signIn === 'signedIn');
      },
    },
  ];
}

/** Only what the bridge and the adapter can send in each state (the other regions have their own models). */
function bridgeCanSend(s: RootSnapshot, e: ModelEvent): boolean {
  const signIn = s.value.signIn;
  const open = typeof s.value.connection === 'object';
  switch (e.type) {
    case 'genesys.authRequired':
      return e.code === 'NO_SESSION' ? signIn === 'checking' : e.code === 'SIGNED_OUT' ? signIn === 'signingOut' : signIn !== 'signingOut';
    case 'genesys.signedIn':
      return signIn === 'checking' || signIn === 'signingIn' || signIn === 'signingInSso';
    case 'genesys.signInFailed':
      // SSO_* outcomes come from the popup only; the others from the POST only.
      return e.code.startsWith('SSO_') ? signIn === 'signingInSso' : signIn === 'signingIn';
    case 'genesys.ssoBlocked':
      return signIn === 'signingInSso';
    case 'genesys.connected':
      return signIn === 'signedIn' && !open;
    case 'genesys.disconnected':
      // The socket (or its ticket) fails once the adapter has a token.
      return open || signIn === 'signedIn';
    case 'genesys.registered':
      return s.value.agent === 'registering';
    case 'agent.logout':
      return s.value.agent === 'available';
    case 'genesys.agentLogout':
      return s.value.agent === 'loggingOut';
    default:
      return true;
  }
}

interface Model {
  name: string;
  config?: Partial<typeof config>;
  inertCalls?: boolean;
  events: ModelEvent[];
  /** Drive the toolbar to the model's start (the graph starts from there too). */
  prepare: (d: Driver) => void;
  prefix: ModelEvent[];
  serialize: (snapshot: RootSnapshot) => unknown;
  possible: (snapshot: RootSnapshot, event: ModelEvent) => boolean;
}

/** The adapter says replaced only of an open socket; Use here is shown only while replaced. */
const replacedIsPossible = (snapshot: RootSnapshot, event: ModelEvent) =>
  event.type === 'genesys.replaced' ? typeof snapshot.value.connection === 'object' : event.type !== 'connection.useHere' || snapshot.value.connection === 'replaced';

const afterIsActive = (snapshot: RootSnapshot, event: ModelEvent) =>
  !event.type.startsWith('xstate.after.') || activeIds(snapshot).includes(event.type.split('.').slice(3).join('.'));

const models: Model[] = [
  {
    name: 'agent and connection',
    events: agentEvents(),
    prepare: () => undefined,
    prefix: [],
    serialize: (s) => [s.value, s.context.wantsLogin, s.context.agentRequestId !== null, s.context.presence],
    possible: (s, e) => afterIsActive(s, e) && replacedIsPossible(s, e),
  },
  {
    name: 'agent, EventRegistered means not ready',
    config: { readyOnRegister: false },
    events: [{ type: 'genesys.connected' }, { type: 'genesys.registered' }],
    prepare: () => undefined,
    prefix: [],
    serialize: (s) => [s.value, s.context.presence],
    possible: () => true,
  },
  {
    // profile=tutorial: no agent events, so a 2xx answer confirms Ready/NotReady/Logout.
    name: 'agent, a 2xx answer confirms (no agent events)',
    config: { capabilities: ['outbound'] },
    events: [
      { type: 'genesys.connected' },
      { type: 'genesys.registered' },
      { type: 'agent.goUnavailable', reason: 'Lunch' },
      { type: 'agent.goAvailable' },
      { type: 'agent.logout' },
      { type: 'genesys.commandAccepted', command: 'ready' },
      { type: 'genesys.commandAccepted', command: 'notReady' },
      { type: 'genesys.commandAccepted', command: 'logout' },
    ],
    prepare: () => undefined,
    prefix: [],
    serialize: (s) => [s.value, s.context.presence, s.context.notReadyReason, s.context.wantsLogin],
    possible: () => true,
  },
  {
    name: 'calls, a service that can neither hold nor dial',
    config: { capabilities: [] },
    inertCalls: true,
    events: [
      { type: 'genesys.ringing', connectionId: 'c1', eventId: 'e1', ani: '+15551230000' },
      { type: 'call.hold', key: C1 },
      { type: 'call.retrieve', key: C1 },
      { type: 'agent.dial', number: '+15551234567' },
      { type: 'fusion.dial', number: '+15559870000', eventId: 'd1' },
      { type: 'call.transfer', key: C1, destination: '+15550007777' },
      { type: 'call.sendDtmf', key: C1, digits: '1' },
      { type: 'call.consult', key: C1, destination: '+15550007777' },
      { type: 'call.conference', key: C1, destination: '+15550007777' },
      { type: 'call.completeTransfer', key: C1 },
      { type: 'call.completeConference', key: C1 },
      { type: 'call.cancelConsult', key: C1 },
      { type: 'call.swap', key: C1 },
      // Registered again: a service without snapshots is not asked for one.
      { type: 'genesys.registered' },
    ],
    prepare: (d) => d.login(),
    prefix: [{ type: 'genesys.connected' }, { type: 'genesys.registered' }],
    serialize: (s) => [Object.keys(s.context.calls), s.context.notices.length],
    possible: (s) => s.context.notices.length < 3,
  },
  {
    name: 'calls, transfer and keypad routing',
    inertCalls: true,
    events: [
      { type: 'genesys.ringing', connectionId: 'c1', eventId: 'e1', ani: '+15551230000' },
      { type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'closed' },
      { type: 'genesys.connected' },
      { type: 'call.transfer', key: C1, destination: '+15550007777' },
      { type: 'call.transfer', key: C1, destination: 'reception' },
      { type: 'call.sendDtmf', key: C1, digits: '12#' },
      { type: 'call.sendDtmf', key: C1, digits: '12A' },
      { type: 'genesys.dtmfSent', connectionId: 'c1', digits: '1' },
      { type: 'genesys.dtmfSent', connectionId: 'c9', digits: '1' },
      // Consult: the leg joins the call it names; its steps go to the call; a conference's parties.
      { type: 'call.consult', key: C1, destination: '+15550007777' },
      { type: 'call.consult', key: C1, destination: 'reception' },
      { type: 'call.conference', key: C1, destination: '+15550007777' },
      { type: 'call.conference', key: C1, destination: 'reception' },
      { type: 'genesys.dialing', connectionId: 'k2', number: '+15550007777', callType: 'Consult', previousConnectionId: 'c1' },
      { type: 'call.legEnded', key: C1, connectionId: 'k2' },
      { type: 'call.completeTransfer', key: C1 },
      { type: 'call.completeConference', key: C1 },
      { type: 'call.cancelConsult', key: C1 },
      { type: 'call.swap', key: C1 },
      { type: 'genesys.partyAdded', connectionId: 'c1', party: '+15550007777' },
      { type: 'genesys.partyAdded', connectionId: 'c9', party: '+15550007777' },
      { type: 'genesys.partyDeleted', connectionId: 'c1', party: '+15550007777' },
      { type: 'genesys.partyDeleted', connectionId: 'c9', party: '+15550007777' },
    ],
    prepare: (d) => d.login(),
    prefix: [{ type: 'genesys.connected' }, { type: 'genesys.registered' }],
    serialize: (s) => [s.value.connection, Object.entries(s.context.calls).map(([key, entry]) => [key, entry.connectionIds]), s.context.notices.length],
    possible: (s) => s.context.notices.length < 2,
  },
  ...wrapUpModels(),
  ...signInModels(),
  {
    name: 'fusion',
    events: fusionRegionEvents(),
    prepare: () => undefined,
    prefix: [],
    serialize: (s) => [s.value],
    possible: () => true,
  },
  {
    name: 'calls',
    inertCalls: true,
    events: callRoutingEvents(),
    prepare: (d) => d.login(),
    prefix: [{ type: 'genesys.connected' }, { type: 'genesys.registered' }],
    serialize: (s) => {
      const dialPad = (key: string | null) => (key?.startsWith(DIAL) && key !== keyOf('dial:d1') ? 'dial:*' : key);
      return [s.value.connection, s.value.agent, Object.entries(s.context.calls).map(([key, entry]) => [dialPad(key), entry.connectionIds]), dialPad(s.context.activeCall)];
    },
    possible: (s, e) => {
      const calls = Object.keys(s.context.calls);
      // Agent changes are here only to try logout with a live call; past them, only logout is tried.
      if (s.value.agent !== 'available') return e.type === 'agent.logout';
      if (e.type === 'genesys.agentNotReady' || e.type === 'agent.logout') return calls.length > 0;
      // Only a live call can end.
      if (e.type === 'call.ended') return calls.includes(C1);
      // Spawning c2, c3 or a dial-pad call covers its branch; the walk goes no deeper from there.
      if (calls.some((key) => [keyOf('c2'), keyOf('c3'), keyOf('c4')].includes(key) || (key.startsWith(DIAL) && key !== keyOf('dial:d1')))) return false;
      return true;
    },
  },
];

/**
 * In the calls model the children are inert recorders: the call machine has its own model, and
 * here only the root's routing is under test. `test.finish` ends one, as a finished call would.
 */
const forwarded: { key: string; event: AnyEventObject }[] = [];
const inertCall = setup({ types: { input: {} as { key: string }, context: {} as { key: string } } }).createMachine({
  id: 'inertCall',
  context: ({ input }) => ({ key: input.key }),
  initial: 'live',
  states: {
    live: {
      on: {
        'test.finish': {
          target: 'done',
          actions: sendParent(({ context, event }) => {
            // A connected call closes with WRAPUP (after-call work follows); any other with MISSED.
            const connected = (event as { connected?: boolean }).connected === true;
            return {
              type: 'call.ended',
              key: context.key,
              output: { key: context.key, connectionId: context.key, eventId: 'e1', direction: 'inbound', number: '+1', reason: connected ? 'WRAPUP' : 'MISSED', error: null, connected },
            };
          }),
        },
        '*': { actions: assign(({ context, event }) => (forwarded.push({ key: context.key, event }), {})) },
      },
    },
    done: {},
  },
});

function execute(d: Driver, event: ModelEvent) {
  if (event.type.startsWith('xstate.after.')) vi.advanceTimersByTime(AGENT_DEADLINE_MS);
  else if (event.type === 'call.ended') d.callRef(C1)?.send({ type: 'test.finish', connected: event.output.connected === true } as never);
  else if (event.type.startsWith('genesys.') && !event.type.startsWith('genesys.cmd')) d.genesys(event as Parameters<Driver['genesys']>[0]);
  else if (event.type.startsWith('fusion.') && !event.type.startsWith('fusion.cmd')) d.fusion(event as Parameters<Driver['fusion']>[0]);
  else d.send(event as ToolbarEvent);
}

interface Sent {
  to: string;
  event: AnyEventObject;
}

/** What the model says this step sends: the resolved sendTo actions of the pure transition. */
function modelSends(d: Driver, event: ModelEvent): Sent[] {
  const [, actions] = transition(d.actor.logic, d.snapshot(), event as ToolbarEvent);
  return actions
    .filter((action) => action.type === 'xstate.sendTo' || action.type === 'offerNow')
    .map((action) => {
      // offerNow: the offer to Fusion, sent as the action runs (issue 13).
      if (action.type === 'offerNow') return { to: 'fusion', event: (action.params as { command: AnyEventObject }).command };
      const params = action.params as { to: string | { id: string }; event: AnyEventObject };
      return { to: typeof params.to === 'string' ? params.to : params.to.id, event: params.event };
    });
}

/** Commands carry ids the driver makes afresh (dial uuids); compare their shape, not those ids. */
function normalise(event: AnyEventObject): AnyEventObject {
  const copy: Record<string, unknown> = { ...event };
  if (typeof copy['eventId'] === 'string' && /^[0-9a-f-]{36}$/.test(copy['eventId'])) copy['eventId'] = '<uuid>';
  return copy as AnyEventObject;
}

/**
 * Expectations written from the protocol, not from the machine, so a wrong transition fails
 * here even though the walk and the pure transition both come from the machine itself.
 */
const AGENT_COMMAND: Record<string, string> = {
  registering: 'genesys.cmd.register',
  goingAvailable: 'genesys.cmd.ready',
  goingUnavailable: 'genesys.cmd.notReady',
  loggingOut: 'genesys.cmd.logout',
  'wrappingUp.requesting': 'genesys.cmd.notReady',
};

/** 'available', or 'wrappingUp.active' for the after-call work states. */
function agentName(value: RootSnapshot['value']['agent']): string {
  return typeof value === 'string' ? value : `wrappingUp.${value.wrappingUp}`;
}
const CALL_EVENTS = ['genesys.networkReached', 'genesys.held', 'genesys.retrieved', 'genesys.released', 'genesys.abandoned', 'genesys.destinationBusy', 'genesys.error'];

function checkOracle(prev: RootSnapshot, d: Driver, event: ModelEvent, before: { genesys: number; fusion: number; calls: number }, where: string) {
  const next = d.snapshot();
  const agentBefore = agentName(prev.value.agent);
  const agentAfter = agentName(next.value.agent);
  const reRegister = (event.type === 'genesys.connected' || event.type === 'genesys.linkConnected') && agentAfter === 'registering';
  const agentCommands = d.genesysCommands.slice(before.genesys).map((c) => c.type).filter((t) => Object.values(AGENT_COMMAND).includes(t));
  const entered = agentBefore !== agentAfter || reRegister ? AGENT_COMMAND[agentAfter] : undefined;
  expect(agentCommands, `${where}: agent command for ${agentAfter}`).toEqual(entered ? [entered] : []);
  const settled = ['available', 'unavailable', 'loggedOut', 'wrappingUp.active'];
  for (const published of d.fusionCommands.slice(before.fusion)) {
    if (published.type !== 'fusion.cmd.agentState') continue;
    // Fusion only ever hears a settled state, and the one the agent is in now (wrap-up is not ready).
    expect(settled, `${where}: published state`).toContain(agentAfter);
    expect(published.presence, `${where}: published presence`).toBe(agentAfter === 'wrappingUp.active' ? 'unavailable' : agentAfter);
  }
  if (agentBefore !== agentAfter && settled.includes(agentAfter)) {
    expect(d.fusionCommands.slice(before.fusion).some((c) => c.type === 'fusion.cmd.agentState'), `${where}: Fusion told of ${agentAfter}`).toBe(true);
  }
  // Genesys call events reach the call that has their ConnID, or are noted as unknown.
  if (CALL_EVENTS.includes(event.type) && 'connectionId' in event && typeof event.connectionId === 'string') {
    const owner = Object.entries(prev.context.calls).find(([, entry]) => entry.connectionIds.includes(event.connectionId as string))?.[0];
    const reached = forwarded.slice(before.calls).map((f) => f.key);
    const ends = ['genesys.released', 'genesys.abandoned', 'genesys.destinationBusy'];
    if (owner) expect(reached, `${where}: routed to ${owner}`).toEqual([owner]);
    else if (ends.includes(event.type) && prev.context.endedConnections.includes(event.connectionId)) {
      // The release that follows an abandon or busy is expected: neither routed nor noted.
      expect(reached, `${where}: not routed`).toEqual([]);
      expect(next.context.notices.length, `${where}: not noted`).toBe(prev.context.notices.length);
    } else {
      expect(reached, `${where}: not routed`).toEqual([]);
      expect(next.context.notices.at(-1)?.code, `${where}: noted`).toBe(event.type === 'genesys.error' ? 'GENESYS_ERROR' : 'UNKNOWN_CALL');
    }
  }
  // A sign-in never touches the calls: none added, none dropped, nothing sent to them.
  // Nor does another toolbar taking the socket, or taking it back: the calls are handled there meanwhile.
  const keepsCalls = ['genesys.replaced', 'connection.useHere'];
  if (keepsCalls.includes(event.type) || event.type.startsWith('auth.') || event.type.startsWith('genesys.signIn') || event.type === 'genesys.ssoBlocked' || event.type === 'genesys.signedIn' || event.type === 'genesys.authRequired') {
    expect(Object.keys(next.context.calls), `${where}: calls kept`).toEqual(Object.keys(prev.context.calls));
    expect(forwarded.slice(before.calls), `${where}: calls untouched`).toEqual([]);
  }
  // The form's submit is the only way to a sign-in; a refused token or a sign-out closes the link.
  const signIns = d.genesysCommands.slice(before.genesys).filter((c) => c.type === 'genesys.cmd.signIn');
  const formShown = prev.matches({ signIn: 'required' }) || prev.matches({ signIn: 'signingInSso' });
  expect(signIns.length, `${where}: sign-in sent`).toBe(formShown && event.type === 'auth.submit' ? 1 : 0);
  // The Genesys button is the only way to the popup, and only while the form is shown.
  const ssoStarts = d.genesysCommands.slice(before.genesys).filter((c) => c.type === 'genesys.cmd.ssoStart').length;
  expect(ssoStarts, `${where}: popup asked`).toBe(formShown && event.type === 'auth.ssoStart' ? 1 : 0);
  if (event.type === 'genesys.authRequired') expect(next.context.online, `${where}: offline until signed in`).toBe(false);
  // Replaced: offline, and no socket is asked for until Use here, which asks for exactly one.
  if (event.type === 'genesys.replaced') expect(next.context.online, `${where}: offline while replaced`).toBe(false);
  const reconnects = d.genesysCommands.slice(before.genesys).filter((c) => c.type === 'genesys.cmd.reconnect').length;
  expect(reconnects, `${where}: reconnect asked`).toBe(prev.matches({ connection: 'replaced' }) && event.type === 'connection.useHere' ? 1 : 0);
  // Commands from the toolbar's buttons never reach Genesys or a call while the socket is down.
  const buttons = ['call.accept', 'call.reject', 'call.hangup', 'call.hold', 'call.retrieve'];
  if (!prev.context.online && buttons.includes(event.type)) {
    expect(forwarded.slice(before.calls), `${where}: refused offline`).toEqual([]);
    expect(next.context.notices.at(-1)?.code).toBe('OFFLINE');
  }
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** The same inert scope xstate/graph walks with: actions are resolved, never executed. */
function walkScope(): AnyActorScope {
  const self = createEmptyActor();
  const noop = () => undefined;
  return { self, logger: noop, id: '', sessionId: 'model', defer: noop, system: self.system, stopChild: noop, emit: noop, actionExecutor: noop } as unknown as AnyActorScope;
}

let pathCount = 0;
for (const model of models) {
  const scope = walkScope();
  const modelConfig = { ...config, ...model.config };
  const start = model.prefix.reduce<RootSnapshot>(
    (snapshot, event) => toolbarMachine.transition(snapshot, event as ToolbarEvent, scope),
    toolbarMachine.getInitialSnapshot(scope, { config: modelConfig }),
  );
  const paths = getShortestPaths(toolbarMachine, {
    input: { config: modelConfig },
    fromState: start,
    events: model.events as ToolbarEvent[],
    filterEvents: (snapshot, event) => model.possible(snapshot, event),
    serializeState: (snapshot, event, prev) =>
      JSON.stringify([model.serialize(snapshot), prev ? model.serialize(prev) : null, event ?? null]),
  });
  pathCount += paths.length;
  describe(`toolbar model: ${model.name} (${paths.length} paths)`, () => {
    test.each(paths.map((path) => [path.steps.slice(1).map((s) => s.event.type).join(' → ') || '(start)', path] as const))('%s', (_name, path) => {
      forwarded.length = 0;
      const d = createDriver({ config: modelConfig, inspect: coverage.inspect, fusionReady: false, ...(model.inertCalls ? { callLogic: inertCall } : {}) });
      model.prepare(d);
      for (const step of path.steps.slice(1)) {
        const before = { genesys: d.genesysCommands.length, fusion: d.fusionCommands.length, calls: forwarded.length };
        // The machine's own pure transition from where the toolbar really is says what must be sent.
        const expected = modelSends(d, step.event as ModelEvent);
        const beforeSnapshot = d.snapshot();
        const noticesBefore = d.snapshot().context.notices.length;
        const noticesExpected = transition(d.actor.logic, d.snapshot(), step.event as ToolbarEvent)[0].context.notices.slice(noticesBefore).map((n) => n.code);
        execute(d, step.event as ModelEvent);
        const where = `after ${step.event.type}`;
        // Compare what the model's walk tells apart; the rest is checked through the sends below.
        expect(model.serialize(d.snapshot()), where).toEqual(model.serialize(step.state));
        expect(d.snapshot().context.notices.slice(noticesBefore).map((n) => n.code), where).toEqual(noticesExpected);
        const sentTo = (to: string) => expected.filter((sent) => sent.to === to).map((sent) => normalise(sent.event));
        expect(d.genesysCommands.slice(before.genesys).map(normalise), `${where}: to Genesys`).toEqual(sentTo('genesys'));
        expect(d.fusionCommands.slice(before.fusion).map(normalise), `${where}: to Fusion`).toEqual(sentTo('fusion'));
        const toCalls = expected.filter((sent) => sent.to !== 'genesys' && sent.to !== 'fusion');
        expect(forwarded.slice(before.calls).map((f) => ({ to: f.key, event: f.event })), `${where}: to calls`).toEqual(toCalls);
        checkOracle(beforeSnapshot, d, step.event as ModelEvent, before, where);
      }
      expect(d.errors).toEqual([]);
      d.stop();
    });
  });
}

/**
 * Scripted paths through the real calls for what the walk cannot reach without blowing up its
 * state space: the trailing release after an end (expected, no notice) and a PartyChanged onto a
 * second live call's ConnID (refused); the same oracle checks every step.
 */
describe('toolbar model: after an end, and a ConnID two calls claim', () => {
  const ring = (connectionId: string): ModelEvent => ({ type: 'genesys.ringing', connectionId, eventId: `e-${connectionId}`, ani: '+1' });
  const ended: ModelEvent = { type: 'call.ended', key: C1, output: { key: C1, connectionId: 'c1', eventId: 'e-c1', direction: 'inbound', number: '+1', reason: 'ABANDONED', error: null } } as ModelEvent;
  const scripts: { name: string; steps: ModelEvent[] }[] = [
    {
      name: 'a call ends; its release, a late abandon and busy follow',
      steps: [ring('c1'), ended, { type: 'genesys.released', connectionId: 'c1' }, { type: 'genesys.abandoned', connectionId: 'c1' }, { type: 'genesys.destinationBusy', connectionId: 'c1' }],
    },
    { name: 'PartyChanged onto another live call', steps: [ring('c1'), ring('c3'), { type: 'genesys.partyChanged', connectionId: 'c3', previousConnectionId: 'c1' }] },
  ];
  test.each(scripts.map((script) => [script.name, script] as const))('%s', (_name, script) => {
    forwarded.length = 0;
    const d = createDriver({ config, inspect: coverage.inspect, callLogic: inertCall }).login();
    for (const event of script.steps) {
      const prev = d.snapshot();
      const before = { genesys: d.genesysCommands.length, fusion: d.fusionCommands.length, calls: forwarded.length };
      execute(d, event);
      checkOracle(prev, d, event, before, `after ${event.type}`);
    }
    expect(d.errors).toEqual([]);
    d.stop();
  });
});

afterAll(() => {
  const report = coverage.report('toolbar');
  console.log(`${report.line} over ${pathCount} generated paths`);
  expect(report.missingStates, 'toolbar states never reached').toEqual([]);
  expect(report.missingTransitions, 'toolbar transitions never taken').toEqual([]);
});
