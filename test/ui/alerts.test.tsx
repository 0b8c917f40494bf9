// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AlertServices, NotifyPermission } from '../../src/adapters/alerts';
import { createPreferenceStore } from '../../src/adapters/alerts/preferences';
import { renderToolbar } from './render-toolbar';
import { keyOf } from '../support/call-names';

function fakeServices(permission: NotifyPermission = 'default', answer: NotifyPermission = 'granted') {
  let hidden = false;
  let visibility: (() => void) | undefined;
  const services = {
    preferences: createPreferenceStore(null),
    ringTone: { prime: vi.fn(), start: vi.fn(), stop: vi.fn() },
    notifier: {
      permission: vi.fn(() => permission),
      request: vi.fn(async () => {
        permission = answer;
        return answer;
      }),
      show: vi.fn(),
      close: vi.fn(),
    },
    page: {
      hidden: () => hidden,
      onVisibility: (listener: () => void) => {
        visibility = listener;
        return () => undefined;
      },
      setTitle: vi.fn(),
      onFirstGesture: vi.fn(),
    },
  } satisfies AlertServices;
  const hide = (value: boolean) => {
    hidden = value;
    act(() => visibility?.());
  };
  return { services, hide };
}

describe('alerts for a ringing call', () => {
  it('the page title names the ringing caller, and goes back when it is answered', () => {
    const { services } = fakeServices();
    const ui = renderToolbar({}, services);
    ui.outside((d) => d.login().ring('c1', '+15551230000'));
    expect(services.page.setTitle).toHaveBeenLastCalledWith('Ringing: +1 555-123-0000');
    ui.outside((d) => d.established('c1'));
    expect(services.page.setTitle).toHaveBeenLastCalledWith('Genesys toolbar');
  });

  it('the ring tone plays only once turned on, while a call rings', () => {
    const { services } = fakeServices();
    const ui = renderToolbar({}, services);
    ui.outside((d) => d.login().ring('c1'));
    expect(services.ringTone.start).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('pref-ring-tone'));
    // Turning it on is a gesture in the frame: audio may start from now on.
    expect(services.ringTone.prime).toHaveBeenCalled();
    expect(services.ringTone.start).toHaveBeenCalledTimes(1);
    ui.outside((d) => d.established('c1'));
    expect(services.ringTone.stop).toHaveBeenCalled();
  });

  it('notification permission is asked only from the switch; then a hidden toolbar notifies a ring, once, and closes it', async () => {
    const { services, hide } = fakeServices();
    const ui = renderToolbar({}, services);
    ui.outside((d) => d.login());
    expect(services.notifier.request).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByTestId('pref-notify'));
    });
    expect(services.notifier.request).toHaveBeenCalledTimes(1);
    expect((screen.getByTestId('pref-notify') as HTMLInputElement).checked).toBe(true);
    ui.outside((d) => d.ring('c1', '+15551230000', 'ev1'));
    expect(services.notifier.show).not.toHaveBeenCalled();
    hide(true);
    expect(services.notifier.show).toHaveBeenCalledWith(keyOf('c1'), 'Incoming call', '+1 555-123-0000');
    ui.outside((d) => d.fusion({ type: 'fusion.contact', eventId: 'ev1', name: 'Ada Lovelace' }));
    ui.outside((d) => d.established('c1'));
    expect(services.notifier.show).toHaveBeenCalledTimes(1);
    expect(services.notifier.close).toHaveBeenCalledWith(keyOf('c1'));
  });

  it('a refused permission leaves the switch off and says why', async () => {
    const { services } = fakeServices('default', 'denied');
    const ui = renderToolbar({}, services);
    ui.outside((d) => d.login());
    await act(async () => {
      fireEvent.click(screen.getByTestId('pref-notify'));
    });
    expect((screen.getByTestId('pref-notify') as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('pref-notify-note').textContent).toContain('blocked');
  });
});

describe('header popovers', () => {
  it('open from their buttons, close with Escape and give focus back', () => {
    renderToolbar();
    const button = screen.getByTestId('help');
    const panel = screen.getByTestId('help-panel');
    expect(panel.hidden).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain('Alt+A');
    expect(panel.textContent).toContain('inside the toolbar');
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(button);
  });
});
