/**
 * The toolbar statechart: where the agent, the Genesys link, Fusion and every call stand.
 * Parallel regions, one file each in toolbar/ with the guards and actions only it uses
 * (src/machines/README.md); calls are child actors (call.machine.ts) keyed by their first ConnID.
 * Genesys and Fusion are injected actors (`provide({ actors: { genesys, fusion } })`).
 */
import { setup } from 'xstate';
import { callMachine } from './call.machine';
import { fusionPlaceholder, genesysPlaceholder } from './actors.types';
import type { ToolbarContext, ToolbarEmitted, ToolbarEvent, ToolbarInput } from './toolbar.types';
import { agentActions, agentDelays, agentGuards, agentState } from './toolbar/agent';
import { callsActions, callsDelays, callsGuards, callsState } from './toolbar/calls';
import { connectionActions, connectionState } from './toolbar/connection';
import { fusionActions, fusionState } from './toolbar/fusion';
import { resyncActions, resyncState } from './toolbar/resync';
import { sharedActions, sharedGuards } from './toolbar/shared';
import { signInActions, signInGuards, signInState } from './toolbar/sign-in';
import { wrapUpActions, wrapUpDelays, wrapUpGuards } from './toolbar/wrap-up';

export { isDialable, isDtmf } from './toolbar/call-lookup';

/** The toolbar's one setup(): its types, actors, and every region's delays, guards and actions. */
export const toolbarSetup = setup({
  types: {
    context: {} as ToolbarContext,
    events: {} as ToolbarEvent,
    input: {} as ToolbarInput,
    emitted: {} as ToolbarEmitted,
  },
  actors: {
    genesys: genesysPlaceholder,
    fusion: fusionPlaceholder,
    call: callMachine,
  },
  delays: { ...agentDelays, ...callsDelays, ...wrapUpDelays },
  guards: { ...sharedGuards, ...agentGuards, ...wrapUpGuards, ...callsGuards, ...signInGuards },
  actions: {
    ...sharedActions,
    ...agentActions,
    ...wrapUpActions,
    ...connectionActions,
    ...fusionActions,
    ...callsActions,
    ...resyncActions,
    ...signInActions,
  },
});

export const toolbarMachine = toolbarSetup.createMachine({
  id: 'toolbar',
  context: ({ input }) => ({
    config: input.config,
    calls: {},
    activeCall: null,
    presence: 'loggedOut',
    notReadyReason: null,
    pendingReason: null,
    wantsLogin: true,
    agentRequestId: null,
    agentError: null,
    online: false,
    reconnect: null,
    fusionError: null,
    notices: [],
    noticeSeq: 0,
    resyncUnavailableSaid: false,
    restored: input.restored ?? null,
    unconfirmed: [],
    endings: [],
    endedConnections: [],
    seenEventIds: [],
    wrapUp: null,
    signIn: { username: '', agentId: null, error: null },
  }),
  // Calls saved before a reload come back at once (toolbar/resync.ts); the snapshot confirms them.
  entry: 'restoreCalls',
  invoke: [
    { id: 'genesys', systemId: 'genesys', src: 'genesys', input: ({ context }) => ({ config: context.config }) },
    { id: 'fusion', systemId: 'fusion', src: 'fusion', input: ({ context }) => ({ config: context.config }) },
  ],
  type: 'parallel',
  states: {
    agent: agentState,
    connection: connectionState,
    fusion: fusionState,
    calls: callsState,
    /** [INFER] After every register, ask Genesys what is true and correct the toolbar to it. */
    resync: resyncState,
    /** auth=bridge: the agent signs in to the bridge before the socket opens, and after any 401. */
    signIn: signInState,
  },
});

export type ToolbarMachine = typeof toolbarMachine;
