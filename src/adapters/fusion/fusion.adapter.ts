/**
 * The Fusion (UEF) adapter actor: the only code that touches `CX_SVC_UI_EVENTS_FRAMEWORK`.
 * Receives `FusionCommand`s from the machine and sends `FusionEvent`s back.
 */
import { fromCallback } from 'xstate';
import type { AdapterInput, FusionActorLogic } from '../../machines/actors.types';
import type { FusionCommand, FusionEvent } from '../../machines/fusion.types';
import type { SavedEngagement } from './calls';
import { COMMAND_TIMEOUT_MS } from './pending';
import { dispatch } from './publishers';
import { createSession, type Binding, type FusionLog, type Session, type SessionOptions } from './session';
import { startUp } from './startup';
import type { UefTrace } from './trace';
import { findUef, type FusionWindow, type LoadScript } from './uef-loader';
import type { UefGlobal } from './uef.types';
import { randomId } from './uuid';

export interface FusionAdapterDeps {
  /** The page's window (default: the global one). */
  window?: FusionWindow;
  /** Loads the UEF client script (default: a `<script>` tag). */
  loadScript?: LoadScript;
  uuid?: () => string;
  log?: FusionLog;
  /** Publish watchdog (default 6000 ms). */
  watchdogMs?: number;
  /** Deadline for a Fusion command's outcome (default 15000 ms). */
  commandTimeoutMs?: number;
  /** Deadline for initialize → PHONE context (default 10000 ms). */
  initTimeoutMs?: number;
  /** First argument of `uiEventsFramework.initialize` (default 'GenesysToolbar'). */
  appName?: string;
  /** Engagements a reload kept: start/close go out with their outData, under their eventIds. */
  restore?: readonly SavedEngagement[];
  /** Hears the open engagements after every change (main.tsx writes the reload record). */
  onEngagements?: (engagements: SavedEngagement[]) => void;
  /** Hears every UEF call and its settlement, with times (main.tsx: the flight recorder). */
  trace?: UefTrace;
  /** Monotonic milliseconds for the trace (default performance.now). */
  now?: () => number;
}

export const DEFAULT_WATCHDOG_MS = 6_000;

const consoleLog: FusionLog = (level, message) => {
  if (level === 'debug') return;
  console[level === 'info' ? 'info' : level](message);
};

type AgentStateCommand = Extract<FusionCommand, { type: 'fusion.cmd.agentState' }>;

function sameAgentState(a: AgentStateCommand, b: AgentStateCommand): boolean {
  return a.presence === b.presence && a.reason === b.reason && a.reasonLabel === b.reasonLabel;
}

// One session per UEF global for the page's life: a second actor must not initialise again.
const sessions = new WeakMap<UefGlobal, Session>();

function attach(uef: UefGlobal, binding: Binding, options: SessionOptions): Session {
  const existing = sessions.get(uef);
  if (existing && existing.status !== 'failed') {
    existing.binding = binding;
    if (existing.status === 'ready') binding.sendBack({ type: 'fusion.ready' });
    return existing;
  }
  const session = createSession(uef, options, binding);
  sessions.set(uef, session);
  session.ready = startUp(session).then((conn) => {
    if (!conn) sessions.delete(uef); // a later actor may try again
    return conn;
  });
  return session;
}

function defaultWindow(): FusionWindow | undefined {
  return typeof window === 'undefined' ? undefined : (window as FusionWindow);
}

/** The open engagements of this page's Fusion session (none before UEF started here). */
export function pageEngagements(win: FusionWindow | undefined = defaultWindow()): SavedEngagement[] {
  const session = sessionOf(win);
  return session ? session.calls.saved() : [];
}

/**
 * The toolbar leaves this page (another tab took it over): what this page's Fusion was offered is
 * withdrawn (`MISSED`: not established here) and what it was shown is ended (`ENDCOMMUNICATION`:
 * no Wrap Up here; the tab that has the call wraps it up). Resolves once every close settled.
 */
