/**
 * Pure helpers of the snapshot resync ([INFER] contract extension, protocol notes): which call of
 * the snapshot is which toolbar call, and the synthetic Genesys events that create a call the
 * toolbar does not know. No XState here, so every pair is easy to test.
 */
import type { CallResyncEvent } from './call.types';
import type { GenesysEvent, SnapshotCall } from './genesys.types';
import type { CallEntry } from './toolbar.types';

type Snapshot = Extract<GenesysEvent, { type: 'genesys.snapshot' }>;

/** The snapshot's view of one toolbar call: present in some state, or gone. */
export function observationFor(entry: CallEntry, snapshot: Snapshot): CallResyncEvent {
  const listed = new Map(snapshot.calls.map((call) => [call.connectionId, call.state]));
  // The call's own order decides which leg speaks for it: the caller's before a consult leg.
  const present = entry.connectionIds.filter((id) => listed.has(id));
  const first = present[0];
  return first === undefined ? { type: 'resync.gone' } : { type: 'resync.present', state: listed.get(first)!, present };
}

/** Calls of the snapshot no toolbar call has a ConnID of. */
export function unknownCalls(calls: Record<string, CallEntry>, snapshot: Snapshot): SnapshotCall[] {
  const known = new Set(Object.values(calls).flatMap((entry) => entry.connectionIds));
  return snapshot.calls.filter((call) => !known.has(call.connectionId));
}

/**
 * The Genesys events the toolbar would have heard for a call it missed, in order: the same
 * transitions create it (and offer it to Fusion) as if the events had arrived live.
 */
export function eventsCreating(call: SnapshotCall): GenesysEvent[] {
  const { connectionId } = call;
  const ids = call.eventId ? { eventId: call.eventId } : {};
  switch (call.state) {
    case 'Ringing':
      return [
        {
          type: 'genesys.ringing',
          connectionId,
          eventId: call.eventId ?? '',
          ani: call.ani ?? '',
          ...(call.queue ? { queue: call.queue } : {}),
        },
      ];
    case 'Dialing':
      return [{ type: 'genesys.dialing', connectionId, ...ids, number: call.ani ?? '' }];
    case 'Established':
    case 'Held': {
      const established: GenesysEvent = {
        type: 'genesys.established',
        connectionId,
        ...ids,
        direction: call.direction,
        ...(call.ani ? { ani: call.ani } : {}),
      };
      return call.state === 'Held' ? [established, { type: 'genesys.held', connectionId }] : [established];
    }
  }
}
