/**
 * Toolbar → Fusion: one publish per machine command, queued per eventId so a call's
 * newCommEvent outData is stored before its start/close reads it.
 */
import type { FusionCommand } from '../../machines/fusion.types';
import type { CallDirection } from '../../machines/genesys.types';
import { agentStateFields } from './agent-state';
import { contactOf } from './contact';
import { readPublishResponse } from './responses';
import { asRequest, emit, publishWith, type Session } from './session';
import { APP_CLASSIFICATION } from './startup';
import type {
  UefAgentStateRequest,
  UefCloseCommRequest,
  UefCommRequest,
  UefData,
  UefOutboundErrorRequest,
} from './uef.types';

const COMM_SETTERS = ['setAppClassification', 'setEventId', 'getInData'] as const;
/** Agent state publishes keep their own order; no eventId can collide with this key. */
const AGENT_QUEUE = '\u0000agent';

const DIRECTION: Record<CallDirection, string> = { inbound: 'ORA_SVC_INBOUND', outbound: 'ORA_SVC_OUTBOUND' };

function fillComm<T extends UefCommRequest = UefCommRequest>(
  request: unknown,
  operation: string,
  extra: readonly string[],
  eventId: string,
  inData: UefData,
): T {
  const req = asRequest<T>(request, operation, extra.length === 0 ? COMM_SETTERS : [...COMM_SETTERS, ...extra]);
  req.setEventId(eventId);
  req.setAppClassification(APP_CLASSIFICATION);
  const target = req.getInData();
  for (const key of Object.keys(inData)) target.setInDataValueByAttribute(key, inData[key]!);
  return req;
}

/** Stored outData as start/close inData; Fusion echoes callStatus INCOMING even for outbound. */
function storedInData(session: Session, eventId: string, direction: CallDirection | undefined): UefData {
  const data = session.calls.outDataFor(eventId);
  if (direction === 'outbound') delete data.callStatus;
  return data;
}

type NewComm = Extract<FusionCommand, { type: 'fusion.cmd.newComm' }>;

async function publishNewComm(session: Session, cmd: NewComm): Promise<void> {
  const conn = session.connected ?? (await session.ready);
  if (!conn) return;
  const { calls, options } = session;
  // Quiet: the reload record hears of the new engagement once the offer is out (issue 13).
  const evicted = calls.open(cmd.eventId, cmd.direction, cmd.number, true);
  // Click-to-dial: the onOutgoingEvent outData is the outbound call's inData (protocol.md 1.7).
  // A transferred call's attached data goes first, so the toolbar's own tokens win over it.
  const inData: UefData = { ...cmd.attachedData, ...(cmd.direction === 'outbound' ? calls.takeOutgoing(cmd.eventId) : undefined) };
  inData.SVCMCA_ANI = cmd.number;
  inData.SVCMCA_COMMUNICATION_DIRECTION = DIRECTION[cmd.direction];
  if (cmd.queue) inData.comPanelQName1 = cmd.queue;
  const store = (response: unknown, late: boolean): void => {
    const { outData, eventId } = readPublishResponse(response);
    if (!outData) {
      options.log('warn', `fusion: newCommEvent (${cmd.eventId}) answered without outData`);
      return;
    }
    // A late answer only helps a call that is still open and has nothing stored yet.
    if (late && (!calls.isOpen(cmd.eventId) || calls.hasOutData(cmd.eventId))) return;
    calls.storeOutData(cmd.eventId, outData, eventId);
    // The caller by name on the card (Oracle: the returned contact data is there to render the toolbar).
    const contact = contactOf(outData);
    if (contact) emit(session, { type: 'fusion.contact', eventId: cmd.eventId, ...contact });
    // Fusion's own wrap-up limit, when it gives one, ends the agent's after-call work.
    const wrapUpSec = Number(outData['SVCMCA_WRAPUP_TIMEOUT']);
    if (Number.isFinite(wrapUpSec) && wrapUpSec > 0 && wrapUpSec <= 86_400) {
      emit(session, { type: 'fusion.wrapupTimeout', eventId: cmd.eventId, seconds: wrapUpSec });
    }
  };
  const published = publishWith(
    session,
    conn,
    'newCommEvent',
    cmd.eventId,
    (request) => fillComm(request, 'newCommEvent', [], cmd.eventId, inData),
    (late) => store(late, true),
    inData, // the trace keeps it by reference: no work before the publish
  );
  calls.changed();
  if (evicted) options.log('warn', `fusion: too many open calls; forgot ${evicted}`);
  const response = await published;
  if (response !== undefined) store(response, false);
}

