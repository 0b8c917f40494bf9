/**
 * The Fusion side of the simulated UEF wire: accepts messages only from the toolbar frame's
 * origin and window, answers publishes per the configured behaviour, sends commands and events,
 * and logs every message both ways. No DOM: main.ts connects it to the page.
 */
import type { CommandEvent, HostMessage, JsonObject, JsonValue, SimBehaviour } from '../protocol';
import { FusionModel, type CommandNote, type HostState } from './fusion-model';
import { CHANNEL, looksLikeSimMessage, parseClientMessage } from './guards';

export interface LogEntry {
  seq: number;
  /** ms since the host started */
  at: number;
  from: 'toolbar' | 'fusion';
  /** init, subscribe, publish, publishResult, publishError, event, commandResult, rejected */
  type: string;
  /** operation, event or command name */
  name: string;
  eventId: string | null;
  data: JsonValue;
}

export interface CommandOutcome {
  /** success / failure from the toolbar, or rejected, timeout, not-subscribed, no-toolbar */
  result: string;
  resultDisplayString: string | null;
  outData: JsonValue;
}

export interface UefHostOptions {
  toolbarOrigin: string;
  /** True for the toolbar frame's window (`iframe.contentWindow`). */
  isToolbarWindow(source: unknown): boolean;
  post(message: HostMessage): void;
  agentId?: string;
  behaviour?: Partial<SimBehaviour>;
  now?: () => number;
  /** How long a command waits for the toolbar's result (default 20 s, beyond the adapter's 15 s). */
  commandTimeoutMs?: number;
}

export const DEFAULT_BEHAVIOUR: SimBehaviour = {
  publishMode: 'normal',
  slowMs: 2000,
  affects: [],
  plainResponses: false,
  rewriteEventId: false,
};

const LOG_LIMIT = 1000;

/** The call a message is about: its eventId, or an onOutgoingEvent's uuid. */
function idOf(data: JsonValue): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  if (typeof data.eventId === 'string') return data.eventId;
  return typeof data.uuid === 'string' ? data.uuid : null;
}
const TOOLBAR_NAME = 'GenesysToolbarSim';

interface Waiting {
  resolve(outcome: CommandOutcome): void;
  timer: ReturnType<typeof setTimeout>;
  note(outcome: CommandOutcome): void;
}

export class UefHost {
  readonly model: FusionModel;
  private behaviourNow: SimBehaviour;
  private clientId: string | null = null;
  private readonly entries: LogEntry[] = [];
  private seq = 0;
  private ids = 0;
  private readonly started: number;
  private readonly waiting = new Map<string, Waiting>();
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;

  constructor(private readonly options: UefHostOptions) {
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.behaviourNow = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
    this.model = new FusionModel(options.agentId ?? '', TOOLBAR_NAME, this.now);
  }

  /** The client id of the toolbar frame's current UEF client, once it initialised. */
  get toolbarClientId(): string | null {
    return this.clientId;
  }

  get state(): HostState {
    return this.model.state;
  }

  behaviour(): SimBehaviour {
    return { ...this.behaviourNow, affects: [...this.behaviourNow.affects] };
  }

  configure(patch: Partial<SimBehaviour>): SimBehaviour {
    this.behaviourNow = { ...this.behaviourNow, ...patch };
    this.changed();
    return this.behaviour();
  }

  log(): LogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  /** The entries after `seq` (the log view's increment, not a copy of all 1,000) and the oldest seq kept. */
  logAfter(seq: number): { entries: LogEntry[]; oldest: number | undefined } {
    let from = this.entries.length;
    while (from > 0 && this.entries[from - 1]!.seq > seq) from -= 1;
    return { entries: this.entries.slice(from).map((e) => ({ ...e })), oldest: this.entries[0]?.seq };
  }

  clearLog(): void {
    this.entries.length = 0;
    this.changed();
  }

