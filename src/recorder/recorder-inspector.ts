/**
 * Feeds the flight recorder from XState inspection: events into the root from outside (adapters,
 * UI), commands to the adapters, and the root's state just before each outside event (the state
 * that event met; replay checks the same points). No adapter code changes: `inspect` sees it all.
 */
import type { ActorRefLike, AnyActorRef, InspectionEvent, SnapshotFrom } from 'xstate';
import type { ToolbarMachine } from '../machines/toolbar.machine';
import type { FlightRecorder } from './flight-recorder';
import type { FlightEntry } from './flight-log';
import { captureState, lineOf, sameCapture, type StateCapture } from './state-line';

const ADAPTERS = new Set(['genesys', 'fusion']);

function sourceOf(ref: ActorRefLike | undefined): FlightEntry['source'] | null {
  if (ref === undefined) return 'ui';
  const id = (ref as Partial<AnyActorRef>).id;
  return id === 'genesys' || id === 'fusion' ? id : null;
}

export interface RecorderInspector {
  inspect: (event: InspectionEvent) => void;
  /** The root's state now, as a final `transition` entry (call before downloading). */
  settle: (snapshot: SnapshotFrom<ToolbarMachine>) => void;
}

export function recorderInspector(recorder: FlightRecorder): RecorderInspector {
  let root: AnyActorRef | undefined;
  let last: StateCapture | undefined;
  // Captured by reference and turned to text only when the log is read: cheap per event.
  const mark = (snapshot: SnapshotFrom<ToolbarMachine>) => {
    const capture = captureState(snapshot);
    if (sameCapture(last, capture)) return;
    last = capture;
    recorder.recordLazy('transition', () => lineOf(capture));
  };
  return {
    inspect(event) {
      if (event.type === '@xstate.actor' && event.actorRef.sessionId === event.rootId) root = event.actorRef as AnyActorRef;
      if (event.type !== '@xstate.event' || root === undefined || event.event.type === 'xstate.init') return;
      if (event.actorRef === root) {
        const source = sourceOf(event.sourceRef);
        if (source === null) return;
        mark(root.getSnapshot() as SnapshotFrom<ToolbarMachine>);
        recorder.record('event', event.event, source);
      } else if (ADAPTERS.has((event.actorRef as Partial<AnyActorRef>).id ?? '') && (event.sourceRef === root || event.sourceRef === undefined)) {
        // No source: the root's offerNow, which sends at once rather than through sendTo.
        recorder.record('command', event.event);
      }
    },
    settle(snapshot) {
      mark(snapshot);
    },
  };
}
