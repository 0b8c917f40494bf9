/** The toolbar's REST routes: sign-in, sign-out, commands, socket tickets (docs/bridge.md). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJsonObject, readBody, sendJson, type JsonReply } from '../../node/http';
import type { AgentSession, AgentSessionFactory, CommandAdmission } from '../session/agent-session.types';
import { checkCommand, checkSignIn, MAX_COMMAND_BYTES, MAX_SIGN_IN_BYTES } from './body.schema';
import { CLOSE, FrameOutlet } from './outlet';
import type { SessionEntry, TicketBook, TokenRegistry } from './registry';
import type { Takeover } from './takeover';
import type { BridgeMetrics } from './metrics';
import { RateBucket, type SignInThrottle } from './throttle';
import type { BridgeLog, Clock, RefusalCode } from './types';

export const SESSION_PATH = '/genesys/session';
export const EVENTS_PATH = '/genesys/events';
export const TICKET_PATH = '/genesys/ticket';

/** What the routes share with the server that owns them. */
export interface RouteContext {
  readonly factory: AgentSessionFactory;
  readonly registry: TokenRegistry;
  readonly tickets: TicketBook;
  /** Sealed tokens and tickets; takes over sessions other instances signed in. */
  readonly takeover: Takeover;
  readonly throttle: SignInThrottle;
  readonly tokenTtlMs: number;
  readonly ticketTtlMs: number;
  readonly now: Clock;
  readonly log: BridgeLog;
  readonly metrics: BridgeMetrics;
  /** Token-authenticated requests per second per session (bursts of twice that). */
  readonly requestsPerSecond: number;
  closing(): boolean;
  /** Counts sign-ins in flight (+1 at the start, -1 at the end) for the sessions gauge. */
  signingIn(delta: 1 | -1): void;
  /** Ends a bridge session: token and tickets invalid, socket closed, GWS signed out. */
  end(entry: SessionEntry, close: { readonly code: number; readonly reason: string }): Promise<void>;
}

export function refusal(status: number, code: RefusalCode, message: string): JsonReply {
  return { status, body: { code, message } };
}

const SUCCESS: JsonReply = { status: 200, body: { status: 'Success' } };
const SESSION_INVALID = refusal(401, 'SESSION_INVALID', 'no valid bridge session: sign in again');
const UNAUTHORIZED_HEADERS = { 'WWW-Authenticate': 'Bearer' };

type Send = (reply: JsonReply, headers?: Record<string, string>) => void;

/** The body as a JSON object, or the refusal already sent. */
async function jsonBody(req: IncomingMessage, limit: number, send: Send): Promise<Record<string, unknown> | undefined> {
  const read = await readBody(req, limit);
  if (read.kind === 'aborted') return undefined;
  if (read.kind === 'tooLarge') {
    send(refusal(413, 'BODY_TOO_LARGE', `body of ${read.bytes} bytes exceeds ${limit}`));
    return undefined;
  }
  const parsed = parseJsonObject(read.text);
  if (!parsed.ok) {
    send(refusal(400, 'BODY_INVALID', parsed.message));
    return undefined;
  }
  return parsed.value;
}

function signInRefusal(code: 'SIGN_IN_FAILED' | 'GWS_UNREACHABLE' | 'GWS_INIT_FAILED'): JsonReply {
  if (code === 'SIGN_IN_FAILED') return refusal(401, code, 'username or password not accepted');
  return refusal(502, code, code === 'GWS_UNREACHABLE' ? 'Genesys Web Services cannot be reached' : 'the Genesys workspace could not be initialised');
}

/** Bridge sessions one agent may hold at once (tabs, kiosks); a further sign-in ends the oldest. */
export const MAX_SESSIONS_PER_AGENT = 4;

