/**
 * The fault matrix (issue 10): every call state (a consult too) × every fault. Afterwards the toolbar is in a state
 * the model has, the agent sees exactly one coded message, and the call can still be ended.
 */
import { describe, expect, test } from 'vitest';
import { callMachine } from '../../src/machines/call.machine';
import type { GenesysCommandName } from '../../src/machines/genesys.types';
import { toolbarMachine } from '../../src/machines/toolbar.machine';
import { isStateOf } from '../fuzz/fuzz-core';
import { createDriver, keyOf, type Driver } from '../support/driver';

type Setup = {
  name: string;
  conn: string;
  reach: (d: Driver) => void;
  pending: GenesysCommandName;
  act: (d: Driver) => void;
  /** Other legs of the call (a consult leg), released after the call's own. */
  legs?: string[];
  /** The call's state once reached (checked, so a setup cannot silently miss it). */
  at?: string;
  /** How the agent ends it from here, when not Hang up / Decline (a consult is cancelled first). */
  end?: 'call.cancelConsult' | null;
};

const C1 = 'c1';
/** Each state, how to get there, and the command a REST fault hits there (pending, or the agent's next). */
const STATES: Setup[] = [
  { name: 'ringing', conn: C1, reach: (d) => d.ring(C1, '+15551230000', 'e1'), pending: 'accept', act: (d) => d.answer(C1) },
  { name: 'accepting', conn: C1, reach: (d) => d.ring(C1, '+15551230000', 'e1').answer(C1), pending: 'accept', act: () => undefined },
  { name: 'established', conn: C1, reach: (d) => d.ring(C1, '+15551230000', 'e1').established(C1), pending: 'hold', act: (d) => d.send({ type: 'call.hold', key: keyOf(C1) }) },
  { name: 'holding', conn: C1, reach: (d) => d.ring(C1, '+15551230000', 'e1').established(C1).send({ type: 'call.hold', key: keyOf(C1) }), pending: 'hold', act: () => undefined },
  { name: 'held', conn: C1, reach: (d) => d.ring(C1, '+15551230000', 'e1').established(C1).genesys({ type: 'genesys.held', connectionId: C1 }), pending: 'retrieve', act: (d) => d.send({ type: 'call.retrieve', key: keyOf(C1) }) },
  { name: 'hanging up', conn: C1, reach: (d) => d.ring(C1, '+15551230000', 'e1').established(C1).hangUp(C1), pending: 'hangup', act: () => undefined },
  { name: 'consult initiating', conn: C1, at: '{"consulting":"initiating"}', reach: (d) => consult(d), pending: 'initiateTransfer', act: () => undefined, end: null },
  {
    name: 'consulting',
    conn: C1,
    legs: ['k2'],
    at: '{"consulting":"talkingToTarget"}',
    reach: (d) => consult(d).genesys({ type: 'genesys.held', connectionId: C1 })
      .genesys({ type: 'genesys.dialing', connectionId: 'k2', number: '+15550007777', callType: 'Consult', previousConnectionId: C1 })
      .genesys({ type: 'genesys.established', connectionId: 'k2' }),
    pending: 'completeTransfer',
    act: (d) => d.send({ type: 'call.completeTransfer', key: keyOf(C1) }),
    end: 'call.cancelConsult',
  },
  { name: 'dialing', conn: 'o1', reach: (d) => d.send({ type: 'agent.dial', number: '+15550001111' }).genesys({ type: 'genesys.dialing', connectionId: 'o1', number: '+15550001111' }), pending: 'hangup', act: (d) => d.send({ type: 'call.hangup', key: keyFor(d, 'o1') }) },
];

/** A talking call whose agent asked to consult +15550007777. */
function consult(d: Driver): Driver {
  return d.ring(C1, '+15551230000', 'e1').established(C1).send({ type: 'call.consult', key: keyOf(C1), destination: '+15550007777' });
}

