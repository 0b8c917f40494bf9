/**
 * The shapes of the two injected actors. The machine holds typed placeholders;
 * `main.tsx` provides the real adapters and tests provide fakes.
 */
import { fromCallback } from 'xstate';
import type { ToolbarConfig } from '../config';
import type { GenesysCommand } from './genesys.types';
import type { FusionCommand } from './fusion.types';

export interface AdapterInput {
  config: ToolbarConfig;
}

/** Receives `GenesysCommand`s; sends `GenesysEvent`s back to the root machine. */
export type GenesysActorLogic = ReturnType<typeof fromCallback<GenesysCommand, AdapterInput>>;
/** Receives `FusionCommand`s; sends `FusionEvent`s back to the root machine. */
export type FusionActorLogic = ReturnType<typeof fromCallback<FusionCommand, AdapterInput>>;

/** Placeholders: the machine's graph is complete without them, nothing is sent anywhere. */
export const genesysPlaceholder: GenesysActorLogic = fromCallback<GenesysCommand, AdapterInput>(() => undefined);
export const fusionPlaceholder: FusionActorLogic = fromCallback<FusionCommand, AdapterInput>(() => undefined);
