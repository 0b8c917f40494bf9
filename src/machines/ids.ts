/**
 * A fresh Fusion eventId (UUID v4). `crypto.randomUUID` exists only in secure contexts (https,
 * localhost); a toolbar served over plain http still has `getRandomValues`, so never throw.
 */
export function newEventId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Actor id and index key of a call Genesys named first. The `call:` prefix keeps it apart from the
 * adapters (`genesys`, `fusion`) and `conn:` from dial keys, whatever the ConnID is.
 */
export function connectionCallKey(connectionId: string): string {
  return `call:conn:${connectionId}`;
}

/** Actor id and index key of a dial the toolbar placed before Genesys named it. */
export function dialCallKey(eventId: string): string {
  return `call:dial:${eventId}`;
}

/** Whether a key (say, from a stored record) is one this module makes: never an adapter's id. */
export function isCallKey(key: string): boolean {
  return key.startsWith('call:conn:') || key.startsWith('call:dial:');
}
