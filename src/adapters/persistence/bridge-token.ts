/**
 * The bridge session token (auth=bridge), kept in `sessionStorage` so a reload needs no new
 * sign-in; never `localStorage` (it would outlive the browser session) and never a URL. It is kept
 * with the origin that issued it, and given back only for that origin.
 */
import * as v from 'valibot';
import type { RecordStorage } from './session-record';

/** What a sign-in answered, as kept. */
export interface BridgeToken {
  token: string;
  agentId: string;
  dn: string;
  /** Origin of the sign-in URL that issued the token: the only one it is ever sent to. */
  origin: string;
  /** Epoch ms after which the bridge refuses it anyway. */
  expiresAt: number;
}

export interface BridgeTokenStore {
  /** The kept token for `origin` if it has not expired; anything else is forgotten. */
  read(origin: string): BridgeToken | null;
  write(token: BridgeToken): void;
  clear(): void;
}

export const BRIDGE_TOKEN_KEY = 'fusion-genesys-toolbar:bridge-session';

const Text = (max: number) => v.pipe(v.string(), v.maxLength(max), v.regex(/^[\x21-\x7e]*$/));

export const BridgeTokenSchema = v.object({
  v: v.literal(1),
  token: v.pipe(Text(512), v.minLength(16)),
  agentId: v.pipe(Text(128), v.minLength(1)),
  dn: Text(128),
  origin: v.pipe(v.string(), v.maxLength(256)),
  expiresAt: v.pipe(v.number(), v.finite()),
});

/** A store over `storage` (null: kept in memory only, e.g. a sandboxed frame or a Node test). */
export function createBridgeTokenStore(
  storage: RecordStorage | null,
  warn: (code: string, message: string) => void = () => undefined,
  now: () => number = Date.now,
): BridgeTokenStore {
  let memory: BridgeToken | null = null;
  const forget = (): void => {
    memory = null;
    try {
      storage?.removeItem(BRIDGE_TOKEN_KEY);
    } catch {
      // a storage that refuses removal keeps nothing we read again: read() validates
    }
  };
  const load = (): BridgeToken | null => {
    if (!storage) return memory;
    let text: string | null;
    try {
      text = storage.getItem(BRIDGE_TOKEN_KEY);
    } catch {
      return memory;
    }
    if (text === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = v.safeParse(BridgeTokenSchema, json);
    if (!parsed.success) {
      warn('TOKEN_RECORD_INVALID', 'The kept bridge session is unreadable; signing in again');
      forget();
      return null;
    }
    const { v: _version, ...token } = parsed.output;
    return token;
  };
  return {
    read(origin) {
      const token = load();
      if (token === null) return null;
      if (token.origin !== origin) {
        warn('TOKEN_ORIGIN_MISMATCH', `The kept bridge session was issued by ${token.origin}, not ${origin}; signing in again`);
        forget();
        return null;
      }
      if (token.expiresAt <= now()) {
        forget();
        return null;
      }
      return token;
    },
    write(token) {
      memory = token;
      try {
        storage?.setItem(BRIDGE_TOKEN_KEY, JSON.stringify({ v: 1, ...token }));
      } catch {
        warn('TOKEN_NOT_KEPT', 'The bridge session could not be kept for a reload (storage refused it)');
      }
    },
    clear: forget,
  };
}