  /** Called on every change of state or log; returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The window's `message` listener. */
  handleMessage(event: { data: unknown; origin: string; source: unknown }): void {
    if (event.origin !== this.options.toolbarOrigin || !this.options.isToolbarWindow(event.source)) {
      if (looksLikeSimMessage(event.data)) this.record('toolbar', 'rejected', `origin ${event.origin}`, null, null);
      return;
    }
    const message = parseClientMessage(event.data);
    if (typeof message === 'string') {
      this.record('toolbar', 'rejected', message, null, null);
      return;
    }
    if (message.type === 'init') {
      this.clientId = message.clientId; // a reloaded toolbar replaces the previous client
      this.model.connect(message.appName);
      this.record('toolbar', 'init', message.appName, null, { appName: message.appName, version: message.version });
      this.send({
        channel: CHANNEL,
        type: 'initResult',
        clientId: message.clientId,
        requestId: message.requestId,
        toolbarName: TOOLBAR_NAME,
        plainResponses: this.behaviourNow.plainResponses,
      });
      return;
    }
    if (message.clientId !== this.clientId) {
      this.record('toolbar', 'rejected', `unknown client ${message.clientId}`, null, null);
      return;
    }
    switch (message.type) {
      case 'subscribe':
        this.model.subscribe(message.event);
        this.record('toolbar', 'subscribe', message.event, null, { appClassification: message.appClassification });
        return;
      case 'unsubscribe':
        this.model.unsubscribe(message.event);
        this.record('toolbar', 'unsubscribe', message.event, null, null);
        return;
      case 'publish':
        this.onPublish(message.requestId, message.operation, message.fields, message.inData);
        return;
      case 'commandResult': {
        const waiting = this.waiting.get(message.commandId);
        const outcome = { result: message.result, resultDisplayString: message.resultDisplayString, outData: message.outData };
        this.record('toolbar', 'commandResult', message.result, null, { commandId: message.commandId, ...outcome });
        if (!waiting) return;
        this.waiting.delete(message.commandId);
        clearTimeout(waiting.timer);
        waiting.note(outcome);
        waiting.resolve(outcome);
        this.changed();
        return;
      }
    }
  }

  private onPublish(requestId: number, operation: string, fields: JsonObject, inData: JsonObject): void {
    const eventId = typeof fields.eventId === 'string' ? fields.eventId : typeof fields.commUuid === 'string' ? fields.commUuid : null;
    this.record('toolbar', 'publish', operation, eventId, { fields, inData });
    const b = this.behaviourNow;
    const mode = b.affects.length === 0 || b.affects.includes(operation) ? b.publishMode : 'normal';
    const clientId = this.clientId ?? '';
    const plainResponses = b.plainResponses;
    if (mode === 'reject') {
      const message = `simulated rejection of ${operation}`;
      this.send({ channel: CHANNEL, type: 'publishError', clientId, requestId, plainResponses, status: 'error', message });
      return;
    }
    const answer = (): void => {
      const result = this.model.publish(operation, fields, inData, b.rewriteEventId);
      if (mode === 'never') {
        this.changed(); // Fusion acted on it but never answered
        return;
      }
      if (result.ok) this.send({ channel: CHANNEL, type: 'publishResult', clientId, requestId, plainResponses, data: result.data });
      else this.send({ channel: CHANNEL, type: 'publishError', clientId, requestId, plainResponses, status: result.status, message: result.message });
    };
    if (mode === 'slow') setTimeout(answer, b.slowMs);
    else answer();
  }

