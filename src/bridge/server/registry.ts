import { randomBytes } from 'node:crypto';
import type { AgentSession } from '../session/agent-session.types';
import type { FrameOutlet } from './outlet';
import type { RateBucket } from './throttle';
import type { Clock } from './types';

/** 32 random bytes, base64url: 43 characters, unguessable, opaque to the toolbar. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

const SECRET = /^[A-Za-z0-9_-]{43}$/;
/** A bridge token: the issuing instance's routing tag, then the sealed blob (seal.ts: key id, dot, base64url). */
const SEALED_TOKEN = /^[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9]{1,16}\.[A-Za-z0-9_-]{40,6000}$/;
/** Outstanding tickets per session: a toolbar needs one at a time, a loop asking for more cannot grow the map. */
const MAX_TICKETS_PER_SESSION = 4;

/** One signed-in toolbar: its bridge token, its agent's GWS session and the way to its socket. */
export interface SessionEntry {
  readonly token: string;
  readonly session: AgentSession;
  readonly outlet: FrameOutlet;
  /** Its toolbar's request rate (commands, tickets, sign-out). */
  readonly rate: RateBucket;
  readonly expiresAt: number;
  unsubscribe: () => void;
}

/** Bridge tokens → sessions, with expiry; a token of a session GWS signed out is no longer valid. */
export class TokenRegistry {
  private readonly byToken = new Map<string, SessionEntry>();
  private readonly ended = new Map<string, number>();

  constructor(private readonly now: Clock) {}

  add(entry: SessionEntry): void {
    this.byToken.set(entry.token, entry);
  }

  /** The live entry for an `Authorization` header value, if it names one. */
  fromAuthorization(header: string | undefined): SessionEntry | undefined {
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    return match?.[1] === undefined ? undefined : this.find(match[1]);
  }

  find(token: string): SessionEntry | undefined {
    if (!SEALED_TOKEN.test(token)) return undefined;
    const entry = this.byToken.get(token);
    if (entry === undefined || this.now() >= entry.expiresAt || entry.session.state() === 'signedOut') return undefined;
    return entry;
  }

  remove(entry: SessionEntry): boolean {
    const removed = this.byToken.delete(entry.token);
    // A token ended here is not taken over again here (another instance finds its GWS session gone).
    if (removed) this.ended.set(entry.token, entry.expiresAt);
    return removed;
  }

  /** Ended here, or still here but expired or signed out at GWS: never taken over again by this instance. */
  wasEnded(token: string): boolean {
    return this.ended.has(token) || this.byToken.has(token);
  }

  /** Forgets ended tokens past their expiry. */
  sweepEnded(): void {
    const now = this.now();
    for (const [token, expiresAt] of this.ended) if (now >= expiresAt) this.ended.delete(token);
  }

  /** Entries whose token expired or whose GWS session ended: the caller ends them. */
  stale(): SessionEntry[] {
    const now = this.now();
    return [...this.byToken.values()].filter((entry) => now >= entry.expiresAt || entry.session.state() === 'signedOut');
  }

  all(): SessionEntry[] {
    return [...this.byToken.values()];
  }

  get size(): number {
    return this.byToken.size;
  }
}

interface Ticket {
  readonly entry: SessionEntry;
  readonly expiresAt: number;
}

/** Single-use socket tickets: a ticket is redeemed once, within its lifetime, for a session still live. */
export class TicketBook {
  private readonly byTicket = new Map<string, Ticket>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: Clock,
  ) {}

  issue(entry: SessionEntry): string {
    this.sweep();
    const mine = [...this.byTicket].filter(([, ticket]) => ticket.entry === entry);
    for (const [ticket] of mine.slice(0, Math.max(0, mine.length - MAX_TICKETS_PER_SESSION + 1))) this.byTicket.delete(ticket);
    const ticket = newSecret();
    this.byTicket.set(ticket, { entry, expiresAt: this.now() + this.ttlMs });
    return ticket;
  }

  /** The session a ticket was issued to; the ticket is spent whatever the outcome. */
  redeem(ticket: string | null): SessionEntry | undefined {
    if (ticket === null || !SECRET.test(ticket)) return undefined;
    const found = this.byTicket.get(ticket);
    this.byTicket.delete(ticket);
    if (found === undefined || this.now() >= found.expiresAt) return undefined;
    return found.entry;
  }

  /** Forgets a session's tickets (signed out, expired). */
  forget(entry: SessionEntry): void {
    for (const [ticket, found] of this.byTicket) if (found.entry === entry) this.byTicket.delete(ticket);
  }

  sweep(): void {
    const now = this.now();
    for (const [ticket, found] of this.byTicket) if (now >= found.expiresAt) this.byTicket.delete(ticket);
  }

  get size(): number {
    return this.byTicket.size;
  }
}
