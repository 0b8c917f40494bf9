/**
 * What the UI reads from every live call at once (the list order and alerts; the header's activity).
 * The root snapshot does not change when a call's does, so these read the call actors as an
 * external store: subscribed to each one, re-rendering only when what is read changes.
 */
import { displayOptional } from './display-text';
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type { CallSummary } from './alerts.connect';
import { callerOf, phaseOf, type CallPhase } from './call.connect';
import { callRefOf, useCallKeys, useToolbarActor, type CallSnapshot } from './toolbar.context';

/** One value per live call, read with `project`, re-read whenever any call changes. */
function useCallStore<T>(project: (key: string, call: CallSnapshot | undefined) => T): T[] {
  const actor = useToolbarActor();
  const keys = useCallKeys();
  const subscribe = useCallback(
    (notify: () => void) => {
      const root = actor.getSnapshot();
      const subscriptions = keys.map((key) => callRefOf(root, key)?.subscribe(notify));
      return () => subscriptions.forEach((subscription) => subscription?.unsubscribe());
    },
    [actor, keys],
  );
  const read = useCallback(() => {
    const root = actor.getSnapshot();
    // A string, so an unchanged read is the same snapshot for useSyncExternalStore.
    return JSON.stringify(keys.map((key) => project(key, callRefOf(root, key)?.getSnapshot())));
  }, [actor, keys, project]);
  const text = useSyncExternalStore(subscribe, read);
  const last = useRef<{ text: string; value: T[] }>({ text: '', value: [] });
  return useMemo(() => {
    if (last.current.text !== text) last.current = { text, value: JSON.parse(text) as T[] };
    return last.current.value;
  }, [text]);
}

function summaryOf(key: string, call: CallSnapshot | undefined): CallSummary {
  const ringing = call ? call.matches('ringing') : false;
  const caller = call ? callerOf(call.context.number, call.context.contact).title : '';
  return { key, ringing, caller, queue: displayOptional(call?.context.queue) ?? null };
}

const phaseOfCall = (_key: string, call: CallSnapshot | undefined): CallPhase => (call ? phaseOf(call.value) : '');

export function useCallSummaries(): CallSummary[] {
  return useCallStore(summaryOf);
}

/** Every live call's phase ('ringing.alerting', 'established.held'…), in arrival order. */
export function useCallPhases(): CallPhase[] {
  return useCallStore(phaseOfCall);
}
