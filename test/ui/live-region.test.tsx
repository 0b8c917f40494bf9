// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPEAT_DELAY_MS } from '../../src/ui/components/LiveRegion';
import { liveText, renderToolbar } from './render-toolbar';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const polite = () => screen.getByTestId('live-polite').textContent;

describe('the live region', () => {
  it('says which call connected and which ended', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1', '+15551230000').established('c1'));
    expect(polite()).toBe('Call with +1 555-123-0000 connected');
    ui.outside((d) => d.ring('c2', '+15559990000').established('c2'));
    expect(polite()).toBe('Call with +1 555-999-0000 connected');
    ui.outside((d) => d.released('c1'));
    expect(polite()).toBe('Call with +1 555-123-0000 ended');
    ui.outside((d) => d.released('c2'));
    expect(polite()).toBe('Call with +1 555-999-0000 ended');
  });

  it('says the same words again when they repeat: empty first, then the words', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1', '+15551230000').established('c1').ring('c2', '+15551230000').established('c2'));
    ui.outside((d) => d.released('c1'));
    expect(polite()).toBe('Call with +1 555-123-0000 ended');
    // Setting the same text would change nothing in the DOM, and a screen reader would stay silent.
    ui.outside((d) => d.released('c2'));
    expect(polite()).toBe('');
    ui.outside(() => vi.advanceTimersByTime(REPEAT_DELAY_MS - 1));
    expect(polite()).toBe('');
    ui.outside(() => vi.advanceTimersByTime(1));
    expect(polite()).toBe('Call with +1 555-123-0000 ended');
    expect(liveText()).toBe('Call with +1 555-123-0000 ended');
  });

  it('a different announcement during the pause is said at once, and the repeat is dropped', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1', '+15551230000').established('c1').ring('c2', '+15551230000').established('c2'));
    ui.outside((d) => d.released('c1'));
    ui.outside((d) => d.released('c2'));
    expect(polite()).toBe('');
    ui.outside((d) => d.ring('c3', '+15557770000'));
    expect(screen.getByTestId('live-assertive').textContent).toBe('Incoming call from +1 555-777-0000');
    ui.outside(() => vi.advanceTimersByTime(REPEAT_DELAY_MS * 2));
    expect(liveText()).toBe('Incoming call from +1 555-777-0000');
  });

  it('a ring names the caller once Fusion gives the name, the number after it', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1', '+15551230000'));
    expect(screen.getByTestId('live-assertive').textContent).toBe('Incoming call from +1 555-123-0000');
    ui.outside((d) => d.fusion({ type: 'fusion.contact', eventId: 'ev-c1', name: 'Ada Lovelace' }));
    expect(screen.getByTestId('live-assertive').textContent).toBe('Incoming call from Ada Lovelace, +1 555-123-0000');
  });

  it('names a call without a number as such', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1', ''));
    expect(liveText()).toBe('Incoming call from Unknown number');
    ui.outside((d) => d.established('c1').released('c1'));
    expect(liveText()).toBe('Call with Unknown number ended');
  });

  it('in Japanese, with the number', () => {
    const ui = renderToolbar({ config: { lang: 'ja' } });
    ui.outside((d) => d.login().ring('c1', '0312345678').established('c1'));
    expect(polite()).toBe('0312345678 との通話がつながりました');
    ui.outside((d) => d.released('c1'));
    expect(polite()).toBe('0312345678 との通話が終了しました');
  });
});
