/**
 * The connection region: the WebSocket to the Genesys microservice (connecting, open, reconnecting)
 * and, while open, whether T-Server still has the switch; signed out while the bridge wants a sign-in;
 * replaced while another toolbar of the agent has the socket. `context.online` is its word to the others.
 */
import { assertEvent, assign, sendTo } from 'xstate';
import type { GenesysCommand } from '../genesys.types';
import { toolbarActions, toolbarState } from './define';

export const connectionActions = toolbarActions({
  rememberReconnect: assign({
    online: false,
    reconnect: ({ event }) => {
      assertEvent(event, 'genesys.disconnected');
      return { attempt: event.attempt, retryAt: Date.now() + event.retryInMs, reason: event.reason };
    },
  }),
  forgetReconnect: assign({ reconnect: null }),
  goOnline: assign({ online: true }),
  goOffline: assign({ online: false }),
  askReconnect: sendTo('genesys', { type: 'genesys.cmd.reconnect' } satisfies GenesysCommand),
});

export const connectionState = toolbarState({
  initial: 'connecting',
  // auth=bridge: the adapter closed the socket until the agent signs in again.
  on: {
    'genesys.authRequired': { target: '.signedOut', actions: ['forgetReconnect', 'goOffline'] },
    // Another toolbar of the agent took the socket: offline here, calls kept, no retry until Use here.
    'genesys.replaced': { target: '.replaced', actions: ['forgetReconnect', 'goOffline'] },
  },
  states: {
    connecting: {
      on: {
        'genesys.connected': { target: 'open', actions: 'goOnline' },
        'genesys.disconnected': { target: 'reconnecting', actions: 'rememberReconnect' },
      },
    },
    open: {
      initial: 'linked',
      on: { 'genesys.disconnected': { target: 'reconnecting', actions: 'rememberReconnect' } },
      states: {
        linked: { on: { 'genesys.linkDisconnected': { target: 'switchDown' } } },
        /** The microservice is reachable but T-Server lost the switch. */
        switchDown: { on: { 'genesys.linkConnected': { target: 'linked' } } },
      },
    },
    reconnecting: {
      on: {
        'genesys.connected': { target: 'open', actions: ['forgetReconnect', 'goOnline'] },
        'genesys.disconnected': { actions: 'rememberReconnect' },
      },
    },
    /** The agent's toolbar in another window has the socket; Use here takes it back (a new ticket). */
    replaced: { on: { 'connection.useHere': { target: 'connecting', actions: 'askReconnect' } } },
    /** No socket until the bridge knows the agent (sign-in region); commands are refused meanwhile. */
    signedOut: {
      on: {
        'genesys.connected': { target: 'open', actions: 'goOnline' },
        'genesys.disconnected': { target: 'reconnecting', actions: 'rememberReconnect' },
      },
    },
  },
});
