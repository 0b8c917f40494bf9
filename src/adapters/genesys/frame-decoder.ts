import * as v from 'valibot';
import type { GenesysEvent } from '../../machines/genesys.types';
import { EVENT_RULES, EnvelopeSchema, HARMLESS_EVENTS } from './frame.schema';

/** Frames larger than this are refused before parsing (protocol budget; the sim uses the same). */
export const MAX_FRAME_BYTES = 64 * 1024;

export type FrameErrorCode = 'FRAME_MALFORMED' | 'FRAME_INVALID' | 'FRAME_UNKNOWN_EVENT' | 'FRAME_TOO_LARGE';

export type FrameOutcome =
  | { kind: 'event'; name: string; event: GenesysEvent }
  | { kind: 'ignored'; name: string }
  | { kind: 'error'; code: FrameErrorCode; message: string };

const encoder = new TextEncoder();

/** UTF-8 size, computed only when the UTF-16 length leaves any doubt. */
function byteLength(text: string): number {
  return text.length * 3 <= MAX_FRAME_BYTES ? text.length : encoder.encode(text).byteLength;
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
  const size = byteLength(data);
  if (size > MAX_FRAME_BYTES) {
    return { kind: 'error', code: 'FRAME_TOO_LARGE', message: `frame of ${size} bytes exceeds ${MAX_FRAME_BYTES}` };
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
  const envelope = v.safeParse(EnvelopeSchema, json);
  if (!envelope.success) {
    return { kind: 'error', code: 'FRAME_INVALID', message: describeIssues(envelope.issues) };
  }
  const name = envelope.output.eventName ?? envelope.output.eventType;
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
