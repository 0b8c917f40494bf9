/** The session machine's injected actors, made from one agent's GwsPorts. */
import { fromCallback, fromPromise } from 'xstate';
import type { GwsPorts } from './ports.types';
import type { NotificationsCommand, RequestsCommand } from './session.types';

export function portActors(ports: GwsPorts) {
  return {
    signIn: fromPromise<void, void>(() => ports.signIn()),
    requests: fromCallback<RequestsCommand>(({ receive, sendBack }) => {
      let live = true;
      receive((command) => {
        void ports.request(command.request).then((result) => {
          if (live) sendBack({ type: 'gws.answered', requestId: command.requestId, result });
        });
      });
      return () => {
        live = false;
      };
    }),
    notifications: fromCallback<NotificationsCommand>(({ receive, sendBack }) => {
      receive((command) => {
        if (command.type === 'cometd.connect') ports.connect((event) => sendBack(event));
        else ports.disconnect();
      });
      return () => ports.disconnect();
    }),
  };
}
