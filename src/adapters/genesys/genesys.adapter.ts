import { fromCallback } from 'xstate';
import type { AdapterInput, GenesysActorLogic } from '../../machines/actors.types';
import type { AuthRequiredCode, GenesysCommand, GenesysEvent, GenesysServiceCommand } from '../../machines/genesys.types';
import { createBridgeAuth } from './bridge-auth';
import type { GenesysAdapterDeps } from './deps.types';
import { decodeFrame } from './frame-decoder';
import { resolveDeps } from './resolve-deps';
import { accepted, createRestClient, failure } from './rest-client';
import { startSso, type SsoAttempt, type SsoOutcome } from './sso-popup';
import { openSocketLink, type LinkCallbacks, type SocketLink } from './socket-link';

/** The WebSocket URL with `agent=<agentId>` added when the toolbar knows its agent. */
export function socketUrl(genesysWs: string, agentId: string): string {
  if (!agentId) return genesysWs;
  const url = new URL(genesysWs);
  url.searchParams.set('agent', agentId);
  return url.toString();
}

/**
 * The Genesys adapter: one WebSocket for events, one JSON POST per command (protocol.md 3.3).
 * Sends validated `GenesysEvent`s to the parent and never registers on its own: the machine
 * sends `genesys.cmd.register` on every `genesys.connected`. With auth=bridge it opens the socket
 * only with a token (kept over a reload, or from `genesys.cmd.signIn`), and any 401 closes it
 * and says `genesys.authRequired`.
 */
