/**
 * The host page's static panels (built once, so typed input survives re-renders): contacts with
 * click-to-dial numbers, the Genesys scenario buttons, simulator settings, and the UEF log.
 */
import type { SimBehaviour } from '../protocol';
import { CONTACTS, fullName } from './contacts';
import { button, el, field } from './dom';
import type { ScenarioResult, Scenarios } from './scenario';
import type { LogEntry, UefHost } from './uef-host';

export function buildContacts(container: HTMLElement, dial: (number: string, name?: string, contactId?: string) => void): void {
  const free = field('dial-input', 'Number', '+15550001234', { type: 'tel' });
  container.replaceChildren(
    el('h2', {}, 'Contacts'),
    el(
      'ul',
      { class: 'contacts', 'data-testid': 'contact-list' },
      ...CONTACTS.map((c) =>
        el(
          'li',
          {},
          el('span', {}, `${fullName(c)} · ${c.organization} `),
          button(`dial-${c.id}`, c.phone, () => dial(c.phone, fullName(c), c.id), { class: 'link', 'aria-label': `Call ${fullName(c)} at ${c.phone}` }),
        ),
      ),
    ),
    el('div', { class: 'row' }, free.wrap, button('dial-button', 'Call', () => dial(free.input.value.trim()), { 'aria-label': 'Call the number' })),
  );
}

export function buildScenario(container: HTMLElement, client: Scenarios, genesys: string): void {
  const ani = field('scenario-ani', 'Caller number', '+15551230000', { type: 'tel' });
  const queue = field('scenario-queue', 'Queue', '', { placeholder: 'optional' });
  const result = el('p', { class: 'status', role: 'status', 'data-testid': 'scenario-result' }, '');
  const run = (work: () => Promise<ScenarioResult>) => async () => {
    result.textContent = '…';
    const outcome = await work();
    result.textContent = outcome.text;
    result.dataset.ok = String(outcome.ok);
  };
  container.replaceChildren(
    el('h2', {}, 'Genesys scenarios'),
    el('p', { class: 'muted' }, `Simulator: ${genesys}`),
    el('div', { class: 'row' }, ani.wrap, queue.wrap),
    el(
      'div',
      { class: 'actions wrap' },
      button('scenario-ring', 'Incoming call', run(() => client.ring(ani.input.value.trim(), queue.input.value.trim() || undefined))),
      button('scenario-caller-hangup', 'Caller hangs up', run(() => client.callerHangup())),
      button('scenario-remote-answer', 'Remote answers', run(() => client.remoteAnswer())),
      button('scenario-softphone-answer', 'Softphone answer', run(() => client.softphoneAnswer())),
      button('scenario-drop-socket', 'Drop socket', run(() => client.dropSocket())),
      button('scenario-fail-next', 'Fail next command', run(() => client.failNext(500))),
    ),
    result,
  );
}

export function buildSettings(container: HTMLElement, host: UefHost): void {
  const b = host.behaviour();
  const mode = el('select', { 'data-testid': 'sim-publish-mode' });
  for (const m of ['normal', 'slow', 'never', 'reject'] as const) {
    const option = el('option', { value: m }, m);
    option.selected = m === b.publishMode;
    mode.append(option);
  }
  mode.addEventListener('change', () => host.configure({ publishMode: mode.value as SimBehaviour['publishMode'] }));
  const plain = el('input', { type: 'checkbox', 'data-testid': 'sim-plain-responses' });
  plain.checked = b.plainResponses;
  plain.addEventListener('change', () => host.configure({ plainResponses: plain.checked }));
  container.replaceChildren(
    el('h2', {}, 'Simulator'),
    el('label', { class: 'field' }, el('span', {}, 'Publish answers'), mode),
    el('label', { class: 'check' }, plain, el('span', {}, 'Plain responseDetails objects')),
  );
}

function logLine(entry: LogEntry): HTMLElement {
  const arrow = entry.from === 'toolbar' ? 'toolbar → Fusion' : 'Fusion → toolbar';
  const detail = entry.data === null ? '' : JSON.stringify(entry.data);
  return el(
    'li',
    { 'data-from': entry.from, 'data-type': entry.type, class: entry.type === 'rejected' || entry.type === 'publishError' ? 'bad' : undefined },
    // Its own number as text: list numbering would renumber (and lay out) every line as the oldest goes.
    el('span', { class: 'muted' }, `${entry.seq}. ${(entry.at / 1000).toFixed(3)}s `),
    el('strong', {}, `${arrow} ${entry.type} ${entry.name}`),
    entry.eventId ? ` [${entry.eventId}]` : '',
    detail ? el('code', {}, ` ${detail.length > 400 ? `${detail.slice(0, 400)}…` : detail}`) : null,
  );
}

/** Log lines the page keeps (the host keeps 1,000 entries; `__fusionSim.log()` reads them all). */
const LOG_LINES_SHOWN = 200;

/** The UEF message log (role=log), appended incrementally. */
export class LogView {
  private shown = -1;
  private readonly list = el('ol', { role: 'log', 'aria-label': 'UEF messages', 'data-testid': 'uef-log' });

  constructor(container: HTMLElement, private readonly host: UefHost) {
    container.replaceChildren(
      el('div', { class: 'row spread' }, el('h2', {}, 'UEF messages'), button('uef-log-clear', 'Clear', () => host.clearLog())),
      this.list,
    );
  }

  update(): void {
    const { entries, oldest } = this.host.logAfter(this.shown);
    // Cleared, or more came than the host keeps since the last update: start the list again.
    if (oldest === undefined || oldest > this.shown + 1) this.list.replaceChildren();
    const fresh = entries.slice(-LOG_LINES_SHOWN);
    if (fresh.length > 0) this.list.append(...fresh.map(logLine));
    while (this.list.childElementCount > LOG_LINES_SHOWN) this.list.firstElementChild?.remove();
    this.shown = entries.at(-1)?.seq ?? (oldest === undefined ? -1 : this.shown);
  }
}
