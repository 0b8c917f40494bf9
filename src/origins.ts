/**
 * Allow-lists of origins fixed at build time: where a UEF client script may come from and which
 * microservice the toolbar may talk to. Loopback hosts are always allowed (the simulators).
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Comma-separated build-time list → its non-empty, trimmed entries. */
export function splitList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `https://host[:port]` of an allow-list entry (a trailing `/` is allowed), or undefined if it is no origin. */
export function originOf(entry: string): string | undefined {
  try {
    const url = new URL(entry);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

function parsed(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * May the toolbar load a UEF client from `url`? Only http(s), only from a loopback host
 * (localhost, 127.0.0.1, [::1], any port) or an origin in `origins` (normalised with `originOf`).
 */
export function isAllowedUefScript(url: string, origins: readonly string[]): boolean {
  const script = parsed(url);
  if (script === undefined || (script.protocol !== 'https:' && script.protocol !== 'http:')) return false;
  if (LOOPBACK_HOSTS.has(script.hostname)) return true;
  return origins.some((entry) => originOf(entry) === script.origin);
}

/** ws: is http:'s socket and wss: is https:'s, so one entry covers a service's socket and REST. */
function asHttp(url: string): string {
  return url.replace(/^ws(s?):/i, 'http$1:');
}

/** `https://host[:port]` of a microservice allow-list entry (ws(s) entries as their http(s) twin), or undefined. */
export function genesysOriginOf(entry: string): string | undefined {
  return originOf(asHttp(entry));
}

/**
 * May the toolbar connect to `url` (a ws(s) socket or an http(s) REST endpoint)? Only from a
 * loopback host or an origin in `origins`, same scheme family: an https entry never allows ws:.
 */
export function isAllowedGenesysUrl(url: string, origins: readonly string[]): boolean {
  const target = parsed(asHttp(url));
  if (target === undefined || (target.protocol !== 'https:' && target.protocol !== 'http:')) return false;
  if (LOOPBACK_HOSTS.has(target.hostname)) return true;
  return origins.some((entry) => genesysOriginOf(entry) === target.origin);
}
