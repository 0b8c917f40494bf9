/**
 * The seam between the bridge's two halves: the toolbar side (src/bridge/server: HTTP, WebSocket,
 * tokens, tickets) and the GWS side (src/bridge/gws, translate, session: sign-in, CometD, the
 * per-agent session machine). The toolbar side only ever talks to GWS through these types.
 */

/** A toolbar WebSocket frame exactly as the toolbar's protocol has it (`eventName` + T-Server-style fields). */
export type ToolbarFrame = { readonly eventName: string } & Readonly<Record<string, unknown>>;

/**
 * A `POST /genesys/events` body after the toolbar side checked its size and shape: `type` is one of
 * the toolbar's REST types (case as sent; matched case-insensitively, `initialize` = register), every
 * other field is a bounded string (`connectionId`, `destination`, `toNumber`, `reason`, `workMode`,
 * `digits`, `parentConnId`, `heldConnId`, …) or a bounded plain JSON object (`userData`).
 */
export type ToolbarCommand = { readonly type: string } & Readonly<Record<string, unknown>>;

/** The synchronous answer to a command: 200 means "accepted, the outcome follows on the socket". */
export type CommandAdmission =
  | { readonly status: 200 }
  | { readonly status: 400; readonly code: 'BAD_COMMAND'; readonly message: string }
  | { readonly status: 403; readonly code: 'NOT_YOUR_CALL' | 'NOT_YOUR_AGENT' }
  | { readonly status: 409; readonly code: 'NOT_SUPPORTED' | 'NOT_ONLINE' }
  | { readonly status: 429; readonly code: 'TOO_MANY_COMMANDS' };

export type AgentSessionState = 'signingIn' | 'initializing' | 'activating' | 'online' | 'recovering' | 'signedOut';

/** One agent's live GWS session, owned by the GWS side; the toolbar side holds it by its bridge token. */
export interface AgentSession {
  /** The agent's GWS `agentLogin` (the toolbar's agentId). */
  readonly agentId: string;
  /** The agent's DN. */
  readonly dn: string;
  state(): AgentSessionState;
  /** Admits or refuses a command now; an admitted one settles later as frames (or a coded error frame). */
  command(command: ToolbarCommand): CommandAdmission;
  /** Frames for this agent's toolbar socket, in order; returns the unsubscribe. */
  subscribe(listener: (frame: ToolbarFrame) => void): () => void;
  /** Ends the GWS session (CometD disconnect, then workspace logout); idempotent. */
  signOut(): Promise<void>;
  /** What another bridge instance needs to take this session over (sealed into the bridge token); undefined when it cannot. */
  resumable?(): ResumeState | undefined;
}

/** The GWS credential that resumes a live workspace session: its cookies (the OAuth refresh token stays on the instance that got it). */
export interface GwsCredential {
  readonly cookies: readonly (readonly [string, string])[];
}

/** How one agent session gets into GWS: the agent's password, an authorize code (single sign-on), or a session resumed from another instance. */
export type GwsLogin =
  | { readonly kind: 'password'; readonly username: string; readonly password: string }
  | { readonly kind: 'code'; readonly code: string; readonly redirectUri: string }
  | { readonly kind: 'resume'; readonly credential: GwsCredential };

/** A session as another instance resumes it: the agent, the seed of its toolbar eventIds, the GWS credential. */
export interface ResumeState {
  readonly username: string;
  readonly agentId: string;
  readonly dn: string;
  readonly eventSeed: string;
  readonly gws: GwsCredential;
}

export type SignInResult =
  | { readonly ok: true; readonly session: AgentSession }
  | { readonly ok: false; readonly code: 'SIGN_IN_FAILED' | 'GWS_UNREACHABLE' | 'GWS_INIT_FAILED'; readonly message: string };

/** Made once per bridge process from its configuration (GWS base URL, login mode, deadlines). */
export interface AgentSessionFactory {
  /** `username` may be `tenant\user`. Resolves once the session is online (or failed); never rejects. */
  signIn(credentials: { readonly username: string; readonly password: string }): Promise<SignInResult>;
  /** Signs every session out (bridge shutdown). */
  closeAll(): Promise<void>;
  /** Takes over a live GWS session from its ResumeState (CometD, current-session): no password, no new workspace. */
  resume?(state: ResumeState): Promise<SignInResult>;
  /** Single sign-on: the authorize code GWS gave the agent's browser, exchanged for tokens, then the workspace. */
  signInWithCode?(code: string, redirectUri: string): Promise<SignInResult>;
}
