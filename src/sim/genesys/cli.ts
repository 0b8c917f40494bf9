/**
 * `npm run sim [-- --host 127.0.0.1 --port 8087 --origins https://x.example,http://localhost:5173 --hosts sim.test --max-calls 32]`
 * (every flag: cli-args.ts)
 * Runs the Genesys microservice simulator until SIGINT/SIGTERM.
 */
import { parseCli, USAGE } from './cli-args';
import { resolveLimits } from './limits';
import { startGenesysSimulator } from './server';
import { closeOnSignals } from '../../node/http';

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const parsed = parseCli(process.argv.slice(2));
  if (!parsed.ok && parsed.help) {
    // Asked for: the usage is the answer, on stdout, and nothing failed.
    console.log(`${parsed.message}\n${USAGE}`);
    process.exit(0);
  }
  if (!parsed.ok) return usage(parsed.message);
  const { options } = parsed;
  const limits = resolveLimits(options);
  const sim = await startGenesysSimulator(options);
  console.log(`Genesys simulator listening
  WebSocket  ${sim.wsUrl}?agent=<agentId>
  REST       POST ${sim.restUrl}
  scenarios  POST ${sim.url}/sim/<ring|callerHangup|remoteAnswer|softphoneAnswer|softphoneHangup|failNext|dropSocket|restart|reset|config|event>
  state      GET  ${sim.url}/sim/state
  CORS       ${options.allowedOrigins?.join(', ') ?? 'any loopback origin'}
  Host names ${options.allowedHosts?.length ? `loopback, ${options.allowedHosts.join(', ')}` : 'loopback only'}
  bounds     ${options.maxCallsPerAgent ?? 32} calls per agent, headers in ${options.headersTimeoutMs ?? 5_000} ms, requests in ${options.requestTimeoutMs ?? 10_000} ms
             ${limits.maxAgents} agents, ${limits.maxSockets} sockets (${limits.maxSocketsPerAgent} per agent), an agent without a socket forgotten after ${limits.agentIdleMs} ms`);
  closeOnSignals(() => sim.close());
}

main().catch((error: unknown) => {
  console.error('Genesys simulator failed to start:', (error as Error).message);
  process.exit(1);
});