/** A session signed in here (a new sealed token), or taken over from another instance (`adopted`: its token and expiry). */
export function register(ctx: RouteContext, session: AgentSession, adopted?: { readonly token: string; readonly expiresAt: number }): SessionEntry {
  const mine = adopted ? [] : ctx.registry.all().filter((entry) => entry.session.agentId === session.agentId);
  for (const oldest of mine.slice(0, Math.max(0, mine.length - MAX_SESSIONS_PER_AGENT + 1))) {
    ctx.log('info', 'oldest bridge session of the agent ended by a new sign-in', { agentId: session.agentId, code: 'SESSIONS_PER_AGENT' });
    void ctx.end(oldest, CLOSE.superseded);
  }
  const outlet = new FrameOutlet(session.agentId, ctx.log);
  const rate = new RateBucket(ctx.requestsPerSecond, ctx.requestsPerSecond * 2, ctx.now);
  const expiresAt = adopted?.expiresAt ?? ctx.now() + ctx.tokenTtlMs;
  const entry: SessionEntry = { token: adopted?.token ?? ctx.takeover.token(session, expiresAt), session, outlet, rate, expiresAt, unsubscribe: () => {} };
  entry.unsubscribe = session.subscribe((frame) => outlet.push(frame));
  ctx.registry.add(entry);
  return entry;
}

/** `POST /genesys/session` `{username, password}` → `{token, agentId, dn, expiresInSec}`. */
async function signIn(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, send: Send): Promise<void> {
  const body = await jsonBody(req, MAX_SIGN_IN_BYTES, send);
  if (body === undefined) return;
  const checked = checkSignIn(body);
  if (!checked.ok) return send(refusal(400, 'SIGN_IN_INVALID', checked.message));
  const { username, password } = checked.value;
  if (!ctx.throttle.admit(username)) {
    ctx.log('warn', 'sign-in throttled', { username, code: 'SIGN_IN_THROTTLED' });
    return send(refusal(429, 'SIGN_IN_THROTTLED', 'too many sign-in attempts for this username: wait a minute'), { 'Retry-After': '60' });
  }
  ctx.signingIn(1);
  const result = await ctx.factory
    .signIn({ username, password })
    .catch((error: unknown) => ({
      ok: false as const,
      code: 'GWS_INIT_FAILED' as const,
      message: error instanceof Error ? error.message : 'sign-in threw',
    }))
    .finally(() => ctx.signingIn(-1));
  if (!result.ok) {
    ctx.log('info', 'sign-in refused', { username, code: result.code, reason: result.message.slice(0, 200) });
    return send(signInRefusal(result.code));
  }
  const { session } = result;
  // Nobody can ever hold a token for a session whose requester left or whose bridge is stopping.
  if (res.destroyed || ctx.closing()) {
    ctx.log('info', 'sign-in completed after its request was gone: signed out again', { agentId: session.agentId });
    await session.signOut().catch(() => undefined);
    return send(refusal(503, 'SHUTTING_DOWN', 'the bridge is stopping'));
  }
  const entry = register(ctx, session);
  ctx.log('info', 'signed in', { agentId: session.agentId, dn: session.dn });
  send({ status: 200, body: { token: entry.token, agentId: session.agentId, dn: session.dn, expiresInSec: Math.floor(ctx.tokenTtlMs / 1000) } });
}

/** Where a command's admission lands on the wire. */
export function admissionReply(admission: CommandAdmission): JsonReply {
  switch (admission.status) {
    case 200:
      return SUCCESS;
    case 400:
      return refusal(400, admission.code, admission.message.slice(0, 300));
    case 403:
      return refusal(403, admission.code, admission.code === 'NOT_YOUR_CALL' ? 'that call is not this agent’s' : 'that agent is not this session’s');
    case 409:
      return refusal(409, admission.code, admission.code === 'NOT_SUPPORTED' ? 'Genesys cannot do this command here' : 'the agent’s Genesys session is not online');
    case 429:
      return refusal(429, admission.code, 'too many commands: slow down');
  }
}

