/** One line per root state for the flight log and replay: regions, and each call (by its ConnIDs) with its state. */
import type { AnyActorRef, SnapshotFrom } from 'xstate';
import type { ToolbarMachine } from '../machines/toolbar.machine';

export function stateLine(snapshot: SnapshotFrom<ToolbarMachine>): string {
  const children = snapshot.children as Record<string, AnyActorRef | undefined>;
  // By ConnIDs and arrival order, not by key: a dial's key holds a random eventId.
  const calls = Object.entries(snapshot.context.calls).map(([key, entry]) => {
    const child = Object.hasOwn(children, key) ? children[key] : undefined;
    return [entry.connectionIds, (child?.getSnapshot() as { value?: unknown } | undefined)?.value ?? null];
  });
  return JSON.stringify({ status: snapshot.status, value: snapshot.value, calls, notices: snapshot.context.notices.map((notice) => notice.code) });
}
