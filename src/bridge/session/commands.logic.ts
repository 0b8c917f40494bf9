/**
 * Toolbar commands inside the session: a pending entry per admitted command, its requests one after
 * another (the fallback on 501), settled by CometD (notifications.logic.ts), by an error, or by its
 * deadline. Pure (see work.ts).
 */
import * as v from 'valibot';
import { CurrentSessionSchema, sessionView } from '../gws/gws.schema';
import { agentStateFrame, frames, snapshotFrame, type CommandPlan, type GwsRequest } from '../translate';
import { applySessionView } from './notifications.logic';
import type { GwsResult, Pending, SessionContext } from './session.types';
import { fail, findPending, log, nextSeq, replacePending, sendStep, settle, work, type Work } from './work';

const post = (path: string, data?: Record<string, unknown>): GwsRequest => ({ method: 'POST', path, body: data ? { data } : {} });

/** activate-channels with the agent's login and place (gws-protocol.md §1.1). */
export function activateRequest(context: SessionContext): GwsRequest {
  return post('/activate-channels', { agentId: context.agentId, ...(context.placeName ? { placeName: context.placeName } : { dn: context.dn }) });
}

export const CURRENT_SESSION: GwsRequest = { method: 'GET', path: '/current-session' };

/** Register (`initialize`): answered at once when GWS already said where the agent stands. */
function registerPlan(w: Work, plan: CommandPlan): CommandPlan | undefined {
  const { ctx } = w;
  if (ctx.dnKnown && ctx.agent.state !== 'LoggedOut') {
    w.frames.push(frames.registered(ctx.agentId, ctx.dn), agentStateFrame(ctx.agent, ctx.agentId, ctx.dn));
    return undefined;
  }
  // [INFER] A logged-out agent logs in again (activate-channels) and is made ready, as the microservice simulator does.
  const steps = ctx.dnKnown ? [activateRequest(ctx), post('/voice/ready')] : [];
  return { ...plan, steps, expect: { kind: 'agent', states: ['Ready', 'NotReady'] } };
}

export function onCommand(context: SessionContext, given: CommandPlan, online: boolean): Work {
  const w = work(context);
  const plan = given.command === 'register' ? registerPlan(w, given) : given;
  if (plan === undefined) return w;
  const pending: Pending = { id: `op-${nextSeq(w)}`, plan, steps: plan.steps, step: 0, fellBack: false, operationId: undefined };
  w.ctx.pending = [...w.ctx.pending, pending];
  if (plan.releases) w.ctx.hints = new Map([...w.ctx.hints, ...Object.entries(plan.releases)]);
  w.deadlines.push({ pendingId: pending.id, ms: plan.command === 'snapshot' ? w.ctx.timings.snapshotDeadlineMs : w.ctx.timings.commandDeadlineMs });
  // While recovering a snapshot waits for the resync, which answers it.
  if (online || plan.command !== 'snapshot') sendStep(w, pending);
  return w;
}

/** The toolbar's snapshot from what the bridge knows now. */
export function answerSnapshots(w: Work): void {
  for (const p of w.ctx.pending) {
    if (p.plan.command !== 'snapshot') continue;
    settle(w, p);
    w.frames.push(snapshotFrame(w.ctx.calls, w.ctx.agent, w.ctx.translate.maxSnapshotCalls));
  }
}

/** A current-session answer: the difference as frames, then every waiting snapshot. */
export function applyCurrentSession(w: Work, data: unknown): boolean {
  const parsed = v.safeParse(CurrentSessionSchema, data);
  if (!parsed.success) {
    log(w, 'warn', 'GWS_BAD_SESSION', `current-session: ${parsed.issues[0]?.message ?? 'invalid'}`);
    return false;
  }
  applySessionView(w, sessionView(parsed.output));
  answerSnapshots(w);
  return true;
}

const NOT_IMPLEMENTED = new Set([501, 404, 405]);

export function onAnswer(context: SessionContext, requestId: string, result: GwsResult): Work {
  const w = work(context);
  if (!requestId.startsWith('op-')) {
    if (!result.ok) log(w, 'warn', result.code, `${requestId}: ${result.message}`);
    return w;
  }
  const pending = findPending(w, requestId);
  // A late answer (the command already settled or failed) or one of an earlier step changes nothing.
  if (pending === undefined || requestId !== `${pending.id}#${pending.step}`) return w;
  if (result.ok) {
    const next: Pending = { ...pending, step: pending.step + 1, operationId: result.operationId ?? pending.operationId };
    replacePending(w, next);
    if (next.step < next.steps.length) sendStep(w, next);
    else if (pending.plan.command === 'snapshot' && !applyCurrentSession(w, result.data)) answerSnapshots(w);
    return w;
  }
  if (result.status !== undefined && NOT_IMPLEMENTED.has(result.status) && pending.step === 0 && pending.plan.fallback && !pending.fellBack) {
    const fallback: Pending = { ...pending, steps: pending.plan.fallback, step: 0, fellBack: true };
    replacePending(w, fallback);
    log(w, 'info', 'GWS_FALLBACK', `${pending.plan.command}: ${result.status} → ${fallback.steps.map((s) => s.path).join(' + ')}`);
    sendStep(w, fallback);
    return w;
  }
  if (pending.plan.command === 'snapshot') {
    log(w, 'warn', result.code, `snapshot from the bridge's own state: ${result.message}`);
    answerSnapshots(w);
    return w;
  }
  fail(w, pending, result.code, result.message);
  return w;
}

export function onDeadline(context: SessionContext, pendingId: string): Work {
  const w = work(context);
  const pending = findPending(w, pendingId);
  if (pending === undefined) return w;
  if (pending.plan.command === 'snapshot') {
    answerSnapshots(w);
    return w;
  }
  const waitedFor = pending.step < pending.steps.length ? 'GWS answer' : `CometD ${pending.plan.expect.kind} event`;
  fail(w, pending, 'COMMAND_TIMEOUT', `no ${waitedFor} within ${w.ctx.timings.commandDeadlineMs} ms`);
  return w;
}
