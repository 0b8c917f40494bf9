/** Alt+A / Alt+D / Alt+H answer, decline and hang up (or cancel a dial) from anywhere in the page. */
import { useEffect } from 'react';
import type { CallEventType } from './call.connect';
import { shortcutAction, shortcutTarget } from './shortcuts.connect';
import { useToolbarActor } from './toolbar.context';

export function useCallShortcuts(): void {
  const actor = useToolbarActor();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutAction(event);
      if (!action) return;
      // Read at key time, not render time: the key acts on the state the agent sees now.
      const snapshot = actor.getSnapshot();
      const allows = (key: string, type: CallEventType) => (Object.hasOwn(snapshot.children, key) ? snapshot.children[key] : undefined)?.getSnapshot().can({ type, key }) ?? false;
      const key = shortcutTarget(Object.keys(snapshot.context.calls), snapshot.context.activeCall, allows, action);
      if (!key) return;
      event.preventDefault();
      actor.send({ type: action, key });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [actor]);
}
