/**
 * Fusion → toolbar: the four subscriptions. Controllable commands become machine events with a
 * fresh requestId; their UEF promise stays open until the machine responds (or 15 s pass).
 */
import type { FusionEvent } from '../../machines/fusion.types';
import { agentStateFields } from './agent-state';
import { readCommand, readDataUpdate, readOutgoing, type IncomingCommand } from './responses';
import { dialableForm } from '../../dialable';
import { emit, type Session } from './session';
import { since } from './trace';
import type { UefEventName } from './uef.types';

type InteractionEventType = 'fusion.accept' | 'fusion.reject' | 'fusion.hangup' | 'fusion.setActive';

/** `disconnect` (fuief) and `wrapup` (Genesys page) both mean hang up (protocol.md 1.6). */
const INTERACTION_COMMANDS: Record<string, InteractionEventType> = {
  accept: 'fusion.accept',
  reject: 'fusion.reject',
  disconnect: 'fusion.hangup',
  wrapup: 'fusion.hangup',
  setActive: 'fusion.setActive',
};

/** The interaction commands this toolbar answers, for getActiveInteractionCommands. */
export const SUPPORTED_INTERACTION_COMMANDS = Object.keys(INTERACTION_COMMANDS);

function lookup<V>(table: Record<string, V>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Traces Fusion's callback, and wraps its reply so the answer is traced too, with its time. */
function traced(session: Session, event: UefEventName, cmd: IncomingCommand): IncomingCommand {
  const { tracer } = session;
  if (!tracer) return cmd;
  const n = ++tracer.calls;
  const start = tracer.now();
  const command = cmd.command === undefined ? {} : { command: cmd.command };
  tracer.trace({ uef: 'callback', n, event, data: { ...command, ...(cmd.eventId === undefined ? {} : { eventId: cmd.eventId }), ...(cmd.inData ? { inData: cmd.inData } : {}) } });
  return {
    ...cmd,
    reply: (ok, message, outData) => {
      tracer.trace({ uef: 'reply', n, event, ...command, result: ok ? 'success' : 'failure', ms: since(tracer, start), ...(message === undefined ? {} : { message }), ...(outData ? { data: outData } : {}) });
      return cmd.reply(ok, message, outData);
    },
  };
}

/** Traces a callback that needs no reply (click-to-dial, data updates). */
function tracedCall(session: Session, event: UefEventName, data: unknown): void {
  const { tracer } = session;
  if (tracer) tracer.trace({ uef: 'callback', n: ++tracer.calls, event, data });
}

function refuse(session: Session, cmd: IncomingCommand, source: string, why: string): unknown {
  session.options.log('warn', `fusion: ${source} ${cmd.command ?? '(no command)'} refused: ${why}`);
  return Promise.resolve(cmd.reply(false, why));
}

/** Sends the machine event and resolves with UEF's response object once the machine answered. */
async function forward(session: Session, cmd: IncomingCommand, event: FusionEvent & { requestId: string }): Promise<unknown> {
  const outcome = session.pending.wait(event.requestId, cmd.command ?? event.type);
  emit(session, event);
  const reply = await outcome;
  if (!reply.ok) session.options.log('info', `fusion: ${cmd.command ?? event.type} answered failure: ${reply.message ?? ''}`);
  return cmd.reply(reply.ok, reply.message);
}

export function onInteractionCommand(session: Session, response: unknown): unknown {
  const cmd = traced(session, 'onToolbarInteractionCommand', readCommand(response));
  const type = lookup(INTERACTION_COMMANDS, cmd.command);
  if (!type) return refuse(session, cmd, 'interaction command', 'unknown command');
  if (!cmd.eventId) return refuse(session, cmd, 'interaction command', 'no eventId');
  if (!session.binding) return refuse(session, cmd, 'interaction command', 'the toolbar is not running');
  const eventId = session.calls.ourEventId(cmd.eventId);
  return forward(session, cmd, { type, eventId, requestId: session.options.uuid() });
}

export function onAgentCommand(session: Session, response: unknown): unknown {
  const cmd = traced(session, 'onToolbarAgentCommand', readCommand(response));
  const lang = session.binding?.lang ?? 'en';
  switch (cmd.command) {
    case 'makeAvailable':
    case 'makeUnavailable': {
      if (!session.binding) return refuse(session, cmd, 'agent command', 'the toolbar is not running');
      const requestId = session.options.uuid();
      const reason = typeof cmd.inData?.reason === 'string' ? cmd.inData.reason : undefined;
      const event: FusionEvent & { requestId: string } =
        cmd.command === 'makeAvailable'
          ? { type: 'fusion.makeAvailable', requestId }
          : { type: 'fusion.makeUnavailable', requestId, ...(reason ? { reason } : {}) };
      return forward(session, cmd, event);
    }
    case 'getCurrentAgentState': {
      // Before any agentStateEventOperation the agent is not logged in as far as Fusion knows.
      const last = session.lastAgentState ?? { presence: 'loggedOut' as const };
      const fields = agentStateFields(last.presence, lang, last.reason, last.reasonLabel);
      return Promise.resolve(cmd.reply(true, undefined, { ...fields }));
    }
    case 'getActiveEngagements':
      return Promise.resolve(cmd.reply(true, undefined, { engagements: session.calls.activeEngagements() }));
    case 'getActiveInteractionCommands':
      return Promise.resolve(cmd.reply(true, undefined, { commands: SUPPORTED_INTERACTION_COMMANDS }));
    default:
      return refuse(session, cmd, 'agent command', 'unknown command');
  }
}

export function onOutgoingEvent(session: Session, response: unknown): void {
  const { outData, uuid } = readOutgoing(response);
  tracedCall(session, 'onOutgoingEvent', { ...(uuid === undefined ? {} : { uuid }), ...(outData ? { outData } : {}) });
  const number = outData?.SVCMCA_ANI;
  if (typeof number !== 'string' || number.trim() === '') {
    session.options.log('warn', 'fusion: onOutgoingEvent without SVCMCA_ANI ignored');
    return;
  }
  const eventId = uuid ?? session.options.uuid();
  if (outData) session.calls.rememberOutgoing(eventId, outData);
  const displayName = outData?.SVCMCA_DISPLAY_NAME;
  emit(session, {
    type: 'fusion.dial',
    // Fusion may pass "+1 (555) 987-6543": Genesys gets the dialable form.
    number: dialableForm(number),
    eventId,
    ...(typeof displayName === 'string' && displayName ? { displayName } : {}),
  });
}

export function onDataUpdated(session: Session, response: unknown): void {
  const { updateType, eventId } = readDataUpdate(response);
  tracedCall(session, 'onDataUpdated', { ...(updateType === undefined ? {} : { updateType }), ...(eventId === undefined ? {} : { eventId }) });
  if (updateType !== 'OFFER_TIMEOUT' && updateType !== 'WRAPUP_CLOSED') {
    session.options.log('debug', `fusion: onDataUpdated ${updateType ?? '(no updateType)'} ignored`);
    return;
  }
  if (!eventId) {
    session.options.log('warn', `fusion: onDataUpdated ${updateType} without eventId ignored`);
    return;
  }
  const ours = session.calls.ourEventId(eventId);
  emit(session, { type: updateType === 'OFFER_TIMEOUT' ? 'fusion.offerTimeout' : 'fusion.wrapupClosed', eventId: ours });
}
