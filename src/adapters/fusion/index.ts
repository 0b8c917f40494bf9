/** The Fusion (UEF) adapter: `createFusionAdapter`, and the page's engagements for a tab hand-over. */
export { createFusionAdapter, DEFAULT_WATCHDOG_MS, pageEngagements, withdrawEngagements, type FusionAdapterDeps } from './fusion.adapter';
export type { FusionLog, LogLevel } from './session';
export type { FusionWindow, LoadScript } from './uef-loader';
export { agentStateFields, type AgentStateFields } from './agent-state';
export type { SavedEngagement } from './calls';
export type { UefTrace, UefTraceEntry } from './trace';
