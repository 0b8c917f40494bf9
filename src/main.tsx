/**
 * The composition root: read the configuration, decide whether this tab owns the toolbar (one
 * per agent per browser), provide the real adapters, start the statechart outside React, then
 * render the UI as a projection of it. A tab that does not own it shows the owner's calls.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createActor } from 'xstate';
import { createAlertServices } from './adapters/alerts';
import { createFusionAdapter, pageEngagements, withdrawEngagements, type SavedEngagement } from './adapters/fusion';
import { createGenesysAdapter } from './adapters/genesys';
import { createCredentialBox } from './adapters/genesys/credentials';
import { createBridgeTokenStore } from './adapters/persistence/bridge-token';
import { afterNextPaint, openReloadRecord, pageSessionStorage } from './adapters/persistence/reload';
import type { SessionRecord } from './adapters/persistence/session-record';
import { openMirror, type Mirror } from './adapters/tabs/mirror';
import { lockName, startTabOwner, type LockManagerLike } from './adapters/tabs/tab-owner';
import { parseConfig } from './config';
import { loadInspector } from './devtools';
import { toolbarMachine } from './machines/toolbar.machine';
import { createToolbarRecorder, flightLogFileName } from './recorder/toolbar-recorder';
import { ConfigRefused } from './ui/components/ConfigRefused';
import { OtherTab } from './ui/components/OtherTab';
import { logNewNotices } from './ui/notice-log';
import { otherTabCalls } from './ui/other-tab.connect';
import { ToolbarApp } from './ui/Toolbar';
import './ui/toolbar.css';

const { config, warnings, refusals } = parseConfig(location.search, navigator.language, import.meta.env.DEV);
for (const warning of warnings) console.warn(`[config] ${warning}`);
document.documentElement.lang = config.lang;
for (const refusal of refusals) console.error(`[config] ${refusal.code}: ${refusal.parameter} names ${refusal.origin}, not an allowed microservice origin; the toolbar does not start`);

// Resolved before any actor exists, so the inspector sees every actor from the start.
const inspect = await loadInspector(config);
const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root');
const root = createRoot(element);
const alerts = createAlertServices(window);
const storage = pageSessionStorage();
// auth=bridge: the token survives a reload in sessionStorage; the form hands the password over here.
const bridgeTokens = createBridgeTokenStore(storage, (code, message) => console.warn(`[genesys] ${code}: ${message}`));
const credentials = createCredentialBox();
const tabLog = (level: 'info' | 'warn', code: string, message: string): void => console[level](`[tabs] ${code}: ${message}`);

// The flight recorder replaces per-frame console logging; the console keeps warnings and errors.
let current: ReturnType<typeof createActor<typeof toolbarMachine>> | undefined;
const flight = createToolbarRecorder({ size: config.recorderSize, mask: config.recorderMask, snapshot: () => current?.getSnapshot() });
const devInspect = inspect;
const inspectAll = devInspect ? (event: Parameters<typeof flight.inspect>[0]) => (flight.inspect(event), devInspect.next?.(event)) : flight.inspect;
const getFlightLog = () => ({ json: JSON.stringify(flight.log()), fileName: flightLogFileName(new Date()) });
// For support scripts: `fusionToolbar.flightLog()` returns the log object.
Object.assign(window, { fusionToolbar: { flightLog: () => flight.log(), flightLogJson: () => getFlightLog().json } });

let running: { stop(): void; current(): SessionRecord; refresh(): void } | null = null;
/** The reload record is written after the frame a change is shown in (and at once on pagehide). */
const writeAfterPaint = afterNextPaint(window);
// Leaving: the record once more, its stamps on the wall clock as it reads now (after a jump).
window.addEventListener('pagehide', () => running?.refresh());
/** The owner tab's last mirrored record, shown while another tab owns the toolbar. */
let mirrored: SessionRecord | null = null;

/**
 * Calls another tab owned, offered here under the same eventIds, except what this page's Fusion
 * still has open (a hand-over whose withdrawal did not finish): that is not offered twice.
 */
