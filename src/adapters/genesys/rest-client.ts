import type { ToolbarConfig } from '../../config';
import type { GenesysServiceCommand, GenesysCommandName, GenesysEvent } from '../../machines/genesys.types';
import type { ResolvedDeps } from './deps.types';

type CommandFailed = Extract<GenesysEvent, { type: 'genesys.commandFailed' }>;

/** JSON body of a command POST (protocol.md 3.3); optional fields are left out when empty. */
export interface CommandBody {
  type: string;
  agentId?: string;
  dn?: string;
  connectionId?: string;
  eventId?: string;
  toNumber?: string;
  reason?: string;
  workMode?: string;
  destination?: string;
  consultConnectionId?: string;
  heldConnectionId?: string;
  digits?: string;
}

export function commandName(command: GenesysServiceCommand): GenesysCommandName {
  return command.type.slice('genesys.cmd.'.length) as GenesysCommandName;
}

/** The field a call command carries between its connectionId and eventId. */
function operandOf(command: GenesysServiceCommand): Partial<CommandBody> {
  if ('destination' in command) return { destination: command.destination };
  if ('consultConnectionId' in command) return { consultConnectionId: command.consultConnectionId };
  if ('heldConnectionId' in command) return { heldConnectionId: command.heldConnectionId };
  if ('digits' in command) return { digits: command.digits };
  return {};
}

/** The agent a command names: the configured one, or (auth=bridge) the one the sign-in answered. */
export interface Identity {
  agentId: string;
  dn: string;
}

export function buildBody(command: GenesysServiceCommand, config: ToolbarConfig, identity: Identity = config): CommandBody {
  const body: CommandBody = {
    type: config.commandTypes[commandName(command)],
    ...(identity.agentId ? { agentId: identity.agentId } : {}),
    ...(identity.dn ? { dn: identity.dn } : {}),
  };
  if (command.type === 'genesys.cmd.makeCall') {
    // A service that echoes only the connectionId it is given (the public mock) still correlates.
    return { ...body, toNumber: command.number, connectionId: command.eventId, eventId: command.eventId };
  }
  if (command.type === 'genesys.cmd.notReady') {
    return { ...body, ...(command.reason ? { reason: command.reason } : {}), ...(command.workMode ? { workMode: command.workMode } : {}) };
  }
  // Every other call command: its call, what it needs beyond that, and the Fusion eventId.
  if ('connectionId' in command) return { ...body, connectionId: command.connectionId, ...operandOf(command), eventId: command.eventId };
  return body;
}

/** The correlation fields (ConnID, eventId) a command's outcome carries back to the machine. */
function correlationOf(command: GenesysServiceCommand): { connectionId?: string; eventId?: string } {
  return {
    ...('connectionId' in command ? { connectionId: command.connectionId } : {}),
    ...('eventId' in command ? { eventId: command.eventId } : {}),
  };
}

/** The 2xx confirmation, with the same correlation fields as a failure. */
export function accepted(command: GenesysServiceCommand): Extract<GenesysEvent, { type: 'genesys.commandAccepted' }> {
  return { type: 'genesys.commandAccepted', command: commandName(command), ...correlationOf(command) };
}

/** The correlation fields a failure carries back to the machine. */
export function failure(command: GenesysServiceCommand, code: string, message: string): CommandFailed {
  return { type: 'genesys.commandFailed', command: commandName(command), code, message, ...correlationOf(command) };
}

/** Server's own explanation from a JSON `{message}` (or `error`) body, else a short text excerpt. */
function serverMessage(text: string): string {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'object' && json !== null) {
      const record = json as Record<string, unknown>;
      for (const key of ['message', 'error', 'ErrorMessage']) {
        if (typeof record[key] === 'string' && record[key] !== '') return record[key];
      }
    }
  } catch {
    // not JSON: fall back to the raw text
  }
  return text.trim().slice(0, 200);
}

/** `undefined` when a 2xx body means success: empty, or JSON with status "Success". */
function statusProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `answer is not JSON: ${text.trim().slice(0, 200)}`;
  }
  const record = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const status = record['status'];
  if (typeof status === 'string' && status.toLowerCase() === 'success') return undefined;
  const detail = serverMessage(text);
  return `status ${typeof status === 'string' ? `"${status}"` : 'missing'}${detail ? `: ${detail}` : ''}`;
}

export interface RestClient {
  /** POSTs once (never retried); resolves with a failure event, or `undefined` on success. */
  post(command: GenesysServiceCommand): Promise<CommandFailed | undefined>;
  /** Aborts every POST still in flight; their outcomes are dropped. */
  abortAll(): void;
}

/** auth=bridge: the Bearer header and the signed-in agent (bridge-auth.ts). */
export interface RestAuth {
  headers(url: string): Record<string, string>;
  identity(): Identity | null;
}

export function createRestClient(config: ToolbarConfig, deps: ResolvedDeps, auth: RestAuth | null = null): RestClient {
  const inFlight = new Set<AbortController>();

  async function post(command: GenesysServiceCommand): Promise<CommandFailed | undefined> {
    const body = buildBody(command, config, auth?.identity() ?? config);
    const controller = new AbortController();
    let timedOut = false;
    const timer = deps.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, deps.commandTimeoutMs);
    inFlight.add(controller);
    try {
      const response = await deps.fetch(config.genesysRest, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...auth?.headers(config.genesysRest) },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      if (!response.ok) {
        const detail = serverMessage(text);
        // The bridge no longer knows the token: nothing reached Genesys.
        if (auth && response.status === 401) return failure(command, 'SESSION_INVALID', `The bridge refused the session for ${body.type}${detail ? `: ${detail}` : ''}`);
        return failure(
          command,
          `REST_HTTP_${response.status}`,
          `The Genesys service answered HTTP ${response.status} to ${body.type}${detail ? `: ${detail}` : ''}`,
        );
      }
      const problem = statusProblem(text);
      return problem === undefined
        ? undefined
        : failure(command, 'REST_STATUS', `The Genesys service did not accept ${body.type}: ${problem}`);
    } catch (error) {
      if (timedOut) {
        return failure(command, 'REST_TIMEOUT', `The Genesys service did not answer ${body.type} within ${deps.commandTimeoutMs} ms`);
      }
      const cause = (error as { cause?: { message?: unknown } }).cause?.message;
      const reason = typeof cause === 'string' ? cause : (error as Error).message;
      return failure(command, 'REST_NETWORK', `Could not reach the Genesys service for ${body.type}: ${reason}`);
    } finally {
      deps.clearTimeout(timer);
      inFlight.delete(controller);
    }
  }

  return {
    post,
    abortAll() {
      for (const controller of inFlight) controller.abort();
      inFlight.clear();
    },
  };
}
