/**
 * Runs the real Genesys adapter inside a tiny parent machine that records every event the adapter
 * sends back and forwards commands to it, so tests read `send(cmd)` then `await next('genesys.x')`.
 */
import WebSocket from 'ws';
import { createActor, sendTo, setup } from 'xstate';
import { createGenesysAdapter, type GenesysAdapterDeps, type LogLevel } from '../../src/adapters/genesys';
import { DEFAULT_CONFIG, type ToolbarConfig } from '../../src/config';
import type { GenesysCommand, GenesysEvent } from '../../src/machines/genesys.types';

type CmdEvent = { type: 'cmd'; cmd: GenesysCommand };
type Recorded = GenesysEvent | { type: string };
type EventOf<T extends GenesysEvent['type']> = Extract<GenesysEvent, { type: T }>;

export interface LogEntry {
  level: LogLevel;
  code: string;
  message: string;
}

export interface HarnessOptions {
  config: Partial<ToolbarConfig>;
  deps?: GenesysAdapterDeps;
  /** Behave like the toolbar machine: send register on every `genesys.connected`. */
  autoRegister?: boolean;
}

export interface Harness {
  readonly events: Recorded[];
  readonly logs: LogEntry[];
  send(cmd: GenesysCommand): void;
  /** The next not-yet-consumed event of this type (matching `where`), waiting up to `timeoutMs`. */
  next<T extends GenesysEvent['type']>(type: T, where?: (event: EventOf<T>) => boolean, timeoutMs?: number): Promise<EventOf<T>>;
  /** Fails if an event of this type (not yet consumed) arrives within `ms`. */
  expectNone(type: GenesysEvent['type'], ms: number): Promise<void>;
  stop(): void;
}

/** Fast reconnects and command timeouts so adapter tests stay quick. */
export const FAST_DEPS: GenesysAdapterDeps = {
  backoff: { baseMs: 20, capMs: 200, healthyMs: 10_000 },
  commandTimeoutMs: 400,
};

export function startHarness(options: HarnessOptions): Harness {
  const events: Recorded[] = [];
  const logs: LogEntry[] = [];
  const consumed = new Set<number>();
  const waiters = new Set<() => void>();
  const config: ToolbarConfig = { ...DEFAULT_CONFIG, ...options.config };
  const adapter = createGenesysAdapter({
    WebSocket,
    log: (level, code, message) => logs.push({ level, code, message }),
    ...FAST_DEPS,
    ...options.deps,
  });
  const record = (event: Recorded): void => {
    events.push(event);
    for (const wake of [...waiters]) wake();
  };
  const machine = setup({
    types: { events: {} as GenesysEvent | CmdEvent },
    actors: { genesys: adapter },
    actions: {
      record: ({ event }) => record(event),
      register: sendTo('genesys', { type: 'genesys.cmd.register' } as const),
    },
    guards: { autoRegister: () => options.autoRegister === true },
  }).createMachine({
    invoke: { id: 'genesys', src: 'genesys', input: { config } },
    on: {
      cmd: { actions: sendTo('genesys', ({ event }) => event.cmd) },
      'genesys.connected': [{ guard: 'autoRegister', actions: ['record', 'register'] }, { actions: 'record' }],
      '*': { actions: 'record' },
    },
  });
  const actor = createActor(machine);
  actor.subscribe({ error: (error) => record({ type: `harness.error: ${String(error)}` }) });
  actor.start();

  function find<T extends GenesysEvent['type']>(type: T, where?: (event: EventOf<T>) => boolean): number {
    return events.findIndex((event, index) => !consumed.has(index) && event.type === type && (where === undefined || where(event as EventOf<T>)));
  }

  return {
    events,
    logs,
    send: (cmd) => actor.send({ type: 'cmd', cmd }),
    next(type, where, timeoutMs = 3000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const index = find(type, where);
          if (index < 0) return false;
          consumed.add(index);
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(events[index] as EventOf<typeof type>);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no ${type} within ${timeoutMs} ms; got ${JSON.stringify(events.map((event) => event.type))}`));
        }, timeoutMs);
        if (!check()) waiters.add(wake);
      });
    },
    async expectNone(type, ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      const index = find(type);
      if (index >= 0) throw new Error(`unexpected ${type}: ${JSON.stringify(events[index])}`);
    },
    stop: () => actor.stop(),
  };
}
