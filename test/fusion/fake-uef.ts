/**
 * A recording fake of the UEF client: every call, publish (operation, setters, inData) and
 * subscription is recorded; tests script publish answers and fire Fusion events.
 */

export type Json = string | number | boolean | null;

export interface PublishRecord {
  operation: string;
  /** Setter values by field name (`setEventId('x')` → `{ eventId: 'x' }`). */
  fields: Record<string, unknown>;
  inData: Record<string, unknown>;
}

/** How one publish is answered. */
export type Answer =
  | { kind: 'resolve'; outData?: Record<string, Json>; eventId?: string; delayMs?: number }
  | { kind: 'reject'; message: string }
  | { kind: 'never' }
  | { kind: 'throw'; message: string };

export interface FakeUefOptions {
  /** Plain `responseDetails` objects instead of getter objects (protocol.md 2.1). */
  plain?: boolean;
  /** Events whose subscribe throws synchronously. */
  subscribeThrows?: string[];
  /** initialize rejects with this message. */
  initRejects?: string;
}

type Callback = (response: unknown) => unknown;

const SETTERS: Record<string, string[]> = {
  newCommEvent: ['setAppClassification', 'setEventId', 'setLookupObject'],
  startCommEvent: ['setAppClassification', 'setEventId'],
  closeCommEvent: ['setAppClassification', 'setEventId', 'setReason'],
  outboundCommError: ['setCommUuid', 'setErrorCode', 'setErrorMsg'],
  agentStateEventOperation: [
    'setEventId',
    'setIsAvailable',
    'setIsLoggedIn',
    'setState',
    'setStateDisplayString',
    'setReason',
    'setReasonDisplayString',
  ],
  getConfigurationOperation: ['setConfigType'],
  readyForOperationOperation: ['setReadiness'],
};
const WITH_IN_DATA = new Set(['newCommEvent', 'startCommEvent', 'closeCommEvent']);

