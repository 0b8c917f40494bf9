/**
 * `npm run sim [-- --host 127.0.0.1 --port 8087 --origins https://x.example,http://localhost:5173]`
 * Runs the Genesys microservice simulator until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startGenesysSimulator } from './server';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run sim -- [--host 127.0.0.1] [--port 8087] [--origins a,b|*] [--dial-delay ms] [--mode full|mock]`);
  process.exit(2);
}

function parseCli(argv: string[]): { host: string; port: number; allowedOrigins?: string[]; dialDelayMs?: number; mode?: 'full' | 'mock' } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8087' },
        origins: { type: 'string' },
        'dial-delay': { type: 'string' },
        mode: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) return usage('Genesys microservice simulator');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port: "${values.port}" is not a port`);
  const dialDelay = values['dial-delay'] === undefined ? undefined : Number(values['dial-delay']);
  if (dialDelay !== undefined && !(dialDelay >= 0)) usage(`--dial-delay: "${values['dial-delay']}" is not a delay in ms`);
  if (values.mode !== undefined && values.mode !== 'full' && values.mode !== 'mock') usage(`--mode: "${values.mode}" is not full or mock`);
  const origins = values.origins?.split(',').map((item) => item.trim()).filter(Boolean);
  return {
    host: values.host,
    port,
    ...(origins === undefined ? {} : { allowedOrigins: origins }),
    ...(dialDelay === undefined ? {} : { dialDelayMs: dialDelay }),
    ...(values.mode === 'mock' || values.mode === 'full' ? { mode: values.mode } : {}),
  };
}

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  const sim = await startGenesysSimulator(options);
  console.log(`Genesys simulator listening
  WebSocket  ${sim.wsUrl}?agent=<agentId>
  REST       POST ${sim.restUrl}
  scenarios  POST ${sim.url}/sim/<ring|callerHangup|remoteAnswer|softphoneAnswer|softphoneHangup|failNext|dropSocket|restart|reset|config|event>
  state      GET  ${sim.url}/sim/state
  CORS       ${options.allowedOrigins?.join(', ') ?? 'any loopback origin'}`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Genesys simulator failed to start:', (error as Error).message);
  process.exit(1);
});
