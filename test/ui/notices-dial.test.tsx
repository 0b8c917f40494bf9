// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { card, inCard, renderToolbar } from './render-toolbar';

describe('notices', () => {
  it('shows coded problems in plain words, newest first, and dismisses them', () => {
    const ui = renderToolbar();
    ui.outside((d) =>
      d
        .login()
        .genesys({ type: 'genesys.protocolError', code: 'FRAME_INVALID', message: 'EventRinging: ConnID missing' })
        .genesys({ type: 'genesys.commandFailed', command: 'ready', code: 'REST_HTTP_503', message: 'Service Unavailable' }),
    );
    const notices = screen.getAllByTestId('notice');
    expect(notices.map((notice) => notice.dataset.noticeCode)).toEqual(['REST_HTTP_503', 'FRAME_INVALID']);
    expect(notices[0]?.textContent).toContain('The Genesys service answered with error 503.');
    expect(notices[1]?.textContent).toContain('had an unexpected shape');
    expect(notices[1]?.textContent).toContain('EventRinging: ConnID missing');
    expect(screen.getByRole('heading', { name: '2 notices' })).toBeTruthy();
    fireEvent.click(within(notices[0] as HTMLElement).getByTestId('notice-dismiss'));
    expect(screen.getAllByTestId('notice').map((notice) => notice.dataset.noticeCode)).toEqual(['FRAME_INVALID']);
    expect(ui.driver.snapshot().context.notices).toHaveLength(1);
  });

  it('an unknown code still says something, with the code', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.genesys({ type: 'genesys.protocolError', code: 'WEIRD_THING', message: 'x' }));
    expect(screen.getByTestId('notice').textContent).toContain('Something went wrong (code WEIRD_THING).');
  });

  it('dismiss buttons have names', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.genesys({ type: 'genesys.protocolError', code: 'FRAME_TOO_LARGE', message: 'big' }));
    expect(screen.getByRole('button', { name: /^Dismiss: A message from Genesys was too large/ })).toBeTruthy();
  });
});

describe('dial pad', () => {
  it('typed number + Call sends agent.dial; Genesys gets makeCall with the dialable form, the card shows it grouped; the field clears', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login());
    const input = screen.getByTestId('dial-input') as HTMLInputElement;
    expect(input.type).toBe('tel');
    fireEvent.input(input, { target: { value: ' +1 (555) 987 6543 ' } });
    fireEvent.click(screen.getByTestId('dial-button'));
    expect(ui.driver.genesysOf('genesys.cmd.makeCall').map((command) => command.number)).toEqual(['+15559876543']);
    expect(input.value).toBe('');
    const dial = screen.getByTestId('call-card');
    expect(within(dial).getByTestId('call-caller').textContent).toBe('+1 555-987-6543');
    expect(dial.dataset.callState).toBe('dialing.requested');
    // Cancellable at once: the machine hangs up as soon as Genesys names the call.
    fireEvent.click(within(dial).getByTestId('cancel-dial'));
    expect(screen.getByTestId('call-card').dataset.callState).toBe('dialing.cancelRequested');
    expect(within(screen.getByTestId('call-card')).getByTestId('cancel-dial')).toHaveProperty('disabled', true);
  });

  it('digit keys type; backspace deletes; an invalid number cannot be called', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login());
    for (const key of ['5', 'star', 'hash']) fireEvent.click(screen.getByTestId(`dial-key-${key}`));
    const input = screen.getByTestId('dial-input') as HTMLInputElement;
    expect(input.value).toBe('5*#');
    fireEvent.click(screen.getByTestId('dial-backspace'));
    expect(input.value).toBe('5*');
    expect(screen.getByTestId('dial-button')).toHaveProperty('disabled', true);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('dial-hint').textContent).toContain('Enter 2 to 20 digits');
    fireEvent.input(input, { target: { value: 'abc' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(ui.driver.genesysOf('genesys.cmd.makeCall')).toHaveLength(0);
  });

  it('Cancel on a dial that is ringing the far end hangs it up', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login());
    fireEvent.input(screen.getByTestId('dial-input'), { target: { value: '0312345678' } });
    fireEvent.click(screen.getByTestId('dial-button'));
    const key = ui.driver.callKeys()[0] ?? '';
    const eventId = ui.driver.genesysOf('genesys.cmd.makeCall')[0]?.eventId;
    ui.outside((d) => d.genesys({ type: 'genesys.dialing', connectionId: 'c9', number: '0312345678', ...(eventId ? { eventId } : {}) }));
    expect(card(key).dataset.callState).toBe('dialing.alerting');
    expect(inCard(key).getAllByText('Outgoing').length).toBeGreaterThan(0);
    expect(screen.getByTestId('live-polite').textContent).toBe('Calling 0312345678');
    fireEvent.click(inCard(key).getByTestId('cancel-dial'));
    expect(ui.driver.genesysOf('genesys.cmd.hangup')).toEqual([{ type: 'genesys.cmd.hangup', connectionId: 'c9', eventId }]);
  });

  it('a busy far end ends the dial; the outcome is told beside the dial field, not in the notices', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().genesys({ type: 'genesys.dialing', connectionId: 'c9', number: '0312345678' }));
    ui.outside((d) => d.genesys({ type: 'genesys.destinationBusy', connectionId: 'c9' }));
    expect(screen.queryAllByTestId('call-card')).toHaveLength(0);
    expect(screen.getByTestId('ended-state').textContent).toContain('Call not connected');
    const outcome = screen.getByTestId('dial-outcome');
    expect(outcome.textContent).toContain('The number you called is busy.');
    expect(outcome.closest('.dial')?.querySelector('[data-testid="dial-input"]')).toBeTruthy();
    expect(screen.queryByTestId('notice')).toBeNull();
    fireEvent.click(screen.getByTestId('dial-outcome-dismiss'));
    expect(screen.queryByTestId('dial-outcome')).toBeNull();
  });

  it('folds behind "Dial a number" while a call is up; the keypad shows on request', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login());
    expect(screen.getByTestId('dial-input').closest('form')?.hidden).toBe(false);
    expect(screen.getByTestId('dial-key-5').closest('.keypad')?.hasAttribute('hidden')).toBe(true);
    fireEvent.click(screen.getByTestId('dial-keypad'));
    expect(screen.getByTestId('dial-key-5').closest('.keypad')?.hasAttribute('hidden')).toBe(false);
    ui.outside((d) => d.ring('c1'));
    expect(screen.getByTestId('dial-input').closest('form')?.hidden).toBe(true);
    fireEvent.click(screen.getByTestId('dial-unfold'));
    expect(screen.getByTestId('dial-unfold').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('dial-input').closest('form')?.hidden).toBe(false);
  });
});
