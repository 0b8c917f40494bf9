import * as v from 'valibot';
import type { GenesysEvent } from '../../machines/genesys.types';
import { EVENT_RULES, HARMLESS_EVENTS } from './frame.schema';

/** Frames larger than this are refused before parsing (protocol budget; the sim uses the same). */
export const MAX_FRAME_BYTES = 64 * 1024;

export type FrameErrorCode = 'FRAME_MALFORMED' | 'FRAME_INVALID' | 'FRAME_UNKNOWN_EVENT' | 'FRAME_TOO_LARGE';

export type FrameOutcome =
  | { kind: 'event'; name: string; event: GenesysEvent }
  | { kind: 'ignored'; name: string }
  | { kind: 'error'; code: FrameErrorCode; message: string };

/**
 * UTF-8 size, counted only as far as the limit and never by encoding: each UTF-16 unit is at least
 * one byte, so a longer string is too large at once; a string three times under the limit cannot be.
 * Returns a size that is over `limit` exactly when the encoding is (exact when it had to count).
 */
export function utf8SizeUpTo(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one code point of four bytes
      i += 1;
    } else bytes += 3; // BMP, or a lone surrogate (encoded as U+FFFD)
  }
  return bytes;
}

function binarySize(data: unknown): number | undefined {
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.size;
  return undefined;
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Why an optional text field is not one, or undefined when it is. */
function notText(key: string, value: unknown): string | undefined {
  return value === undefined || typeof value === 'string' ? undefined : `${key}: expected a string, received ${value === null ? 'null' : typeof value}`;
}

/** Turns one WebSocket message payload into an event, a known-harmless skip, or a coded error. */
export function decodeFrame(data: unknown, newId: () => string): FrameOutcome {
  if (typeof data !== 'string') {
    const size = binarySize(data);
    return {
      kind: 'error',
      code: 'FRAME_MALFORMED',
      message: size === undefined ? 'frame is not text' : `binary frame of ${size} bytes; only JSON text frames are accepted`,
    };
  }
  const size = utf8SizeUpTo(data, MAX_FRAME_BYTES);
  if (size > MAX_FRAME_BYTES) {
    return { kind: 'error', code: 'FRAME_TOO_LARGE', message: `frame of more than ${MAX_FRAME_BYTES} bytes (${data.length} UTF-16 units)` };
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (error) {
    return { kind: 'error', code: 'FRAME_MALFORMED', message: `not JSON: ${(error as Error).message}` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { kind: 'error', code: 'FRAME_INVALID', message: 'frame is not a JSON object' };
  }
  // The event key by hand: two typeof checks, not a schema run, before the event's own schema.
  const { eventName, eventType } = json as { eventName?: unknown; eventType?: unknown };
  const badKey = notText('eventName', eventName) ?? notText('eventType', eventType);
  if (badKey) return { kind: 'error', code: 'FRAME_INVALID', message: badKey };
  const name = (eventName ?? eventType) as string | undefined;
  if (name === undefined || name === '') {
    return { kind: 'error', code: 'FRAME_INVALID', message: 'frame has no eventName or eventType' };
  }
  const eventRule = Object.hasOwn(EVENT_RULES, name) ? EVENT_RULES[name] : undefined;
  if (eventRule === undefined) {
    if (HARMLESS_EVENTS.has(name)) return { kind: 'ignored', name };
    return { kind: 'error', code: 'FRAME_UNKNOWN_EVENT', message: `unknown event ${name.slice(0, 80)}` };
  }
  const parsed = v.safeParse(eventRule.schema, json);
  if (!parsed.success) {
    return { kind: 'error', code: 'FRAME_INVALID', message: `${name}: ${describeIssues(parsed.issues)}` };
  }
  const mapped = eventRule.map(parsed.output as Record<string, unknown>, newId);
  if ('invalid' in mapped) return { kind: 'error', code: 'FRAME_INVALID', message: `${name}: ${mapped.invalid}` };
  return { kind: 'event', name, event: mapped };
}
