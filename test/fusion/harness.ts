/**
 * Runs the Fusion adapter as the invoked child of a tiny parent machine, recording every
 * event it sends back and forwarding commands to it, as the toolbar machine does.
 */
import { vi } from 'vitest';
import { createActor, sendTo, setup } from 'xstate';
import { createFusionAdapter, type FusionAdapterDeps, type LogLevel } from '../../src/adapters/fusion';
import { DEFAULT_CONFIG, type ToolbarConfig } from '../../src/config';
import type { FusionCommand, FusionEvent } from '../../src/machines/fusion.types';
import type { FakeUef } from './fake-uef';

export interface Harness {
  events: FusionEvent[];
  logs: { level: LogLevel; message: string }[];
  send(cmd: FusionCommand): void;
  stop(): void;
  /** Waits until an event of `type` arrived (the nth one, 1-based) and returns it. */
  next<T extends FusionEvent['type']>(type: T, nth?: number): Promise<Extract<FusionEvent, { type: T }>>;
  ofType<T extends FusionEvent['type']>(type: T): Extract<FusionEvent, { type: T }>[];
}

let counter = 0;

/** A window inside a frame, with the fake's global installed unless `noGlobal`. */
export function framedWindow(uef?: FakeUef): { CX_SVC_UI_EVENTS_FRAMEWORK?: unknown; parent: unknown } {
  return { CX_SVC_UI_EVENTS_FRAMEWORK: uef?.global, parent: {} };
}

export function startAdapter(
  deps: FusionAdapterDeps,
  config: Partial<ToolbarConfig> = {},
  shared?: { logs: Harness['logs'] },
): Harness {
  const events: FusionEvent[] = [];
  const logs = shared?.logs ?? [];
  const logic = createFusionAdapter({
    uuid: () => `req-${++counter}`,
    log: (level, message) => logs.push({ level, message }),
    ...deps,
  });
  const parent = setup({
    types: { events: {} as FusionEvent | { type: 'test.cmd'; cmd: FusionCommand } },
    actors: { fusion: logic },
  }).createMachine({
    invoke: { id: 'fusion', src: 'fusion', input: { config: { ...DEFAULT_CONFIG, ...config } } },
    on: {
      'test.cmd': { actions: sendTo('fusion', ({ event }) => event.cmd) },
      '*': {
        actions: ({ event }) => {
          if (event.type !== 'test.cmd') events.push(event);
        },
      },
    },
  });
  const actor = createActor(parent).start();
  const ofType = <T extends FusionEvent['type']>(type: T) =>
    events.filter((e): e is Extract<FusionEvent, { type: T }> => e.type === type);
  return {
    events,
    logs,
    send: (cmd) => actor.send({ type: 'test.cmd', cmd }),
    stop: () => actor.stop(),
    ofType,
    next: async (type, nth = 1) => {
      await vi.waitFor(() => {
        if (ofType(type).length < nth) throw new Error(`waiting for ${type} #${nth}; got ${JSON.stringify(events)}`);
      }, { timeout: 3000, interval: 2 });
      return ofType(type)[nth - 1]!;
    },
  };
}

/** Lets queued promise work run (no timers involved). */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