async function publishStartComm(session: Session, eventId: string, direction: CallDirection): Promise<void> {
  const conn = session.connected ?? (await session.ready);
  if (!conn) return;
  session.calls.markStarted(eventId);
  const inData = storedInData(session, eventId, direction);
  const wire = session.calls.wireEventId(eventId);
  await publishWith(
    session,
    conn,
    'startCommEvent',
    eventId,
    (request) => fillComm(request, 'startCommEvent', [], wire, inData),
    undefined,
    session.tracer ? { ...(wire === eventId ? {} : { wireEventId: wire }), inData } : undefined,
  );
}

async function publishCloseComm(session: Session, eventId: string, reason: string): Promise<void> {
  const conn = session.connected ?? (await session.ready);
  if (!conn) return;
  const inData = storedInData(session, eventId, session.calls.direction(eventId));
  const wire = session.calls.wireEventId(eventId);
  try {
    await publishWith(
      session,
      conn,
      'closeCommEvent',
      eventId,
      (request) => fillComm<UefCloseCommRequest>(request, 'closeCommEvent', ['setReason'], wire, inData).setReason(reason),
      undefined,
      session.tracer ? { reason, ...(wire === eventId ? {} : { wireEventId: wire }), inData } : undefined,
    );
  } finally {
    session.calls.forget(eventId);
  }
}

async function publishOutboundError(session: Session, eventId: string, code: string, message: string): Promise<void> {
  const conn = session.connected ?? (await session.ready);
  if (!conn) return;
  await publishWith(session, conn, 'outboundCommError', eventId, (request) => {
    const req = asRequest<UefOutboundErrorRequest>(request, 'outboundCommError', ['setCommUuid', 'setErrorCode', 'setErrorMsg']);
    req.setCommUuid(eventId);
    req.setErrorCode(code);
    req.setErrorMsg(message);
  }, undefined, session.tracer ? { code, message } : undefined);
}

type AgentState = Extract<FusionCommand, { type: 'fusion.cmd.agentState' }>;

async function publishAgentState(session: Session, cmd: AgentState, lang: 'ja' | 'en'): Promise<void> {
  const conn = session.connected ?? (await session.ready);
  if (!conn) return;
  const fields = agentStateFields(cmd.presence, lang, cmd.reason, cmd.reasonLabel);
  await publishWith(session, conn, 'agentStateEventOperation', undefined, (request) => {
    const req = asRequest<UefAgentStateRequest>(request, 'agentStateEventOperation', [
      'setEventId',
      'setIsAvailable',
      'setIsLoggedIn',
      'setState',
      'setStateDisplayString',
      'setReason',
      'setReasonDisplayString',
    ]);
    req.setEventId(session.options.uuid());
    req.setIsAvailable(fields.isAvailable);
    req.setIsLoggedIn(fields.isLoggedIn);
    req.setState(fields.state);
    req.setStateDisplayString(fields.stateDisplayString);
    req.setReason(fields.reason);
    req.setReasonDisplayString(fields.reasonDisplayString);
  }, undefined, fields);
}

/**
 * Handles one command from the machine. Before start-up ends, work waits; if UEF is gone, nothing
 * happens. Once UEF is ready, a command whose call has nothing queued is published in this tick
 * (no await before the publish call): nothing that can wait (a render) runs before the offer.
 */
export function dispatch(session: Session, cmd: FusionCommand, lang: 'ja' | 'en'): void {
  const { queue } = session;
  const now = session.connected !== undefined;
  switch (cmd.type) {
    case 'fusion.cmd.newComm':
      void queue.enqueue(cmd.eventId, () => publishNewComm(session, cmd), now);
      return;
    case 'fusion.cmd.startComm':
      void queue.enqueue(cmd.eventId, () => publishStartComm(session, cmd.eventId, cmd.direction), now);
      return;
    case 'fusion.cmd.closeComm':
      void queue.enqueue(cmd.eventId, () => publishCloseComm(session, cmd.eventId, cmd.reason), now);
      return;
    case 'fusion.cmd.outboundError':
      void queue.enqueue(cmd.eventId, () => publishOutboundError(session, cmd.eventId, cmd.code, cmd.message), now);
      return;
    case 'fusion.cmd.agentState':
      // Remembered now, so getCurrentAgentState answers with what the machine last decided.
      session.lastAgentState = { presence: cmd.presence, reason: cmd.reason, reasonLabel: cmd.reasonLabel };
      void queue.enqueue(AGENT_QUEUE, () => publishAgentState(session, cmd, lang), now);
      return;
    case 'fusion.cmd.respond':
      if (!session.pending.settle(cmd.requestId, { ok: cmd.ok, message: cmd.message })) {
        session.options.log('warn', `fusion: respond for unknown or expired request ${cmd.requestId}`);
      }
      return;
  }
}
