import pino from 'pino';
import type { BridgeLog, BridgeLogLevel } from './types';

export const LOG_LEVELS: readonly BridgeLogLevel[] = ['debug', 'info', 'warn', 'error'];

/** JSON lines on stderr (stdout carries only the "listening" line); secrets are censored should one ever be passed. */
export function createBridgeLog(level: BridgeLogLevel = 'info', destination: number = 2): BridgeLog {
  const logger = pino(
    {
      level,
      base: { service: 'genesys-bridge' },
      redact: { paths: ['token', 'ticket', 'password', 'authorization', 'cookie', 'accessToken', 'refreshToken'], censor: '[redacted]' },
    },
    pino.destination({ fd: destination, sync: true }),
  );
  return (lvl, message, detail) => logger[lvl](detail ?? {}, message);
}
