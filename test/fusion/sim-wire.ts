/**
 * Connects the real uef-client (installed into the jsdom window, which plays the toolbar frame)
 * to a UefHost through a fake postMessage pair that enforces target origins both ways.
 */
import { vi } from 'vitest';
import { UefHost, type UefHostOptions } from '../../src/sim/fusion/host/uef-host';
import type { HostMessage } from '../../src/sim/fusion/protocol';

export const HOST_ORIGIN = 'http://127.0.0.1:5173';
export const UEF_SCRIPT = `${HOST_ORIGIN}/src/sim/fusion/uef-client.ts`;

export interface Wire {
  host: UefHost;
  /** The toolbar frame's window as the host sees it (event.source of the client's messages). */
  frameToken: object;
  /** Stands in for window.parent inside the frame. */
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  /** Messages that were addressed to a wrong origin and therefore dropped. */
  misdirected: { to: string; message: unknown }[];
  /** Delivers a message to the frame as if from `origin`/`source`. */
  deliverToFrame(message: unknown, origin: string, source: unknown): void;
}

function dispatchToFrame(message: unknown, origin: string, source: unknown): void {
  const event = new MessageEvent('message', { data: structuredClone(message), origin });
  Object.defineProperty(event, 'source', { value: source });
  window.dispatchEvent(event);
}

/** Installs a fresh uef-client in this jsdom window and wires it to a new host. */
export async function connectSim(options: Partial<UefHostOptions> = {}): Promise<Wire> {
  const toolbarOrigin = window.location.origin;
  const frameToken = {};
  const misdirected: Wire['misdirected'] = [];
  let host: UefHost | undefined;
  const parent = {
    postMessage(message: unknown, targetOrigin: string) {
      // The browser drops a message whose target origin is not the receiver's.
      if (targetOrigin !== HOST_ORIGIN) return void misdirected.push({ to: targetOrigin, message });
      setTimeout(() => host?.handleMessage({ data: structuredClone(message), origin: toolbarOrigin, source: frameToken }), 0);
    },
  };
  host = new UefHost({
    toolbarOrigin,
    isToolbarWindow: (source) => source === frameToken,
    post: (message: HostMessage) => setTimeout(() => dispatchToFrame(message, HOST_ORIGIN, parent), 0),
    commandTimeoutMs: 2000,
    ...options,
  });
  Object.defineProperty(window, 'parent', { value: parent, configurable: true, writable: true });
  Object.defineProperty(document, 'currentScript', { value: { src: UEF_SCRIPT }, configurable: true });
  delete (window as { CX_SVC_UI_EVENTS_FRAMEWORK?: unknown }).CX_SVC_UI_EVENTS_FRAMEWORK;
  vi.resetModules();
  // The client is a classic script, not a module: import it for its side effect by a string path.
  const clientPath: string = '../../src/sim/fusion/uef-client.ts';
  await import(/* @vite-ignore */ clientPath);
  return { host, frameToken, parent, misdirected, deliverToFrame: dispatchToFrame };
}

/** The frame window as the adapter's `window` dependency. */
export function frameWindow(): { CX_SVC_UI_EVENTS_FRAMEWORK?: unknown; parent: unknown } {
  return window as unknown as { CX_SVC_UI_EVENTS_FRAMEWORK?: unknown; parent: unknown };
}