/** `POST /genesys/events` (Bearer): a toolbar command for the token's own agent. */
async function command(ctx: RouteContext, entry: SessionEntry, req: IncomingMessage, send: Send): Promise<void> {
  const body = await jsonBody(req, MAX_COMMAND_BYTES, send);
  if (body === undefined) return;
  const checked = checkCommand(body);
  if (!checked.ok) return send(refusal(400, 'BAD_COMMAND', checked.message));
  const { agentId } = entry.session;
  const { type } = checked.command;
  if (checked.agentId !== undefined && checked.agentId !== agentId) {
    ctx.metrics.command(type, 'NOT_YOUR_AGENT');
    ctx.log('warn', 'command for another agent refused', { agentId, code: 'NOT_YOUR_AGENT', type });
    return send(refusal(403, 'NOT_YOUR_AGENT', 'agentId is not the signed-in agent'));
  }
  let admission: CommandAdmission;
  try {
    admission = entry.session.command(checked.command);
  } catch (error) {
    ctx.metrics.command(type, 'INTERNAL');
    ctx.log('error', 'command threw', { agentId, code: 'INTERNAL', type, reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    return send(refusal(500, 'INTERNAL', 'the bridge could not take the command'));
  }
  const outcome = admission.status === 200 ? 'accepted' : admission.code;
  ctx.metrics.command(type, outcome);
  ctx.log('info', admission.status === 200 ? 'command accepted' : 'command refused', { agentId, type, ...(admission.status === 200 ? {} : { code: admission.code }) });
  send(admissionReply(admission));
}

/** Answers one REST request whose path is one of the three above; `send` carries the CORS headers. */
export async function route(ctx: RouteContext, path: string, req: IncomingMessage, res: ServerResponse, send: Send): Promise<void> {
  const method = req.method ?? '';
  const allow = (methods: string): void => send(refusal(405, 'METHOD_NOT_ALLOWED', `use ${methods}`), { Allow: `${methods}, OPTIONS` });
  if (path === SESSION_PATH && method === 'POST') return signIn(ctx, req, res, send);
  if (path === SESSION_PATH && method !== 'DELETE') return allow('POST, DELETE');
  if ((path === EVENTS_PATH || path === TICKET_PATH) && method !== 'POST') return allow('POST');
  const entry = ctx.registry.fromAuthorization(req.headers.authorization) ?? (await takenOver(ctx, req.headers.authorization));
  if (entry === undefined) return send(SESSION_INVALID, UNAUTHORIZED_HEADERS);
  if (method !== 'DELETE' && !entry.rate.take()) {
    ctx.log('warn', 'session request rate exceeded', { agentId: entry.session.agentId, code: 'TOO_MANY_COMMANDS', path });
    return send(refusal(429, 'TOO_MANY_COMMANDS', 'too many requests for this session: slow down'), { 'Retry-After': '1' });
  }
  if (path === EVENTS_PATH) return command(ctx, entry, req, send);
  if (path === TICKET_PATH) return send({ status: 200, body: { ticket: ctx.takeover.ticket(entry.token, ctx.ticketTtlMs), expiresInSec: Math.floor(ctx.ticketTtlMs / 1000) } });
  ctx.log('info', 'signed out by the toolbar', { agentId: entry.session.agentId });
  await ctx.end(entry, CLOSE.signedOut);
  send(SUCCESS);
}

/** The live entry for a token this instance did not issue (or lost in a restart), once its GWS session is taken over. */
export async function takenOver(ctx: RouteContext, header: string | undefined): Promise<SessionEntry | undefined> {
  const token = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  return token === undefined ? undefined : adoptToken(ctx, token);
}

export async function adoptToken(ctx: RouteContext, given: string): Promise<SessionEntry | undefined> {
  const token = ctx.takeover.canonical(given);
  const known = ctx.registry.find(token);
  if (known !== undefined || ctx.registry.wasEnded(token) || ctx.closing()) return known;
  await ctx.takeover.resume(token, (session, expiresAt) => register(ctx, session, { token, expiresAt }));
  return ctx.registry.find(token);
}

export const sendTo =
  (res: ServerResponse, cors: Record<string, string>): Send =>
  (reply, headers = {}) =>
    sendJson(res, reply, { ...cors, ...headers });
