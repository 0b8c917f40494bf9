/** The `npm run sim:gws` flags → simulator options (defaults as `startGwsSimulator`'s). */
import { parseArgs } from 'node:util';
import type { GwsSimOptions } from './types';

export const USAGE =
  'usage: npm run sim:gws -- [--host 127.0.0.1] [--port 8090] [--mode gws|genesys-sim] [--dial-answer ms|never]\n' +
  '                          [--client-id id] [--client-secret secret] [--no-release-on-ringing] [--initial-state NotReady|Ready] [--api-key key]';

export type CliOptions = GwsSimOptions & { host: string; port: number };

export type CliParse = { ok: true; options: CliOptions } | { ok: false; message: string; help?: boolean };

export function parseCli(argv: string[]): CliParse {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8090' },
        mode: { type: 'string', default: 'gws' },
        'dial-answer': { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        'no-release-on-ringing': { type: 'boolean' },
        'initial-state': { type: 'string' },
        'api-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help) return { ok: false, message: 'GWS Workspace API v3 simulator', help: true };
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `--port: "${values.port}" is not a port` };
  if (values.mode !== 'gws' && values.mode !== 'genesys-sim') return { ok: false, message: `--mode: "${values.mode}" is not gws or genesys-sim` };
  const options: CliOptions = { host: values.host, port, mode: values.mode };
  const dial = values['dial-answer'];
  if (dial !== undefined) {
    const ms = dial === 'never' ? Number.POSITIVE_INFINITY : Number(dial);
    if (!(ms >= 0)) return { ok: false, message: `--dial-answer: "${dial}" is not a delay in ms or never` };
    options.dialAnswerMs = ms;
  }
  const state = values['initial-state'];
  if (state !== undefined && state !== 'Ready' && state !== 'NotReady') return { ok: false, message: `--initial-state: "${state}" is not Ready or NotReady` };
  if (state !== undefined) options.initialAgentState = state;
  if (values['client-id'] !== undefined) options.clientId = values['client-id'];
  if (values['client-secret'] !== undefined) options.clientSecret = values['client-secret'];
  if (values['no-release-on-ringing']) options.releaseOnRinging = false;
  if (values['api-key'] !== undefined) options.apiKey = values['api-key'];
  return { ok: true, options };
}
