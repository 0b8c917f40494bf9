import pino from 'pino';
import { DEFAULT_MASKING, maskLogDetail, maskLogMessage, type LogMasking } from './log-mask';
import type { BridgeLog, BridgeLogLevel } from './types';

export const LOG_LEVELS: readonly BridgeLogLevel[] = ['debug', 'info', 'warn', 'error'];
export { DEFAULT_MASKING, type LogMasking } from './log-mask';

/** JSON lines on stderr (stdout carries only the "listening" line); every line masked (log-mask.ts). */
export function createBridgeLog(level: BridgeLogLevel = 'info', masking: LogMasking = DEFAULT_MASKING, destination: number = 2): BridgeLog {
  const logger = pino({ level, base: { service: 'genesys-bridge' } }, pino.destination({ fd: destination, sync: true }));
  return (lvl, message, detail) => {
    if (!logger.isLevelEnabled(lvl)) return;
    logger[lvl](maskLogDetail(detail ?? {}, masking), maskLogMessage(message, masking));
  };
}
