/**
 * A summary of every live call (ringing or not, who), for the list order and the alerts. The root
 * snapshot does not change when a call's does, so this reads the call actors as an external store:
 * subscribed to each one, re-rendering only when a summary changes.
 */
import { displayOptional } from './display-text';
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type { CallSummary } from './alerts.connect';
import { callerOf } from './call.connect';
import { callRefOf, useCallKeys, useToolbarActor } from './toolbar.context';

export function useCallSummaries(): CallSummary[] {
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
    const summaries = keys.map((key): CallSummary => {
      const call = callRefOf(root, key)?.getSnapshot();
      const ringing = call ? call.matches('ringing') : false;
      const caller = call ? callerOf(call.context.number, call.context.contact).title : '';
      return { key, ringing, caller, queue: displayOptional(call?.context.queue) ?? null };
    });
    // A string, so an unchanged summary is the same snapshot for useSyncExternalStore.
    return JSON.stringify(summaries);
  }, [actor, keys]);
  const text = useSyncExternalStore(subscribe, read);
  const last = useRef<{ text: string; value: CallSummary[] }>({ text: '', value: [] });
  return useMemo(() => {
    if (last.current.text !== text) last.current = { text, value: JSON.parse(text) as CallSummary[] };
    return last.current.value;
  }, [text]);
}
