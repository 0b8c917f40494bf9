export { startGwsSimulator } from './server';
export { DEFAULT_AGENTS } from './agents';
export { BUSY_SUFFIX, NO_ANSWER_SUFFIX } from './dial';
export type { FailRule, GwsAgentSpec, GwsMode, GwsSimOptions, GwsSimulator, KV, RingSpec } from './types';
