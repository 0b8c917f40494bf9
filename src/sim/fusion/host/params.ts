/**
 * The host page's query parameters, and the toolbar frame URL built from them. The toolbar runs
 * on a different origin, as in Fusion: the other loopback name on the same port by default.
 */
import type { SimBehaviour } from '../protocol';

export interface HostParams {
  /** Full toolbar frame URL, with genesysWs, genesysRest, lang, agentId and uefScript added. */
  toolbarUrl: string;
  toolbarOrigin: string;
  /** Base URL of the Genesys simulator (scenario API at `<genesys>/sim/…`). */
  genesys: string;
  lang: 'ja' | 'en';
  agentId: string;
  /** `gws`: the toolbar signs in to a bridge (`bridge`), and `genesys` is our GWS simulator's base. */
  backend: 'genesys' | 'gws';
  /** backend=gws: the GWS user the scenario buttons act on (`gwsUser`, default JohnSmith). */
  gwsUser: string;
  behaviour: Partial<SimBehaviour>;
  /** Why a parameter was ignored. */
  warnings: string[];
}

export const DEFAULT_GENESYS = 'http://127.0.0.1:8087';

/** 127.0.0.1 ↔ localhost, so the frame is cross-origin on the same server. */
export function otherLoopback(hostname: string): string | undefined {
  if (hostname === '127.0.0.1') return 'localhost';
  if (hostname === 'localhost') return '127.0.0.1';
  return undefined;
}

function httpUrl(raw: string | null, name: string, warnings: string[]): URL | undefined {
  if (raw === null || raw === '') return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // fall through
  }
  warnings.push(`${name}: "${raw}" is not an http(s) URL; using the default`);
  return undefined;
}

function parseBehaviour(params: URLSearchParams, warnings: string[]): Partial<SimBehaviour> {
  const behaviour: Partial<SimBehaviour> = {};
  const mode = params.get('publishMode');
  if (mode === 'normal' || mode === 'slow' || mode === 'never' || mode === 'reject') behaviour.publishMode = mode;
  else if (mode !== null) warnings.push(`publishMode: "${mode}" is not normal, slow, never or reject`);
  const slow = params.get('slowMs');
  if (slow !== null) {
    const ms = Number(slow);
    if (Number.isInteger(ms) && ms >= 0 && ms <= 600_000) behaviour.slowMs = ms;
    else warnings.push(`slowMs: "${slow}" must be 0-600000`);
  }
  const affects = params.get('affects');
  if (affects !== null) behaviour.affects = affects.split(',').map((s) => s.trim()).filter(Boolean);
  const flag = (name: string): boolean | undefined => {
    const value = params.get(name);
    return value === null ? undefined : value === '' || value === '1' || value === 'true';
  };
  const plain = flag('plainResponses');
  if (plain !== undefined) behaviour.plainResponses = plain;
  const rewrite = flag('rewriteEventId');
  if (rewrite !== undefined) behaviour.rewriteEventId = rewrite;
  return behaviour;
}

/**
 * @param page the host page's URL
 * @param uefScriptPath where the simulated UEF client is served on the host's origin
 */
export function parseHostParams(page: URL, uefScriptPath: string): HostParams {
  const params = page.searchParams;
  const warnings: string[] = [];
  const genesysUrl = httpUrl(params.get('genesys'), 'genesys', warnings) ?? new URL(DEFAULT_GENESYS);
  const genesys = genesysUrl.toString().replace(/\/+$/, '');
  const lang = (params.get('lang') ?? 'en').toLowerCase().startsWith('ja') ? 'ja' : 'en';
  const agentId = params.get('agentId') ?? '';

  let toolbar = httpUrl(params.get('toolbar'), 'toolbar', warnings);
  if (!toolbar) {
    toolbar = new URL('index.html', page);
    toolbar.search = '';
    const other = otherLoopback(page.hostname);
    if (other) toolbar.hostname = other;
    else warnings.push(`host ${page.hostname} has no other loopback name; the toolbar frame is same-origin`);
  }
  const backend = params.get('backend') === 'gws' ? 'gws' : 'genesys';
  if (params.has('backend') && params.get('backend') !== 'gws' && params.get('backend') !== 'genesys') warnings.push(`backend: "${params.get('backend')}" is not genesys or gws`);
  // With the GWS simulator the toolbar talks to the bridge in front of it, signed in.
  const bridgeUrl = backend === 'gws' ? httpUrl(params.get('bridge'), 'bridge', warnings) : undefined;
  if (backend === 'gws' && !bridgeUrl) warnings.push('bridge: backend=gws needs the bridge URL (bridge=http://…)');
  const service = (bridgeUrl?.toString() ?? genesys).replace(/\/+$/, '');
  const ws = new URL('genesysWs', `${service}/`);
  ws.protocol = new URL(service).protocol === 'https:' ? 'wss:' : 'ws:';
  // The Genesys simulator keys the socket's agent on ?agent=.
  if (agentId && backend === 'genesys') ws.searchParams.set('agent', agentId);
  const frame = new URL(toolbar);
  frame.searchParams.set('genesysWs', ws.toString());
  frame.searchParams.set('genesysRest', new URL('genesys/events', `${service}/`).toString());
  if (backend === 'gws') frame.searchParams.set('auth', 'bridge');
  frame.searchParams.set('lang', lang);
  if (agentId) frame.searchParams.set('agentId', agentId);
  frame.searchParams.set('uefScript', new URL(uefScriptPath, page.origin + '/').toString());

  return {
    toolbarUrl: frame.toString(),
    toolbarOrigin: frame.origin,
    genesys,
    lang,
    agentId,
    backend,
    gwsUser: params.get('gwsUser') || 'JohnSmith',
    behaviour: parseBehaviour(params, warnings),
    warnings,
  };
}
