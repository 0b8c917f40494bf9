// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { card, inCard, liveText, renderToolbar } from './render-toolbar';
import { keyOf } from '../support/driver';

afterEach(() => vi.useRealTimers());

function ringing() {
  const ui = renderToolbar();
  ui.outside((d) => d.login().ring('c1', '+15551230000'));
  return ui;
}

describe('when a call rings', () => {
  it('shows a card with the number (grouped for reading), direction and Answer/Decline', () => {
    ringing();
    expect(card().dataset.callState).toBe('ringing.alerting');
    expect(inCard().getByTestId('call-number').textContent).toBe('+1 555-123-0000');
    expect(inCard().getByTestId('call-caller').textContent).toBe('+1 555-123-0000');
    expect(inCard().getByTestId('call-state').textContent).toContain('Ringing');
    expect(inCard().getAllByText('Incoming').length).toBeGreaterThan(0);
    expect(inCard().getByTestId('accept')).toHaveProperty('disabled', false);
    expect(inCard().getByTestId('decline')).toHaveProperty('disabled', false);
    expect(inCard().queryByTestId('hangup')).toBeNull();
  });

  it('announces the caller assertively', () => {
    ringing();
    expect(screen.getByTestId('live-assertive').textContent).toBe('Incoming call from +1 555-123-0000');
    expect(screen.getByTestId('live-assertive').getAttribute('aria-live')).toBe('assertive');
  });

  it('Accept sends call.accept: Genesys gets accept and the card waits, busy', () => {
    const { driver } = ringing();
    fireEvent.click(inCard().getByTestId('accept'));
    expect(driver.genesysOf('genesys.cmd.accept')).toEqual([{ type: 'genesys.cmd.accept', connectionId: 'c1', eventId: 'ev-c1' }]);
    expect(card().dataset.callState).toBe('ringing.accepting');
    expect(card().getAttribute('aria-busy')).toBe('true');
    expect(inCard().getByTestId('busy')).toBeTruthy();
    expect(inCard().getByTestId('accept')).toHaveProperty('disabled', true);
    expect(inCard().getByTestId('decline')).toHaveProperty('disabled', true);
  });

  it('Decline sends reject', () => {
    const { driver } = ringing();
    fireEvent.click(inCard().getByTestId('decline'));
    expect(driver.genesysOf('genesys.cmd.reject')).toHaveLength(1);
    expect(card().dataset.callState).toBe('ringing.rejecting');
  });

  it('explains a failed accept in plain words, as an alert', () => {
    const { outside } = ringing();
    fireEvent.click(inCard().getByTestId('accept'));
    outside((d) =>
      d.genesys({ type: 'genesys.commandFailed', command: 'accept', connectionId: 'c1', code: 'REST_TIMEOUT', message: 'no answer in 5000 ms' }),
    );
    expect(card().dataset.callState).toBe('ringing.alerting');
    const error = inCard().getByRole('alert');
    expect(error.dataset.errorCode).toBe('REST_TIMEOUT');
    expect(error.textContent).toContain('The Genesys service did not answer in time.');
    expect(error.textContent).toContain('no answer in 5000 ms');
  });

  it('renders a hostile ANI as text, never as HTML', () => {
    const ui = renderToolbar();
    const ani = '<img src=x onerror=alert(1)>';
    ui.outside((d) => d.login().ring('c1', ani));
    expect(inCard().getByTestId('call-number').textContent).toBe(ani);
    expect(ui.container.querySelector('img')).toBeNull();
    expect(liveText()).toContain(ani);
  });
});

