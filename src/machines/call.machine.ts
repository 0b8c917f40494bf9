/**
 * One call, from the first thing the toolbar hears of it to the Fusion close reason.
 * Commands go out through the parent (`call.sendGenesys` / `call.sendFusion`), so the call
 * machine knows no adapter and its graph can be walked alone. Each phase is a file of call/
 * (src/machines/README.md) with the guards and actions only it uses; this file composes them.
 */
import { setup } from 'xstate';
import type { GenesysCommand } from './genesys.types';
import type { FusionCommand } from './fusion.types';
import type { CallContext, CallEvent, CallInput, CallOutput } from './call.types';
import { consultActions, consultGuards } from './call/consult';
import { dialingActions, dialingGuards, dialingState, failedState } from './call/dialing';
import { endedActions, endedState } from './call/ended';
import { establishedActions, establishedGuards, establishedState } from './call/established';
import { ringingActions, ringingGuards, ringingState, startingState } from './call/ringing';
import { sharedActions, sharedGuards } from './call/shared';

export { newCommCommand } from './call/shared';
export { outputOf } from './call/ended';

/** What a call sends its parent, which forwards it to the adapter. */
export type CallToParentEvent =
  | { type: 'call.sendGenesys'; command: GenesysCommand }
  | { type: 'call.sendFusion'; command: FusionCommand }
  /** The call is over; the parent stops and forgets it. */
  | { type: 'call.ended'; key: string; output: CallOutput }
  /** A snapshot corrected this call (a synthetic transition): the root logs it. */
  | { type: 'call.corrected'; key: string; correction: string }
  /** One of the call's legs (a consult leg) is over: its ConnID no longer names this call. */
  | { type: 'call.legEnded'; key: string; connectionId: string };

/** The call machine's one setup(): its types, delays, and every phase's guards and actions. */
export const callSetup = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallEvent,
    input: {} as CallInput,
  },
  delays: {
    /** How long a Genesys command may stay unanswered before the call rolls back. */
    commandDeadline: 8_000,
    ringCeiling: ({ context }) => context.ringCeilingMs,
  },
  guards: { ...sharedGuards, ...ringingGuards, ...dialingGuards, ...establishedGuards, ...consultGuards },
  actions: { ...sharedActions, ...ringingActions, ...dialingActions, ...establishedActions, ...consultActions, ...endedActions },
});

export const callMachine = callSetup.createMachine({
  id: 'call',
  context: ({ input }) => ({
    key: input.key,
    start: input.start,
    connectionId: input.connectionId,
    eventId: input.eventId,
    direction: input.direction,
    number: input.number,
    ...(input.queue ? { queue: input.queue } : {}),
    ...(input.attachedData ? { attachedData: input.attachedData } : {}),
    ringCeilingMs: input.ringCeilingMs,
    offered: input.restored?.offered ?? input.offered ?? false,
    started: input.restored?.started ?? false,
    fusionRequestId: null,
    closeReason: null,
    error: null,
    onHold: false,
    restoredSince: input.restored?.since ?? null,
    contact: input.contactName ? { name: input.contactName } : null,
    heldSince: null,
    endedByAgent: false,
    endedByRemote: false,
    since: input.restored?.since ?? Date.now(),
    transferCloseReason: input.transferCloseReason ?? 'WRAPUP',
    target: null,
    digits: '',
    pendingDigits: '',
    dtmfQueue: '',
    consult: null,
    parties: [],
    engagementClosed: false,
  }),
  initial: 'starting',
  on: {
    'genesys.partyChanged': { actions: 'bindConnection' },
    'fusion.contact': { actions: 'rememberContact' },
    // Out-of-place Fusion commands are answered, never left for the UEF watchdog.
    'fusion.accept': { actions: 'refuseFusionRequest' },
    'fusion.reject': { actions: 'refuseFusionRequest' },
    'fusion.hangup': { actions: 'refuseFusionRequest' },
    // A failure or T-Server error no pending state waits on is still shown.
    'genesys.commandFailed': { actions: 'recordError' },
    'genesys.error': { actions: 'recordError' },
  },
  states: {
    starting: startingState,
    ringing: ringingState,
    dialing: dialingState,
    failed: failedState,
    established: establishedState,
    ended: endedState,
  },
});

export type CallMachine = typeof callMachine;
