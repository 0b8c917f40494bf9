/** The Fusion (UEF) adapter: `createFusionAdapter` is the only export the app needs. */
export { createFusionAdapter, DEFAULT_WATCHDOG_MS, type FusionAdapterDeps } from './fusion.adapter';
export type { FusionLog, LogLevel } from './session';
export type { FusionWindow, LoadScript } from './uef-loader';
export { agentStateFields, type AgentStateFields } from './agent-state';
export type { SavedEngagement } from './calls';
export type { UefTrace, UefTraceEntry } from './trace';
