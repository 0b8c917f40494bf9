/**
 * Typed building blocks for the call machine's region files: their actions, guards and state
 * configs are checked against the one setup() in call.machine.ts, which lists them all.
 */
import type { ActionFunction, EventObject, ParameterizedObject } from 'xstate';
import type { callSetup } from '../call.machine';
import type { CallContext, CallEvent } from '../call.types';

type Params = ParameterizedObject['params'] | undefined;
/** The call machine's delays (call.machine.ts). */
type CallDelay = 'commandDeadline' | 'ringCeiling';

/** Named actions of one region; the machine's setup() spreads them in. */
export const callActions = <T extends Record<string, Params>>(actions: {
  [K in keyof T]: ActionFunction<CallContext, CallEvent, CallEvent, T[K], never, never, never, CallDelay, EventObject>;
}) => actions;

/** Named guards of one region; the machine's setup() spreads them in. */
export const callGuards = <T extends Record<string, Params>>(guards: {
  [K in keyof T]: (args: { context: CallContext; event: CallEvent }, params: T[K]) => boolean;
}) => guards;

/** A state of the call machine, typed by its setup() (what `setup(...).createStateConfig` gives). */
export const callState: (typeof callSetup)['createStateConfig'] = (config) => config;
