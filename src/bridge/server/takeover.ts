/**
 * More than one instance (docs/topology.md): a bridge token is sealed (seal.ts) and carries what any
 * instance needs to take the agent's GWS session over (ResumeState); a ticket is sealed too and
 * carries the token. An instance that gets either for a session it does not hold resumes it.
 */
import { randomBytes } from 'node:crypto';
import type { AgentSession, AgentSessionFactory, ResumeState } from '../session/agent-session.types';
import type { Sealer } from './seal';
import type { BridgeLog, Clock } from './types';

interface TokenPayload {
  readonly sid: string;
  readonly exp: number;
  readonly st?: ResumeState;
}

const str = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

/** Sealed as a JSON array, to keep tokens and tickets short (the toolbar takes 512 characters): [sid, exp, username, agentId, dn, seed, cookies]. */
type Packed = [string, number, string, string, string, string, [string, string][]];

function pack(payload: TokenPayload): Packed {
  const st = payload.st;
  return [payload.sid, payload.exp, st?.username ?? '', st?.agentId ?? '', st?.dn ?? '', st?.eventSeed ?? '', st ? st.gws.cookies.map(([n, v]) => [n, v]) : []];
}

function unpack(raw: unknown): TokenPayload | undefined {
  if (!Array.isArray(raw) || raw.length !== 7) return undefined;
  const [sid, exp, username, agentId, dn, seed, cookies] = raw as unknown[];
  if (!str(sid, 64) || typeof exp !== 'number' || !Array.isArray(cookies)) return undefined;
  if (!cookies.every((c) => Array.isArray(c) && c.length === 2 && str(c[0], 128) && typeof c[1] === 'string' && c[1].length <= 4096)) return undefined;
  const resumable = str(username, 256) && str(agentId, 256) && typeof dn === 'string' && dn.length <= 256 && str(seed, 64) && cookies.length > 0;
  return { sid, exp, ...(resumable ? { st: { username, agentId, dn, eventSeed: seed, gws: { cookies: cookies as [string, string][] } } } : {}) };
}

/** A token or ticket without its routing tag (`<instance>.`), which only the proxy reads. */
function unrouted(text: string | null | undefined): string | undefined {
  const dot = typeof text === 'string' ? text.indexOf('.') : -1;
  return dot > 0 && dot <= 32 && text ? text.slice(dot + 1) : undefined;
}

/** An instance name: the routing tag, so letters, digits, _ and - only. */
export const INSTANCE_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Tickets spent on this instance are remembered until they expire (single use per instance). */
const MAX_SPENT = 100_000;

export class Takeover {
  private readonly spent = new Map<string, number>();
  private readonly resuming = new Map<string, Promise<AgentSession | undefined>>();
  /** The token string this instance registered for each session id (a ticket from elsewhere names the session, not the string). */
  private readonly bySid = new Map<string, { readonly token: string; readonly exp: number }>();

  constructor(
    /** This instance's name, the proxy's routing tag in front of every token and ticket it issues (docs/topology.md). */
    private readonly route: string,
    private readonly sealer: Sealer,
    private readonly factory: AgentSessionFactory,
    private readonly now: Clock,
    private readonly log: BridgeLog,
  ) {}

  private sealToken(payload: TokenPayload): string {
    const token = `${this.route}.${this.sealer.seal('session', pack(payload))}`;
    this.bySid.set(payload.sid, { token, exp: payload.exp });
    return token;
  }

  /** A new bridge token for a session signed in here. */
  token(session: AgentSession, expiresAt: number): string {
    const st = session.resumable?.();
    return this.sealToken({ sid: randomBytes(12).toString('base64url'), exp: expiresAt, ...(st ? { st } : {}) });
  }

  /** The token's payload if it is authentic and unexpired. */
  open(token: string): TokenPayload | undefined {
    const payload = unpack(this.sealer.open('session', unrouted(token)));
    return payload === undefined || this.now() >= payload.exp ? undefined : payload;
  }

  /** The token string this instance holds the token's session under (the same string, or the one a ticket brought first). */
  canonical(token: string): string {
    const payload = this.open(token);
    return (payload && this.bySid.get(payload.sid)?.token) ?? token;
  }

  ticket(token: string, ttlMs: number): string {
    const payload = this.open(token);
    return `${this.route}.${this.sealer.seal('ticket', [randomBytes(12).toString('base64url'), this.now() + ttlMs, payload ? pack(payload) : null])}`;
  }

  /** The token a ticket was issued for (as this instance knows it); the ticket is spent on this instance whatever the outcome. */
  redeem(ticket: string | null): string | undefined {
    const raw = this.sealer.open('ticket', unrouted(ticket));
    if (!Array.isArray(raw) || raw.length !== 3 || !str(raw[0], 64) || typeof raw[1] !== 'number') return undefined;
    const [jti, exp] = raw as [string, number];
    if (this.now() >= exp || this.spent.has(jti)) return undefined;
    this.spent.set(jti, exp);
    if (this.spent.size > MAX_SPENT) this.sweep();
    const payload = unpack(raw[2]);
    if (payload === undefined || this.now() >= payload.exp) return undefined;
    return this.bySid.get(payload.sid)?.token ?? this.sealToken(payload);
  }

  /** The `state` of a single sign-on round trip: sealed, single use on this instance, bound to the toolbar origin. */
  ssoState(origin: string, ttlMs: number): string {
    return this.sealer.seal('sso', { jti: randomBytes(12).toString('base64url'), exp: this.now() + ttlMs, o: origin });
  }

  /** The toolbar origin an SSO `state` was made for; spent whatever the outcome. */
  redeemSso(state: string | null): string | undefined {
    const raw = this.sealer.open('sso', state) as Record<string, unknown> | undefined;
    if (raw === undefined || !str(raw['jti'], 64) || typeof raw['exp'] !== 'number' || !str(raw['o'], 512)) return undefined;
    if (this.now() >= raw['exp'] || this.spent.has(raw['jti'])) return undefined;
    this.spent.set(raw['jti'], raw['exp']);
    return raw['o'];
  }

  sweep(): void {
    const now = this.now();
    for (const [jti, exp] of this.spent) if (now >= exp) this.spent.delete(jti);
    for (const [sid, known] of this.bySid) if (now >= known.exp) this.bySid.delete(sid);
  }

  /**
   * Takes over the GWS session a valid token names (one attempt at a time per token); `adopt`
   * registers it under the same token. Undefined when the token cannot be resumed here.
   */
  async resume(token: string, adopt: (session: AgentSession, expiresAt: number) => void): Promise<boolean> {
    const payload = this.open(token);
    if (payload?.st === undefined || this.factory.resume === undefined) return false;
    let attempt = this.resuming.get(payload.sid);
    if (attempt === undefined) {
      const { st, exp, sid } = payload;
      this.bySid.set(sid, { token, exp });
      const resume = this.factory.resume.bind(this.factory);
      attempt = (async () => {
        const started = this.now();
        const result = await resume(st).catch(() => undefined);
        if (result === undefined || !result.ok) {
          this.log('info', 'takeover refused: the GWS session cannot be resumed', { agentId: st.agentId, code: result?.code ?? 'INTERNAL' });
          return undefined;
        }
        adopt(result.session, exp);
        this.log('info', 'took over a session another instance signed in', { agentId: st.agentId, ms: this.now() - started });
        return result.session;
      })().finally(() => this.resuming.delete(payload.sid));
      this.resuming.set(payload.sid, attempt);
    }
    return (await attempt) !== undefined;
  }
}
