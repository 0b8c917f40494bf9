/** The agent's after-call work → the wrap-up panel: whose call, the time left, and Done. */
import type { CallContact } from '../machines/call.types';
import { callerOf, type CallerView } from './call.connect';
import type { ToolbarSnapshot } from './toolbar.context';

export interface WrapUpInput {
  /** `requesting`: NotReady (AfterCallWork) sent, not yet confirmed; `active`: wrapping up. */
  phase: 'requesting' | 'active' | null;
  since: number;
  limitMs: number;
  online: boolean;
  /** The customer of the call being wrapped up (kept by the machine until the wrap-up ends). */
  number?: string;
  contact?: CallContact | null;
}

export interface WrapUpView {
  shown: boolean;
  busy: boolean;
  since: number;
  limitMs: number;
  /** Who the wrap-up is for; null when the machine did not keep the call's party. */
  caller: CallerView | null;
  /** Done works once Genesys confirmed the wrap-up and the socket is open. */
  doneEnabled: boolean;
}

/** The countdown turns to a warning this close to the end (a quarter of the limit, at most 30 s). */
export function warnsAt(limitMs: number): number {
  return Math.min(30_000, limitMs / 4);
}

/** What the countdown shows at `now`: the time left, never negative, and whether it is near the end. */
export function countdown(view: Pick<WrapUpView, 'since' | 'limitMs'>, now: number): { leftMs: number; ending: boolean } {
  const leftMs = Math.max(0, view.since + view.limitMs - now);
  return { leftMs, ending: leftMs <= warnsAt(view.limitMs) };
}

export function selectWrapUp(snapshot: ToolbarSnapshot): WrapUpInput {
  const agent = snapshot.value.agent;
  const phase = typeof agent === 'object' && 'wrappingUp' in agent && agent.wrappingUp !== 'returning' ? agent.wrappingUp : null;
  const wrapUp = snapshot.context.wrapUp;
  const base = { phase, since: wrapUp?.since ?? 0, limitMs: wrapUp?.limitMs ?? 0, online: snapshot.matches({ connection: 'open' }) };
  return wrapUp ? { ...base, number: wrapUp.number, contact: wrapUp.contact } : base;
}

export function wrapUpView(input: WrapUpInput): WrapUpView {
  const caller = input.number !== undefined ? callerOf(input.number, input.contact ?? null) : null;
  return {
    shown: input.phase !== null,
    busy: input.phase === 'requesting',
    since: input.since,
    limitMs: input.limitMs,
    caller: caller && caller.title ? caller : null,
    doneEnabled: input.phase === 'active' && input.online,
  };
}