/** The key of the call that has `connectionId` (a dial's key holds its eventId, not the ConnID). */
function keyFor(d: Driver, connectionId: string): string {
  return Object.entries(d.snapshot().context.calls).find(([, entry]) => entry.connectionIds.includes(connectionId))?.[0] ?? keyOf(connectionId);
}

type Fault = { name: string; code: string; inject: (d: Driver, s: Setup) => void };
const restFault = (code: string): Fault['inject'] => (d, s) => {
  s.act(d);
  d.genesys({ type: 'genesys.commandFailed', command: s.pending, connectionId: s.conn, code, message: 'fault injected' });
};
const FAULTS: Fault[] = [
  { name: 'socket dropped', code: 'RECONNECTING', inject: (d) => d.genesys({ type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'socket dropped' }) },
  { name: 'REST 500', code: 'REST_HTTP_500', inject: restFault('REST_HTTP_500') },
  { name: 'REST timeout', code: 'REST_TIMEOUT', inject: restFault('REST_TIMEOUT') },
  { name: 'REST connection refused', code: 'REST_NETWORK', inject: restFault('REST_NETWORK') },
  { name: 'UEF publish rejected', code: 'UEF_REJECTED', inject: (d) => d.fusion({ type: 'fusion.publishFailed', operation: 'startCommEvent', eventId: 'e1', code: 'UEF_REJECTED', message: 'Fusion said no' }) },
  { name: 'UEF publish never settling', code: 'UEF_TIMEOUT', inject: (d) => d.fusion({ type: 'fusion.publishFailed', operation: 'startCommEvent', eventId: 'e1', code: 'UEF_TIMEOUT', message: 'no answer in 10 s' }) },
];

/** Every coded message the agent can see now: notices since `since`, call errors, the agent's error, the reconnect banner. */
function messages(d: Driver, since: number): string[] {
  const { context } = d.snapshot();
  const calls = Object.keys(context.calls).flatMap((key) => {
    const error = d.callRef(key)?.getSnapshot().context.error;
    return error ? [error.code] : [];
  });
  return [...context.notices.slice(since).map((n) => n.code), ...calls, ...(context.agentError ? [context.agentError.code] : []), ...(context.reconnect ? ['RECONNECTING'] : [])];
}

describe('fault matrix: call state × fault', () => {
  for (const state of STATES) {
    describe(`when ${state.name}`, () => {
      test.each(FAULTS.map((fault) => [fault.name, fault] as const))('%s', (_name, fault) => {
        const d = createDriver().login();
        state.reach(d);
        if (state.at) expect(JSON.stringify(d.callSnapshot(keyFor(d, state.conn))?.value)).toContain(state.at);
        const notices = d.snapshot().context.notices.length;
        expect(messages(d, notices)).toEqual([]);
        fault.inject(d, state);
        const snapshot = d.snapshot();
        expect(d.errors).toEqual([]);
        expect(snapshot.status).toBe('active');
        expect(isStateOf(toolbarMachine.root as never, snapshot.value)).toBe(true);
        const key = keyFor(d, state.conn);
        const call = d.callSnapshot(key);
        expect(call, 'the call is still there').toBeDefined();
        expect(isStateOf(callMachine.root as never, call?.value)).toBe(true);
        expect(messages(d, notices), 'one coded message').toEqual([fault.code]);
        // The call can still be ended: from the toolbar once online, and by Genesys in any case.
        if (fault.name === 'socket dropped') d.genesys({ type: 'genesys.connected' }).genesys({ type: 'genesys.registered' });
        const end = state.end !== undefined ? state.end : state.name === 'ringing' || state.name === 'accepting' ? 'call.reject' : 'call.hangup';
        if (end && state.name !== 'hanging up' && state.name !== 'holding') {
          expect(d.callSnapshot(key)?.can({ type: end, key }), `${end} allowed`).toBe(true);
        }
        d.released(state.conn);
        for (const leg of state.legs ?? []) d.released(leg);
        expect(d.callNames()).toEqual([]);
        expect(d.snapshot().status).toBe('active');
      });
    });
  }
});