function adopted(record: SessionRecord | null, here: readonly SavedEngagement[]): SessionRecord | undefined {
  if (!record || record.calls.length === 0) return undefined;
  const open = new Map(here.map((engagement) => [engagement.eventId, engagement]));
  const calls = record.calls.map((call) => {
    const engagement = open.get(call.eventId);
    return { ...call, offered: engagement !== undefined, started: engagement?.started ?? false };
  });
  return { ...record, calls, engagements: here.filter((engagement) => calls.some((call) => call.eventId === engagement.eventId)) };
}

function startToolbar(mirror: Mirror): void {
  if (running) return;
  // What survived a reload: calls shown at once (restoring), Fusion's engagements kept under their eventIds.
  const from = adopted(mirrored, pageEngagements());
  const reload = openReloadRecord({
    storage,
    agentId: config.agentId,
    warn: (message) => console.warn(`[reload] ${message}`),
    ...(from ? { adopted: from } : {}),
    onWrite: (record, json) => mirror.publish(record, json),
    // The agent hears it in the toolbar (a notice), once; a microtask later the actor exists.
    onUnsaved: (notice) => queueMicrotask(() => current?.send({ type: 'persistence.unsaved', ...notice })),
    schedule: writeAfterPaint,
  });
  const fusion = createFusionAdapter({
    log: flight.fusionLog,
    trace: flight.uefTrace,
    ...(reload.engagements ? { restore: reload.engagements } : {}),
    onEngagements: (engagements) => reload.recorder.setEngagements(engagements),
  });
  const machine = toolbarMachine.provide({ actors: { genesys: createGenesysAdapter({ log: flight.genesysLog, tokens: bridgeTokens, credentials }), fusion } });
  const input = { config, ...(reload.restored ? { restored: reload.restored } : {}) };
  const actor = createActor(machine, { input, inspect: inspectAll });
  current = actor;
  const unfollow = reload.follow(actor);
  // Without an error observer xstate rethrows asynchronously; the UI shows it via FatalBoundary.
  actor.subscribe({ error: (error) => console.error('[toolbar] the statechart stopped', error) });
  logNewNotices(actor, (message, notice) => console.warn(message, notice));
  // Snapshot corrections are synthetic: not heard from Genesys, so the log says so.
  actor.on('resync.corrected', (event) => console.info(`[resync] synthetic correction of ${event.key}: ${event.correction}`));
  actor.on('resync.unavailable', (event) => console.info(`[resync] unavailable: ${event.reason}`));
  actor.start();
  root.render(
    <StrictMode>
      <ToolbarApp actor={actor} alerts={alerts} flightLog={getFlightLog} credentials={credentials} />
    </StrictMode>,
  );
  running = {
    stop() {
      unfollow();
      actor.stop(); // closes the socket; the Fusion session stays, unbound, and sends nothing
      reload.recorder.flush();
    },
    current: () => reload.recorder.current(),
    refresh: () => reload.refresh(),
  };
}

function showOtherTab(owner: { takeOver(): void }): void {
  root.render(
    <StrictMode>
      <OtherTab lang={config.lang} calls={otherTabCalls(mirrored)} onUseHere={() => owner.takeOver()} />
    </StrictMode>,
  );
}

/** Takes part in the tabs' election; the owner tab starts the toolbar. */
function run(): void {
  const mirror = openMirror({
    Channel: typeof BroadcastChannel === 'undefined' ? undefined : BroadcastChannel,
    agentId: config.agentId,
    onState(record) {
      mirrored = record;
      if (!running) showOtherTab(owner);
    },
    onAsk() {
      if (running) mirror.publish(running.current());
    },
    log: tabLog,
  });

  const locks = (navigator as Navigator & { locks?: LockManagerLike }).locks;
  const owner = startTabOwner({
    locks,
    name: lockName(config.agentId),
    log: tabLog,
    onChange(state) {
      if (state === 'owner') {
        startToolbar(mirror);
        return;
      }
      running?.stop();
      running = null;
      // Another tab has the calls now: this page's Fusion must not keep offers it cannot answer.
      void withdrawEngagements().then((count) => count > 0 && tabLog('info', 'TAB_WITHDRAWN', `${count} engagement(s) closed in this page's Fusion`));
      showOtherTab(owner);
      mirror.ask();
    },
  });
}

// A framing page that names a microservice the build does not allow gets nothing: no socket, no UEF, no tab lock.
if (refusals.length > 0) root.render(<ConfigRefused lang={config.lang} refusals={refusals} />);
else run();
