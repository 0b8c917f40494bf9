/** A bridge server on 127.0.0.1:0 in front of the fake GWS, with a clock the test moves. */
import { afterEach } from 'vitest';
import { startBridgeServer, type BridgeServerHandle, type BridgeServerOptions } from '../../../src/bridge/server';
import { twoAgents, type FakeFactory, type FakeGws } from './fake-sessions';

export interface FakeBridge {
  bridge: BridgeServerHandle;
  url: string;
  gws: FakeGws;
  factory: FakeFactory;
  /** Moves the bridge's clock forward. */
  advance(ms: number): void;
  /** Every log line, as JSON text (to grep for secrets). */
  logs: string[];
}

const running = new Set<BridgeServerHandle>();

afterEach(async () => {
  await Promise.all([...running].map((bridge) => bridge.close()));
  running.clear();
});

export async function startFakeBridge(options: Partial<BridgeServerOptions> & { gws?: FakeGws; factory?: FakeFactory } = {}): Promise<FakeBridge> {
  const agents = options.factory ? { gws: options.factory.gws, factory: options.factory } : twoAgents();
  // A clock that moves only when the test moves it, so expiry edges are exact.
  let clock = Date.now();
  const logs: string[] = [];
  const bridge = await startBridgeServer({
    port: 0,
    now: () => clock,
    log: (level, message, detail) => logs.push(JSON.stringify({ level, message, ...detail })),
    ...options,
    sessionFactory: agents.factory,
  });
  running.add(bridge);
  return { bridge, url: bridge.url, gws: agents.gws, factory: agents.factory, advance: (ms) => (clock += ms), logs };
}

/** Lets queued microtasks and socket writes settle. */
export const settle = (ms = 30): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
