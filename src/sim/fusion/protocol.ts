/**
 * The postMessage protocol between the simulated UEF client (inside the toolbar frame) and the
 * Fusion host page. Types only, so uef-client.ts can import it and still have no runtime imports.
 * Ours, not Oracle's: the real client's wire format is private to Oracle.
 */

/** Every message carries this marker; anything else on the window is ignored. */
export type SimChannel = 'fusion-uef-sim/1';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** How the host answers the toolbar's publishes (window.__fusionSim.configure). */
export interface SimBehaviour {
  /** normal: answer at once; slow: after slowMs; never: no answer; reject: reject with an error. */
  publishMode: 'normal' | 'slow' | 'never' | 'reject';
  slowMs: number;
  /** Operations publishMode applies to; empty = all. */
  affects: string[];
  /** Plain `responseDetails` objects instead of getter objects (protocol.md 2.1). */
  plainResponses: boolean;
  /** Answer newCommEvent with Fusion's own eventId (protocol.md 5.2). */
  rewriteEventId: boolean;
}

export type ClientMessage =
  | { channel: SimChannel; type: 'init'; clientId: string; requestId: number; appName: string; version: string }
  | { channel: SimChannel; type: 'subscribe'; clientId: string; event: string; appClassification: string | null }
  | { channel: SimChannel; type: 'unsubscribe'; clientId: string; event: string }
  | {
      channel: SimChannel;
      type: 'publish';
      clientId: string;
      requestId: number;
      operation: string;
      fields: JsonObject;
      inData: JsonObject;
    }
  | {
      channel: SimChannel;
      type: 'commandResult';
      clientId: string;
      commandId: string;
      result: string;
      resultDisplayString: string | null;
      outData: JsonValue;
    };

export type HostMessage =
  | { channel: SimChannel; type: 'initResult'; clientId: string; requestId: number; toolbarName: string; plainResponses: boolean }
  | {
      channel: SimChannel;
      type: 'publishResult';
      clientId: string;
      requestId: number;
      plainResponses: boolean;
      /** The response payload: `{eventId, result, method, …, outData}`. */
      data: JsonObject;
    }
  | {
      channel: SimChannel;
      type: 'publishError';
      clientId: string;
      requestId: number;
      plainResponses: boolean;
      status: string;
      message: string;
    }
  | {
      channel: SimChannel;
      type: 'event';
      clientId: string;
      event: string;
      /** Set for controllable events: the client answers with commandResult. */
      commandId: string | null;
      plainResponses: boolean;
      data: JsonObject;
    };

/** Controllable events (the callback's promise carries the toolbar's result). */
export type CommandEvent = 'onToolbarInteractionCommand' | 'onToolbarAgentCommand';

/** Where `window.CX_SVC_UI_EVENTS_FRAMEWORK` comes from in dev and in a build. */
export const UEF_CLIENT_DEV_PATH = 'src/sim/fusion/uef-client.ts';
export const UEF_CLIENT_BUILD_PATH = 'sim/uef-client.js';
