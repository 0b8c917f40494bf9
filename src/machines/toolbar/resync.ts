/**
 * The resync region ([INFER]): after every register, ask Genesys for its snapshot and correct the
 * toolbar to it (each call through its own transitions, a call only Genesys knows created by the
 * events the toolbar missed, the agent's settled state). Also the restore of calls after a reload,
 * which the snapshot then confirms (the machine's entry action).
 */
import { assertEvent, assign, enqueueActions, sendTo, stateIn } from 'xstate';
import type { CallInput } from '../call.types';
import type { GenesysCommand } from '../genesys.types';
import { isCallKey } from '../ids';
import { eventsCreating, observationFor, unknownCalls } from '../resync';
import { MAX_SEEN_EVENT_IDS, withNotice, withRecent } from '../toolbar.index';
import type { CallEntry, RestoredCall, ToolbarContext } from '../toolbar.types';
import { toolbarActions, toolbarState } from './define';
import { lacks } from './shared';

/** A call of the record as an actor's input, in the state the record says; a held one hears it is held. */
function restoredInput(context: ToolbarContext, call: RestoredCall): { input: CallInput; held: string | null } {
  const connectionId = call.connectionIds.at(-1) ?? null;
  return {
    input: {
      key: call.key,
      connectionId,
      eventId: call.eventId,
      direction: call.direction,
      number: call.number,
      ...(call.queue ? { queue: call.queue } : {}),
      start: call.state === 'held' ? 'established' : call.state,
      ringCeilingMs: context.config.ringCeilingMs,
      restored: { offered: call.offered, started: call.started, since: call.since },
    },
    held: call.state === 'held' ? connectionId : null,
  };
}

/** The unconfirmed calls Genesys names (and the toolbar does not know yet): entries to add. */
function confirmedBy(context: ToolbarContext, listed: ReadonlySet<string> | null): [RestoredCall, CallEntry][] {
  const known = new Set(Object.values(context.calls).flatMap((entry) => entry.connectionIds));
  return context.unconfirmed
    .filter((call) => !Object.hasOwn(context.calls, call.key) && !call.connectionIds.some((id) => known.has(id)))
    .filter((call) => listed === null || call.connectionIds.some((id) => listed.has(id)))
    .map((call) => [call, { connectionIds: call.connectionIds, eventId: call.eventId }]);
}

