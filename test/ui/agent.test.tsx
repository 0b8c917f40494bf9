// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderToolbar } from './render-toolbar';

const agentState = () => screen.getByTestId('agent-state').textContent ?? '';
const toggle = () => screen.getByTestId('agent-toggle');

describe('agent panel', () => {
  it('while connecting: logged out, controls disabled', () => {
    renderToolbar();
    expect(agentState()).toContain('Logged out');
    expect(toggle()).toHaveProperty('disabled', true);
    expect(screen.getByTestId('agent-login')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('connection-state').textContent).toContain('Connecting');
  });

  it('shows Available once Genesys registers, with the switch on', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.genesys({ type: 'genesys.connected' }));
    expect(agentState()).toContain('Logging in');
    ui.outside((d) => d.genesys({ type: 'genesys.registered' }));
    expect(agentState()).toContain('Available');
    expect(toggle().getAttribute('role')).toBe('switch');
    expect(toggle().getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('agent-logout')).toHaveProperty('disabled', false);
  });

  it('the switch asks for Not ready; the state follows Genesys, not the click', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login());
    fireEvent.click(toggle());
    expect(ui.driver.genesysOf('genesys.cmd.notReady')).toEqual([{ type: 'genesys.cmd.notReady' }]);
    expect(agentState()).toContain('Going not ready');
    expect(toggle().getAttribute('aria-checked')).toBe('true');
    expect(toggle()).toHaveProperty('disabled', true);
    ui.outside((d) => d.genesys({ type: 'genesys.agentNotReady' }));
    expect(agentState()).toContain('Not ready');
    expect(toggle().getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle());
    expect(ui.driver.genesysOf('genesys.cmd.ready')).toHaveLength(1);
  });

  it('a not-ready reason sends its code and is shown in words', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login());
    fireEvent.change(screen.getByLabelText('Not ready reason'), { target: { value: 'Lunch' } });
    expect(ui.driver.genesysOf('genesys.cmd.notReady')).toEqual([{ type: 'genesys.cmd.notReady', reason: 'Lunch' }]);
    ui.outside((d) => d.genesys({ type: 'genesys.agentNotReady', reason: 'Lunch' }));
    expect(agentState()).toContain('Reason: Lunch');
    expect((screen.getByTestId('agent-reason') as HTMLSelectElement).value).toBe('Lunch');
  });

  it('explains a refused change', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().genesys({ type: 'genesys.agentNotReady' }));
    fireEvent.click(toggle());
    ui.outside((d) => d.genesys({ type: 'genesys.agentNotReady', reason: 'Supervisor' }));
    expect(screen.getByRole('alert').textContent).toContain('Genesys refused the state change.');
    expect(agentState()).toContain('Reason: Supervisor');
  });

  it('logs out and in', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login());
    fireEvent.click(screen.getByTestId('agent-logout'));
    expect(ui.driver.genesysOf('genesys.cmd.logout')).toHaveLength(1);
    ui.outside((d) => d.genesys({ type: 'genesys.agentLogout' }));
    expect(agentState()).toContain('Logged out');
    fireEvent.click(screen.getByTestId('agent-login'));
    expect(ui.driver.genesysOf('genesys.cmd.register')).toHaveLength(2);
  });

  it('Log out closes the settings menu and gives focus back to its button; Escape closes it wherever focus is', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login());
    const menu = screen.getByTestId('menu');
    fireEvent.click(menu);
    expect(screen.getByTestId('menu-panel').hidden).toBe(false);
    fireEvent.click(screen.getByTestId('agent-logout'));
    expect(screen.getByTestId('menu-panel').hidden).toBe(true);
    expect(document.activeElement).toBe(menu);
    fireEvent.click(menu);
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.getByTestId('menu-panel').hidden).toBe(true);
  });

  it('an agent error is explained and can be dismissed', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.genesys({ type: 'genesys.connected' }));
    ui.outside((d) => d.genesys({ type: 'genesys.commandFailed', command: 'register', code: 'REST_HTTP_500', message: 'Internal' }));
    const error = screen.getByTestId('error');
    expect(error.dataset.errorCode).toBe('REST_HTTP_500');
    expect(error.getAttribute('role')).toBe('alert');
    fireEvent.click(screen.getByTestId('error-dismiss'));
    expect(screen.queryByTestId('error')).toBeNull();
    expect(ui.driver.snapshot().context.agentError).toBeNull();
  });
});
