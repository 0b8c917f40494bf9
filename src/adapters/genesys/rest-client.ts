import type { ToolbarConfig } from '../../config';
import type { GenesysCommand, GenesysCommandName, GenesysEvent } from '../../machines/genesys.types';
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

export function commandName(command: GenesysCommand): GenesysCommandName {
  return command.type.slice('genesys.cmd.'.length) as GenesysCommandName;
}

export function buildBody(command: GenesysCommand, config: ToolbarConfig): CommandBody {
  const body: CommandBody = { type: config.commandTypes[commandName(command)] };
  if (config.agentId) body.agentId = config.agentId;
  if (config.dn) body.dn = config.dn;
  switch (command.type) {
    case 'genesys.cmd.makeCall':
      body.toNumber = command.number;
      // A service that echoes only the connectionId it is given (the public mock) still correlates.
      body.connectionId = command.eventId;
      body.eventId = command.eventId;
      break;
    case 'genesys.cmd.notReady':
      if (command.reason) body.reason = command.reason;
      if (command.workMode) body.workMode = command.workMode;
      break;
    case 'genesys.cmd.singleStepTransfer':
    case 'genesys.cmd.initiateTransfer':
    case 'genesys.cmd.initiateConference':
      body.connectionId = command.connectionId;
      body.destination = command.destination;
      body.eventId = command.eventId;
      break;
    case 'genesys.cmd.completeTransfer':
    case 'genesys.cmd.completeConference':
      body.connectionId = command.connectionId;
      body.consultConnectionId = command.consultConnectionId;
      body.eventId = command.eventId;
      break;
    case 'genesys.cmd.reconnectCall':
    case 'genesys.cmd.alternateCall':
      body.connectionId = command.connectionId;
      body.heldConnectionId = command.heldConnectionId;
      body.eventId = command.eventId;
      break;
    case 'genesys.cmd.sendDtmf':
      body.connectionId = command.connectionId;
      body.digits = command.digits;
      body.eventId = command.eventId;
      break;
    case 'genesys.cmd.accept':
    case 'genesys.cmd.reject':
    case 'genesys.cmd.hangup':
    case 'genesys.cmd.hold':
    case 'genesys.cmd.retrieve':
      body.connectionId = command.connectionId;
      body.eventId = command.eventId;
      break;
    default:
      break;
  }
  return body;
}

/** The 2xx confirmation, with the same correlation fields as a failure. */
export function accepted(command: GenesysCommand): Extract<GenesysEvent, { type: 'genesys.commandAccepted' }> {
  const event: Extract<GenesysEvent, { type: 'genesys.commandAccepted' }> = { type: 'genesys.commandAccepted', command: commandName(command) };
  if ('connectionId' in command) event.connectionId = command.connectionId;
  if ('eventId' in command) event.eventId = command.eventId;
  return event;
}

/** The correlation fields a failure carries back to the machine. */
export function failure(command: GenesysCommand, code: string, message: string): CommandFailed {
  const event: CommandFailed = { type: 'genesys.commandFailed', command: commandName(command), code, message };
  if ('connectionId' in command) event.connectionId = command.connectionId;
  if ('eventId' in command) event.eventId = command.eventId;
  return event;
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
  post(command: GenesysCommand): Promise<CommandFailed | undefined>;
  /** Aborts every POST still in flight; their outcomes are dropped. */
  abortAll(): void;
}

export function createRestClient(config: ToolbarConfig, deps: ResolvedDeps): RestClient {
  const inFlight = new Set<AbortController>();

  async function post(command: GenesysCommand): Promise<CommandFailed | undefined> {
    const body = buildBody(command, config);
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
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await response.text();
      if (!response.ok) {
        const detail = serverMessage(text);
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
