import type { ResolvedDeps } from './deps.types';

/** Probes back off towards this period, no further: a service back just after a probe still registers within 1 s. */
export const PROBE_CEILING_MS = 950;
/** Each probe that finds the service still down waits this much longer before the next. */
export const PROBE_GROWTH = 1.25;
/** The socket's own retry comes this soon after the last look: probing again would not bring it back sooner. */
const SOCKET_RETRY_SOON_MS = 1_000;

export interface ReachabilityProbe {
  stop(): void;
}

/**
 * Watches whether the microservice answers HTTP while the socket waits out its backoff, so a
 * service that comes back is used within a second instead of after the next (up to 30 s) retry.
 * Only a down→up flip calls `onBack`: a service that is up but refuses the socket keeps backing off.
 * Each failed browser request is a console error, so the probe backs off too (towards
 * PROBE_CEILING_MS) and stays quiet while the socket's own retry is due within a second.
 */
export function startReachabilityProbe(
  probeUrl: string,
  deps: ResolvedDeps,
  onBack: () => void,
  /** The socket just failed to connect: count the service as down until a probe says otherwise. */
  knownDown: boolean,
  /** When the socket retries by itself (deps.now() time); no probe is needed within a second of it. */
  socketRetryAt?: number,
): ReachabilityProbe {
  const range = deps.probeMs;
  let timer: unknown = null;
  let controller: AbortController | null = null;
  let lastReachable: boolean | null = knownDown ? false : null;
  let stopped = false;
  let failures = 0;

  function schedule(): void {
    if (stopped || range === null) return;
    if (socketRetryAt !== undefined && socketRetryAt - deps.now() <= SOCKET_RETRY_SOON_MS) return;
    const [min, max] = range;
    const jittered = min + (max - min) * deps.random();
    timer = deps.setTimeout(probe, Math.round(Math.min(Math.max(PROBE_CEILING_MS, max), jittered * PROBE_GROWTH ** failures)));
  }

  async function probe(): Promise<void> {
    timer = null;
    controller = new AbortController();
    const abort = controller;
    const guard = deps.setTimeout(() => abort.abort(), range ? range[0] : 500);
    let reachable: boolean;
    try {
      // `no-cors` keeps this a simple request: any answer, even an opaque 404, means reachable.
      await deps.fetch(probeUrl, { method: 'HEAD', mode: 'no-cors', cache: 'no-store', signal: abort.signal });
      reachable = true;
    } catch {
      reachable = false;
    } finally {
      deps.clearTimeout(guard);
    }
    if (stopped) return;
    const cameBack = lastReachable === false && reachable;
    lastReachable = reachable;
    failures = reachable ? 0 : failures + 1;
    if (cameBack) onBack();
    else schedule();
  }

  schedule();
  return {
    stop() {
      stopped = true;
      if (timer !== null) deps.clearTimeout(timer);
      controller?.abort();
    },
  };
}
