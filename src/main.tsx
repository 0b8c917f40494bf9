/**
 * The composition root: read the configuration, provide the real adapters, start the statechart
 * outside React, then render the UI as a projection of it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createActor } from 'xstate';
import { createAlertServices } from './adapters/alerts';
import { createFusionAdapter } from './adapters/fusion';
import { createGenesysAdapter } from './adapters/genesys';
import { openReloadRecord, pageSessionStorage } from './adapters/persistence/reload';
import { parseConfig } from './config';
import { loadInspector } from './devtools';
import { toolbarMachine } from './machines/toolbar.machine';
import { logNewNotices } from './ui/notice-log';
import { ToolbarApp } from './ui/Toolbar';
import './ui/toolbar.css';

const { config, warnings } = parseConfig(location.search, navigator.language, import.meta.env.DEV);
for (const warning of warnings) console.warn(`[config] ${warning}`);
document.documentElement.lang = config.lang;

// Resolved before the actor exists, so the inspector sees every actor from the start.
const inspect = await loadInspector(config);
// What survived a reload: calls shown at once (restoring), Fusion's engagements kept under their eventIds.
const reload = openReloadRecord({ storage: pageSessionStorage(), agentId: config.agentId, warn: (message) => console.warn(`[reload] ${message}`) });
const fusion = createFusionAdapter({
  ...(reload.engagements ? { restore: reload.engagements } : {}),
  onEngagements: (engagements) => reload.recorder.setEngagements(engagements),
});
const machine = toolbarMachine.provide({ actors: { genesys: createGenesysAdapter(), fusion } });
const input = { config, ...(reload.restored ? { restored: reload.restored } : {}) };
const actor = createActor(machine, { input, ...(inspect ? { inspect } : {}) });
reload.follow(actor);
// Without an error observer xstate rethrows asynchronously; the UI shows it via FatalBoundary.
actor.subscribe({ error: (error) => console.error('[toolbar] the statechart stopped', error) });
logNewNotices(actor, (message, notice) => console.warn(message, notice));
// Snapshot corrections are synthetic: not heard from Genesys, so the log says so.
actor.on('resync.corrected', (event) => console.info(`[resync] synthetic correction of ${event.key}: ${event.correction}`));
actor.on('resync.unavailable', (event) => console.info(`[resync] unavailable: ${event.reason}`));
actor.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ToolbarApp actor={actor} alerts={createAlertServices(window)} />
  </StrictMode>,
);
