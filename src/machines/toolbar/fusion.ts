/**
 * The fusion region: whether the UEF client came up inside Fusion, is absent (the toolbar runs on
 * its own) or failed. Fusion's commands about calls are routed by the calls region (calls.ts).
 */
import { assign } from 'xstate';
import type { CodedError } from '../call.types';
import { toolbarActions, toolbarState } from './define';

export const fusionActions = toolbarActions({
  rememberFusionError: assign({
    fusionError: ({ event }): CodedError | null => {
      if (event.type === 'fusion.failed') return { code: event.code, detail: event.message };
      if (event.type === 'fusion.absent') return { code: 'FUSION_ABSENT', detail: event.reason };
      return null;
    },
  }),
});

export const fusionState = toolbarState({
  initial: 'initializing',
  states: {
    initializing: {
      on: {
        'fusion.ready': { target: 'ready' },
        'fusion.absent': { target: 'absent', actions: 'rememberFusionError' },
        'fusion.failed': { target: 'failed', actions: ['rememberFusionError', 'noteEvent'] },
      },
    },
    // Fusion may come up after the agent settled: tell it where the agent stands.
    ready: { entry: 'publishAgentState' },
    /** Outside Fusion: the toolbar works on its own. */
    absent: {},
    failed: {},
  },
});
