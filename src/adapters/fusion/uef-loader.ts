/**
 * Finding the UEF global: use it if the page already has one, else load the client script,
 * but only inside a frame (outside Fusion there is no host to talk to), and only from an allowed
 * origin (the page that frames the toolbar must not choose what runs in the toolbar's origin).
 */
import { isAllowedUefScript, UEF_SCRIPT_ORIGINS } from '../../config';
import { isObject } from './responses';
import type { UefGlobal } from './uef.types';

/** The parts of `window` the adapter reads; tests pass a plain object. */
export interface FusionWindow {
  CX_SVC_UI_EVENTS_FRAMEWORK?: unknown;
  parent?: unknown;
  document?: ScriptDocument;
}

export type LoadScript = (url: string, timeoutMs: number) => Promise<void>;

export const SCRIPT_TIMEOUT_MS = 10_000;

export function isUefGlobal(value: unknown): value is UefGlobal {
  return isObject(value) && isObject(value.uiEventsFramework) && typeof value.uiEventsFramework.initialize === 'function';
}

/** The page's Content-Security-Policy refused the script (a `securitypolicyviolation` for its URL). */
export class ScriptRefusedError extends Error {
  constructor(
    readonly url: string,
    readonly directive: string,
  ) {
    super(`the page's Content-Security-Policy (${directive}) refused ${url}`);
  }
}

/** A violation names the blocked script by full URL, or only by origin when the policy hides the path. */
function blocks(blockedURI: string, url: string): boolean {
  if (blockedURI === url) return true;
  try {
    return new URL(blockedURI).origin === new URL(url).origin;
  } catch {
    return false;
  }
}

type ScriptDocument = Pick<Document, 'createElement' | 'head'> & Partial<Pick<Document, 'addEventListener' | 'removeEventListener'>>;

/** A `<script>` tag load with a deadline; a CSP refusal is reported as such, not as a network error. */
export function domScriptLoader(doc: ScriptDocument): LoadScript {
  return (url, timeoutMs) =>
    new Promise<void>((resolve, reject) => {
      const script = doc.createElement('script');
      const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      let refused: ScriptRefusedError | undefined;
      // The violation event comes before the script's error event, on the document.
      const onViolation = (event: Event) => {
        const violation = event as SecurityPolicyViolationEvent;
        if (blocks(violation.blockedURI, url)) refused = new ScriptRefusedError(url, violation.effectiveDirective || violation.violatedDirective || 'script-src');
      };
      doc.addEventListener?.('securitypolicyviolation', onViolation);
      function done(error?: Error): void {
        clearTimeout(timer);
        doc.removeEventListener?.('securitypolicyviolation', onViolation);
        script.onload = null;
        script.onerror = null;
        if (error) reject(error);
        else resolve();
      }
      script.onload = () => done();
      script.onerror = () => done(refused ?? new Error('the script could not be loaded'));
      script.async = true;
      script.src = url;
      doc.head.appendChild(script);
    });
}

export type UefLookup = { uef: UefGlobal } | { absent: string } | { refused: { url: string; directive: string } };

// One load per window, even if several actors start while it is under way.
const loads = new WeakMap<FusionWindow, Promise<UefLookup>>();

/**
 * @param scriptUrl the UEF client to load when framed without a global; `parseConfig` has already
 *   refused other origins, and this checks again so no other path can load one
 * @param allowedOrigins origins besides loopback hosts (see `isAllowedUefScript`)
 */
export function findUef(
  win: FusionWindow,
  scriptUrl: string,
  loadScript: LoadScript | undefined,
  allowedOrigins: readonly string[] = UEF_SCRIPT_ORIGINS,
): Promise<UefLookup> {
  const present = win.CX_SVC_UI_EVENTS_FRAMEWORK;
  if (isUefGlobal(present)) return Promise.resolve({ uef: present });
  if (win.parent === undefined || win.parent === win) {
    return Promise.resolve({ absent: 'not inside a Fusion frame' });
  }
  if (!isAllowedUefScript(scriptUrl, allowedOrigins)) {
    return Promise.resolve({ absent: `UEF script ${scriptUrl} is not from an allowed origin; not loaded` });
  }
  const cached = loads.get(win);
  if (cached) return cached;
  const load = loadScript ?? (win.document ? domScriptLoader(win.document) : undefined);
  if (!load) return Promise.resolve({ absent: 'no document to load the UEF script into' });
  const lookup = load(scriptUrl, SCRIPT_TIMEOUT_MS).then(
    (): UefLookup => {
      const loaded = win.CX_SVC_UI_EVENTS_FRAMEWORK;
      return isUefGlobal(loaded) ? { uef: loaded } : { absent: `${scriptUrl} defined no CX_SVC_UI_EVENTS_FRAMEWORK` };
    },
    (error: unknown): UefLookup => {
      loads.delete(win); // a later start may try again
      if (error instanceof ScriptRefusedError) return { refused: { url: error.url, directive: error.directive } };
      return { absent: `UEF script ${scriptUrl}: ${error instanceof Error ? error.message : String(error)}` };
    },
  );
  loads.set(win, lookup);
  return lookup;
}
