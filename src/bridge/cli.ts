/**
 * `npm run bridge -- --gws <base url> [--gws-login password|authorize|simulator] [--port 8087] …`
 * (every flag and variable: cli-args.ts, docs/bridge.md). Runs the bridge until SIGINT/SIGTERM.
 */
import { parseBridgeCli, USAGE } from './cli-args';
import { startBridge, type BridgeHandle } from './index';
import { loadInspector } from './inspect';
import { createBridgeLog } from './server/log';

/** A stop must end the process within this (10 s is what orchestrators wait before SIGKILL). */
const STOP_DEADLINE_MS = 8_000;

async function main(): Promise<void> {
  const parsed = parseBridgeCli(process.argv.slice(2), process.env);
  if (!parsed.ok && parsed.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!parsed.ok) {
    process.stderr.write(`bridge: ${parsed.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const { logLevel, logMask, inspect, ...options } = parsed.options;
  const log = createBridgeLog(logLevel, logMask);
  if (options.sessionKeys === undefined) log('warn', 'no --session-key: tokens are sealed with a random key of this process; another instance cannot take its agents over');
  if (options.allowOrigins === undefined) log('warn', 'no --allow-origin: only loopback origins (http(s)://localhost, 127.0.0.1, [::1]) may use this bridge');
  let bridge: BridgeHandle | undefined;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    // A signal during start-up: nothing is serving yet, nothing to sign out.
    if (bridge === undefined) process.exit(0);
    // SIGTERM (a deployment) keeps the agents' GWS sessions for another instance; SIGINT (a person) signs them out.
    const keepGwsSessions = signal === 'SIGTERM';
    log('info', `${signal}: stopping`, { sessions: bridge.sessions(), keepGwsSessions });
    setTimeout(() => {
      log('warn', 'stop deadline passed: exiting with sign-outs still pending');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    bridge.close({ keepGwsSessions }).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  bridge = await startBridge({ ...options, log, ...(inspect ? { inspect: await loadInspector() } : {}) });
  process.stdout.write(`bridge listening on ${bridge.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bridge failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
