/**
 * What the bridge's log lines hide: secrets always; caller numbers and contact names unless told
 * not to (as the toolbar's flight recorder does); the agent's id, username and DN when told to.
 */
import { maskCallerData, maskNumber } from '../../recorder/mask';

/** `caller`: phone numbers and contact names (default on); `agent`: agent id, username and DN (default off). */
export interface LogMasking {
  readonly caller: boolean;
  readonly agent: boolean;
}

export const DEFAULT_MASKING: LogMasking = { caller: true, agent: false };

const SECRET_KEY = /token|ticket|password|secret|cookie|authorization|credential|api.?key|^code_?verifier$|^auth_?code$/i;
const AGENT_KEY = /^(agent|agentId|username|userName|dn|agentLogin)$/;
/** Our own codes and ids: never masked (a request id may hold digits). */
const KEPT_KEY = /^(reqId|code)$/;
/** A phone number inside free text: 6 or more digits with spaces, dashes or brackets (not dots: addresses stay readable). */
const NUMBER_IN_TEXT = /\+?\d[\d ()-]{4,}\d/g;
/** A bridge token or ticket (43 base64url characters) or a bearer/JWT-like string inside free text. */
const SECRET_IN_TEXT = /\b[A-Za-z0-9_-]{43}\b|\bBearer\s+\S+|\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+/g;

function maskAgent(value: string): string {
  return value.length <= 2 ? '••' : `${value.slice(0, 1)}•••${value.slice(-1)}`;
}

function maskText(text: string, masking: LogMasking): string {
  const hidden = text.replace(SECRET_IN_TEXT, '[redacted]');
  return masking.caller ? hidden.replace(NUMBER_IN_TEXT, (found) => (found.replace(/\D/g, '').length >= 6 ? maskNumber(found) : found)) : hidden;
}

/** A copy of a log line's fields with what `masking` hides hidden, at any depth (bounded). */
export function maskLogDetail(value: unknown, masking: LogMasking, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value, masking);
  if (depth > 6 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => maskLogDetail(item, masking, depth + 1));
  const callerMasked = (masking.caller ? maskCallerData(value, 8) : value) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(callerMasked)) {
    if (KEPT_KEY.test(key)) out[key] = item;
    else if (SECRET_KEY.test(key)) out[key] = '[redacted]';
    else if (masking.agent && AGENT_KEY.test(key) && typeof item === 'string') out[key] = maskAgent(item);
    else out[key] = maskLogDetail(item, masking, depth + 1);
  }
  return out;
}

/** The message text of a line, masked the same way. */
export const maskLogMessage = (message: string, masking: LogMasking): string => maskText(message, masking);