export const resyncActions = toolbarActions({
  requestSnapshot: sendTo('genesys', { type: 'genesys.cmd.snapshot' } satisfies GenesysCommand),
  /**
   * Every toolbar call hears what the snapshot says of it and corrects itself with its own
   * transitions; a call only Genesys knows is created by the events the toolbar missed; the
   * agent's settled state follows the snapshot's.
   */
  reconcile: enqueueActions(({ context, event, enqueue, check }) => {
    assertEvent(event, 'genesys.snapshot');
    // Restored calls Fusion never had come on now if Genesys still has them; the others never existed here.
    const confirmed = confirmedBy(context, new Set(event.calls.map((call) => call.connectionId)));
    const calls: Record<string, CallEntry> = { ...context.calls, ...Object.fromEntries(confirmed.map(([call, entry]) => [call.key, entry])) };
    enqueue.assign({ calls, unconfirmed: [] });
    for (const call of confirmed.map(([kept]) => kept)) {
      const { input, held } = restoredInput(context, call);
      enqueue.spawnChild('call', { id: call.key, input });
      if (held) enqueue.sendTo(call.key, { type: 'genesys.held', connectionId: held });
    }
    for (const call of context.unconfirmed) {
      if (!confirmed.some(([kept]) => kept.key === call.key)) enqueue.emit({ type: 'resync.corrected', key: call.key, correction: 'restored call dropped: neither Genesys nor Fusion has it' });
    }
    for (const [key, entry] of Object.entries(calls)) {
      // A dial Genesys has not named yet cannot be in the snapshot: it waits for its own answer.
      if (entry.connectionIds.length > 0) enqueue.sendTo(key, observationFor(entry, event));
    }
    for (const call of unknownCalls(calls, event)) {
      for (const missed of eventsCreating(call)) enqueue.raise(missed);
      enqueue.emit({ type: 'resync.corrected', key: call.connectionId, correction: `created ${call.state}` });
    }
    // stateIn reads the machine's snapshot (also in pure transitions); its type does not fit `check`.
    const available = check(stateIn('#toolbar.agent.available') as never);
    const unavailable = check(stateIn('#toolbar.agent.unavailable') as never);
    if (!available && !unavailable) return;
    const reason = event.reason ? { reason: event.reason } : {};
    if (event.agentState === 'LoggedOut') enqueue.raise({ type: 'genesys.agentLogout' });
    else if (event.agentState === 'Ready' && unavailable) enqueue.raise({ type: 'genesys.agentReady' });
    else if (event.agentState === 'NotReady' && (available || (event.reason && event.reason !== context.notReadyReason))) {
      enqueue.raise({ type: 'genesys.agentNotReady', ...reason });
    } else return;
    enqueue.emit({ type: 'resync.corrected', key: 'agent', correction: `agent → ${event.agentState}` });
  }),
  endRestoring: assign({
    calls: ({ context }) => {
      if (!Object.values(context.calls).some((entry) => entry.restoring)) return context.calls;
      return Object.fromEntries(Object.entries(context.calls).map(([key, { restoring: _done, ...entry }]) => [key, entry]));
    },
  }),
  /** No snapshot to ask: the restored calls Fusion never had are trusted as the record has them. */
  spawnUnconfirmed: enqueueActions(({ context, enqueue }) => {
    if (context.unconfirmed.length === 0) return;
    const confirmed = confirmedBy(context, null);
    enqueue.assign({ calls: { ...context.calls, ...Object.fromEntries(confirmed.map(([call, entry]) => [call.key, entry])) }, unconfirmed: [] });
    for (const call of confirmed.map(([kept]) => kept)) {
      const { input, held } = restoredInput(context, call);
      enqueue.spawnChild('call', { id: call.key, input });
      if (held) enqueue.sendTo(call.key, { type: 'genesys.held', connectionId: held });
    }
  }),
  noteResyncUnavailable: enqueueActions(({ context, event, enqueue }) => {
    assertEvent(event, 'genesys.commandFailed');
    enqueue.emit({ type: 'resync.unavailable', reason: `${event.code}: ${event.message}` });
    if (context.resyncUnavailableSaid) return;
    enqueue.assign({ resyncUnavailableSaid: true, ...withNotice(context, { code: 'RESYNC_UNAVAILABLE', detail: event.code }, Date.now()) });
  }),
  /** After a reload: the calls of the record, shown at once and marked restoring until the snapshot. */
  restoreCalls: enqueueActions(({ context, enqueue }) => {
    const restored = context.restored;
    if (!restored) return;
    const calls: Record<string, CallEntry> = { ...context.calls };
    // A record is outside input: only keys this machine makes, each once, may become actors.
    const restoredCalls: typeof restored.calls = [];
    const unconfirmed: typeof restored.calls = [];
    for (const call of restored.calls) {
      if (!isCallKey(call.key) || Object.hasOwn(calls, call.key) || unconfirmed.some((kept) => kept.key === call.key)) continue;
      // Fusion was never offered it: nothing is shown or published until Genesys confirms it.
      if (!call.offered) {
        unconfirmed.push(call);
        continue;
      }
      calls[call.key] = { connectionIds: call.connectionIds, eventId: call.eventId, restoring: true };
      restoredCalls.push(call);
    }
    // What Fusion saw before the reload stays seen: a reused Genesys eventId is not offered under it again.
    const seen = (restored.seenEventIds ?? []).filter((id): id is string => typeof id === 'string' && id.length > 0);
    enqueue.assign({ seenEventIds: withRecent(context.seenEventIds, [...seen, ...restoredCalls.map((call) => call.eventId)], MAX_SEEN_EVENT_IDS) });
    enqueue.assign({
      calls,
      unconfirmed,
      activeCall: restoredCalls[0]?.key ?? null,
      restored: null,
      ...(restored.presence === 'unavailable' && restored.reason ? { notReadyReason: restored.reason } : {}),
    });
    for (const call of restoredCalls) {
      const { input, held } = restoredInput(context, call);
      enqueue.spawnChild('call', { id: call.key, input });
      if (held) enqueue.sendTo(call.key, { type: 'genesys.held', connectionId: held });
    }
  }),
});

/** [INFER] After every register, ask Genesys what is true and correct the toolbar to it. */
export const resyncState = toolbarState({
  initial: 'watching',
  states: {
    watching: {
      on: {
        // A microservice without snapshots (profile=tutorial) is not asked, nor warned about.
        'genesys.registered': [{ guard: lacks('snapshot'), actions: 'spawnUnconfirmed' }, { actions: 'requestSnapshot' }],
        'genesys.snapshot': { actions: ['reconcile', 'endRestoring'] },
        // Without a snapshot the toolbar works as before; it says so once.
        'genesys.commandFailed': { guard: 'isSnapshotFailure', actions: ['noteResyncUnavailable', 'spawnUnconfirmed', 'endRestoring'] },
      },
    },
  },
});
