/**
 * Simulated UEF client library for the toolbar frame: defines `window.CX_SVC_UI_EVENTS_FRAMEWORK`
 * with the API surface the adapter uses and talks to the Fusion host page by postMessage.
 * A classic script: no imports or exports at all (Vite serves it as is in dev; see README.md).
 */
// Types come in through import() type queries: an import declaration would make this file a
// module, and Vite would then append `export {}`, which a classic script cannot parse.
(() => {
  type ClientMessage = import('./protocol').ClientMessage;
  type HostMessage = import('./protocol').HostMessage;
  type JsonObject = import('./protocol').JsonObject;
  type JsonValue = import('./protocol').JsonValue;
  const CHANNEL: import('./protocol').SimChannel = 'fusion-uef-sim/1';
  type Obj = Record<string, unknown>;
  type Callback = (response: unknown) => unknown;
  type Win = Window & { CX_SVC_UI_EVENTS_FRAMEWORK?: unknown };

  const win = window as Win;
  if (win.CX_SVC_UI_EVENTS_FRAMEWORK !== undefined) return; // loaded twice: keep the first

  // Only the host that served this script may talk to it (the real client pins its origin too).
  const current: unknown = document.currentScript;
  const src = typeof current === 'object' && current !== null && 'src' in current ? current.src : undefined;
  if (typeof src !== 'string' || src === '') {
    console.error('[uef-sim] cannot tell which origin served this script; not installing');
    return;
  }
  const hostOrigin = new URL(src).origin;
  const host = window.parent;
  const clientId = Math.random().toString(36).slice(2) + Date.now().toString(36);

  const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
  const toJson = (value: unknown): JsonValue => {
    if (value === undefined) return null;
    try {
      return JSON.parse(JSON.stringify(value)) as JsonValue;
    } catch {
      return null;
    }
  };
  const toJsonObject = (value: unknown): JsonObject => {
    const json = toJson(value);
    return isObj(json) && !Array.isArray(json) ? (json as JsonObject) : {};
  };
  const post = (message: ClientMessage): void => host.postMessage(message, hostOrigin);

  // ---- requests -------------------------------------------------------------------------
  const SETTERS: Record<string, readonly string[]> = {
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
      'setInData',
    ],
    getConfigurationOperation: ['setConfigType'],
    disableFeatureOperation: ['setFeatures'],
    readyForOperationOperation: ['setReadiness'],
  };
  const IN_DATA_OPERATIONS = new Set(['newCommEvent', 'startCommEvent', 'closeCommEvent']);
  const IN_DATA_SETTERS = [
    'setCallDestination', 'setCallDirection', 'setAppClassification', 'setNotificationType', 'setLookupObject',
    'setCallSource', 'setCallStatus', 'setChannelType', 'setComPanelMsg1', 'setComPanelMsg2', 'setComPanelQName1',
    'setComPanelQName2', 'setComPanelQName3', 'setAverageWaitTime', 'setNumberOfCalls', 'setAgentMsg2ComPanel',
    'setPhoneLineId', 'setChannel', 'setSVCMCA_ANI', 'setSVCMCA_WRAPUP_TIMEOUT', 'setSVCMCA_OFFER_TIMEOUT_SEC',
    'setSVCMCA_COMMUNICATION_DIRECTION', 'setSVCMCA_SR_NUM', 'setSVCMCA_CONTACT_ID', 'setSVCMCA_DISPLAY_NAME',
  ];
  /** `setEventId` → `eventId`, `setSVCMCA_ANI` → `SVCMCA_ANI`. */
  const fieldName = (setter: string): string => {
    const name = setter.slice(3);
    return name.startsWith('SVCMCA_') ? name : name.charAt(0).toLowerCase() + name.slice(1);
  };

  interface PublishPayload {
    operation: string;
    fields: JsonObject;
    inData: JsonObject;
  }
  const publishPayloads = new WeakMap<object, PublishPayload>();
  const subscriptionPayloads = new WeakMap<object, { event: string; appClassification: string | null }>();

  function createPublishRequest(operation: string): Obj {
    const payload: PublishPayload = { operation, fields: {}, inData: {} };
    const request: Obj = {
      getOperationName: () => operation,
      setPropagateToTabs: (value: boolean) => {
        payload.fields.propagateToTabs = value;
      },
      isPropagateToTabsEnabled: () => payload.fields.propagateToTabs === true,
    };
    for (const setter of SETTERS[operation] ?? []) {
      request[setter] = (value: unknown) => {
        payload.fields[fieldName(setter)] = toJson(value);
      };
    }
    if (IN_DATA_OPERATIONS.has(operation)) {
      const inData: Obj = {
        setInDataValueByAttribute: (key: string, value: unknown) => {
          payload.inData[key] = toJson(value);
        },
      };
      for (const setter of IN_DATA_SETTERS) {
        inData[setter] = (value: unknown) => {
          payload.inData[fieldName(setter)] = toJson(value);
        };
      }
      request.getInData = () => inData;
      request.setInputData = (value: unknown) => Object.assign(payload.inData, toJsonObject(value));
    }
    publishPayloads.set(request, payload);
    return request;
  }

  function createSubscriptionRequest(event: string): Obj {
    const payload = { event, appClassification: null as string | null };
    const request: Obj = {
      getEventName: () => event,
      setAppClassification: (value: string) => {
        payload.appClassification = value;
      },
    };
    subscriptionPayloads.set(request, payload);
    return request;
  }

  // ---- responses -------------------------------------------------------------------------
  const valueGetters = (data: Obj): Obj => {
    const getters: Obj = { getValueByAttribute: (key: string) => data[key] ?? null };
    for (const key of Object.keys(data)) getters[`get${key}`] = () => data[key];
    return getters;
  };

  function publishResponse(data: JsonObject, plain: boolean): unknown {
    if (plain) return { responseDetails: { data: { payload: data } } };
    const outData = isObj(data.outData) ? data.outData : {};
    const configuration = isObj(data.configuration) ? data.configuration : {};
    const responseData = {
      getData: () => data,
      getOutData: () => outData,
      getOutputData: () => valueGetters(outData),
      getEngagementContext: () => ({ getEngagementId: () => data.engagementId ?? null }),
      getConfiguration: () => ({
        getAgentId: () => configuration.agentId ?? null,
        getAgentPartyId: () => configuration.agentPartyId ?? null,
        getFeatures: () => configuration.features ?? [],
      }),
      isSuccess: () => data.result === 'success',
      getError: () => data.error ?? null,
    };
    return { getResponseData: () => responseData, isSuccess: responseData.isSuccess, getError: responseData.getError };
  }

  function errorData(status: string, message: string, plain: boolean): unknown {
    if (plain) return { status, message, errorDetails: null };
    return { getStatus: () => status, getMessage: () => message, getErrorDetails: () => null };
  }

  /** The event response; `raw` stays live so the toolbar's setResult/setOutdata are read back. */
  function eventResponse(event: string, raw: Obj, plain: boolean): unknown {
    if (plain) return { responseDetails: raw };
    const outData = (): Obj => (isObj(raw.outData) ? raw.outData : {});
    const data: Obj = {
      getData: () => raw,
      getEventId: () => raw.eventId ?? null,
      getOutData: outData,
      getOutputData: () => ({ ...valueGetters(outData()), getUpdateType: () => outData().updateType ?? null }),
    };
    if (event === 'onToolbarInteractionCommand' || event === 'onToolbarAgentCommand') {
      Object.assign(data, {
        getCommand: () => raw.command,
        getSlot: () => raw.slot ?? null,
        getInData: () => raw.inData ?? {},
        getResult: () => raw.result,
        getResultDisplayString: () => raw.resultDisplayString ?? null,
        getOutdata: () => raw.outData ?? null,
        setOutdata: (value: unknown) => {
          raw.outData = value;
        },
        setResult: (value: string) => {
          raw.result = value;
        },
      });
    }
    return { getResponseData: () => data };
  }

  // ---- wire ------------------------------------------------------------------------------
  let nextRequestId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (reason: unknown) => void }>();
  const subscribers = new Map<string, Set<Callback>>();
  let toolbarName = '';

  function request(message: ClientMessage & { requestId: number }): Promise<unknown> {
    return new Promise((resolve, reject) => {
      waiting.set(message.requestId, { resolve, reject });
      post(message);
    });
  }

  function isHostMessage(value: unknown): value is HostMessage {
    return isObj(value) && value.channel === CHANNEL && value.clientId === clientId && typeof value.type === 'string';
  }

  async function deliver(event: string, commandId: string | null, data: JsonObject, plain: boolean): Promise<void> {
    const callbacks = [...(subscribers.get(event) ?? [])];
    const raw: Obj = { ...data };
    const outcomes = callbacks.map((callback) => {
      try {
        return Promise.resolve(callback(eventResponse(event, raw, plain)));
      } catch (error) {
        return Promise.reject(error);
      }
    });
    if (commandId === null) return;
    if (outcomes.length === 0) {
      post({ channel: CHANNEL, type: 'commandResult', clientId, commandId, result: 'failure', resultDisplayString: 'no subscriber', outData: null });
      return;
    }
    try {
      await outcomes[0];
      const display = raw.resultDisplayString;
      post({
        channel: CHANNEL,
        type: 'commandResult',
        clientId,
        commandId,
        result: typeof raw.result === 'string' ? raw.result : 'needsSetByToolbar',
        resultDisplayString: typeof display === 'string' ? display : null,
        outData: toJson(raw.outData),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      post({ channel: CHANNEL, type: 'commandResult', clientId, commandId, result: 'rejected', resultDisplayString: message, outData: null });
    }
  }

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.origin !== hostOrigin || event.source !== host) return;
    const message = event.data;
    if (!isHostMessage(message)) return;
    if (message.type === 'event') {
      void deliver(message.event, message.commandId, message.data, message.plainResponses);
      return;
    }
    const waiter = waiting.get(message.requestId);
    if (!waiter) return;
    waiting.delete(message.requestId);
    if (message.type === 'initResult') {
      toolbarName = message.toolbarName;
      waiter.resolve(undefined);
    } else if (message.type === 'publishResult') {
      waiter.resolve(publishResponse(message.data, message.plainResponses));
    } else {
      waiter.reject(errorData(message.status, message.message, message.plainResponses));
    }
  });

  // ---- API -------------------------------------------------------------------------------
  const CLASSIFIED = new Set(['onOutgoingEvent', 'onDataUpdated']);

  function subscribe(subscription: unknown, callback: Callback, once = false): Obj {
    const payload = isObj(subscription) ? subscriptionPayloads.get(subscription) : undefined;
    if (!payload) throw new Error('not a subscription request of this client');
    if (typeof callback !== 'function') throw new Error('subscribe needs a callback');
    // The real client throws this for non-controllable events (protocol.md 5.8).
    if (CLASSIFIED.has(payload.event) && !payload.appClassification) throw new Error('App Classification missing in payload');
    const { event } = payload;
    const set = subscribers.get(event) ?? new Set<Callback>();
    subscribers.set(event, set);
    const registered: Callback = once
      ? (response) => {
          dispose();
          return callback(response);
        }
      : callback;
    set.add(registered);
    post({ channel: CHANNEL, type: 'subscribe', clientId, event, appClassification: payload.appClassification });
    function dispose(): void {
      if (set.delete(registered)) post({ channel: CHANNEL, type: 'unsubscribe', clientId, event });
    }
    return { dispose, getSubscriptionId: () => `${event}:${clientId}` };
  }

  function publish(operationRequest: unknown): Promise<unknown> {
    const payload = isObj(operationRequest) ? publishPayloads.get(operationRequest) : undefined;
    if (!payload) return Promise.reject(errorData('error', 'not a publish request of this client', false));
    const requestId = nextRequestId++;
    return request({ channel: CHANNEL, type: 'publish', clientId, requestId, ...payload });
  }

  const phone = {
    getChannelType: () => 'PHONE',
    getChannel: () => 'PHONE',
    getFrameOrigin: () => hostOrigin,
    getToolbarName: () => toolbarName,
    getVersion: () => 'v1',
    getSupportedEvents: () => ['onToolbarInteractionCommand', 'onToolbarAgentCommand', 'onOutgoingEvent', 'onDataUpdated'],
    getSupportedActions: () => Object.keys(SETTERS),
    subscribe: (req: unknown, callback: Callback) => subscribe(req, callback),
    subscribeOnce: (req: unknown, callback: Callback) => subscribe(req, callback, true),
    publish,
    dispose: () => subscribers.clear(),
  };
  const mca = {
    getActiveChannels: async () => ['PHONE'],
    getCommunicationChannelContext: async (channelType: string) => {
      if (channelType !== 'PHONE') throw new Error(`channel ${channelType} is not simulated`);
      return phone;
    },
  };

  let provider: Promise<unknown> | undefined;
  win.CX_SVC_UI_EVENTS_FRAMEWORK = {
    uiEventsFramework: {
      initialize(appName: string, version: string): Promise<unknown> {
        if (host === window) return Promise.reject(new Error('not inside a Fusion frame'));
        provider ??= request({ channel: CHANNEL, type: 'init', clientId, requestId: nextRequestId++, appName, version }).then(() => ({
          requestHelper: { createPublishRequest, createSubscriptionRequest },
          getMultiChannelAdaptorContext: async () => mca,
          getApplicationName: () => appName,
          getVersion: () => version,
          dispose: () => subscribers.clear(),
        }));
        return provider;
      },
    },
  };
})();
