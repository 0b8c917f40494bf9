/**
 * Our own declarations of the UEF subset the adapter uses (protocol.md 2.1-2.4).
 * Oracle's uiEventsFramework.d.ts is not vendored; everything UEF returns is still
 * treated as unknown and checked at run time (see responses.ts).
 */

/** `window.CX_SVC_UI_EVENTS_FRAMEWORK`. */
export interface UefGlobal {
  uiEventsFramework: {
    initialize(applicationName: string, version: string): Promise<UefProvider>;
  };
}

export interface UefProvider {
  requestHelper: UefRequestHelper;
  getMultiChannelAdaptorContext(): Promise<UefMultiChannelContext>;
}

export interface UefRequestHelper {
  createPublishRequest(operationName: string): UefOperationRequest;
  createSubscriptionRequest(eventName: string): UefEventRequest;
}

export interface UefMultiChannelContext {
  getCommunicationChannelContext(channelType: 'PHONE'): Promise<UefPhoneContext>;
}

/** What `subscribe` returns; only `dispose` is used. */
export interface UefSubscription {
  dispose?(): void;
}

export interface UefPhoneContext {
  subscribe(request: UefEventRequest, callback: (response: unknown) => unknown): UefSubscription | undefined;
  publish(request: UefOperationRequest): Promise<unknown>;
}

export interface UefEventRequest {
  setAppClassification?(classification: string): void;
}

export interface UefOperationRequest {
  getOperationName?(): string;
}

export interface UefInDataRequest {
  setInDataValueByAttribute(attribute: string, value: unknown): void;
}

/** newCommEvent, startCommEvent, closeCommEvent. */
export interface UefCommRequest extends UefOperationRequest {
  setAppClassification(classification: string): void;
  setEventId(eventId: string): void;
  getInData(): UefInDataRequest;
}

export interface UefCloseCommRequest extends UefCommRequest {
  setReason(reason: string): void;
}

export interface UefOutboundErrorRequest extends UefOperationRequest {
  setCommUuid(uuid: string): void;
  setErrorCode(code: string): void;
  setErrorMsg(message: string): void;
}

export interface UefAgentStateRequest extends UefOperationRequest {
  setEventId(eventId: string): void;
  setIsAvailable(available: boolean): void;
  setIsLoggedIn(loggedIn: boolean): void;
  setState(state: string): void;
  setStateDisplayString(text: string): void;
  setReason(reason: string | null): void;
  setReasonDisplayString(text: string): void;
}

export interface UefGetConfigurationRequest extends UefOperationRequest {
  setConfigType(configType: 'TOOLBAR'): void;
}

export interface UefReadyForOperationRequest extends UefOperationRequest {
  setReadiness(ready: boolean): void;
}

/** Exact operation strings for `createPublishRequest` (protocol.md 2.2). */
export type UefOperation =
  | 'newCommEvent'
  | 'startCommEvent'
  | 'closeCommEvent'
  | 'outboundCommError'
  | 'agentStateEventOperation'
  | 'getConfigurationOperation'
  | 'readyForOperationOperation';

/** Exact event strings for `createSubscriptionRequest` (protocol.md 2.4). */
export type UefEventName = 'onToolbarInteractionCommand' | 'onToolbarAgentCommand' | 'onOutgoingEvent' | 'onDataUpdated';

/** inData/outData values as UEF carries them. */
export type UefData = Record<string, string | number | boolean | null>;
