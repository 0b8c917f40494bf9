/**
 * CometD notifications inside the session: translated to frames (translate/), and each settles
 * the pending command it proves (call id + expected state, operationId where echoed). Pure.
 */
import type { GwsCall, GwsDn, GwsNotification, GwsSessionView } from '../gws/gws.schema';
import { applyCall, applyDn, diffSession, frames, type CallStep } from '../translate';
import type { Pending, SessionContext } from './session.types';
import { abandon, callContext, completeCall, fail, log, settle, work, type Work } from './work';

type CallNotification = Extract<GwsNotification, { messageType: 'CallStateChanged' }>;
type ErrorNotification = Extract<GwsNotification, { messageType: 'EventError' }>;

/** Forgets what the session kept for a call that is over. */
function forgetCall(w: Work, id: string): void {
  const { ctx } = w;
  if (ctx.hints.has(id)) ctx.hints = new Map([...ctx.hints].filter(([key]) => key !== id));
  if (!ctx.calls.has(id) && ctx.consults.has(id)) ctx.consults = new Map([...ctx.consults].filter(([key]) => key !== id));
  if (!ctx.calls.has(id)) ctx.dials = new Map([...ctx.dials].filter(([, value]) => value !== id));
}

function proves(pending: Pending, call: GwsCall, step: CallStep, notificationType: string | null | undefined): boolean {
  const expect = pending.plan.expect;
  switch (expect.kind) {
    case 'call':
      return (expect.callId === call.id || expect.callId === call.previousConnId) && expect.states.includes(call.state);
    case 'echo':
      return expect.callId === call.id && (notificationType ?? 'StateChange') === 'StateChange';
    case 'dial':
      return step.previous !== call.state && call.state === 'Dialing' && step.record?.eventId === expect.dialId;
    case 'consult':
      return call.parentConnId === expect.parentId && step.previous === 'none';
    default:
      return false;
  }
}

/** A command about a call GWS just ended, that the end does not prove: nothing left to wait for. */
function moot(pending: Pending, call: GwsCall): boolean {
  const expect = pending.plan.expect;
  return (expect.kind === 'call' || expect.kind === 'echo') && expect.callId === call.id && (call.state === 'Released' || call.state === 'Completed');
}

function applyCallChange(w: Work, call: GwsCall, notificationType?: string | null): void {
  const step = applyCall(w.ctx.calls, call, callContext(w));
  w.ctx.calls = step.calls;
  w.frames.push(...step.frames);
  for (const id of step.complete) completeCall(w, id);
  for (const pending of w.ctx.pending) {
    if (!proves(pending, call, step, notificationType)) {
      if (moot(pending, call)) abandon(w, pending);
      continue;
    }
    const { expect, consult } = pending.plan;
    if (expect.kind === 'dial') w.ctx.dials = new Map([...w.ctx.dials, [expect.dialId, call.id]]);
    if (expect.kind === 'consult' && consult) w.ctx.consults = new Map([...w.ctx.consults, [call.id, consult]]);
    settle(w, pending);
  }
  if (call.state === 'Released' || call.state === 'Completed') forgetCall(w, call.id);
}

function applyDnChange(w: Work, dn: GwsDn): void {
  if (dn.number) w.ctx.dn = dn.number;
  const step = applyDn(w.ctx.agent, dn, { agentId: w.ctx.agentId, dn: w.ctx.dn });
  w.ctx.agent = step.agent;
  w.ctx.dnKnown = true;
  w.frames.push(...step.frames);
  for (const pending of w.ctx.pending) {
    if (pending.plan.expect.kind === 'agent' && pending.plan.expect.states.includes(step.agent.state)) settle(w, pending);
  }
}

/** EventError names its command by operationId, else by call, else it is the oldest one GWS has been asked. */
function applyError(w: Work, n: ErrorNotification): void {
  const code = n.error.errorCode === undefined ? 'EVENT_ERROR' : String(n.error.errorCode);
  const message = n.error.errorMessage ?? 'EventError';
  const asked = w.ctx.pending.filter((p) => p.step > 0 && p.plan.command !== 'snapshot');
  const pending =
    (n.operationId ? asked.find((p) => p.id === n.operationId || p.operationId === n.operationId) : undefined) ??
    (n.call?.id ? asked.find((p) => p.plan.connectionId === n.call?.id) : undefined) ??
    asked[0];
  if (pending) {
    fail(w, pending, code, message);
    return;
  }
  w.frames.push(frames.error(code, message, n.call?.id));
  log(w, 'warn', code, `EventError no command waits for: ${message}`);
}

/** The toolbar's link events follow GWS's VOICE service; it re-registers (and resyncs) when the link is back. */
function applyService(w: Work, name: string, state: string): void {
  if (name !== 'VOICE' || (state !== 'AVAILABLE' && state !== 'UNAVAILABLE')) return;
  const up = state === 'AVAILABLE';
  if (up === w.ctx.voiceUp) return;
  w.ctx.voiceUp = up;
  if (w.ctx.translate.voiceLinkEvents) w.frames.push(up ? frames.linkConnected(w.ctx.dn) : frames.linkDisconnected(w.ctx.dn));
}

export function onNotification(context: SessionContext, n: GwsNotification): Work {
  const w = work(context);
  switch (n.messageType) {
    case 'CallStateChanged':
      applyCallChange(w, (n as CallNotification).call, (n as CallNotification).notificationType);
      break;
    case 'DnStateChanged':
      applyDnChange(w, n.dn);
      break;
    case 'EventError':
      applyError(w, n);
      break;
    case 'ServiceStateChanged':
      applyService(w, n.serviceName, n.serviceState);
      break;
    default:
      break;
  }
  return w;
}

/** current-session diffed against the call map (after a recovery, or for a snapshot). */
export function applySessionView(w: Work, view: GwsSessionView): void {
  const diff = diffSession(w.ctx.calls, w.ctx.agent, view, callContext(w), { agentId: w.ctx.agentId, dn: w.ctx.dn });
  const before = w.ctx.calls;
  w.ctx.calls = diff.calls;
  w.ctx.agent = diff.agent;
  if (view.dn) w.ctx.dnKnown = true;
  w.frames.push(...diff.frames);
  for (const id of diff.complete) completeCall(w, id);
  for (const id of before.keys()) if (!diff.calls.has(id)) forgetCall(w, id);
  for (const pending of w.ctx.pending) {
    const expect = pending.plan.expect;
    if ((expect.kind !== 'call' && expect.kind !== 'echo') || diff.calls.has(expect.callId)) continue;
    if (expect.kind === 'call' && expect.states.includes('Released')) settle(w, pending);
    else fail(w, pending, 'CALL_GONE', 'the call ended while GWS was unreachable');
  }
}
