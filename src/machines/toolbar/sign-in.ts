/**
 * The sign-in region (auth=bridge): whether the bridge knows the agent. The Genesys adapter holds
 * the token and the password (out of band); this region only says when the form is shown, what the
 * last attempt answered, and when to sign out. Calls are untouched by a sign-in: the calls region
 * keeps them, and the snapshot after the next register confirms them.
 */
import { assertEvent, assign, sendTo } from 'xstate';
import type { CodedError } from '../call.types';
import type { GenesysCommand } from '../genesys.types';
import { toolbarActions, toolbarGuards, toolbarState } from './define';

export const signInGuards = toolbarGuards({
  usesBridgeAuth: ({ context }) => context.config.auth === 'bridge',
  /** The agent asked to log out (agent region wantLogout): the bridge session goes with it. */
  isLoggedOutOnPurpose: ({ context }) => !context.wantsLogin,
});

export const signInActions = toolbarActions({
  sendSignIn: sendTo('genesys', ({ event }) => {
    assertEvent(event, 'auth.submit');
    return { type: 'genesys.cmd.signIn', username: event.username } satisfies GenesysCommand;
  }),
  sendSignOut: sendTo('genesys', { type: 'genesys.cmd.signOut' } satisfies GenesysCommand),
  // Delivered synchronously to the adapter, so its window.open is still inside the click's activation.
  sendSsoStart: sendTo('genesys', { type: 'genesys.cmd.ssoStart' } satisfies GenesysCommand),
  forgetSignInError: assign({ signIn: ({ context }) => ({ ...context.signIn, error: null }) }),
  rememberSsoBlocked: assign({
    signIn: ({ context, event }) => {
      assertEvent(event, 'genesys.ssoBlocked');
      return { ...context.signIn, error: { code: 'SSO_POPUP_BLOCKED', detail: event.url } };
    },
  }),
  rememberUsername: assign({
    signIn: ({ context, event }) => {
      assertEvent(event, 'auth.submit');
      return { ...context.signIn, username: event.username, error: null };
    },
  }),
  rememberSignedIn: assign({
    signIn: ({ context, event }) => {
      assertEvent(event, 'genesys.signedIn');
      return { ...context.signIn, agentId: event.agentId, error: null };
    },
  }),
  rememberSignInError: assign({
    signIn: ({ context, event }) => {
      assertEvent(event, ['genesys.signInFailed', 'genesys.authRequired']);
      // Only a refused token is news to the agent; no session yet, or a sign-out they asked for, is not.
      const error: CodedError | null =
        event.type === 'genesys.signInFailed'
          ? { code: event.code, detail: event.message }
          : event.code === 'SESSION_INVALID'
            ? { code: 'SESSION_INVALID' }
            : null;
      return { ...context.signIn, agentId: null, error };
    },
  }),
});

const required = { target: 'required', actions: 'rememberSignInError' } as const;
const signedIn = { target: 'signedIn', actions: 'rememberSignedIn' } as const;

export const signInState = toolbarState({
  initial: 'deciding',
  states: {
    deciding: { always: [{ guard: 'usesBridgeAuth', target: 'checking' }, { target: 'off' }] },
    /** auth=none: the microservice trusts the toolbar; there is nothing to sign in to. */
    off: {},
    /** The adapter looks for a token kept over a reload (sessionStorage) and says which it is. */
    checking: { on: { 'genesys.signedIn': signedIn, 'genesys.authRequired': required } },
    /** The form is shown. */
    required: {
      on: {
        'auth.submit': { target: 'signingIn', actions: ['rememberUsername', 'sendSignIn'] },
        'auth.ssoStart': { target: 'signingInSso', actions: ['forgetSignInError', 'sendSsoStart'] },
        'genesys.authRequired': required,
      },
    },
    /** The Genesys popup is open (or blocked, with a link): the form stays, the adapter waits for its message. */
    signingInSso: {
      on: {
        'genesys.signedIn': signedIn,
        'genesys.signInFailed': required,
        'genesys.authRequired': required,
        'genesys.ssoBlocked': { actions: 'rememberSsoBlocked' },
        // Another click is a new user activation: the adapter opens the popup again.
        'auth.ssoStart': { actions: ['forgetSignInError', 'sendSsoStart'] },
        // The password instead: the adapter stops waiting for the popup.
        'auth.submit': { target: 'signingIn', actions: ['rememberUsername', 'sendSignIn'] },
      },
    },
    /** The adapter's POST /genesys/session is under way (it answers within its own deadline). */
    signingIn: {
      on: {
        'genesys.signedIn': signedIn,
        'genesys.signInFailed': required,
        'genesys.authRequired': required,
      },
    },
    signedIn: {
      on: {
        'genesys.authRequired': required,
        'genesys.agentLogout': { guard: 'isLoggedOutOnPurpose', target: 'signingOut', actions: 'sendSignOut' },
      },
    },
    /** DELETE /genesys/session under way; the adapter always ends it with authRequired (SIGNED_OUT). */
    signingOut: { on: { 'genesys.authRequired': required } },
  },
});