function fieldName(setter: string): string {
  const name = setter.slice(3);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function makeRequest(operation: string): { request: Record<string, unknown>; record: PublishRecord } {
  const record: PublishRecord = { operation, fields: {}, inData: {} };
  const request: Record<string, unknown> = { getOperationName: () => operation };
  for (const setter of SETTERS[operation] ?? []) {
    request[setter] = (value: unknown) => {
      record.fields[fieldName(setter)] = value;
    };
  }
  if (WITH_IN_DATA.has(operation)) {
    const inData = {
      setInDataValueByAttribute: (key: string, value: unknown) => {
        record.inData[key] = value;
      },
    };
    request.getInData = () => inData;
  }
  return { request, record };
}

export class FakeUef {
  readonly calls: string[] = [];
  readonly publishes: PublishRecord[] = [];
  readonly subscriptions = new Map<string, Callback[]>();
  /** appClassification set on each subscription request. */
  readonly subscriptionClassification = new Map<string, unknown>();
  private readonly answers = new Map<string, Answer[]>();
  private readonly defaults = new Map<string, Answer>();
  readonly global: { uiEventsFramework: { initialize(app: string, version: string): Promise<unknown> } };

  constructor(private readonly options: FakeUefOptions = {}) {
    const phone = {
      subscribe: (request: Record<string, unknown>, callback: Callback) => {
        const event = String(request.eventName);
        this.calls.push(`subscribe:${event}`);
        if (options.subscribeThrows?.includes(event)) throw new Error(`subscribe ${event} refused`);
        this.subscriptionClassification.set(event, request.appClassification);
        this.subscriptions.set(event, [...(this.subscriptions.get(event) ?? []), callback]);
        return { dispose: () => undefined };
      },
      publish: (request: { record?: PublishRecord }) => this.publish(request),
    };
    const requestHelper = {
      createPublishRequest: (operation: string) => {
        const { request, record } = makeRequest(operation);
        request.record = record;
        return request;
      },
      createSubscriptionRequest: (eventName: string) => {
        const request: Record<string, unknown> = { eventName };
        request.setAppClassification = (value: string) => {
          request.appClassification = value;
        };
        return request;
      },
    };
    const mca = {
      getCommunicationChannelContext: async (channel: string) => {
        this.calls.push(`getCommunicationChannelContext:${channel}`);
        return phone;
      },
    };
    const provider = {
      requestHelper,
      getMultiChannelAdaptorContext: async () => {
        this.calls.push('getMultiChannelAdaptorContext');
        return mca;
      },
    };
    this.global = {
      uiEventsFramework: {
        initialize: async (app: string, version: string) => {
          this.calls.push(`initialize:${app}:${version}`);
          if (options.initRejects) throw new Error(options.initRejects);
          return provider;
        },
      },
    };
  }

  /** Answers the next publish of `operation` (queued, in order). */
  answerNext(operation: string, answer: Answer): void {
    this.answers.set(operation, [...(this.answers.get(operation) ?? []), answer]);
  }

  /** Answers every publish of `operation` without a queued answer. */
  answerAlways(operation: string, answer: Answer): void {
    this.defaults.set(operation, answer);
  }

  published(operation?: string): PublishRecord[] {
    return operation ? this.publishes.filter((p) => p.operation === operation) : [...this.publishes];
  }

  private publish(request: { record?: PublishRecord }): Promise<unknown> {
    const record = request.record;
    if (!record) return Promise.reject(new Error('not a request of this fake'));
    this.calls.push(`publish:${record.operation}`);
    this.publishes.push(record);
    const queued = this.answers.get(record.operation);
    const answer = queued?.shift() ?? this.defaults.get(record.operation) ?? { kind: 'resolve' };
    switch (answer.kind) {
      case 'never':
        return new Promise(() => undefined);
      case 'throw':
        throw new Error(answer.message);
      case 'reject':
        return Promise.reject(this.errorData(answer.message));
      case 'resolve': {
        const response = this.response(record, answer);
        if (!answer.delayMs) return Promise.resolve(response);
        return new Promise((resolve) => setTimeout(() => resolve(response), answer.delayMs));
      }
    }
  }

  private errorData(message: string): unknown {
    if (this.options.plain) return { status: 'error', message };
    return { getStatus: () => 'error', getMessage: () => message, getErrorDetails: () => ({}) };
  }

  private response(record: PublishRecord, answer: Extract<Answer, { kind: 'resolve' }>): unknown {
    const eventId = answer.eventId ?? record.fields.eventId;
    const data = { eventId, result: 'success', method: record.operation };
    const outData = answer.outData;
    if (this.options.plain) return { responseDetails: { data: { payload: { ...data, outData } } } };
    return {
      getResponseData: () => ({ getData: () => data, getOutData: () => outData }),
    };
  }

  /** Delivers a controllable command; resolves with what the toolbar set on it. */
  async command(
    event: 'onToolbarInteractionCommand' | 'onToolbarAgentCommand',
    command: string,
    eventId?: string,
    inData: Record<string, Json> = {},
  ): Promise<{ result: unknown; resultDisplayString: unknown; outData: unknown; resolved: unknown }> {
    const raw: Record<string, unknown> = { command, eventId, inData, result: 'needsSetByToolbar', commandId: 'c1' };
    let outData: unknown;
    const response = this.options.plain
      ? { responseDetails: raw }
      : {
          getResponseData: () => ({
            getData: () => raw,
            getCommand: () => raw.command,
            getEventId: () => raw.eventId,
            getInData: () => raw.inData,
            getResult: () => raw.result,
            setResult: (value: string) => {
              raw.result = value;
            },
            getOutdata: () => outData,
            setOutdata: (value: unknown) => {
              outData = value;
            },
          }),
        };
    const resolved = await this.fire(event, response);
    return { result: raw.result, resultDisplayString: raw.resultDisplayString, outData: outData ?? raw.outData, resolved };
  }

  /** Delivers onOutgoingEvent (click-to-dial). */
  outgoing(outData: Record<string, Json>, uuid?: string): void {
    const data = { outData, uuid, method: 'onOutgoingEvent' };
    const response = this.options.plain
      ? { responseDetails: data }
      : { getResponseData: () => ({ getData: () => data, getOutData: () => outData }) };
    void this.fire('onOutgoingEvent', response);
  }

  /** Delivers onDataUpdated. */
  dataUpdated(updateType: string, eventId: string): void {
    const outData = { updateType };
    const response = this.options.plain
      ? { responseDetails: { eventId, outData } }
      : {
          getResponseData: () => ({
            getData: () => ({ eventId, outData }),
            getEventId: () => eventId,
            getOutData: () => outData,
            getOutputData: () => ({ getUpdateType: () => updateType }),
          }),
        };
    void this.fire('onDataUpdated', response);
  }

  private fire(event: string, response: unknown): Promise<unknown> {
    const callbacks = this.subscriptions.get(event) ?? [];
    if (callbacks.length === 0) return Promise.reject(new Error(`no subscription to ${event}`));
    return Promise.all(callbacks.map((cb) => cb(response))).then((results) => results[0]);
  }
}
