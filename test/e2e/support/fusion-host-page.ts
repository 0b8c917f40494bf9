/**
 * The Fusion host simulator page around the toolbar: what a Fusion agent sees and does (offer
 * dialog, engagement, Wrap Up, click-to-dial) and the UEF log behind it (`window.__fusionSim`).
 */
import type { Locator, Page } from 'playwright-core';
import type { HostState } from '../../../src/sim/fusion/host/fusion-model';
import type { LogEntry } from '../../../src/sim/fusion/host/uef-host';

export type { LogEntry };

export class FusionHostPage {
  constructor(readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** The toolbar registered with Fusion and said it is ready for operation. */
  async waitUntilToolbarReady(timeout = 10_000): Promise<void> {
    await this.page.locator('[data-testid="toolbar-status"][data-ready="true"]').waitFor({ timeout });
  }

  agentState(): Locator {
    return this.page.getByTestId('agent-state');
  }

  offer(eventId?: string): Locator {
    const dialogs = this.page.getByTestId('offer-dialog');
    return eventId === undefined ? dialogs.first() : this.page.locator(`[data-testid="offer-dialog"][data-event-id="${eventId}"]`);
  }

  async answer(eventId?: string): Promise<void> {
    await this.offer(eventId).getByTestId('offer-answer').click();
  }

  async decline(eventId?: string): Promise<void> {
    await this.offer(eventId).getByTestId('offer-decline').click();
  }

  /** The engagement panel (screen pop) of a dialing or active call. */
  engagement(eventId?: string): Locator {
    const panels = this.page.getByTestId('engagement-panel');
    return eventId === undefined ? panels.first() : this.page.locator(`[data-testid="engagement-panel"][data-event-id="${eventId}"]`);
  }

  async endCall(eventId?: string): Promise<void> {
    await this.engagement(eventId).getByTestId('engagement-end').click();
  }

  wrapUp(eventId?: string): Locator {
    const panels = this.page.getByTestId('wrapup-panel');
    return eventId === undefined ? panels.first() : this.page.locator(`[data-testid="wrapup-panel"][data-event-id="${eventId}"]`);
  }

  async saveWrapUp(notes: string, eventId?: string): Promise<void> {
    const panel = this.wrapUp(eventId);
    await panel.getByTestId('wrapup-notes').fill(notes);
    await panel.getByTestId('wrapup-save').click();
  }

  closedItem(eventId: string): Locator {
    return this.page.locator(`[data-testid="closed-item"][data-event-id="${eventId}"]`);
  }

  /** Click-to-dial from Fusion's contact panel: the free number field and its Call button. */
  async clickToDial(number: string): Promise<void> {
    await this.page.getByTestId('dial-input').fill(number);
    await this.page.getByTestId('dial-button').click();
  }

  uefLog(): Promise<LogEntry[]> {
    return this.page.evaluate(() => {
      if (!window.__fusionSim) throw new Error('the host page has no __fusionSim');
      return window.__fusionSim.log();
    });
  }

  state(): Promise<HostState> {
    return this.page.evaluate(() => {
      if (!window.__fusionSim) throw new Error('the host page has no __fusionSim');
      return window.__fusionSim.state();
    });
  }
}

/** What the toolbar published to Fusion, in order: `operation` or `operation:reason` for closes. */
export function published(log: LogEntry[], eventId?: string): string[] {
  return log
    .filter((entry) => entry.from === 'toolbar' && entry.type === 'publish' && (eventId === undefined || entry.eventId === eventId))
    .map((entry) => {
      const reason = fieldOf(entry, 'reason');
      return entry.name === 'closeCommEvent' && reason ? `closeCommEvent:${reason}` : entry.name;
    });
}

/** A field of a publish's `fields` (e.g. closeCommEvent's reason), or undefined. */
export function fieldOf(entry: LogEntry, name: string): unknown {
  const data = entry.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const fields = data['fields'];
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) return undefined;
  return fields[name];
}

/** The `state` field of every agentStateEventOperation the toolbar published, in order. */
export function agentStates(log: LogEntry[]): string[] {
  return log
    .filter((entry) => entry.from === 'toolbar' && entry.type === 'publish' && entry.name === 'agentStateEventOperation')
    .map((entry) => String(fieldOf(entry, 'state')));
}

/** Fusion's answers that were errors (publishError) or entries the host refused. */
export function failures(log: LogEntry[]): LogEntry[] {
  return log.filter((entry) => entry.type === 'publishError' || entry.type === 'rejected');
}
