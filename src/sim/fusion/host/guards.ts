/** Checks a message from the toolbar frame before the host acts on it. */
import type { ClientMessage, JsonObject, JsonValue, SimChannel } from '../protocol';

export const CHANNEL: SimChannel = 'fusion-uef-sim/1';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

function isJson(value: unknown, depth = 0): value is JsonValue {
  if (depth > 20) return false;
  if (value === null || isString(value) || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
  return isObj(value) && Object.values(value).every((v) => isJson(v, depth + 1));
}

function isJsonObject(value: unknown): value is JsonObject {
  return isObj(value) && isJson(value);
}

/** True for anything carrying our channel marker (so foreign-origin attempts can be logged). */
export function looksLikeSimMessage(value: unknown): boolean {
  return isObj(value) && value.channel === CHANNEL;
}

/** The message, or why it was refused. */
export function parseClientMessage(value: unknown): ClientMessage | string {
  if (!isObj(value) || value.channel !== CHANNEL) return 'not a simulator message';
  if (!isString(value.clientId) || value.clientId === '') return 'no clientId';
  const m = value;
  switch (m.type) {
    case 'init':
      return typeof m.requestId === 'number' && isString(m.appName) && isString(m.version)
        ? (m as ClientMessage)
        : 'init needs requestId, appName, version';
    case 'subscribe':
      return isString(m.event) && (m.appClassification === null || isString(m.appClassification))
        ? (m as ClientMessage)
        : 'subscribe needs event';
    case 'unsubscribe':
      return isString(m.event) ? (m as ClientMessage) : 'unsubscribe needs event';
    case 'publish':
      return typeof m.requestId === 'number' && isString(m.operation) && isJsonObject(m.fields) && isJsonObject(m.inData)
        ? (m as ClientMessage)
        : 'publish needs requestId, operation, fields, inData';
    case 'commandResult':
      return isString(m.commandId) &&
        isString(m.result) &&
        (m.resultDisplayString === null || isString(m.resultDisplayString)) &&
        isJson(m.outData)
        ? (m as ClientMessage)
        : 'commandResult needs commandId, result';
    default:
      return `unknown message type ${String(m.type)}`;
  }
}
