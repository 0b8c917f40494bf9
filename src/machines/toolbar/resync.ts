/**
 * The resync region ([INFER]): after every register, ask Genesys for its snapshot and correct the
 * toolbar to it (each call through its own transitions, a call only Genesys knows created by the
 * events the toolbar missed, the agent's settled state). Also the restore of calls after a reload,
 * which the snapshot then confirms (the machine's entry action).
 */
import { assertEvent, assign, enqueueActions, sendTo, stateIn } from 'xstate';
import type { GenesysCommand } from '../genesys.types';
import { isCallKey } from '../ids';
import { eventsCreating, observationFor, unknownCalls } from '../resync';
import { MAX_SEEN_EVENT_IDS, withNotice, withRecent } from '../toolbar.index';
import type { CallEntry } from '../toolbar.types';
import { toolbarActions, toolbarState } from './define';
import { lacks } from './shared';

export const resyncActions = toolbarActions({
  requestSnapshot: sendTo('genesys', { type: 'genesys.cmd.snapshot' } satisfies GenesysCommand),
  /**
   * Every toolbar call hears what the snapshot says of it and corrects itself with its own
   * transitions; a call only Genesys knows is created by the events the toolbar missed; the
   * agent's settled state follows the snapshot's.
   */
  reconcile: enqueueActions(({ context, event, enqueue, check }) => {
    assertEvent(event, 'genesys.snapshot');
    for (const [key, entry] of Object.entries(context.calls)) {
      // A dial Genesys has not named yet cannot be in the snapshot: it waits for its own answer.
      if (entry.connectionIds.length > 0) enqueue.sendTo(key, observationFor(entry, event));
    }
    for (const call of unknownCalls(context.calls, event)) {
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
    for (const call of restored.calls) {
      if (!isCallKey(call.key) || Object.hasOwn(calls, call.key)) continue;
      calls[call.key] = { connectionIds: call.connectionIds, eventId: call.eventId, restoring: true };
      restoredCalls.push(call);
    }
    // What Fusion saw before the reload stays seen: a reused Genesys eventId is not offered under it again.
    const seen = (restored.seenEventIds ?? []).filter((id): id is string => typeof id === 'string' && id.length > 0);
    enqueue.assign({ seenEventIds: withRecent(context.seenEventIds, [...seen, ...restoredCalls.map((call) => call.eventId)], MAX_SEEN_EVENT_IDS) });
    enqueue.assign({
      calls,
      activeCall: restoredCalls[0]?.key ?? null,
      restored: null,
      ...(restored.presence === 'unavailable' && restored.reason ? { notReadyReason: restored.reason } : {}),
    });
    for (const call of restoredCalls) {
      const connectionId = call.connectionIds.at(-1) ?? null;
      const start = call.state === 'held' ? 'established' : call.state;
      enqueue.spawnChild('call', {
        id: call.key,
        input: {
          key: call.key,
          connectionId,
          eventId: call.eventId,
          direction: call.direction,
          number: call.number,
          ...(call.queue ? { queue: call.queue } : {}),
          start,
          ringCeilingMs: context.config.ringCeilingMs,
          restored: { offered: call.offered, started: call.started, since: call.since },
        },
      });
      if (call.state === 'held' && connectionId) enqueue.sendTo(call.key, { type: 'genesys.held', connectionId });
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
        'genesys.registered': [{ guard: lacks('snapshot') }, { actions: 'requestSnapshot' }],
        'genesys.snapshot': { actions: ['reconcile', 'endRestoring'] },
        // Without a snapshot the toolbar works as before; it says so once.
        'genesys.commandFailed': { guard: 'isSnapshotFailure', actions: ['noteResyncUnavailable', 'endRestoring'] },
      },
    },
  },
});