export function createGenesysAdapter(deps: GenesysAdapterDeps = {}): GenesysActorLogic {
  return fromCallback<GenesysCommand, AdapterInput>(({ sendBack, receive, input }) => {
    const resolved = resolveDeps(deps);
    const { log } = resolved;
    const { config } = input;
    let stopped = false;
    // Nothing reaches the parent after stop: late socket or fetch callbacks are dropped.
    const emit = (event: GenesysEvent): void => {
      if (!stopped) sendBack(event);
    };
    const auth = config.auth === 'bridge' ? createBridgeAuth(config, resolved, resolved.tokens) : null;
    const rest = createRestClient(config, resolved, auth);

    const callbacks: LinkCallbacks = {
      onOpen: () => emit({ type: 'genesys.connected' }),
      onRefused: () => authRequired('SESSION_INVALID'),
      onDown: (info) => emit({ type: 'genesys.disconnected', ...info }),
      onReplaced: (info) => {
        link = null;
        emit({ type: 'genesys.replaced', ...info });
      },
      onData: (data) => {
        const outcome = decodeFrame(data, resolved.newId);
        if (outcome.kind === 'event') {
          if (outcome.event.type === 'genesys.registered') link?.markRegistered();
          if (outcome.event.type === 'genesys.snapshot') snapshotAnswered();
          // The event first: logging can wait until the machine (and the offer to Fusion) is done.
          emit(outcome.event);
          log('debug', 'FRAME', outcome.name, outcome.event);
        } else if (outcome.kind === 'ignored') {
          log('debug', 'FRAME_IGNORED', `${outcome.name} carries nothing the toolbar uses`);
        } else {
          log('warn', outcome.code, outcome.message);
          emit({ type: 'genesys.protocolError', code: outcome.code, message: outcome.message });
        }
      },
    };
    let link: SocketLink | null = null;
    const openLink = (): void => {
      link?.stop();
      link = openSocketLink(auth ? () => auth.socketTarget() : socketUrl(config.genesysWs, config.agentId), resolved, callbacks, config.genesysRest);
    };
    /** The bridge does not (or no longer) know the agent: no socket until the next sign-in. */
    const authRequired = (code: AuthRequiredCode): void => {
      auth?.forget();
      link?.stop();
      link = null;
      if (code === 'SESSION_INVALID') log('warn', 'SESSION_INVALID', 'The bridge refused the session; the agent must sign in again');
      emit({ type: 'genesys.authRequired', code });
    };

    if (auth === null) openLink();
    else {
      const kept = auth.restored();
      if (kept) {
        emit({ type: 'genesys.signedIn', ...kept });
        openLink();
      } else emit({ type: 'genesys.authRequired', code: 'NO_SESSION' });
    }

    // [INFER] snapshot: a 2xx without an EventSnapshot frame within the deadline means no resync.
    let snapshotTimer: unknown = null;
    const snapshotAnswered = (): void => {
      if (snapshotTimer !== null) resolved.clearTimeout(snapshotTimer);
      snapshotTimer = null;
    };
    const awaitSnapshot = (command: GenesysServiceCommand): void => {
      snapshotAnswered();
      snapshotTimer = resolved.setTimeout(() => {
        snapshotTimer = null;
        const ms = resolved.snapshotTimeoutMs;
        emit(failure(command, 'SNAPSHOT_TIMEOUT', `The Genesys service sent no EventSnapshot within ${ms} ms`));
      }, resolved.snapshotTimeoutMs);
    };

    let sso: SsoAttempt | null = null;
    const ssoDone = (outcome: SsoOutcome): void => {
      sso = null;
      if (auth === null || stopped) return;
      if (!outcome.ok) {
        emit({ type: 'genesys.signInFailed', code: outcome.code, message: outcome.message });
        return;
      }
      emit({ type: 'genesys.signedIn', ...auth.keep(outcome.session) });
      openLink();
    };
    /** Synchronous from the click to window.open: a popup outside the user activation is blocked. */
    const ssoStart = (): void => {
      if (auth === null) return;
      sso?.cancel();
      const win = resolved.ssoWindow;
      if (win === null) {
        emit({ type: 'genesys.signInFailed', code: 'SSO_UNAVAILABLE', message: 'single sign-on needs a browser window' });
        return;
      }
      sso = startSso({ window: win, log, setTimeout: resolved.setTimeout, clearTimeout: resolved.clearTimeout }, config.sessionUrl, ssoDone);
      if (sso.blocked) emit({ type: 'genesys.ssoBlocked', url: sso.url });
    };

    const signIn = async (username: string): Promise<void> => {
      if (auth === null) return;
      sso?.cancel();
      sso = null;
      // Taken at once, so the password is gone from the box whatever the outcome.
      const outcome = await auth.signIn(username, resolved.credentials.take());
      if (stopped) return;
      if (!outcome.ok) {
        emit({ type: 'genesys.signInFailed', code: outcome.code, message: outcome.message });
        return;
      }
      emit({ type: 'genesys.signedIn', agentId: outcome.agentId, dn: outcome.dn });
      openLink();
    };

    receive((command) => {
      if (command.type === 'genesys.cmd.signIn') {
        void signIn(command.username);
        return;
      }
      if (command.type === 'genesys.cmd.ssoStart') {
        ssoStart();
        return;
      }
      if (command.type === 'genesys.cmd.signOut') {
        link?.stop();
        link = null;
        void auth?.signOut().then(() => authRequired('SIGNED_OUT'));
        return;
      }
      if (command.type === 'genesys.cmd.reconnect') {
        // Use here: a new socket takes over from the other toolbar; a refused ticket asks for a sign-in.
        openLink();
        return;
      }
      if (link === null || !link.isOpen) {
        // Without the socket the outcome event could never arrive; refuse rather than guess.
        const event = failure(command, 'OFFLINE', `Not connected to the Genesys service; ${command.type} was not sent`);
        log('warn', 'OFFLINE', event.message);
        emit(event);
        return;
      }
      log('debug', 'REST_POST', command.type, command);
      if (command.type === 'genesys.cmd.snapshot') awaitSnapshot(command);
      void rest.post(command).then((outcome) => {
        if (command.type === 'genesys.cmd.snapshot' && outcome !== undefined) snapshotAnswered();
        if (outcome === undefined) {
          emit(accepted(command));
          return;
        }
        log('warn', outcome.code, outcome.message);
        emit(outcome);
        if (outcome.code === 'SESSION_INVALID') authRequired('SESSION_INVALID');
      });
    });

    return () => {
      stopped = true;
      sso?.cancel();
      snapshotAnswered();
      link?.stop();
      rest.abortAll();
      log('debug', 'ADAPTER_STOPPED', 'Genesys adapter stopped');
    };
  });
}
