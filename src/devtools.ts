/**
 * Dev-only Stately inspector behind `?inspect`. The `import.meta.env.DEV` test comes first and
 * alone, so the production build drops the branch and emits no inspector chunk (xstate-notes A3).
 */
import type { AnyEventObject, InspectionEvent, MachineContext, Observer } from 'xstate';
import type { ToolbarConfig } from './config';

/** Caller data must not leave the machine, even for stately.ai's inspector page. */
const PRIVATE_KEYS = new Set(['ani', 'number', 'dnis']);

function redact<T extends Record<string, unknown>>(record: T): T {
  const copy: Record<string, unknown> = { ...record };
  for (const key of Object.keys(copy)) if (PRIVATE_KEYS.has(key)) copy[key] = '•••';
  return copy as T;
}

/** The `inspect` option for the root actor, or undefined (production, or no `?inspect`). */
export async function loadInspector(config: Pick<ToolbarConfig, 'inspect'>): Promise<Observer<InspectionEvent> | undefined> {
  if (!import.meta.env.DEV) return undefined;
  if (!config.inspect) return undefined;
  const { createBrowserInspector } = await import('@statelyai/inspect');
  return createBrowserInspector({
    sanitizeEvent: (event: AnyEventObject) => redact(event),
    sanitizeContext: (context: MachineContext) => redact(context),
  }).inspect;
}
