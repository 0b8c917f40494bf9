import { randomUUID } from 'node:crypto';
import * as calls from './calls';
import { partyLeaves } from './consult';
import { parseFailRule, type FailRules } from './fail-rules';
import type { PublicMock } from './public-mock';
import type { SocketHub } from './sockets';
import { SNAPSHOT_MODES } from './snapshot';
import { newConnId, type Call, type SimModel } from './state';
import { fail, ok, type CallStatus, type Reply, type SimConfig } from './types';

/** What the scenario endpoints may touch. */
export interface SimControl {
  model: SimModel;
  hub: SocketHub;
  /** The public mock's behaviour, used for REST (and /sim/ring) while `mode` is `mock`. */
  mock: PublicMock;
  failRules: FailRules;
  restart(downMs: number, dropState: boolean): void;
  isDown(): boolean;
  /** A refusal when a request for this agent would pass the agent cap (limits.ts), else undefined. */
  admit(agentId: string): Reply | undefined;
}

type Body = Record<string, unknown>;
type Route = (control: SimControl, body: Body) => Reply;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function onCall(control: SimControl, body: Body, allowed: readonly CallStatus[], action: string, run: (call: Call) => Reply): Reply {
  const found = calls.findCall(control.model, body['connectionId'], null, allowed, action);
  return calls.isReply(found) ? found : run(found);
}

/** Attached data for a ring: string values only, at most 32 keys (a transferred call's UserData). */
function userDataOf(value: unknown): { userData?: Record<string, string> } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string').slice(0, 32);
  return entries.length > 0 ? { userData: Object.fromEntries(entries) } : {};
}

/** The mock's own `ring` trigger, with the ids filled in and answered so tests can follow the call. */
function mockRing(mock: PublicMock, body: Body): Reply {
  const connectionId = text(body['connectionId']) ?? newConnId();
  const eventId = text(body['eventId']) ?? randomUUID();
  mock.handle({ type: 'ring', ANI: text(body['ani']) ?? '+15551230000', eventId, connectionId, queueName: text(body['queue']) ?? 'Sales' });
  return ok({ connectionId, eventId });
}

/** `POST /sim/<name>` handlers; names are used by the Fusion host page and demo buttons. */
export const SIM_ROUTES: Readonly<Record<string, Route>> = {
  ring: ({ model, mock }, body) =>
    model.config.mode === 'mock'
      ? mockRing(mock, body)
      : calls.ring(model, {
      agent: model.resolveAgent(body['agent']),
      ani: text(body['ani']),
      queue: text(body['queue']),
      eventId: text(body['eventId']),
      connectionId: text(body['connectionId']),
      ...userDataOf(body['userData']),
      ...(text(body['callType']) ? { callType: text(body['callType']) } : {}),
    }),
  callerHangup: (control, body) =>
    onCall(control, body, ['ringing', 'dialing', 'established', 'held'], 'hang up (caller)', (call) => calls.callerHangup(control.model, call)),
  /** A conference party hangs up: EventPartyDeleted on the call. */
  partyLeave: (control, body) => {
    const party = text(body['party']);
    if (party === undefined) return fail(400, 'partyLeave needs a party');
    return onCall(control, body, ['established', 'held'], 'remove a party from', (call) => partyLeaves(control.model, call, party));
  },
  remoteAnswer: (control, body) =>
    onCall(control, body, ['dialing'], 'answer (remote)', (call) => calls.remoteAnswer(control.model, call)),
  softphoneAnswer: (control, body) =>
    onCall(control, body, ['ringing'], 'answer (softphone)', (call) => calls.answer(control.model, call)),
  softphoneHangup: (control, body) =>
    onCall(control, body, ['ringing', 'dialing', 'established', 'held'], 'hang up (softphone)', (call) => calls.releaseOk(control.model, call)),
  failNext: ({ model, failRules }, body) => {
    const rule = parseFailRule(body, model.resolveAgent(body['agent']));
    if (typeof rule === 'string') return fail(400, rule);
    failRules.add(rule);
    return ok({ armed: rule });
  },
  dropSocket: ({ model, hub }, body) => {
    const agent = model.resolveAgent(body['agent']);
    return ok({ agent, dropped: hub.terminate(agent) });
  },
  restart: (control, body) => {
    const downMs = body['downMs'] ?? 500;
    if (typeof downMs !== 'number' || !(downMs >= 0 && downMs <= 600_000)) return fail(400, 'downMs must be 0-600000');
    const dropState = body['dropState'] ?? false;
    if (typeof dropState !== 'boolean') return fail(400, 'dropState must be true or false');
    control.restart(downMs, dropState);
    return ok({ downMs, dropState });
  },
  reset: ({ model, failRules, mock }) => {
    model.reset();
    mock.reset();
    failRules.clear();
    return ok();
  },
  config: ({ model }, body) => {
    const { dialDelayMs, consultDelayMs, busyNumbers, mode, snapshot } = body;
    if (mode !== undefined) {
      if (mode !== 'full' && mode !== 'mock') return fail(400, 'mode must be full or mock');
      model.config.mode = mode;
    }
    if (snapshot !== undefined) {
      if (!SNAPSHOT_MODES.includes(snapshot as never)) return fail(400, `snapshot must be one of ${SNAPSHOT_MODES.join(', ')}`);
      model.config.snapshot = snapshot as SimConfig['snapshot'];
    }
    if (dialDelayMs !== undefined) {
      if (typeof dialDelayMs !== 'number' || !(dialDelayMs >= 0 && dialDelayMs <= 600_000)) return fail(400, 'dialDelayMs must be 0-600000');
      model.config.dialDelayMs = dialDelayMs;
    }
    if (consultDelayMs !== undefined) {
      if (typeof consultDelayMs !== 'number' || !(consultDelayMs >= 0 && consultDelayMs <= 600_000)) return fail(400, 'consultDelayMs must be 0-600000');
      model.config.consultDelayMs = consultDelayMs;
    }
    if (busyNumbers !== undefined) {
      if (!Array.isArray(busyNumbers) || !busyNumbers.every((item) => typeof item === 'string')) return fail(400, 'busyNumbers must be an array of strings');
      model.config.busyNumbers = busyNumbers as string[];
    }
    return ok({ config: model.config });
  },
  event: ({ model, hub }, body) => {
    const agent = model.resolveAgent(body['agent']);
    const frame = body['frame'];
    if (frame === undefined) return fail(400, 'event needs a frame (string sent as is, object sent as JSON)');
    const raw = typeof frame === 'string' ? frame : JSON.stringify(frame);
    const data = body['binary'] === true ? Buffer.from(raw, 'utf8') : raw;
    if (hub.sockets(agent) === 0) return fail(409, `agent ${agent} has no open socket`);
    return ok({ agent, delivered: hub.send(agent, data) });
  },
};
