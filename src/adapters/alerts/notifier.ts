/**
 * Desktop notifications (Notification API) for a ringing call while the toolbar is hidden.
 * Permission is asked only from the agent's own click on the switch (`request`), never on load.
 */

export type NotifyPermission = NotificationPermission | 'unsupported';

export interface Notifier {
  permission(): NotifyPermission;
  /** Call from a user gesture only. */
  request(): Promise<NotifyPermission>;
  /** Shows (or replaces, by tag) a notification; clicking it brings the toolbar's window forward. */
  show(tag: string, title: string, body: string): void;
  close(tag: string): void;
}

type NotificationWindow = Window & { Notification?: typeof Notification };

export function createNotifier(win: NotificationWindow): Notifier {
  const Api = win.Notification;
  const open = new Map<string, Notification>();
  const permission = (): NotifyPermission => (Api ? Api.permission : 'unsupported');
  return {
    permission,
    async request() {
      if (!Api) return 'unsupported';
      try {
        return await Api.requestPermission();
      } catch {
        return permission();
      }
    },
    show(tag, title, body) {
      if (!Api || Api.permission !== 'granted') return;
      try {
        open.get(tag)?.close();
        // requireInteraction: a ring must not vanish by itself after a few seconds.
        const notification = new Api(title, { body, tag, requireInteraction: true });
        notification.onclick = () => {
          // The toolbar is a frame in Fusion: bring Fusion's window forward (allowed across origins), then the frame.
          try {
            win.parent.focus();
          } catch {
            // no parent to focus
          }
          win.focus();
          notification.close();
        };
        open.set(tag, notification);
      } catch {
        // Some browsers only allow notifications from a service worker: nothing to show then.
      }
    },
    close(tag) {
      open.get(tag)?.close();
      open.delete(tag);
    },
  };
}
