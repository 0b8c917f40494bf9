import type { ResolvedDeps } from './deps.types';

export interface ReachabilityProbe {
  stop(): void;
}

/**
 * Watches whether the microservice answers HTTP while the socket waits out its backoff, so a
 * service that comes back is used within a second instead of after the next (up to 30 s) retry.
 * Only a down→up flip calls `onBack`: a service that is up but refuses the socket keeps backing off.
 */
export function startReachabilityProbe(
  probeUrl: string,
  deps: ResolvedDeps,
  onBack: () => void,
  /** The socket just failed to connect: count the service as down until a probe says otherwise. */
  knownDown: boolean,
): ReachabilityProbe {
  const range = deps.probeMs;
  let timer: unknown = null;
  let controller: AbortController | null = null;
  let lastReachable: boolean | null = knownDown ? false : null;
  let stopped = false;

  function schedule(): void {
    if (stopped || range === null) return;
    const [min, max] = range;
    timer = deps.setTimeout(probe, Math.round(min + (max - min) * deps.random()));
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
