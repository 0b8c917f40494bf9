/**
 * Reading what UEF hands back. Typed getters first (`getResponseData()…`), then the plain
 * `responseDetails` objects some live Fusion builds deliver (protocol.md 2.1).
 */
import type { UefData } from './uef.types';

type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null;
}

/** Calls `target[name]()` if it is a method; undefined otherwise or if it throws. */
export function callGetter(target: unknown, name: string): unknown {
  if (!isObject(target)) return undefined;
  const fn = target[name];
  if (typeof fn !== 'function') return undefined;
  try {
    return (fn as (this: unknown) => unknown).call(target);
  } catch {
    return undefined;
  }
}

function path(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Keeps the primitive entries of an outData object; drops functions and nested objects. */
export function toUefData(value: unknown): UefData | undefined {
  if (!isObject(value)) return undefined;
  // fromEntries defines own properties: a `__proto__` key stays data, never a prototype.
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, entry]) => typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean' || entry === null,
    ),
  ) as UefData;
}

/** Publish response → `{outData, eventId}` (Fusion may answer with its own eventId). */
export function readPublishResponse(response: unknown): { outData?: UefData; eventId?: string } {
  const data = callGetter(response, 'getResponseData');
  if (data !== undefined) {
    const outData = toUefData(callGetter(data, 'getOutData'));
    const eventId = nonEmptyString(path(callGetter(data, 'getData'), 'eventId'));
    if (outData || eventId) return { outData, eventId };
  }
  const payload = path(response, 'responseDetails', 'data', 'payload');
  return {
    outData: toUefData(path(payload, 'outData')),
    eventId: nonEmptyString(path(payload, 'eventId')),
  };
}

/** A rejection reason (IErrorData, Error, plain object or string) → message text. */
export function describeError(reason: unknown): string {
  const fromGetter = callGetter(reason, 'getMessage');
  if (typeof fromGetter === 'string' && fromGetter) return fromGetter;
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'string') return reason;
  const message = path(reason, 'message') ?? path(reason, 'responseDetails', 'message');
  if (typeof message === 'string' && message) return message;
  try {
    return JSON.stringify(reason) ?? String(reason);
  } catch {
    return String(reason);
  }
}

/** A controllable command (onToolbarInteractionCommand / onToolbarAgentCommand), normalised. */
export interface IncomingCommand {
  command?: string;
  eventId?: string;
  inData?: UefData;
  /** Writes the result into UEF's object and returns the value the callback's promise resolves with. */
  reply(ok: boolean, message?: string, outData?: Obj): unknown;
}

export function readCommand(response: unknown): IncomingCommand {
  const data = callGetter(response, 'getResponseData');
  if (isObject(data)) {
    const raw = callGetter(data, 'getData');
    return {
      command: nonEmptyString(callGetter(data, 'getCommand')) ?? nonEmptyString(path(raw, 'command')),
      eventId: nonEmptyString(callGetter(data, 'getEventId')) ?? nonEmptyString(path(raw, 'eventId')),
      inData: toUefData(callGetter(data, 'getInData')),
      reply: (ok, message, outData) => {
        callSetter(data, 'setResult', ok ? 'success' : 'failure');
        // The d.ts has no setter for resultDisplayString: write it on the live data object.
        if (message !== undefined && !callSetter(data, 'setResultDisplayString', message) && isObject(raw)) {
          raw.resultDisplayString = message;
        }
        if (outData) callSetter(data, 'setOutdata', outData);
        return data;
      },
    };
  }
  const details = path(response, 'responseDetails');
  return {
    command: nonEmptyString(path(details, 'command')),
    eventId: nonEmptyString(path(details, 'eventId')),
    inData: toUefData(path(details, 'inData')),
    reply: (ok, message, outData) => {
      if (isObject(details)) {
        details.result = ok ? 'success' : 'failure';
        if (message !== undefined) details.resultDisplayString = message;
        if (outData) details.outData = outData;
      }
      return response;
    },
  };
}

function callSetter(target: Obj, name: string, value: unknown): boolean {
  const fn = target[name];
  if (typeof fn !== 'function') return false;
  (fn as (this: unknown, v: unknown) => void).call(target, value);
  return true;
}

/** onOutgoingEvent → its outData and the payload uuid. */
export function readOutgoing(response: unknown): { outData?: UefData; uuid?: string } {
  const data = callGetter(response, 'getResponseData');
  if (data !== undefined) {
    const raw = callGetter(data, 'getData');
    const outData = toUefData(callGetter(data, 'getOutData')) ?? toUefData(path(raw, 'outData'));
    if (outData) return { outData, uuid: nonEmptyString(path(raw, 'uuid')) };
  }
  const details = path(response, 'responseDetails');
  return { outData: toUefData(path(details, 'outData')), uuid: nonEmptyString(path(details, 'uuid')) };
}

/** onDataUpdated → updateType and eventId. */
export function readDataUpdate(response: unknown): { updateType?: string; eventId?: string } {
  const data = callGetter(response, 'getResponseData');
  if (data !== undefined) {
    const updateType =
      nonEmptyString(path(callGetter(data, 'getOutData'), 'updateType')) ??
      nonEmptyString(callGetter(callGetter(data, 'getOutputData'), 'getUpdateType'));
    const eventId =
      nonEmptyString(callGetter(data, 'getEventId')) ?? nonEmptyString(path(callGetter(data, 'getData'), 'eventId'));
    if (updateType) return { updateType, eventId };
  }
  const details = path(response, 'responseDetails');
  return {
    updateType: nonEmptyString(path(details, 'outData', 'updateType')) ?? nonEmptyString(path(details, 'updateType')),
    eventId: nonEmptyString(path(details, 'eventId')),
  };
}
