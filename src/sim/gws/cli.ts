/**
 * `npm run sim:gws [-- --port 0 --mode genesys-sim]` (every flag: cli-args.ts)
 * Runs the GWS Workspace API v3 simulator until SIGINT/SIGTERM; the first line is its URL.
 */
import { DEFAULT_AGENTS } from './agents';
import { parseCli, USAGE } from './cli-args';
import { startGwsSimulator } from './server';
import { closeOnSignals } from '../../node/http';

async function main(): Promise<void> {
  const parsed = parseCli(process.argv.slice(2));
  if (!parsed.ok) {
    if (parsed.help) {
      console.log(`${parsed.message}\n${USAGE}`);
      process.exit(0);
    }
    console.error(`sim:gws: ${parsed.message}\n${USAGE}`);
    process.exit(2);
  }
  const { options } = parsed;
  const sim = await startGwsSimulator({
    ...options,
    log: (level, message, detail) => {
      if (level !== 'debug') console.log(`[${level}] ${message}${detail === undefined ? '' : ` ${JSON.stringify(detail)}`}`);
    },
  });
  console.log(`GWS simulator listening on ${sim.url} (mode ${sim.mode})
  auth       POST ${sim.url}/auth/v3/oauth/token${sim.mode === 'genesys-sim' ? `, POST ${sim.url}/auth/v3/sign-in` : `, GET ${sim.url}/auth/v3/oauth/authorize`}
  workspace  ${sim.url}/workspace/v3 (CometD at /workspace/v3/notifications)
  scenarios  POST ${sim.url}/sim/<ring|remoteAnswer|remoteHangup|serviceState|dropCometd|restart|failNext>, GET ${sim.url}/sim/state
  agents     ${DEFAULT_AGENTS.map((agent) => `${agent.tenant ? `${agent.tenant}\\` : ''}${agent.userName} (${agent.agentLogin})`).join(', ')}; password = user name`);
  closeOnSignals(() => sim.close());
}

main().catch((error: unknown) => {
  console.error('GWS simulator failed to start:', (error as Error).message);
  process.exit(1);
});
