/**
 * The toolbar as the agent sees it inside the Fusion host page: a FrameLocator on the toolbar
 * iframe, with the UI's test ids behind agent-level verbs.
 */
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import { keyOf } from '../../support/call-names';

export class ToolbarPage {
  readonly frame: FrameLocator;

  constructor(readonly page: Page) {
    this.frame = page.frameLocator('[data-testid="toolbar-frame"]');
  }

  /** The toolbar's Frame, for evaluating inside its document (focus, computed styles). */
  async contentFrame(): Promise<Frame> {
    const element = await this.page.getByTestId('toolbar-frame').elementHandle();
    const frame = await element?.contentFrame();
    if (!frame) throw new Error('the toolbar iframe has no frame');
    return frame;
  }

  byTestId(id: string): Locator {
    return this.frame.getByTestId(id);
  }

  agentState(): Locator {
    return this.byTestId('agent-state');
  }

  /** The words of the agent's state line ('Available', 'Not ready', …), without icon or reason. */
  async agentLabel(): Promise<string> {
    return ((await this.agentState().locator('.label').textContent()) ?? '').trim();
  }

  /** The Genesys state said beside what the agent is doing ('Ready', 'Not ready'); '' when none. */
  async agentGenesysState(): Promise<string> {
    const beside = this.agentState().locator('[data-testid="agent-genesys-state"]');
    return (await beside.count()) ? ((await beside.textContent()) ?? '').replace(/^\s*·\s*/, '').trim() : '';
  }

  /** The words of the Genesys connection line, e.g. 'Genesys: Connected'. */
  async connectionLabel(): Promise<string> {
    return ((await this.connectionState().locator('.label').textContent()) ?? '').trim();
  }

  async fusionLabel(): Promise<string> {
    return ((await this.fusionState().locator('.label').textContent()) ?? '').trim();
  }

  agentToggle(): Locator {
    return this.byTestId('agent-toggle');
  }

  connectionState(): Locator {
    return this.byTestId('connection-state');
  }

  fusionState(): Locator {
    return this.byTestId('fusion-state');
  }

  /** One call card: by its ConnID or key (see keyOf), else the only/first one. */
  callCard(name?: string): Locator {
    const cards = this.frame.locator('[data-testid="call-card"]');
    return name === undefined ? cards.first() : this.frame.locator(`[data-testid="call-card"][data-call-key="${keyOf(name)}"]`);
  }

  /** Every card's `data-call-state`, read now (no waiting): for `expect.poll`. */
  callStates(): Promise<(string | null)[]> {
    return this.frame.locator('[data-testid="call-card"]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-call-state')));
  }

  /** Resolves once a card (the given one, or any) is in `state`. */
  async waitForCallState(state: string, key?: string, timeout = 5_000): Promise<Locator> {
    const keyPart = key === undefined ? '' : `[data-call-key="${keyOf(key)}"]`;
    const card = this.frame.locator(`[data-testid="call-card"]${keyPart}[data-call-state="${state}"]`).first();
    await card.waitFor({ timeout });
    return card;
  }

  private async press(button: string, key?: string): Promise<void> {
    await this.callCard(key).getByTestId(button).click();
  }

  accept(key?: string): Promise<void> {
    return this.press('accept', key);
  }

  decline(key?: string): Promise<void> {
    return this.press('decline', key);
  }

  hangUp(key?: string): Promise<void> {
    return this.press('hangup', key);
  }

  hold(key?: string): Promise<void> {
    return this.press('hold', key);
  }

  resume(key?: string): Promise<void> {
    return this.press('resume', key);
  }

  cancelDial(key?: string): Promise<void> {
    return this.press('cancel-dial', key);
  }

  /** Types a number in the toolbar's own dial pad and presses Call. */
  async dial(number: string): Promise<void> {
    await this.byTestId('dial-input').fill(number);
    await this.byTestId('dial-button').click();
  }

  /** What the screen-reader live regions say now (polite and assertive). */
  async liveRegionText(): Promise<string> {
    return ((await this.byTestId('live-region').textContent({ timeout: 2_000 })) ?? '').trim();
  }

  notices(): Locator {
    return this.byTestId('notice');
  }

  /** The codes of the notices shown now, in page order (no waiting). */
  noticeCodes(): Promise<string[]> {
    return this.notices().evaluateAll((items) => items.map((item) => item.getAttribute('data-notice-code') ?? ''));
  }
}
