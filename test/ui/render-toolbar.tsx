/** Renders the real toolbar UI over the real statechart with the test driver's fake adapters. */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import type { AlertServices } from '../../src/adapters/alerts';
import { ToolbarApp } from '../../src/ui/Toolbar';
import { createDriver, type Driver, type DriverOptions } from '../support/driver';
import { keyOf } from '../support/call-names';

const started: Driver[] = [];

afterEach(() => {
  cleanup();
  for (const driver of started.splice(0)) driver.stop();
});

export function renderToolbar(options: DriverOptions = {}, alerts: AlertServices | null = null) {
  const driver = createDriver(options);
  started.push(driver);
  const view = render(<ToolbarApp actor={driver.actor} alerts={alerts} />);
  return {
    driver,
    ...view,
    /** Events from outside React (the fake adapters) must go through act() to reach the DOM. */
    outside(gesture: (driver: Driver) => unknown) {
      act(() => {
        gesture(driver);
      });
    },
  };
}

/** A call card by test name (ConnID or `dial:<eventId>`, see keyOf). */
export function card(name = 'c1'): HTMLElement {
  const key = keyOf(name);
  const found = screen.queryAllByTestId('call-card').find((element) => element.dataset.callKey === key);
  if (!found) throw new Error(`no call card ${name}`);
  return found;
}

export const inCard = (key = 'c1') => within(card(key));

export const liveText = () => screen.getByTestId('live-region').textContent ?? '';