export async function withdrawEngagements(win: FusionWindow | undefined = defaultWindow()): Promise<number> {
  const session = sessionOf(win);
  if (!session) return 0;
  const open = session.calls.saved();
  const lang = session.binding?.lang ?? 'en';
  for (const engagement of open) {
    session.options.log('info', `fusion: ${engagement.eventId} withdrawn: the toolbar moved to another tab`);
    dispatch(session, { type: 'fusion.cmd.closeComm', eventId: engagement.eventId, reason: engagement.started ? 'ENDCOMMUNICATION' : 'MISSED' }, lang);
  }
  await session.queue.idle();
  return open.length;
}

function sessionOf(win: FusionWindow | undefined): Session | undefined {
  const uef = win?.CX_SVC_UI_EVENTS_FRAMEWORK;
  return typeof uef === 'object' && uef !== null ? sessions.get(uef as UefGlobal) : undefined;
}

/** Creates the Fusion adapter actor logic; `main.tsx` provides it as the machine's `fusion` actor. */
export function createFusionAdapter(deps: FusionAdapterDeps = {}): FusionActorLogic {
  const options: SessionOptions = {
    appName: deps.appName ?? 'GenesysToolbar',
    watchdogMs: deps.watchdogMs ?? DEFAULT_WATCHDOG_MS,
    commandTimeoutMs: deps.commandTimeoutMs ?? COMMAND_TIMEOUT_MS,
    initTimeoutMs: deps.initTimeoutMs ?? 10_000,
    uuid: deps.uuid ?? randomId,
    log: deps.log ?? consoleLog,
    ...(deps.restore ? { restore: deps.restore } : {}),
    ...(deps.trace ? { trace: deps.trace } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  };
  return fromCallback<FusionCommand, AdapterInput>(({ sendBack, receive, input }) => {
    let stopped = false;
    let session: Session | undefined;
    let absent = false;
    const early: FusionCommand[] = [];
    // The machine tells Fusion where the agent stands when it hears fusion.ready; the state it
    // sent before (held until UEF was found, or sent during start-up) is the same one more often
    // than not, and Fusion would hear it twice (two LOGGED_OUT at start-up): that repeat is skipped.
    let beforeReady: AgentStateCommand | null = null;
    let ready: 'no' | 'told' | 'checked' = 'no';
    const repeatsAtReady = (cmd: AgentStateCommand): boolean => {
      if (ready === 'no') {
        beforeReady = cmd;
        return false;
      }
      if (ready === 'checked') return false;
      ready = 'checked';
      return beforeReady !== null && sameAgentState(beforeReady, cmd);
    };
    const binding: Binding = {
      sendBack: (event: FusionEvent) => {
        if (event.type === 'fusion.ready' && ready === 'no') ready = 'told';
        if (!stopped) sendBack(event);
      },
      lang: input.config.lang,
      ...(deps.onEngagements ? { onEngagements: deps.onEngagements } : {}),
    };

    receive((cmd) => {
      if (cmd.type === 'fusion.cmd.agentState' && repeatsAtReady(cmd)) return;
      if (session) dispatch(session, cmd, binding.lang);
      else if (!absent) early.push(cmd); // kept in order until UEF is found
    });

    const win = deps.window ?? defaultWindow();
    const found = win
      ? findUef(win, input.config.uefScript, deps.loadScript)
      : Promise.resolve({ absent: 'no window' } as const);
    void found.then((lookup) => {
      if (stopped) return;
      if ('refused' in lookup) {
        // Inside Fusion, but the page's CSP refused the UEF client: a deployment fault, not "outside Fusion".
        absent = true;
        early.length = 0;
        const message = `${lookup.refused.directive} refused ${lookup.refused.url}: allow its origin in script-src`;
        options.log('error', `fusion: UEF script refused by CSP (${message})`);
        binding.sendBack({ type: 'fusion.failed', code: 'UEF_SCRIPT_REFUSED', message });
        return;
      }
      if ('absent' in lookup) {
        absent = true;
        early.length = 0;
        options.log('info', `fusion: absent (${lookup.absent})`);
        binding.sendBack({ type: 'fusion.absent', reason: lookup.absent });
        return;
      }
      session = attach(lookup.uef, binding, options);
      for (const cmd of early.splice(0)) dispatch(session, cmd, binding.lang);
    });

    return () => {
      stopped = true;
      if (session && session.binding === binding) session.binding = null;
    };
  });
}