  /** Sends a controllable command (Answer, Decline, End Call, availability buttons). */
  sendCommand(event: CommandEvent, command: string, eventId?: string, inData: JsonObject = {}): Promise<CommandOutcome> {
    const engagement = eventId ? this.model.find(eventId) : undefined;
    const note = (outcome: CommandOutcome): void => {
      const n: CommandNote = { command, result: outcome.result, message: outcome.resultDisplayString };
      if (engagement) engagement.lastCommand = n;
      else if (event === 'onToolbarAgentCommand') this.model.state.lastAgentCommand = n;
    };
    const unanswered = (result: string): Promise<CommandOutcome> => {
      const outcome = { result, resultDisplayString: null, outData: null };
      note(outcome);
      this.record('fusion', 'event', `${event}:${command}`, eventId ?? null, { result });
      return Promise.resolve(outcome);
    };
    if (!this.clientId) return unanswered('no-toolbar');
    if (!this.model.state.toolbar.subscriptions.includes(event)) return unanswered('not-subscribed');
    const commandId = `cmd-${++this.ids}`;
    const data: JsonObject = {
      command,
      commandId,
      eventId: engagement?.fusionEventId ?? eventId ?? null,
      inData,
      outData: null,
      result: 'needsSetByToolbar',
      resultDisplayString: null,
      slot: null,
      timeStamp: this.now(),
      method: event,
      channel: 'PHONE',
      channelType: 'ORA_SVC_PHONE',
      toolbarName: TOOLBAR_NAME,
    };
    const timeoutMs = this.options.commandTimeoutMs ?? 20_000;
    return new Promise<CommandOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(commandId);
        const outcome = { result: 'timeout', resultDisplayString: `no result in ${timeoutMs} ms`, outData: null };
        note(outcome);
        this.changed();
        resolve(outcome);
      }, timeoutMs);
      this.waiting.set(commandId, { resolve, timer, note });
      note({ result: 'pending', resultDisplayString: null, outData: null });
      this.sendEvent(event, commandId, data);
    });
  }

  /** Click-to-dial: onOutgoingEvent with a fresh uuid, returned. */
  dial(number: string, displayName?: string, contactId?: string): string {
    const uuid = `out-${this.now().toString(36)}-${++this.ids}`;
    const outData: JsonObject = {
      SVCMCA_ANI: number,
      SVCMCA_COMMUNICATION_DIRECTION: 'ORA_SVC_OUTBOUND',
      ...(displayName ? { SVCMCA_DISPLAY_NAME: displayName } : {}),
      ...(contactId ? { SVCMCA_CONTACT_ID: contactId } : {}),
    };
    this.sendEvent('onOutgoingEvent', null, { outData, uuid, method: 'onOutgoingEvent', channel: 'PHONE', toolbarName: TOOLBAR_NAME });
    return uuid;
  }

  /** onDataUpdated (OFFER_TIMEOUT, WRAPUP_CLOSED, CUSTOMER_DATA). */
  dataUpdated(updateType: string, eventId: string): void {
    const id = this.model.find(eventId)?.fusionEventId ?? eventId;
    this.sendEvent('onDataUpdated', null, { eventId: id, outData: { updateType }, method: 'onDataUpdated' });
  }

  /** The Wrap Up window's Save and Close. */
  saveWrapup(eventId: string): void {
    const engagement = this.model.closeWrapup(eventId);
    this.dataUpdated('WRAPUP_CLOSED', engagement?.fusionEventId ?? eventId);
  }

  private sendEvent(event: string, commandId: string | null, data: JsonObject): void {
    const eventId = idOf(data);
    const name = typeof data.command === 'string' ? `${event}:${data.command}` : event;
    if (!this.clientId) {
      this.record('fusion', 'event', name, eventId, { undelivered: 'no toolbar', ...data });
      return;
    }
    this.send({ channel: CHANNEL, type: 'event', clientId: this.clientId, event, commandId, plainResponses: this.behaviourNow.plainResponses, data });
  }

  private send(message: HostMessage): void {
    const name =
      message.type === 'event'
        ? typeof message.data.command === 'string'
          ? `${message.event}:${message.data.command}`
          : message.event
        : message.type === 'publishResult'
          ? String(message.data.method ?? '')
          : message.type === 'publishError'
            ? message.message
            : message.toolbarName;
    const data: JsonValue = message.type === 'event' || message.type === 'publishResult' ? message.data : null;
    const eventId = idOf(data);
    this.record('fusion', message.type, name, eventId, data);
    this.options.post(message);
  }

  private record(from: LogEntry['from'], type: string, name: string, eventId: string | null, data: JsonValue): void {
    this.entries.push({ seq: ++this.seq, at: this.now() - this.started, from, type, name, eventId, data });
    if (this.entries.length > LOG_LIMIT) this.entries.splice(0, this.entries.length - LOG_LIMIT);
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
