import { normalizeCommand, type CommandName } from './commands';

/** One armed `/sim/failNext`: how the next matching REST command misbehaves. */
export interface FailRule {
  agent: string;
  command?: CommandName;
  status?: number;
  message?: string;
  delayMs?: number;
  noAnswer?: boolean;
}

export type FailRuleInput = Record<string, unknown>;

/** Validates a failNext body; returns the rule or a reason it is unusable. */
export function parseFailRule(body: FailRuleInput, agent: string): FailRule | string {
  const rule: FailRule = { agent };
  if (body['command'] !== undefined) {
    const command = normalizeCommand(body['command']);
    if (command === undefined) return `unknown command ${String(body['command'])}`;
    rule.command = command;
  }
  const status = body['status'];
  if (status !== undefined) {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) return 'status must be an HTTP status 200-599';
    rule.status = status;
  }
  const delayMs = body['delayMs'];
  if (delayMs !== undefined) {
    if (typeof delayMs !== 'number' || !(delayMs >= 0 && delayMs <= 600_000)) return 'delayMs must be 0-600000';
    rule.delayMs = delayMs;
  }
  if (typeof body['message'] === 'string') rule.message = body['message'];
  if (body['noAnswer'] === true) rule.noAnswer = true;
  // Nothing but a target: the plain meaning of "fail next" is a server error.
  if (rule.status === undefined && rule.delayMs === undefined && !rule.noAnswer) rule.status = 500;
  return rule;
}

export const MAX_ARMED_RULES = 256;

/** Armed rules, consumed first-in first-out by the first command they match. */
export class FailRules {
  private rules: FailRule[] = [];

  /** Past MAX_ARMED_RULES the oldest armed rule goes, so arming cannot grow without bound. */
  add(rule: FailRule): void {
    this.rules.push(rule);
    if (this.rules.length > MAX_ARMED_RULES) this.rules.shift();
  }

  /** An expired agent's rules go with it. */
  forget(agent: string): void {
    this.rules = this.rules.filter((rule) => rule.agent !== agent);
  }

  take(agent: string, command: CommandName): FailRule | undefined {
    const index = this.rules.findIndex((rule) => rule.agent === agent && (rule.command === undefined || rule.command === command));
    if (index < 0) return undefined;
    return this.rules.splice(index, 1)[0];
  }

  clear(): void {
    this.rules = [];
  }

  get size(): number {
    return this.rules.length;
  }
}
