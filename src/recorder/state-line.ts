/** One line per root state for the flight log and replay: regions, and each call (by its ConnIDs) with its state. */
import type { AnyActorRef, SnapshotFrom } from 'xstate';
import type { ToolbarMachine } from '../machines/toolbar.machine';

/** What a state line is made of, captured by reference (cheap on the hot path), turned to text later. */
export interface StateCapture {
  root: SnapshotFrom<ToolbarMachine>;
  calls: [connectionIds: string[], value: unknown][];
}

export function captureState(snapshot: SnapshotFrom<ToolbarMachine>): StateCapture {
  const children = snapshot.children as Record<string, AnyActorRef | undefined>;
  // By ConnIDs and arrival order, not by key: a dial's key holds a random eventId.
  const calls = Object.entries(snapshot.context.calls).map(([key, entry]): [string[], unknown] => {
    const child = Object.hasOwn(children, key) ? children[key] : undefined;
    return [entry.connectionIds, (child?.getSnapshot() as { value?: unknown } | undefined)?.value ?? null];
  });
  return { root: snapshot, calls };
}

/** Whether two captures are the same state (same snapshot objects: XState snapshots are immutable). */
export function sameCapture(a: StateCapture | undefined, b: StateCapture): boolean {
  return a !== undefined && a.root === b.root && a.calls.length === b.calls.length && a.calls.every((call, i) => call[1] === b.calls[i]?.[1] && call[0] === b.calls[i]?.[0]);
}

export function lineOf(capture: StateCapture): string {
  const { root, calls } = capture;
  // Without a bridge sign-in (auth=none) the region says nothing: lines read as they did before it.
  const { signIn, ...regions } = root.value;
  const value = signIn === 'off' ? regions : root.value;
  return JSON.stringify({ status: root.status, value, calls, notices: root.context.notices.map((notice) => notice.code) });
}

export function stateLine(snapshot: SnapshotFrom<ToolbarMachine>): string {
  return lineOf(captureState(snapshot));
}
