/**
 * Renders what an agent sees in Fusion: toolbar and agent status, the offer dialog, engagement
 * panels (screen pop), Wrap Up windows and recently closed calls. Re-rendered from HostState.
 */
import { button, el } from './dom';
import type { CommandNote, EngagementView, HostState } from './fusion-model';

export interface CallActions {
  answer(eventId: string): void;
  decline(eventId: string): void;
  end(eventId: string): void;
  saveWrapup(eventId: string): void;
  makeAvailable(): void;
  makeUnavailable(): void;
}

function noteText(note: CommandNote | null): string {
  if (!note) return '';
  if (note.result === 'pending') return `${note.command}: waiting for the toolbar…`;
  return `${note.command}: ${note.result}${note.message ? ` — ${note.message}` : ''}`;
}

function status(testId: string, text: string): HTMLElement {
  return el('p', { class: 'status', role: 'status', 'data-testid': testId }, text);
}

function who(e: EngagementView): string {
  return e.screenPopName ?? e.lookupName ?? 'Unknown caller';
}

function offer(e: EngagementView, actions: CallActions): HTMLElement {
  return el(
    'section',
    { class: 'card offer', role: 'dialog', 'aria-label': `Incoming call from ${e.number}`, 'data-testid': 'offer-dialog', 'data-event-id': e.eventId },
    el('h3', {}, 'Incoming call'),
    el('p', { class: 'number', 'data-testid': 'offer-number' }, e.number),
    el('p', { 'data-testid': 'offer-contact' }, e.lookupName ?? 'No matching contact'),
    e.queue ? el('p', { class: 'muted', 'data-testid': 'offer-queue' }, `Queue: ${e.queue}`) : null,
    el(
      'div',
      { class: 'actions' },
      button('offer-answer', 'Answer', () => actions.answer(e.eventId), { class: 'primary', 'aria-label': `Answer call from ${e.number}` }),
      button('offer-decline', 'Decline', () => actions.decline(e.eventId), { 'aria-label': `Decline call from ${e.number}` }),
    ),
    status('offer-result', noteText(e.lastCommand)),
  );
}

function engagement(e: EngagementView, actions: CallActions): HTMLElement {
  const phaseText = e.phase === 'dialing' ? 'Dialing…' : 'Connected';
  return el(
    'section',
    { class: 'card engagement', 'aria-label': `Engagement with ${who(e)}`, 'data-testid': 'engagement-panel', 'data-event-id': e.eventId, 'data-phase': e.phase },
    el('h3', { 'data-testid': 'engagement-contact' }, who(e)),
    el('p', { class: 'number', 'data-testid': 'engagement-number' }, `${e.direction === 'inbound' ? 'From' : 'To'} ${e.number}`),
    el('p', { 'data-testid': 'engagement-status' }, phaseText),
    e.error ? el('p', { class: 'error', role: 'alert', 'data-testid': 'engagement-error' }, e.error) : null,
    el('div', { class: 'actions' }, button('engagement-end', 'End Call', () => actions.end(e.eventId), { class: 'danger', 'aria-label': `End call with ${who(e)}` })),
    status('engagement-result', noteText(e.lastCommand)),
  );
}

function wrapup(e: EngagementView, actions: CallActions): HTMLElement {
  return el(
    'section',
    { class: 'card wrapup', 'aria-label': `Wrap Up for ${who(e)}`, 'data-testid': 'wrapup-panel', 'data-event-id': e.eventId },
    el('h3', {}, 'Wrap Up'),
    el('p', { 'data-testid': 'wrapup-contact' }, `${who(e)} · ${e.number}`),
    el('p', { class: 'muted', 'data-testid': 'wrapup-id' }, e.wrapupId ?? ''),
    el('label', { class: 'field' }, el('span', {}, 'Notes'), el('textarea', { rows: '2', 'data-testid': 'wrapup-notes' })),
    el('div', { class: 'actions' }, button('wrapup-save', 'Save and Close', () => actions.saveWrapup(e.eventId), { class: 'primary' })),
  );
}

function closedItem(e: EngagementView): HTMLElement {
  const text = `${who(e)} (${e.number}) closed: ${e.closeReason ?? 'ended'}${e.error ? ` — ${e.error}` : ''}`;
  return el('li', { 'data-testid': 'closed-item', 'data-event-id': e.eventId, 'data-reason': e.closeReason ?? '' }, text);
}

export function renderCalls(container: HTMLElement, state: HostState, actions: CallActions): void {
  const by = (...phases: EngagementView['phase'][]) => state.engagements.filter((e) => phases.includes(e.phase));
  const closed = by('closed').reverse();
  const nodes: (HTMLElement | null)[] = [
    ...by('offered').map((e) => offer(e, actions)),
    ...by('dialing', 'active').map((e) => engagement(e, actions)),
    ...by('wrapup').map((e) => wrapup(e, actions)),
    state.engagements.length === 0 ? el('p', { class: 'muted', 'data-testid': 'no-calls' }, 'No calls.') : null,
    closed.length > 0 ? el('h3', {}, 'Recently closed') : null,
    closed.length > 0 ? el('ul', { class: 'closed', 'data-testid': 'closed-list' }, ...closed.map(closedItem)) : null,
  ];
  container.replaceChildren(...nodes.filter((n): n is HTMLElement => n !== null));
}

export function renderStatus(container: HTMLElement, state: HostState, actions: CallActions): void {
  const t = state.toolbar;
  const toolbarText = !t.connected ? 'not connected' : t.ready ? `ready (${t.appName ?? ''})` : `connected (${t.appName ?? ''}), not ready`;
  const agent = state.agent;
  const agentText = agent ? agent.stateDisplayString || agent.state : 'unknown';
  container.replaceChildren(
    el('span', { 'data-testid': 'toolbar-status', 'data-ready': String(t.ready) }, `Toolbar: ${toolbarText}`),
    el(
      'span',
      { class: `agent ${agent?.isAvailable ? 'on' : 'off'}`, 'data-testid': 'agent-state', 'data-state': agent?.state ?? '' },
      `Agent: ${agentText}`,
    ),
    button('agent-make-available', 'Available', actions.makeAvailable, { 'aria-label': 'Make agent available' }),
    button('agent-make-unavailable', 'Unavailable', actions.makeUnavailable, { 'aria-label': 'Make agent unavailable' }),
    el('span', { class: 'status', role: 'status', 'data-testid': 'agent-command-result' }, noteText(state.lastAgentCommand)),
  );
}
