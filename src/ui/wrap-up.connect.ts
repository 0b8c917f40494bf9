/** The agent's after-call work → the wrap-up panel: shown while wrapping up, its timer and Done. */
import type { ToolbarSnapshot } from './toolbar.context';

export interface WrapUpInput {
  /** `requesting`: NotReady (AfterCallWork) sent, not yet confirmed; `active`: wrapping up. */
  phase: 'requesting' | 'active' | null;
  since: number;
  limitMs: number;
  online: boolean;
}

export interface WrapUpView {
  shown: boolean;
  busy: boolean;
  since: number;
  limitMs: number;
  /** Done works once Genesys confirmed the wrap-up and the socket is open. */
  doneEnabled: boolean;
}

export function selectWrapUp(snapshot: ToolbarSnapshot): WrapUpInput {
  const agent = snapshot.value.agent;
  const phase = typeof agent === 'object' && 'wrappingUp' in agent && agent.wrappingUp !== 'returning' ? agent.wrappingUp : null;
  const wrapUp = snapshot.context.wrapUp;
  return { phase, since: wrapUp?.since ?? 0, limitMs: wrapUp?.limitMs ?? 0, online: snapshot.matches({ connection: 'open' }) };
}

export function wrapUpView(input: WrapUpInput): WrapUpView {
  return {
    shown: input.phase !== null,
    busy: input.phase === 'requesting',
    since: input.since,
    limitMs: input.limitMs,
    doneEnabled: input.phase === 'active' && input.online,
  };
}
