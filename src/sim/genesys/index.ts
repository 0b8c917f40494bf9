export { startGenesysSimulator } from './server';
export type { SimOptions, SimulatorHandle, SimSnapshot, AgentSnapshot, CallSnapshot, SimConfig, SimLog } from './types';
