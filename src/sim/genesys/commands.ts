import * as agents from './agents';
import * as calls from './calls';
import * as consult from './consult';
import { snapshot } from './snapshot';
import type { Call, SimModel } from './state';
import { fail, type Reply } from './types';

export type CommandName =
  | 'register'
  | 'accept'
  | 'reject'
  | 'hangup'
  | 'makecall'
  | 'hold'
  | 'retrieve'
  | 'ready'
  | 'notready'
  | 'logout'
  | 'snapshot'
  | 'singlesteptransfer'
  | 'senddtmf'
  | 'initiatetransfer'
  | 'initiateconference'
  | 'completetransfer'
  | 'completeconference'
  | 'reconnectcall'
  | 'alternatecall'
  | 'ring';

/** `type` is matched case-insensitively; `initialize` (seed/mock) and `Register` (docs) are one command. */
const ALIASES: Readonly<Record<string, CommandName>> = {
  initialize: 'register',
  register: 'register',
  accept: 'accept',
  reject: 'reject',
  hangup: 'hangup',
  makecall: 'makecall',
  hold: 'hold',
  retrieve: 'retrieve',
  ready: 'ready',
  notready: 'notready',
  logout: 'logout',
  snapshot: 'snapshot',
  singlesteptransfer: 'singlesteptransfer',
  senddtmf: 'senddtmf',
  initiatetransfer: 'initiatetransfer',
  initiateconference: 'initiateconference',
  completetransfer: 'completetransfer',
  completeconference: 'completeconference',
  reconnectcall: 'reconnectcall',
  alternatecall: 'alternatecall',
  ring: 'ring',
};

export function normalizeCommand(type: unknown): CommandName | undefined {
  if (typeof type !== 'string') return undefined;
  const key = type.toLowerCase();
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The agent a REST body speaks for: `agentId`, else `default` (the toolbar sends agentId when it has one). */
export function bodyAgent(body: Record<string, unknown>): string {
  return text(body['agentId']) ?? 'default';
}

/** Runs one `POST /genesys/events` command against the model. */
export function runCommand(model: SimModel, command: CommandName, body: Record<string, unknown>): Reply {
  const agent = bodyAgent(body);
  const connectionId = body['connectionId'];
  const onCall = (allowed: Parameters<typeof calls.findCall>[3], action: string, run: (call: Call) => Reply, id: unknown = connectionId): Reply => {
    const found = calls.findCall(model, id, agent, allowed, action);
    return calls.isReply(found) ? found : run(found);
  };
  switch (command) {
    case 'register':
      return agents.register(model, agent, text(body['dn']));
    case 'ready':
      return agents.ready(model, agent);
    case 'notready':
      return agents.notReady(model, agent, text(body['reason']), text(body['workMode']));
    case 'logout':
      return agents.logout(model, agent);
    case 'snapshot':
      return snapshot(model, agent);
    case 'accept':
      return onCall(['ringing'], 'accept', (call) => calls.answer(model, call));
    case 'reject':
      return onCall(['ringing'], 'reject', (call) => calls.releaseOk(model, call));
    case 'hangup':
      return onCall(['established', 'held', 'dialing'], 'hang up', (call) => calls.releaseOk(model, call));
    case 'hold':
      return onCall(['established'], 'hold', (call) => calls.hold(model, call));
    case 'retrieve':
      return onCall(['held'], 'retrieve', (call) => calls.retrieve(model, call));
    case 'singlesteptransfer': {
      const destination = text(body['destination']);
      if (destination === undefined) return fail(400, 'SingleStepTransfer needs a destination');
      return onCall(['established'], 'transfer', (call) => calls.transfer(model, call, destination));
    }
    case 'initiatetransfer':
    case 'initiateconference': {
      const destination = text(body['destination']);
      const kind = command === 'initiatetransfer' ? 'transfer' : 'conference';
      if (destination === undefined) return fail(400, `Initiate${kind === 'transfer' ? 'Transfer' : 'Conference'} needs a destination`);
      return onCall(['established'], `consult (${kind}) on`, (call) => consult.initiate(model, call, destination, kind));
    }
    case 'completetransfer':
    case 'completeconference': {
      const action = command === 'completetransfer' ? 'complete the transfer of' : 'complete the conference of';
      return onCall(['held'], action, (call) => {
        const leg = consult.consultLegOf(model, call, body['consultConnectionId'], action);
        if (calls.isReply(leg)) return leg;
        return command === 'completetransfer' ? consult.completeTransfer(model, call, leg) : consult.completeConference(model, call, leg);
      });
    }
    case 'reconnectcall':
      // connectionId: the consult leg to drop; heldConnectionId: the call to take back.
      return onCall(['held'], 'reconnect', (call) => {
        const found = calls.findCall(model, body['connectionId'], agent, ['dialing', 'established', 'held'], 'drop consult leg');
        if (calls.isReply(found)) return found;
        const leg = consult.consultLegOf(model, call, found.connectionId, 'reconnect');
        return calls.isReply(leg) ? leg : consult.reconnect(model, leg, call);
      }, body['heldConnectionId']);
    case 'alternatecall':
      // connectionId: the leg talking now; heldConnectionId: the held one. One is the other's consult leg.
      return onCall(['established'], 'swap from', (talking) => {
        const held = calls.findCall(model, body['heldConnectionId'], agent, ['held'], 'swap to');
        if (calls.isReply(held)) return held;
        const paired = talking.consultOf === held.connectionId || held.consultOf === talking.connectionId;
        return paired ? consult.alternate(model, talking, held) : fail(409, `${talking.connectionId} and ${held.connectionId} are not a call and its consult leg`);
      });
    case 'senddtmf': {
      const digits = body['digits'];
      if (typeof digits !== 'string' || !/^[0-9*#]{1,32}$/.test(digits)) return fail(400, 'SendDTMF needs digits: 1-32 of 0-9 * #');
      return onCall(['established'], 'send digits on', (call) => calls.sendDtmf(model, call, digits));
    }
    case 'makecall': {
      const number = text(body['toNumber']) ?? text(body['number']);
      if (number === undefined) return fail(400, 'makeCall needs toNumber');
      return calls.makeCall(model, agent, number, text(body['eventId']));
    }
    case 'ring':
      // Public mock's trigger: rings the last-connected agent unless the body names one.
      return calls.ring(model, {
        agent: text(body['agentId']) ?? model.currentAgent,
        ani: text(body['ANI']),
        eventId: text(body['eventId']),
        connectionId: text(body['connectionId']),
        queue: text(body['queueName']),
      });
  }
}
