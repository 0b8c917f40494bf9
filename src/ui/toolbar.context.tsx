/**
 * The root actor is created and started outside React (main.tsx); React only receives its ref
 * through this plain context and reads snapshots with `useSelector`.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useSelector } from '@xstate/react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import type { CallMachine } from '../machines/call.machine';
import type { ToolbarMachine } from '../machines/toolbar.machine';

export type ToolbarActor = ActorRefFrom<ToolbarMachine>;
export type ToolbarSnapshot = SnapshotFrom<ToolbarMachine>;
export type CallRef = ActorRefFrom<CallMachine>;
export type CallSnapshot = SnapshotFrom<CallMachine>;

const ToolbarActorContext = createContext<ToolbarActor | null>(null);

export function ToolbarProvider({ actor, children }: { actor: ToolbarActor; children: ReactNode }) {
  return <ToolbarActorContext.Provider value={actor}>{children}</ToolbarActorContext.Provider>;
}

/** The root actor, for sending events. */
export function useToolbarActor(): ToolbarActor {
  const actor = useContext(ToolbarActorContext);
  if (!actor) throw new Error('useToolbarActor outside ToolbarProvider');
  return actor;
}

/** A selected slice of the root snapshot; re-renders only when `compare` says it changed. */
export function useToolbar<T>(selector: (snapshot: ToolbarSnapshot) => T, compare?: (a: T, b: T) => boolean): T {
  return useSelector(useToolbarActor(), selector, compare);
}

/** The child actor of one call in a root snapshot, by its key (undefined once the root has stopped it). */
export function callRefOf(snapshot: ToolbarSnapshot, key: string): CallRef | undefined {
  // Own property only: a key such as `constructor` must not resolve to a built-in.
  return Object.hasOwn(snapshot.children, key) ? snapshot.children[key] : undefined;
}

/** The child actor of one call, by its key (undefined once the root has stopped it). */
export function useCallRef(key: string): CallRef | undefined {
  return useToolbar((snapshot) => callRefOf(snapshot, key));
}

/** Keys of the live calls, in arrival order. */
export function useCallKeys(): string[] {
  return useToolbar(selectCallKeys, sameList);
}

function selectCallKeys(snapshot: ToolbarSnapshot): string[] {
  return Object.keys(snapshot.context.calls);
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
