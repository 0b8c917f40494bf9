/**
 * Typed building blocks for the toolbar's region files: their actions, guards and state configs
 * are checked against the one setup() in toolbar.machine.ts, which lists them all.
 */
import type { ActionFunction, ParameterizedObject } from 'xstate';
import type { FusionActorLogic, GenesysActorLogic } from '../actors.types';
import type { CallMachine } from '../call.machine';
import type { toolbarSetup } from '../toolbar.machine';
import type { ToolbarContext, ToolbarEmitted, ToolbarEvent } from '../toolbar.types';

type Params = ParameterizedObject['params'] | undefined;
/** The toolbar's delays (toolbar.machine.ts). */
type ToolbarDelay = 'agentDeadline' | 'endingLinger' | 'wrapUpLimit';
/** The actors of the toolbar's setup(), as XState types them. */
type ToolbarActor =
  | { src: 'genesys'; logic: GenesysActorLogic; id: string | undefined }
  | { src: 'fusion'; logic: FusionActorLogic; id: string | undefined }
  | { src: 'call'; logic: CallMachine; id: string | undefined };

/** What a toolbar guard is given. */
export type ToolbarGuardArgs = { context: ToolbarContext; event: ToolbarEvent };

/** Named actions of one region; the machine's setup() spreads them in. */
export const toolbarActions = <T extends Record<string, Params>>(actions: {
  [K in keyof T]: ActionFunction<ToolbarContext, ToolbarEvent, ToolbarEvent, T[K], ToolbarActor, never, never, ToolbarDelay, ToolbarEmitted>;
}) => actions;

/** Named guards of one region; the machine's setup() spreads them in. */
export const toolbarGuards = <T extends Record<string, Params>>(guards: {
  [K in keyof T]: (args: ToolbarGuardArgs, params: T[K]) => boolean;
}) => guards;

/** A state of the toolbar machine, typed by its setup() (what `setup(...).createStateConfig` gives). */
export const toolbarState: (typeof toolbarSetup)['createStateConfig'] = (config) => config;
