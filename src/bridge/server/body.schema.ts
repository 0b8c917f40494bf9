/**
 * Valibot schemas for what the toolbar POSTs: the sign-in body and a command body. Every field is
 * bounded before anything reaches GWS; a body that does not fit is a coded 400.
 */
import * as v from 'valibot';
import type { ToolbarCommand } from '../session/agent-session.types';

/** A command body or sign-in body larger than this is refused with 413 before it is parsed. */
export const MAX_COMMAND_BYTES = 16 * 1024;
export const MAX_SIGN_IN_BYTES = 4 * 1024;

/** No control characters: they have no place in an id, a number or a reason, and would forge log lines. */
const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;
/** Call ids (a GWS ConnID, a dial's eventId): visible ASCII only, so a hostile id cannot hide in a log. */
const ID = /^[\u0021-\u007e]{1,128}$/;
const ID_FIELDS = new Set(['connectionId', 'consultConnectionId', 'heldConnectionId', 'parentConnId', 'heldConnId', 'eventId']);
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_FIELDS = 24;
const MAX_TEXT = 512;
const MAX_USER_DATA_KEYS = 64;

const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT), v.regex(PRINTABLE, 'contains control characters'));

export const SignInSchema = v.object({
  username: v.pipe(v.string('username must be a string'), v.trim(), v.minLength(1, 'username is empty'), v.maxLength(256), v.regex(PRINTABLE, 'contains control characters')),
  password: v.pipe(v.string('password must be a string'), v.minLength(1, 'password is empty'), v.maxLength(1024, 'password is longer than 1024 characters')),
});
export type SignInBody = v.InferOutput<typeof SignInSchema>;

/** Attached data a command may carry: a flat object of bounded scalars. */
const UserDataSchema = v.pipe(
  v.record(v.pipe(v.string(), v.regex(FIELD_NAME, 'userData key is not an identifier')), v.union([Text, v.number(), v.boolean()])),
  v.check((record) => Object.keys(record).length <= MAX_USER_DATA_KEYS, `userData has more than ${MAX_USER_DATA_KEYS} keys`),
);

const TypeSchema = v.pipe(v.string('type must be a string'), v.regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'type is not a command name'));

const CommandSchema = v.pipe(
  v.objectWithRest({ type: TypeSchema }, v.unknown()),
  v.check((body) => Object.keys(body).length <= MAX_FIELDS, `more than ${MAX_FIELDS} fields`),
);

/** Why a field's value is refused, or undefined when it is fine. */
function fieldProblem(key: string, value: unknown): string | undefined {
  if (key === 'type') return undefined;
  if (key === 'userData') {
    const result = v.safeParse(UserDataSchema, value);
    return result.success ? undefined : `userData: ${result.issues[0].message}`;
  }
  if (typeof value !== 'string') return `${key} must be a string`;
  if (ID_FIELDS.has(key)) return ID.test(value) ? undefined : `${key} is not a call id (1-128 visible ASCII characters)`;
  const result = v.safeParse(Text, value);
  return result.success ? undefined : `${key}: ${result.issues[0].message}`;
}

export type CommandCheck = { ok: true; command: ToolbarCommand; agentId?: string } | { ok: false; message: string };

/**
 * Checks a parsed body as a toolbar command. `agentId` and `dn` are taken out: the agent comes from
 * the token, and the caller compares `agentId` with it.
 */
export function checkCommand(body: Record<string, unknown>): CommandCheck {
  // Checked on the raw body: a schema's output would silently leave a `__proto__` key out.
  if (!Object.keys(body).every((key) => FIELD_NAME.test(key))) return { ok: false, message: 'a field name is not an identifier' };
  const shape = v.safeParse(CommandSchema, body);
  if (!shape.success) return { ok: false, message: shape.issues[0].message };
  const command: Record<string, unknown> = {};
  let agentId: string | undefined;
  for (const [key, value] of Object.entries(shape.output)) {
    const problem = fieldProblem(key, value);
    if (problem !== undefined) return { ok: false, message: problem };
    if (key === 'agentId') agentId = value as string;
    else if (key !== 'dn') command[key] = value;
  }
  return { ok: true, command: command as ToolbarCommand, ...(agentId === undefined ? {} : { agentId }) };
}

/** The sign-in body, or why not (never echoing the password). */
export function checkSignIn(body: Record<string, unknown>): { ok: true; value: SignInBody } | { ok: false; message: string } {
  const result = v.safeParse(SignInSchema, body);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const field = issue.path?.[0]?.key;
  return { ok: false, message: `${typeof field === 'string' ? `${field}: ` : ''}${issue.message.slice(0, 120)}` };
}
