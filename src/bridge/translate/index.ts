/** The bridge's pure translation: GWS notifications → toolbar frames, toolbar commands → GWS requests. */
export { AGENT_ROWS, LOGGED_OUT, agentRecordOf, agentStateFrame, applyDn, type AgentRecord, type AgentStep } from './agent';
export { CALL_ROWS, applyCall, type CallContext, type CallMap, type CallStep, type ReleaseHint } from './calls';
export {
  COMMAND_ROWS,
  commandNameOf,
  planCommand,
  type CommandName,
  type CommandPlan,
  type CommandView,
  type Expectation,
  type GwsRequest,
  type PlanResult,
} from './commands';
export { frame, frames, userDataOf, type CallRecord } from './frames';
export { DEFAULT_TRANSLATE_OPTIONS, translateOptions, type TranslateOptions } from './options';
export { diffSession, snapshotFrame, type SessionDiff } from './snapshot';
