/** `failNext`: armed one-shot misbehaviours, matched on the path after /workspace/v3 or /auth/v3 (`*` = one segment). */
import type { FailRule } from './types';

export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((segment, i) => segment === '*' || segment === got[i]);
}

/** Removes and returns the first armed rule for this path. */
export function takeRule(rules: FailRule[], path: string): FailRule | undefined {
  const index = rules.findIndex((rule) => pathMatches(rule.path, path));
  return index < 0 ? undefined : rules.splice(index, 1)[0];
}

/** A scenario body → a rule, or why it is not one. */
export function parseFailRule(body: Record<string, unknown>): FailRule | string {
  const path = body['path'];
  if (typeof path !== 'string' || !path.startsWith('/') || path.length > 200) return 'path must be a path suffix such as /voice/ready';
  if (body['hang'] === true) return { path, hang: true };
  const eventError = body['eventError'];
  if (typeof eventError === 'object' && eventError !== null) {
    const { errorCode, errorMessage } = eventError as Record<string, unknown>;
    if (typeof errorCode !== 'number' || typeof errorMessage !== 'string') return 'eventError needs errorCode (number) and errorMessage (string)';
    return { path, eventError: { errorCode, errorMessage } };
  }
  const status = body['status'] ?? 500;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) return 'status must be an HTTP status 200-599';
  const text = body['body'];
  if (text !== undefined && typeof text !== 'string') return 'body must be a string';
  return text === undefined ? { path, status } : { path, status, body: text };
}
