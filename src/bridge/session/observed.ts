/**
 * GwsPorts wrapped for operations: every notification, GWS error and recovery is told to an
 * observer (the bridge's metrics), and the time a notification takes to become frames is measured.
 */
import type { GwsPorts, NotificationEvent } from './ports.types';

/** What the bridge's metrics want to hear from the GWS side. */
export interface GwsObserver {
  /** A GWS notification and the milliseconds the session took to turn it into frames on the socket. */
  notification(messageType: string, ms: number): void;
  /** A GWS REST request that failed (by its coded cause). */
  gwsError(code: string): void;
  /** CometD lost or GWS forgot the session: the session starts recovering. */
  recovery(cause: 'lost' | 'unknownSession' | 'unauthorized'): void;
}

const RECOVERIES = { 'cometd.lost': 'lost', 'cometd.unknownSession': 'unknownSession', 'cometd.unauthorized': 'unauthorized' } as const;

export function observedPorts(ports: GwsPorts, observer: GwsObserver): GwsPorts {
  return {
    // refresh and credential pass through unobserved.
    ...ports,
    signIn: () => ports.signIn(),
    async request(request) {
      const result = await ports.request(request);
      if (!result.ok) observer.gwsError(result.code);
      return result;
    },
    connect(sink) {
      ports.connect((event: NotificationEvent) => {
        if (event.type in RECOVERIES) observer.recovery(RECOVERIES[event.type as keyof typeof RECOVERIES]);
        if (event.type !== 'gws.notification') return sink(event);
        // The machine handles the event synchronously: frames reach the socket before sink returns.
        const started = performance.now();
        sink(event);
        observer.notification(event.notification.messageType, performance.now() - started);
      });
    },
    disconnect: () => ports.disconnect(),
  };
}
