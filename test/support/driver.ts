/**
 * Test driver for the toolbar statechart: fake Genesys and Fusion actors that record every
 * command and let a test push any event, plus gestures named after what happens on a phone.
 */
import { createActor, fromCallback, type ActorRefFrom, type AnyEventObject, type AnyStateMachine, type InspectionEvent, type SnapshotFrom } from 'xstate';
import { expect } from 'vitest';
import { DEFAULT_CONFIG, type ToolbarConfig } from '../../src/config';
import type { AdapterInput } from '../../src/machines/actors.types';
import type { CallMachine } from '../../src/machines/call.machine';
import type { FusionCommand, FusionEvent } from '../../src/machines/fusion.types';
import type { GenesysCommand, GenesysEvent } from '../../src/machines/genesys.types';
import { keyOf, nameOf } from './call-names';
import { toolbarMachine } from '../../src/machines/toolbar.machine';
import type { RestoredSession, ToolbarEvent } from '../../src/machines/toolbar.types';

export interface DriverOptions {
  config?: Partial<ToolbarConfig>;
  /** Send fusion.ready as soon as the Fusion actor starts (default true). */
  fusionReady?: boolean;
  delays?: Partial<{ agentDeadline: number }>;
  /** Replace the call machine (the root's model tests use an inert recording call). */
  callLogic?: AnyStateMachine;
  /** Inspection observer (model coverage). */
  inspect?: (event: InspectionEvent) => void;
  /** What a reload record gave (calls respawned at start). */
  restored?: RestoredSession;
}

export type CallRef = ActorRefFrom<CallMachine>;

export function createDriver(options: DriverOptions = {}) {
  const genesysCommands: GenesysCommand[] = [];
  const fusionCommands: FusionCommand[] = [];
  const errors: unknown[] = [];
  let toMachineFromGenesys: ((event: AnyEventObject) => void) | undefined;
  let toMachineFromFusion: ((event: AnyEventObject) => void) | undefined;

  const genesys = fromCallback<GenesysCommand, AdapterInput>(({ sendBack, receive }) => {
    toMachineFromGenesys = sendBack;
    receive((command) => genesysCommands.push(command));
  });
  const fusion = fromCallback<FusionCommand, AdapterInput>(({ sendBack, receive }) => {
    toMachineFromFusion = sendBack;
    receive((command) => fusionCommands.push(command));
    if (options.fusionReady !== false) sendBack({ type: 'fusion.ready' });
  });

  // After-call work (on in the product) is off unless a test asks for it: tests of other concerns
  // would otherwise see the NotReady (AfterCallWork) every connected call ends with.
  const config: ToolbarConfig = { ...DEFAULT_CONFIG, afterCallWork: false, ...options.config };
  const machine = toolbarMachine.provide({
    actors: { genesys, fusion, ...(options.callLogic ? { call: options.callLogic as never } : {}) },
    ...(options.delays ? { delays: options.delays } : {}),
  });
  const actor = createActor(machine, { input: { config, ...(options.restored ? { restored: options.restored } : {}) }, ...(options.inspect ? { inspect: options.inspect } : {}) });
  actor.subscribe({ error: (error) => errors.push(error) });
  actor.start();

  const snapshot = () => actor.getSnapshot();
  const callRef = (name: string): CallRef | undefined => {
    const key = keyOf(name);
    return Object.hasOwn(snapshot().children, key) ? (snapshot().children[key] as CallRef) : undefined;
  };

  const driver = {
    actor,
    genesysCommands,
    fusionCommands,
    errors,
    snapshot,
    /** Push an event as the Genesys adapter would. */
    genesys(event: GenesysEvent) {
      if (!toMachineFromGenesys) throw new Error('genesys actor not started');
      toMachineFromGenesys(event);
      return driver;
    },
    /** Push an event as the Fusion adapter would. */
    fusion(event: FusionEvent) {
      if (!toMachineFromFusion) throw new Error('fusion actor not started');
      toMachineFromFusion(event);
      return driver;
    },
    send(event: ToolbarEvent) {
      actor.send(event);
      return driver;
    },
    /** Socket open and EventRegistered: the agent is available. */
    login() {
      return driver.genesys({ type: 'genesys.connected' }).genesys({ type: 'genesys.registered' });
    },
    ring(connectionId = 'c1', ani = '+15551230000', eventId = `ev-${connectionId}`) {
      return driver.genesys({ type: 'genesys.ringing', connectionId, eventId, ani });
    },
    established(connectionId = 'c1') {
      return driver.genesys({ type: 'genesys.established', connectionId });
    },
    released(connectionId = 'c1', callState?: string) {
      return driver.genesys({ type: 'genesys.released', connectionId, ...(callState ? { callState } : {}) });
    },
    answer(name = 'c1') {
      return driver.send({ type: 'call.accept', key: keyOf(name) });
    },
    decline(name = 'c1') {
      return driver.send({ type: 'call.reject', key: keyOf(name) });
    },
    hangUp(name = 'c1') {
      return driver.send({ type: 'call.hangup', key: keyOf(name) });
    },
    callRef,
    keyOf,
    callKeys: () => Object.keys(snapshot().context.calls),
    /** The live calls by test name (ConnID, or `dial:<eventId>`), in arrival order. */
    callNames: () => Object.keys(snapshot().context.calls).map(nameOf),
    callSnapshot(key = 'c1'): SnapshotFrom<CallMachine> | undefined {
      return callRef(key)?.getSnapshot();
    },
    /** 'call.ringing.alerting' checks a call (default c1, by name: see keyOf); 'agent.available' a root region. */
    expectState(path: string, key = 'c1') {
      const [head, ...rest] = path.split('.');
      if (head === 'call') {
        const call = driver.callSnapshot(key);
        expect(call, `call ${key} exists`).toBeDefined();
        expect(call?.matches(nest(rest) as never), `call ${key} in ${rest.join('.')}, is ${JSON.stringify(call?.value)}`).toBe(true);
      } else {
        expect(snapshot().matches(nest(path.split('.')) as never), `toolbar in ${path}, is ${JSON.stringify(snapshot().value)}`).toBe(true);
      }
      return driver;
    },
    lastGenesys: () => genesysCommands.at(-1),
    fusionOf<T extends FusionCommand['type']>(type: T) {
      return fusionCommands.filter((command): command is Extract<FusionCommand, { type: T }> => command.type === type);
    },
    genesysOf<T extends GenesysCommand['type']>(type: T) {
      return genesysCommands.filter((command): command is Extract<GenesysCommand, { type: T }> => command.type === type);
    },
    stop() {
      actor.stop();
    },
  };
  return driver;
}

export type Driver = ReturnType<typeof createDriver>;
export { keyOf, nameOf };

/** ['ringing','alerting'] → { ringing: 'alerting' }, the form `matches` takes. */
function nest(parts: string[]): string | Record<string, unknown> {
  const [first, ...rest] = parts;
  if (!first) throw new Error('empty state path');
  return rest.length === 0 ? first : { [first]: nest(rest) };
}
