/** Test names of calls (ConnIDs, `dial:<eventId>`) to and from the root's prefixed call keys. */
import { connectionCallKey, dialCallKey } from '../../src/machines/ids';

/**
 * A call's key from the name tests use: its first ConnID (`c1`), or `dial:<eventId>` for a dial
 * the toolbar placed; a key already in `call:` form is taken as is.
 */
export function keyOf(name: string): string {
  if (name.startsWith('call:')) return name;
  return name.startsWith('dial:') ? dialCallKey(name.slice('dial:'.length)) : connectionCallKey(name);
}

/** The inverse of keyOf, for readable assertions on the calls index. */
export function nameOf(key: string): string {
  if (key.startsWith('call:dial:')) return key.slice('call:'.length);
  return key.startsWith('call:conn:') ? key.slice('call:conn:'.length) : key;
}
