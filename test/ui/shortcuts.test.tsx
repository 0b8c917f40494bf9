// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { card, inCard, renderToolbar } from './render-toolbar';

const alt = (code: string, extra: Partial<KeyboardEventInit> = {}) =>
  fireEvent.keyDown(document.body, { code, key: code.slice(3).toLowerCase(), altKey: true, ...extra });

describe('keyboard shortcuts', () => {
  it('Alt+A answers the ringing call', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1'));
    alt('KeyA');
    expect(ui.driver.genesysOf('genesys.cmd.accept')).toHaveLength(1);
    expect(card().dataset.callState).toBe('ringing.accepting');
  });

  it('Alt+D declines the ringing call', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1'));
    alt('KeyD');
    expect(ui.driver.genesysOf('genesys.cmd.reject')).toHaveLength(1);
  });

  it('Alt+H hangs up the established call', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1').established('c1'));
    alt('KeyH');
    expect(ui.driver.genesysOf('genesys.cmd.hangup')).toHaveLength(1);
    expect(card().dataset.callState).toBe('established.hangingUp');
  });

  it('Alt+A answers a second call ringing while the active one is talking', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1').established('c1').ring('c2'));
    alt('KeyA');
    expect(ui.driver.genesysOf('genesys.cmd.accept').map((command) => command.connectionId)).toEqual(['c2']);
  });

  it('ignores the letters without Alt, with Ctrl, or when nothing allows the action', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1'));
    fireEvent.keyDown(document.body, { code: 'KeyA', key: 'a' });
    alt('KeyA', { ctrlKey: true });
    alt('KeyH');
    expect(ui.driver.genesysCommands.filter((command) => command.type !== 'genesys.cmd.register' && command.type !== 'genesys.cmd.snapshot')).toEqual([]);
  });

  it('names the shortcuts on the buttons', () => {
    const ui = renderToolbar();
    ui.outside((d) => d.login().ring('c1'));
    expect(inCard().getByTestId('accept').getAttribute('aria-keyshortcuts')).toBe('Alt+A');
    expect(inCard().getByTestId('accept').getAttribute('title')).toBe('Answer (Alt+A)');
    expect(inCard().getByTestId('decline').getAttribute('aria-keyshortcuts')).toBe('Alt+D');
    ui.outside((d) => d.established('c1'));
    expect(inCard().getByTestId('hangup').getAttribute('aria-keyshortcuts')).toBe('Alt+H');
    expect(screen.getByRole('button', { name: /Hang up/ })).toBeTruthy();
  });
});
