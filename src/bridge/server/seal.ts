/**
 * Sealed bridge tokens and tickets: AES-256-GCM with a key every instance shares, so any instance
 * can read (and none can forge or alter) a token another issued. `<key id>.<base64url(iv|tag|data)>`;
 * the key id picks the key (rotation: seal with the first, open with any), the purpose is bound in
 * as additional data so a ticket is never a token.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SessionKey {
  readonly id: string;
  readonly key: Buffer;
}

export type SealPurpose = 'session' | 'ticket' | 'sso';

const KEY_ID = /^[A-Za-z0-9]{1,16}$/;
const SEALED = /^([A-Za-z0-9]{1,16})\.([A-Za-z0-9_-]{40,6000})$/;
const IV = 12;
const TAG = 16;

/**
 * `--session-key` / `BRIDGE_SESSION_KEY`: `id:key[,id:key…]`, each key 32 bytes as base64, base64url
 * or 64 hex digits; the first seals, all open (rotation). Throws a message naming what is wrong.
 */
export function parseSessionKeys(raw: string): SessionKey[] {
  const keys = raw.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
    const colon = part.indexOf(':');
    const id = colon > 0 ? part.slice(0, colon) : '';
    const text = part.slice(colon + 1);
    if (!KEY_ID.test(id)) throw new Error('--session-key: each key is id:key, the id 1-16 letters or digits (e.g. k1:<32 bytes base64>)');
    const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
    if (key.length !== 32) throw new Error(`--session-key: key "${id}" is not 32 bytes (base64, base64url or 64 hex digits)`);
    return { id, key };
  });
  if (keys.length === 0) throw new Error('--session-key: no key');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('--session-key: a key id appears twice');
  return keys;
}

/** One random key for this process alone: its tokens mean nothing to another instance. */
export function processKey(): SessionKey[] {
  return [{ id: 'p', key: randomBytes(32) }];
}

export class Sealer {
  private readonly byId: ReadonlyMap<string, Buffer>;
  private readonly current: SessionKey;

  constructor(keys: readonly SessionKey[]) {
    const first = keys[0];
    if (first === undefined) throw new Error('a sealer needs a key');
    this.current = first;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  seal(purpose: SealPurpose, payload: unknown): string {
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(`genesys-bridge/${purpose}/${this.current.id}`));
    const data = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return `${this.current.id}.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}`;
  }

  /** The payload, or undefined for anything forged, altered, of another purpose or under an unknown key. */
  open(purpose: SealPurpose, sealed: string | null | undefined): unknown {
    const match = typeof sealed === 'string' ? SEALED.exec(sealed) : null;
    const key = match?.[1] === undefined ? undefined : this.byId.get(match[1]);
    if (match?.[1] === undefined || match[2] === undefined || key === undefined) return undefined;
    const bytes = Buffer.from(match[2], 'base64url');
    if (bytes.length <= IV + TAG) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV));
      decipher.setAAD(Buffer.from(`genesys-bridge/${purpose}/${match[1]}`));
      decipher.setAuthTag(bytes.subarray(IV, IV + TAG));
      const text = Buffer.concat([decipher.update(bytes.subarray(IV + TAG)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
}
