/** Development only (`--inspect`): the session machines in the Stately inspector, with secrets and caller data masked. */
import type { AnyEventObject, InspectionEvent, MachineContext, Observer } from 'xstate';

const PRIVATE = /token|cookie|password|secret|code|ani|dnis|number|phone|credential/i;

/** Masks private keys at any depth (bounded), so no GWS token, cookie or phone number leaves for the inspector. */
function mask(value: unknown, depth = 0): unknown {
  if (depth > 6 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => mask(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = PRIVATE.test(key) && typeof item !== 'object' ? '•••' : mask(item, depth + 1);
  return out;
}

/** Starts the inspector's relay server (it opens a browser) and returns the `inspect` observer. */
export async function loadInspector(): Promise<Observer<InspectionEvent>> {
  const [{ createWebSocketInspector }, { createInspectorServer }] = await Promise.all([import('@statelyai/inspect'), import('@statelyai/inspect/server')]).catch(() => {
    throw new Error('--inspect needs the development dependency @statelyai/inspect (npm install)');
  });
  createInspectorServer();
  const inspector = createWebSocketInspector({
    url: 'ws://localhost:8080',
    sanitizeEvent: (event: AnyEventObject) => mask(event) as AnyEventObject,
    sanitizeContext: (context: MachineContext) => mask(context) as MachineContext,
  });
  return inspector.inspect;
}
