/**
 * The effects of one session event, computed without I/O: the context's next value, the frames
 * for the toolbar, the GWS requests to send, the deadlines to set or cancel, the log lines. The
 * machine's actions run these functions and enqueue what they return.
 */
import type { ToolbarFrame } from './agent-session.types';
import type { GwsCall } from '../gws/gws.schema';
import { frames, type CallContext, type CommandPlan, type GwsRequest } from '../translate';
import type { LogLevel, Pending, RequestsCommand, SessionContext } from './session.types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface Work {
  readonly ctx: Mutable<SessionContext>;
  readonly frames: ToolbarFrame[];
  readonly sends: RequestsCommand[];
  readonly deadlines: { pendingId: string; ms: number }[];
  readonly cancels: string[];
  readonly logs: { level: LogLevel; code: string; message: string }[];
}

export function work(context: SessionContext): Work {
  return { ctx: { ...context }, frames: [], sends: [], deadlines: [], cancels: [], logs: [] };
}

export function log(w: Work, level: LogLevel, code: string, message: string): void {
  w.logs.push({ level, code, message });
}

export function nextSeq(w: Work): number {
  w.ctx.seq += 1;
  return w.ctx.seq;
}

/** Sends a request of a pending command, stamped with its id as GWS `operationId`. */
export function sendStep(w: Work, pending: Pending): void {
  const request = pending.steps[pending.step];
  if (request === undefined) return;
  const stamped: GwsRequest =
    w.ctx.translate.sendOperationIds && request.method === 'POST' ? { ...request, body: { ...request.body, operationId: pending.id } } : request;
  w.sends.push({ type: 'gws.send', requestId: `${pending.id}#${pending.step}`, request: stamped });
}

export function send(w: Work, requestId: string, request: GwsRequest): void {
  w.sends.push({ type: 'gws.send', requestId, request });
}

export function replacePending(w: Work, pending: Pending): void {
  w.ctx.pending = w.ctx.pending.map((p) => (p.id === pending.id ? pending : p));
}

function dropPending(w: Work, pending: Pending): void {
  w.ctx.pending = w.ctx.pending.filter((p) => p.id !== pending.id);
  w.cancels.push(pending.id);
}

/** The command is proven: its own frames follow (DTMF sent, a conference's new party). */
export function settle(w: Work, pending: Pending): void {
  dropPending(w, pending);
  // GWS may have said it already (a conference's participants): then the toolbar hears it once.
  const said = (f: ToolbarFrame) => w.frames.some((g) => g.eventName === f.eventName && g['connectionId'] === f['connectionId'] && g['party'] === f['party'] && g['digits'] === f['digits']);
  for (const f of pending.plan.onSettle ?? []) {
    if (said(f)) continue;
    // A conference's new party is said before the retrieve that ends its consult.
    const retrieve = f.eventName === 'EventPartyAdded' ? w.frames.findIndex((g) => g.eventName === 'EventRetrieved' && g['connectionId'] === f['connectionId']) : -1;
    if (retrieve >= 0) w.frames.splice(retrieve, 0, f);
    else w.frames.push(f);
  }
}

/** The command failed: the toolbar gets a coded EventError for the call it named. */
export function fail(w: Work, pending: Pending, code: string, message: string): void {
  dropPending(w, pending);
  const hints = new Map(w.ctx.hints);
  for (const id of Object.keys(pending.plan.releases ?? {})) hints.delete(id);
  w.ctx.hints = hints;
  w.frames.push(frames.error(code, `${pending.plan.command}: ${message}`, pending.plan.connectionId, pending.plan.eventId));
  log(w, 'warn', code, `${pending.plan.command} failed: ${message}`);
}

/** Drops a command whose call went away before it was proven (the toolbar sees the release). */
export function abandon(w: Work, pending: Pending): void {
  dropPending(w, pending);
}

export function findPending(w: Work, requestOrPendingId: string): Pending | undefined {
  const id = requestOrPendingId.split('#')[0];
  return w.ctx.pending.find((p) => p.id === id);
}

/** The number a dial reaches, as GWS names it on its Dialing. */
function dialledNumbers(call: GwsCall): string[] {
  const out = call.dnis ? [call.dnis] : [];
  for (const p of call.participants ?? []) if (p.number) out.push(p.number);
  return out;
}

/** 16 hex digits of two FNV-1a hashes of a call id: stable, short, visible ASCII. */
function callHash(id: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ id.length;
  for (let i = 0; i < id.length; i += 1) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The translation's view of this session: eventIds, the dial a Dialing answers, release causes. */
export function callContext(w: Work): CallContext {
  return {
    options: w.ctx.translate,
    agentDn: w.ctx.dn,
    // From the call id, so an instance that takes the session over names the call as this one did.
    newEventId: (callId) => `${w.ctx.eventSeed}.${w.ctx.calls.get(callId)?.state === 'Released' ? `${callHash(callId)}.${nextSeq(w)}` : callHash(callId)}`,
    dialEventId: (call) => {
      if (call.parentConnId || call.callType === 'Consult') return undefined;
      const dials = w.ctx.pending.filter((p): p is Pending & { plan: CommandPlan & { expect: { kind: 'dial' } } } => p.plan.expect.kind === 'dial');
      const numbers = dialledNumbers(call);
      const match = dials.find((p) => numbers.includes(p.plan.expect.destination)) ?? dials[0];
      return match?.plan.expect.dialId;
    },
    releaseHint: (callId) => w.ctx.hints.get(callId) ?? { by: 'other' },
  };
}

/** The bridge's own follow-up: complete a released call GWS will not complete. */
export function completeCall(w: Work, callId: string): void {
  send(w, `complete:${callId}`, { method: 'POST', path: `/voice/calls/${encodeURIComponent(callId)}/complete`, body: {} });
}
