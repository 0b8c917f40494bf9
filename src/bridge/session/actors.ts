/**
 * The session machine's injected actors, made once per factory: each finds its agent's GwsPorts by
 * the key in its input, so one provided machine serves every session (provide() per session cost
 * 53 KB each).
 */
import { fromCallback, fromPromise } from 'xstate';
import type { GwsPorts, SignedIn } from './ports.types';
import type { NotificationsCommand, PortsInput, RequestsCommand } from './session.types';

export type PortsLookup = (key: string) => GwsPorts | undefined;

function portsOf(lookup: PortsLookup, input: PortsInput): GwsPorts {
  const ports = lookup(input.key);
  if (!ports) throw new Error(`no GWS ports for session ${input.key}`);
  return ports;
}

export function portActors(lookup: PortsLookup) {
  return {
    signIn: fromPromise<SignedIn | void, PortsInput>(({ input }) => portsOf(lookup, input).signIn()),
    refreshToken: fromPromise<SignedIn, PortsInput>(async ({ input }) => {
      const ports = portsOf(lookup, input);
      if (!ports.refresh) throw Object.assign(new Error('no refresh'), { code: 'SIGN_IN_FAILED' });
      return ports.refresh();
    }),
    requests: fromCallback<RequestsCommand, PortsInput>(({ receive, sendBack, input }) => {
      const ports = portsOf(lookup, input);
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
    notifications: fromCallback<NotificationsCommand, PortsInput>(({ receive, sendBack, input }) => {
      const ports = portsOf(lookup, input);
      receive((command) => {
        if (command.type === 'cometd.connect') ports.connect((event) => sendBack(event));
        else ports.disconnect();
      });
      return () => ports.disconnect();
    }),
  };
}
