/**
 * What the session machine needs from GWS, per agent session: the factory turns these into the
 * machine's injected actors. src/bridge/gws/ implements them over HTTP and CometD; tests fake them.
 */
import type { GwsRequest } from '../translate';
import type { GwsCredential } from './agent-session.types';
import type { GwsResult, SessionEvent } from './session.types';

/** What the CometD side tells the session. */
export type NotificationEvent = Extract<
  SessionEvent,
  { type: 'cometd.connected' | 'cometd.lost' | 'cometd.unknownSession' | 'cometd.unauthorized' | 'gws.notification' | 'gws.invalid' }
>;

/** What a sign-in or refresh granted: the access token's lifetime when a refresh credential keeps it. */
export interface SignedIn {
  readonly expiresInSec?: number;
}

export interface GwsPorts {
  /** Auth + initialize-workspace; keeps the session cookie. Rejects with `{code, message}` (SIGN_IN_FAILED, GWS_UNREACHABLE, GWS_INIT_FAILED). */
  signIn(): Promise<SignedIn | void>;
  /** OAuth refresh grant before the access token expires; rejects SIGN_IN_FAILED when GWS refuses it. */
  refresh?(): Promise<SignedIn>;
  /** The credential another instance resumes the workspace session with. */
  credential?(): GwsCredential;
  /** One REST request with its deadline; never rejects. */
  request(request: GwsRequest): Promise<GwsResult>;
  /** (Re)starts CometD with the current cookie: handshake, subscribe, then events until disconnect. */
  connect(sink: (event: NotificationEvent) => void): void;
  /** Stops CometD (a `/meta/disconnect` when it can). */
  disconnect(): void;
}
