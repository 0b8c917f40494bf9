/** The `npm run sim` flags → simulator options (defaults as `startGenesysSimulator`'s). */
import { parseArgs } from 'node:util';
import type { SimOptions } from './types';

export const USAGE =
  'usage: npm run sim -- [--host 127.0.0.1] [--port 8087] [--origins a,b|*] [--dial-delay ms] [--mode full|mock]\n' +
  '                      [--hosts name,name|*] [--max-calls 32] [--headers-timeout 5000] [--request-timeout 10000]\n' +
  '                      [--max-agents 2000] [--max-sockets 4000] [--max-sockets-per-agent 8] [--agent-idle 600000]';

type Bounds = 'maxCallsPerAgent' | 'headersTimeoutMs' | 'requestTimeoutMs' | 'maxAgents' | 'maxSockets' | 'maxSocketsPerAgent' | 'agentIdleMs';

export type CliOptions = Pick<SimOptions, 'allowedOrigins' | 'dialDelayMs' | 'mode' | 'allowedHosts' | Bounds> & {
  host: string;
  port: number;
};

export type CliParse = { ok: true; options: CliOptions } | { ok: false; message: string; help?: boolean };

function list(value: string | undefined): string[] | undefined {
  return value?.split(',').map((item) => item.trim()).filter(Boolean);
}

function whole(value: string | undefined, flag: string, min: number): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : `--${flag}: "${value}" is not a whole number ≥ ${min}`;
}

/** Flags that take a whole number ≥ 1, and the option each sets. */
const WHOLE_FLAGS = {
  'max-calls': 'maxCallsPerAgent',
  'headers-timeout': 'headersTimeoutMs',
  'request-timeout': 'requestTimeoutMs',
  'max-agents': 'maxAgents',
  'max-sockets': 'maxSockets',
  'max-sockets-per-agent': 'maxSocketsPerAgent',
  'agent-idle': 'agentIdleMs',
} as const satisfies Record<string, Bounds>;

export function parseCli(argv: string[]): CliParse {
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
        hosts: { type: 'string' },
        'max-calls': { type: 'string' },
        'headers-timeout': { type: 'string' },
        'request-timeout': { type: 'string' },
        'max-agents': { type: 'string' },
        'max-sockets': { type: 'string' },
        'max-sockets-per-agent': { type: 'string' },
        'agent-idle': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help) return { ok: false, message: 'Genesys microservice simulator', help: true };
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `--port: "${values.port}" is not a port` };
  const dialDelay = values['dial-delay'] === undefined ? undefined : Number(values['dial-delay']);
  if (dialDelay !== undefined && !(dialDelay >= 0)) return { ok: false, message: `--dial-delay: "${values['dial-delay']}" is not a delay in ms` };
  if (values.mode !== undefined && values.mode !== 'full' && values.mode !== 'mock') return { ok: false, message: `--mode: "${values.mode}" is not full or mock` };
  const numbers: Partial<Record<Bounds, number>> = {};
  for (const [flag, option] of Object.entries(WHOLE_FLAGS) as [keyof typeof WHOLE_FLAGS, Bounds][]) {
    const value = whole(values[flag], flag, 1);
    if (typeof value === 'string') return { ok: false, message: value };
    if (value !== undefined) numbers[option] = value;
  }
  const headersTimeout = numbers.headersTimeoutMs;
  const requestTimeout = numbers.requestTimeoutMs;
  // Node refuses a header deadline longer than the whole request's.
  if ((headersTimeout ?? 5_000) > (requestTimeout ?? 10_000)) return { ok: false, message: '--headers-timeout must not exceed --request-timeout' };
  const origins = list(values.origins);
  const hosts = list(values.hosts);
  return {
    ok: true,
    options: {
      host: values.host,
      port,
      ...(origins === undefined ? {} : { allowedOrigins: origins }),
      ...(dialDelay === undefined ? {} : { dialDelayMs: dialDelay }),
      ...(values.mode === 'mock' || values.mode === 'full' ? { mode: values.mode } : {}),
      ...(hosts === undefined ? {} : { allowedHosts: hosts }),
      ...numbers,
    },
  };
}
