// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderToolbar } from './render-toolbar';

afterEach(() => vi.useRealTimers());

const connection = () => screen.getByTestId('connection-state').textContent ?? '';
const fusion = () => screen.getByTestId('fusion-state').textContent ?? '';

describe('Genesys connection', () => {
  it('connected, then the switch link down', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login());
    expect(connection()).toContain('Genesys: Connected');
    ui.outside((d) => d.genesys({ type: 'genesys.linkDisconnected' }));
    expect(connection()).toContain('switch link is down');
    expect(screen.getByTestId('agent-state').textContent).toContain('Phone system link down');
  });

  it('reconnecting counts down each second with the attempt number, then retries', () => {
    vi.useFakeTimers();
    const ui = renderToolbar();
    ui.outside((d) => d.login().genesys({ type: 'genesys.disconnected', attempt: 3, retryInMs: 5_000, reason: 'code 1006' }));
    expect(connection()).toContain('Disconnected');
    const banner = screen.getByTestId('connection-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('Calls go on on your softphone');
    expect(screen.getByTestId('agent-state').textContent).toContain('Available (last known)');
    const countdown = screen.getByTestId('reconnect-countdown');
    expect(countdown.textContent).toContain('retrying in 5 seconds (attempt 3)');
    expect(countdown.getAttribute('aria-live')).toBe('off');
    ui.outside(() => vi.advanceTimersByTime(2_000));
    expect(screen.getByTestId('reconnect-countdown').textContent).toContain('retrying in 3 seconds');
    ui.outside(() => vi.advanceTimersByTime(3_000));
    expect(screen.getByTestId('reconnect-countdown').textContent).toContain('retrying now (attempt 3)');
    ui.outside((d) => d.genesys({ type: 'genesys.connected' }));
    expect(connection()).toContain('Connected');
    expect(screen.queryByTestId('reconnect-countdown')).toBeNull();
    expect(screen.queryByTestId('connection-banner')).toBeNull();
  });
});

describe('when another window of the agent has the toolbar', () => {
  const replaced = { type: 'genesys.replaced', code: 4004, reason: 'another session of the agent took over' } as const;

  it.each([
    ['en', 'Your toolbar is open in another window', 'In another window', 'Use here'],
    ['ja', '別のウィンドウでツールバーが開かれています', '別のウィンドウで使用中', 'ここで使う'],
  ] as const)('%s: says so, with Use here, which asks for the socket back', async (lang, title, line, button) => {
    const ui = renderToolbar({ config: { lang } });
    ui.outside((d) => d.login().ring('c1').established('c1').genesys(replaced));
    const banner = screen.getByTestId('connection-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain(title);
    expect(connection()).toContain(line);
    expect(screen.queryByTestId('reconnect-countdown')).toBeNull();
    expect(screen.getByTestId('call-card')).toBeTruthy();
    screen.getByRole('button', { name: button }).click();
    expect(ui.driver.lastGenesys()).toEqual({ type: 'genesys.cmd.reconnect' });
    ui.outside((d) => d.genesys({ type: 'genesys.connected' }));
    expect(screen.queryByTestId('connection-banner')).toBeNull();
  });
});

describe('Fusion', () => {
  it('ready', () => {
    renderToolbar();
    expect(fusion()).toContain('Fusion: Connected');
  });

  it('initializing, then absent (outside Fusion)', () => {
    const ui = renderToolbar({ fusionReady: false });
    expect(fusion()).toContain('Connecting to Fusion');
    ui.outside((d) => d.fusion({ type: 'fusion.absent', reason: 'no UEF global' }));
    expect(fusion()).toContain('Fusion: Not in Fusion');
  });

  it('failed, explained', () => {
    const ui = renderToolbar({ fusionReady: false });
    ui.outside((d) => d.fusion({ type: 'fusion.failed', code: 'UEF_INIT_TIMEOUT', message: 'no answer in 10000 ms' }));
    expect(fusion()).toContain('Could not connect');
    expect(screen.getByTestId('error').textContent).toContain('Fusion did not start its connection with the toolbar in time.');
    expect(screen.getByTestId('error').dataset.errorCode).toBe('UEF_INIT_TIMEOUT');
  });
});
