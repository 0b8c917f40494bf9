/**
 * One agent's GWS session: signing in → initializing → activating → loading → online ⇄ recovering →
 * signed out. No I/O: sign-in, REST and CometD are injected actors (src/bridge/gws/).
 */
import { initialContext, portsKey, sessionSetup } from './session.setup';
import { onlineState } from './online';
import { recoveringState } from './recovering';
import { activatingState, initializingState, loadingState, resumingState, signingInState, signingOutState } from './starting';

export const agentSessionMachine = sessionSetup.createMachine({
  id: 'agentSession',
  context: ({ input }) => initialContext(input),
  initial: 'signingIn',
  states: {
    signingIn: signingInState,
    live: {
      invoke: [
        { id: 'notifications', src: 'notifications', input: portsKey },
        { id: 'requests', src: 'requests', input: portsKey },
      ],
      initial: 'initializing',
      on: {
        'command.deadline': { actions: 'expirePending' },
        'gws.invalid': { actions: 'logInvalid' },
        'session.signOut': { target: '.signingOut' },
      },
      states: {
        initializing: initializingState,
        resuming: resumingState,
        activating: activatingState,
        loading: loadingState,
        online: onlineState,
        recovering: recoveringState,
        signingOut: signingOutState,
      },
    },
    signedOut: { type: 'final' },
  },
});

export type AgentSessionMachine = typeof agentSessionMachine;
