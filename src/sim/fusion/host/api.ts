/**
 * `window.__fusionSim`: the test handle on the host page (README.md beside the host folder).
 * Everything returned is plain data, so Playwright's evaluate() can carry it out.
 */
import type { CommandEvent, JsonObject, SimBehaviour } from '../protocol';
import type { HostState } from './fusion-model';
import type { CommandOutcome, LogEntry, UefHost } from './uef-host';

export interface FusionSimApi {
  configure(patch: Partial<SimBehaviour>): SimBehaviour;
  behaviour(): SimBehaviour;
  log(): LogEntry[];
  clearLog(): void;
  state(): HostState;
  sendCommand(event: CommandEvent, command: string, eventId?: string, inData?: JsonObject): Promise<CommandOutcome>;
  dial(number: string, displayName?: string): string;
  dataUpdated(updateType: string, eventId: string): void;
  toolbarUrl: string;
  toolbarOrigin: string;
}

export function createApi(host: UefHost, toolbarUrl: string, toolbarOrigin: string): FusionSimApi {
  return {
    configure: (patch) => host.configure(patch),
    behaviour: () => host.behaviour(),
    log: () => host.log(),
    clearLog: () => host.clearLog(),
    state: () => JSON.parse(JSON.stringify(host.state)) as HostState,
    sendCommand: (event, command, eventId, inData) => host.sendCommand(event, command, eventId, inData),
    dial: (number, displayName) => host.dial(number, displayName),
    dataUpdated: (updateType, eventId) => host.dataUpdated(updateType, eventId),
    toolbarUrl,
    toolbarOrigin,
  };
}
