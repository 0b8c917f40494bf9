import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyAgent, normalizeCommand, runCommand } from './commands';
import type { FailRule } from './fail-rules';
import { MAX_BODY_BYTES, parseJsonObject, readBody, sendJson } from './http';
import type { SimControl } from './sim-routes';
import { fail, type Reply, type SimLog } from './types';

/** Timers and held-open responses the server must release on close. */
export interface Pending {
  timers: Set<NodeJS.Timeout>;
  held: Set<ServerResponse>;
}

function sleep(ms: number, pending: Pending): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.timers.delete(timer);
      resolve();
    }, ms);
    pending.timers.add(timer);
  });
}

function injectedFailure(rule: FailRule): Reply {
  const status = rule.status ?? 500;
  const message = rule.message ?? `simulated failure (HTTP ${status})`;
  // A 2xx failure is the "status is not Success" case a real gateway produces.
  return { status, body: { status: 'Error', message } };
}

/** `POST /genesys/events`: validate, apply any armed failNext, then run the command. */
export async function handleRest(
  req: IncomingMessage,
  res: ServerResponse,
  control: SimControl,
  pending: Pending,
  cors: Record<string, string>,
  log: SimLog,
): Promise<void> {
  const reply = (value: Reply): void => sendJson(res, value, cors);
  if (control.isDown()) return reply(fail(503, 'service restarting'));
  const read = await readBody(req, MAX_BODY_BYTES);
  if (read.kind === 'aborted') return;
  if (read.kind === 'tooLarge') return reply(fail(413, `body of ${read.bytes} bytes exceeds ${MAX_BODY_BYTES}`));
  const parsed = parseJsonObject(read.text);
  if (!parsed.ok) return reply(fail(400, parsed.message));
  const body = parsed.value;
  if (control.model.config.mode === 'mock') return reply(control.mock.handle(body));
  if (typeof body['type'] !== 'string' || body['type'] === '') return reply(fail(400, 'body needs a string "type"'));
  const command = normalizeCommand(body['type']);
  if (command === undefined) return reply(fail(400, `unknown type ${body['type'].slice(0, 80)}`));
  const agent = bodyAgent(body);
  const refused = control.admit(agent);
  if (refused) return reply(refused);
  const rule = control.failRules.take(agent, command);
  if (rule?.noAnswer) {
    log('info', `holding ${command} for agent ${agent} open without an answer`);
    pending.held.add(res);
    res.on('close', () => pending.held.delete(res));
    return;
  }
  if (rule?.delayMs !== undefined) await sleep(rule.delayMs, pending);
  if (res.destroyed) return;
  if (rule?.status !== undefined) {
    log('info', `failing ${command} for agent ${agent} with HTTP ${rule.status}`);
    return reply(injectedFailure(rule));
  }
  const result = runCommand(control.model, command, body);
  log(result.status === 200 ? 'debug' : 'info', `${command} for agent ${agent} → ${result.status}`, result.body);
  reply(result);
}
