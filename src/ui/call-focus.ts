/**
 * Keyboard focus in the calls section. A card's controls follow its call's state: Accept and
 * Decline unmount when the call connects, Hold becomes Resume, a busy state disables the button
 * just pressed, and the whole card goes when the call ends. Left alone, focus would fall to
 * <body> and a keyboard or screen-reader user would lose their place.
 *
 * The keeper remembers which element inside a card has focus. When that element is removed or
 * disabled and focus has gone nowhere else, it moves focus to the card's title (focusable with
 * tabIndex -1); if the card itself is gone, to the next card's title (the previous one if it was
 * the last), else to the first fallback that can take it (the dial input, then the Calls heading).
 * Focus outside the cards is never moved.
 */

/** Marks a card (its value is the call key) and the card's title. */
export const CARD_SELECTOR = '[data-call-key]';
export const TITLE_SELECTOR = '[data-call-title]';

export interface CallFocusTargets {
  /** The element holding the cards; focus inside a card in it is remembered. */
  section: HTMLElement | null;
  /** Where focus goes when no card is left, first usable one wins. */
  fallbacks: readonly (HTMLElement | null | undefined)[];
}

interface Held {
  element: HTMLElement;
  key: string;
}

const isElement = (target: EventTarget | null): target is HTMLElement =>
  target !== null && (target as Node).nodeType === 1 && typeof (target as HTMLElement).focus === 'function';

/** Gone from the page, or disabled: it no longer has (or can take) focus. */
function lost(element: HTMLElement): boolean {
  return !element.isConnected || element.matches(':disabled');
}

/** Focus has nowhere to be: on <body>, or still on the lost element (a disabled button keeps it in some browsers). */
function focusIsAdrift(held: HTMLElement): boolean {
  const active = held.ownerDocument.activeElement;
  return active === null || active === held || active === held.ownerDocument.body || active === held.ownerDocument.documentElement;
}

export class CallFocusKeeper {
  private held: Held | null = null;
  private order: readonly string[] = [];

  constructor(private readonly targets: () => CallFocusTargets) {}

  /** The call keys in display order, given after each render of the list, to find "the next card". */
  setOrder(keys: readonly string[]): void {
    this.order = keys;
  }

  /** A `focusin` in the section. */
  readonly focusIn = (event: Pick<FocusEvent, 'target'>): void => {
    const element = isElement(event.target) ? event.target : null;
    const card = element?.closest<HTMLElement>(CARD_SELECTOR);
    this.held = element && card ? { element, key: card.dataset['callKey'] ?? '' } : null;
  };

  /** A `focusout` in the section. */
  readonly focusOut = (event: Pick<FocusEvent, 'target' | 'relatedTarget'>): void => {
    const { target, relatedTarget } = event;
    const section = this.targets().section;
    if (relatedTarget !== null) {
      // Moving within the section: the focusin that follows records it. Leaving it: forget.
      if (!(isElement(relatedTarget) && section?.contains(relatedTarget))) this.held = null;
      return;
    }
    // Focus went to nothing: the element is being removed or disabled (keep it, restore acts), or
    // the agent clicked something unfocusable or left the frame (it still stands: forget it).
    queueMicrotask(() => {
      if (this.held && this.held.element === target && !lost(this.held.element)) this.held = null;
    });
  };

  /** After every render that may have removed or disabled controls: put lost focus back in place. */
  readonly restore = (): void => {
    const held = this.held;
    if (!held || !lost(held.element)) return;
    this.held = null;
    if (!focusIsAdrift(held.element)) return;
    this.targetFor(held.key)?.focus();
  };

  private targetFor(key: string): HTMLElement | undefined {
    const { section, fallbacks } = this.targets();
    const cards = section ? [...section.querySelectorAll<HTMLElement>(CARD_SELECTOR)] : [];
    const titleOf = (callKey: string) =>
      cards.find((card) => card.dataset['callKey'] === callKey)?.querySelector<HTMLElement>(TITLE_SELECTOR) ?? undefined;
    const own = titleOf(key);
    if (own) return own;
    const index = this.order.indexOf(key);
    const neighbours = index < 0 ? [] : [...this.order.slice(index + 1), ...this.order.slice(0, index).reverse()];
    for (const neighbour of neighbours) {
      const title = titleOf(neighbour);
      if (title) return title;
    }
    const anyTitle = cards[0]?.querySelector<HTMLElement>(TITLE_SELECTOR);
    if (anyTitle) return anyTitle;
    return fallbacks.find((element): element is HTMLElement => !!element && !lost(element));
  }
}