describe('when the call is established', () => {
  it('shows the running timer and Hold / Hang up, and announces it', () => {
    vi.useFakeTimers();
    const ui = ringing();
    ui.outside(() => vi.advanceTimersByTime(400));
    ui.outside((d) => d.established('c1'));
    expect(card().dataset.callState).toBe('established.talking');
    expect(inCard().getByTestId('call-timer').textContent).toBe('00:00');
    // Labelled on screen, not only for screen readers.
    const timer = inCard().getByRole('timer');
    expect(timer.textContent).toBe('Duration 00:00');
    expect(timer.querySelector('.visually-hidden')).toBeNull();
    expect(inCard().getByTestId('hold')).toHaveProperty('disabled', false);
    expect(inCard().getByTestId('hangup')).toHaveProperty('disabled', false);
    expect(inCard().queryByTestId('accept')).toBeNull();
    expect(screen.getByTestId('live-polite').textContent).toBe('Call with +1 555-123-0000 connected');
    ui.outside(() => vi.advanceTimersByTime(999));
    expect(inCard().getByTestId('call-timer').textContent).toBe('00:00');
    ui.outside(() => vi.advanceTimersByTime(1));
    expect(inCard().getByTestId('call-timer').textContent).toBe('00:01');
    ui.outside(() => vi.advanceTimersByTime(64_000));
    expect(inCard().getByTestId('call-timer').textContent).toBe('01:05');
  });

  it('Hold, held, Resume, retrieved', () => {
    const ui = ringing();
    ui.outside((d) => d.established('c1'));
    fireEvent.click(inCard().getByTestId('hold'));
    expect(ui.driver.genesysOf('genesys.cmd.hold')).toHaveLength(1);
    expect(card().dataset.callState).toBe('established.holding');
    ui.outside((d) => d.genesys({ type: 'genesys.held', connectionId: 'c1' }));
    expect(inCard().getByTestId('call-state').textContent).toContain('On hold');
    expect(liveText()).toContain('Call on hold');
    fireEvent.click(inCard().getByTestId('resume'));
    expect(ui.driver.genesysOf('genesys.cmd.retrieve')).toHaveLength(1);
    ui.outside((d) => d.genesys({ type: 'genesys.retrieved', connectionId: 'c1' }));
    expect(inCard().getByTestId('hold')).toBeTruthy();
    expect(liveText()).toContain('Call resumed');
  });

  it('Hang up sends hangup; released turns the card into "Call ended" for a few seconds and announces the end', () => {
    vi.useFakeTimers();
    const ui = ringing();
    ui.outside((d) => d.established('c1'));
    fireEvent.click(inCard().getByTestId('hangup'));
    expect(ui.driver.genesysOf('genesys.cmd.hangup')).toHaveLength(1);
    ui.outside((d) => d.released('c1'));
    expect(screen.queryAllByTestId('call-card')).toHaveLength(0);
    expect(screen.getByTestId('ended-state').textContent).toContain('Call ended');
    expect(screen.getByTestId('ended-card').textContent).toContain('Wrap up in Fusion');
    expect(screen.getByTestId('live-polite').textContent).toBe('Call with +1 555-123-0000 ended');
    ui.outside(() => vi.advanceTimersByTime(4_000));
    expect(screen.queryByTestId('ended-card')).toBeNull();
    expect(screen.getByText('No calls')).toBeTruthy();
  });

  it('the caller hangs up: the card says so, by name', () => {
    const ui = ringing();
    ui.outside((d) => d.fusion({ type: 'fusion.contact', eventId: 'ev-c1', name: 'Ada Lovelace', account: 'Analytical Engines Ltd' }));
    expect(inCard().getByTestId('call-caller').textContent).toBe('Ada Lovelace');
    expect(inCard().getByTestId('call-number').textContent).toBe('+1 555-123-0000');
    expect(card().textContent).toContain('Account: Analytical Engines Ltd');
    ui.outside((d) => d.established('c1').released('c1', 'RemoteRelease'));
    expect(screen.getByTestId('ended-card').textContent).toContain('Ada Lovelace');
    expect(screen.getByTestId('ended-state').textContent).toContain('Caller hung up');
    // Screen readers hear the name too, once Fusion gave it.
    expect(screen.getByTestId('live-polite').textContent).toBe('Call with Ada Lovelace ended');
  });

  it('on hold: its own look and a hold timer beside the call timer', () => {
    vi.useFakeTimers();
    const ui = ringing();
    ui.outside((d) => d.established('c1'));
    expect(card().className).toContain('tone-talking');
    ui.outside(() => vi.advanceTimersByTime(10_000));
    ui.outside((d) => d.genesys({ type: 'genesys.held', connectionId: 'c1' }));
    expect(card().className).toContain('tone-held');
    expect(inCard().getByTestId('hold-timer').textContent).toBe('00:00');
    ui.outside(() => vi.advanceTimersByTime(5_000));
    expect(inCard().getByTestId('hold-timer').textContent).toBe('00:05');
    expect(inCard().getByTestId('call-timer').textContent).toBe('00:15');
  });
});

describe('with two calls', () => {
  it('shows a card each, the ringing one first, and marks the active one', () => {
    const ui = ringing();
    ui.outside((d) => d.established('c1').ring('c2', '+15559990000'));
    const cards = screen.getAllByTestId('call-card');
    expect(cards.map((element) => element.dataset.callKey)).toEqual([keyOf('c2'), keyOf('c1')]);
    expect(card('c1').getAttribute('aria-current')).toBe('true');
    expect(card('c2').getAttribute('aria-current')).toBeNull();
    fireEvent.focus(inCard('c2').getByTestId('accept'));
    expect(ui.driver.snapshot().context.activeCall).toBe(keyOf('c2'));
    expect(card('c2').getAttribute('aria-current')).toBe('true');
  });
});

describe('when Genesys is disconnected', () => {
  it('disables the call buttons', () => {
    const ui = ringing();
    ui.outside((d) => d.genesys({ type: 'genesys.disconnected', attempt: 1, retryInMs: 1000, reason: 'code 1006' }));
    expect(inCard().getByTestId('accept')).toHaveProperty('disabled', true);
  });
});
