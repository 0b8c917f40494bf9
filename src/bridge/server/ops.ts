/** Operations endpoints: `GET /healthz` (up), `GET /readyz` (GWS reachable, sessions online), `GET /metrics`. */
import type { ServerResponse } from 'node:http';
import type { JsonReply } from '../../node/http';
import type { BridgeMetrics } from './metrics';
import type { Clock } from './types';

export const OPS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Is GWS reachable? Any HTTP answer within the deadline counts; never rejects. */
export type GwsProbe = () => Promise<boolean>;

/** How long a probe's answer is reused: a load balancer polling every second costs GWS one request per this. */
const PROBE_CACHE_MS = 5_000;

/** The probe's last answer, reused for a while; concurrent callers share one probe in flight. */
export function cachedProbe(probe: GwsProbe, now: Clock, ttlMs = PROBE_CACHE_MS): GwsProbe {
  let last: { at: number; up: boolean } | undefined;
  let inFlight: Promise<boolean> | undefined;
  return () => {
    if (last !== undefined && now() - last.at < ttlMs) return Promise.resolve(last.up);
    inFlight ??= probe()
      .catch(() => false)
      .then((up) => {
        last = { at: now(), up };
        inFlight = undefined;
        return up;
      });
    return inFlight;
  };
}

export interface OpsDeps {
  readonly metrics: BridgeMetrics;
  readonly probe: GwsProbe | undefined;
  online(): number;
  closing(): boolean;
}

/** Answers one of OPS_PATHS (GET only); `send` carries the JSON answer. */
export async function answerOps(deps: OpsDeps, path: string, res: ServerResponse, send: (reply: JsonReply) => void): Promise<void> {
  if (path === '/healthz') return send({ status: 200, body: { status: 'up' } });
  if (path === '/readyz') {
    const gws = deps.probe === undefined ? 'unknown' : (await deps.probe()) ? 'reachable' : 'unreachable';
    const ready = gws !== 'unreachable' && !deps.closing();
    return send({ status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not ready', gws, sessionsOnline: deps.online(), ...(deps.closing() ? { code: 'SHUTTING_DOWN' } : gws === 'unreachable' ? { code: 'GWS_UNREACHABLE' } : {}) } });
  }
  const text = await deps.metrics.registry.metrics();
  res.writeHead(200, { 'Content-Type': deps.metrics.registry.contentType, 'Cache-Control': 'no-store' });
  res.end(text);
}
