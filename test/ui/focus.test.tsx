// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { card, inCard, renderToolbar } from './render-toolbar';
import { keyOf } from '../support/driver';

const active = () => document.activeElement;
const title = (key = 'c1') => card(key).querySelector<HTMLElement>('[data-call-title]');

/** A keyboard user: focus the control, then Enter/Space (which a button turns into a click). */
function press(element: HTMLElement) {
  act(() => element.focus());
  expect(active()).toBe(element);
  fireEvent.click(element);
}

function ringing(key = 'c1', number = '+15551230000') {
  const ui = renderToolbar();
  ui.outside((d) => d.login().ring(key, number));
  return ui;
}

describe('keyboard focus when call controls change', () => {
  it('Answer: focus stays in the card while it answers, then lands on Hang up', () => {
    const ui = ringing();
    press(inCard().getByTestId('accept'));
    // Accept is disabled while Genesys confirms: focus moves to the card's title, not <body>.
    expect(inCard().getByTestId('accept')).toHaveProperty('disabled', true);
    expect(active()).toBe(title());
    ui.outside((d) => d.established('c1'));
    expect(inCard().queryByTestId('accept')).toBeNull();
    expect(active()).not.toBe(document.body);
    expect(card().contains(active())).toBe(true);
    // Once connected, focus is on the control that undoes the answer: Hang up.
    expect(active()).toBe(inCard().getByTestId('hangup'));
    expect(title()?.tabIndex).toBe(-1);
  });

  it('Alt+A from a focused Accept: focus ends inside the connected card', () => {
    const ui = ringing();
    act(() => inCard().getByTestId('accept').focus());
    fireEvent.keyDown(document.activeElement ?? document, { key: 'a', code: 'KeyA', altKey: true });
    ui.outside((d) => d.established('c1'));
    expect(card().dataset.callState).toBe('established.talking');
    expect(card().contains(active())).toBe(true);
  });

  it('Hang up: after the release focus goes to the dial input, not <body>', () => {
    const ui = ringing();
    ui.outside((d) => d.established('c1'));
    press(inCard().getByTestId('hangup'));
    expect(ui.driver.genesysOf('genesys.cmd.hangup')).toHaveLength(1);
    expect(card().contains(active())).toBe(true);
    ui.outside((d) => d.released('c1'));
    expect(screen.queryAllByTestId('call-card')).toHaveLength(0);
    expect(active()).not.toBe(document.body);
    expect(active()).toBe(screen.getByTestId('dial-input'));
  });

  it('Hang up with another call on the toolbar: focus goes to that call\'s title, which becomes active', () => {
    const ui = ringing();
    ui.outside((d) => d.established('c1').ring('c2', '+15559990000'));
    press(inCard('c1').getByTestId('hangup'));
    ui.outside((d) => d.released('c1'));
    expect(active()).toBe(title('c2'));
    expect(ui.driver.snapshot().context.activeCall).toBe(keyOf('c2'));
  });

  it('the previous card when the last one in the list goes', () => {
    const ui = ringing();
    ui.outside((d) => d.established('c1').ring('c2', '+15559990000').established('c2'));
    press(inCard('c2').getByTestId('hangup'));
    ui.outside((d) => d.released('c2'));
    expect(active()).toBe(title('c1'));
  });

  it('Hold becomes Resume: focus moves to Resume, the control that undoes it, and back to Hold', () => {
    const ui = ringing();
    ui.outside((d) => d.established('c1'));
    press(inCard().getByTestId('hold'));
    ui.outside((d) => d.genesys({ type: 'genesys.held', connectionId: 'c1' }));
    expect(inCard().queryByTestId('hold')).toBeNull();
    expect(active()).toBe(inCard().getByTestId('resume'));
    press(inCard().getByTestId('resume'));
    ui.outside((d) => d.genesys({ type: 'genesys.retrieved', connectionId: 'c1' }));
    expect(active()).toBe(inCard().getByTestId('hold'));
  });

  it('a held call resumed from the softphone does not pull focus from elsewhere', () => {
    const ui = ringing();
    ui.outside((d) => d.established('c1'));
    press(inCard().getByTestId('hold'));
    act(() => screen.getByTestId('agent-toggle').focus());
    ui.outside((d) => d.genesys({ type: 'genesys.held', connectionId: 'c1' }));
    expect(active()).toBe(screen.getByTestId('agent-toggle'));
  });

  it('a disconnect disables the focused button: focus moves to the title', () => {
    const ui = ringing();
    act(() => inCard().getByTestId('decline').focus());
    ui.outside((d) => d.genesys({ type: 'genesys.disconnected', attempt: 1, retryInMs: 1000, reason: 'code 1006' }));
    expect(inCard().getByTestId('decline')).toHaveProperty('disabled', true);
    expect(active()).toBe(title());
  });

  it('the caller hangs up while the agent is on Accept: focus goes to the dial input', () => {
    const ui = ringing();
    act(() => inCard().getByTestId('accept').focus());
    ui.outside((d) => d.released('c1'));
    expect(active()).toBe(screen.getByTestId('dial-input'));
  });

  it('never takes focus from outside the cards', () => {
    const ui = ringing();
    const input = screen.getByTestId('dial-input');
    act(() => input.focus());
    ui.outside((d) => d.established('c1'));
    expect(active()).toBe(input);
    ui.outside((d) => d.released('c1'));
    expect(active()).toBe(input);
  });

  it('forgets a control the agent left (clicked away, switched window) before it went', async () => {
    const ui = ringing();
    const accept = inCard().getByTestId('accept');
    act(() => accept.focus());
    act(() => accept.blur());
    await Promise.resolve();
    ui.outside((d) => d.established('c1'));
    expect(active()).toBe(document.body);
  });
});
