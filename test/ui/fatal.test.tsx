// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromCallback } from 'xstate';
import { DEFAULT_CONFIG } from '../../src/config';
import { toolbarMachine } from '../../src/machines/toolbar.machine';
import { ToolbarApp } from '../../src/ui/Toolbar';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('when the statechart stops with an error', () => {
  it('the toolbar says so in its language instead of leaving a blank frame', () => {
    // React and the error observer log the failure; keep the test output clean.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const machine = toolbarMachine.provide({
      actors: { genesys: fromCallback(() => undefined), fusion: fromCallback(() => undefined) },
      actions: {
        dismissNotice: () => {
          throw new Error('dismissNotice exploded');
        },
      },
    });
    const actor = createActor(machine, { input: { config: { ...DEFAULT_CONFIG, lang: 'ja' } } });
    const errors: unknown[] = [];
    actor.subscribe({ error: (error) => errors.push(error) });
    actor.start();
    render(<ToolbarApp actor={actor} />);
    act(() => actor.send({ type: 'notice.dismiss', seq: 1 }));
    expect(errors).toHaveLength(1);
    const fatal = screen.getByTestId('fatal-error');
    expect(fatal.getAttribute('role')).toBe('alert');
    expect(fatal.textContent).toContain('ツールバーが停止しました');
    expect(fatal.textContent).toContain('dismissNotice exploded');
  });
});
