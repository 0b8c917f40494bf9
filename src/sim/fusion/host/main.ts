/**
 * Entry of fusion-host.html: frames the toolbar from another origin, plays Fusion's side of UEF,
 * and offers the Genesys scenario buttons.
 */
import { UEF_CLIENT_BUILD_PATH, UEF_CLIENT_DEV_PATH } from '../protocol';
import { createApi, type FusionSimApi } from './api';
import { el } from './dom';
import { buildContacts, buildScenario, buildSettings, LogView } from './panels';
import { parseHostParams } from './params';
import { ScenarioClient } from './scenario';
import { GwsScenarioClient } from './scenario-gws';
import { UefHost } from './uef-host';
import { renderCalls, renderStatus, type CallActions } from './view';

declare global {
  interface Window {
    __fusionSim?: FusionSimApi;
  }
}

function region(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`fusion-host.html lacks #${id}`);
  return node;
}

const uefPath = `${import.meta.env.BASE_URL}${import.meta.env.DEV ? UEF_CLIENT_DEV_PATH : UEF_CLIENT_BUILD_PATH}`;
const params = parseHostParams(new URL(location.href), uefPath);
// `allow`: when both pages are served cross-origin isolated, the frame is too (µs timers for the bench).
const frame = el('iframe', { title: 'Genesys toolbar', 'data-testid': 'toolbar-frame', class: 'toolbar-frame', allow: 'cross-origin-isolated' });

const host = new UefHost({
  toolbarOrigin: params.toolbarOrigin,
  isToolbarWindow: (source) => source !== null && source === frame.contentWindow,
  post: (message) => frame.contentWindow?.postMessage(message, params.toolbarOrigin),
  agentId: params.agentId,
  behaviour: params.behaviour,
});
// Listen before the frame loads, so the client's init is never missed.
window.addEventListener('message', (event) => host.handleMessage(event));

const actions: CallActions = {
  answer: (id) => void host.sendCommand('onToolbarInteractionCommand', 'accept', id),
  decline: (id) => void host.sendCommand('onToolbarInteractionCommand', 'reject', id),
  end: (id) => void host.sendCommand('onToolbarInteractionCommand', 'disconnect', id),
  saveWrapup: (id) => host.saveWrapup(id),
  makeAvailable: () => void host.sendCommand('onToolbarAgentCommand', 'makeAvailable'),
  makeUnavailable: () => void host.sendCommand('onToolbarAgentCommand', 'makeUnavailable'),
};

const statusRegion = region('fusion-status');
const callsRegion = region('fusion-calls');
const logView = new LogView(region('fusion-log'), host);
let lastView = '';
function render(): void {
  // Re-render calls only when they changed, so buttons stay put while the log scrolls.
  const view = JSON.stringify([host.state.toolbar, host.state.agent, host.state.engagements, host.state.lastAgentCommand]);
  if (view !== lastView) {
    lastView = view;
    renderStatus(statusRegion, host.state, actions);
    renderCalls(callsRegion, host.state, actions);
  }
  logView.update();
}
// One render a frame, however many messages came in it (a ring brings four or five); a hidden
// page gets no frames, so a timer stands in.
let renderDue = false;
function renderSoon(): void {
  if (renderDue) return;
  renderDue = true;
  const run = (): void => {
    if (!renderDue) return;
    renderDue = false;
    clearTimeout(fallback);
    render();
  };
  const fallback = setTimeout(run, 100);
  requestAnimationFrame(run);
}
host.onChange(renderSoon);

buildContacts(region('fusion-contacts'), (number, name, contactId) => {
  if (number) host.dial(number, name, contactId);
});
const scenarios = params.backend === 'gws' ? new GwsScenarioClient(params.genesys, params.gwsUser) : new ScenarioClient(params.genesys, params.agentId);
buildScenario(region('fusion-scenario'), scenarios, params.genesys);
buildSettings(region('fusion-settings'), host);
const warnings = region('fusion-warnings');
warnings.replaceChildren(...params.warnings.map((w) => el('p', { class: 'error', role: 'alert' }, w)));

region('fusion-toolbar').replaceChildren(
  el('p', { class: 'muted', 'data-testid': 'toolbar-url' }, `Toolbar: ${params.toolbarOrigin}`),
  frame,
);
frame.src = params.toolbarUrl;

window.__fusionSim = createApi(host, params.toolbarUrl, params.toolbarOrigin);
render();
