import { describe, expect, it } from 'vitest';
import { callView, phaseOf, selectCall, type CallInput } from '../../src/ui/call.connect';
import { createDriver } from '../support/driver';

const ALL_CAN = { canAccept: true, canReject: true, canHangup: true, canHold: true, canRetrieve: true };

const input = (phase: string, extra: Partial<CallInput> = {}): CallInput => ({
  phase,
  direction: 'inbound',
  number: '+15551230000',
  queue: undefined,
  since: 0,
  error: null,
  ...ALL_CAN,
  ...extra,
});

const buttons = (phase: string, extra: Partial<CallInput> = {}, online = true) =>
  callView(input(phase, extra), online).buttons.map((button) => `${button.id}${button.enabled ? '' : ' (off)'}`);

describe('callView for every call state', () => {
  it.each([
    ['ringing.alerting', 'call.ringing.alerting', false, ['accept', 'decline']],
    ['ringing.accepting', 'call.ringing.accepting', true, ['accept (off)', 'decline (off)']],
    ['ringing.rejecting', 'call.ringing.rejecting', true, ['accept (off)', 'decline (off)']],
    ['dialing.requested', 'call.dialing.requested', false, ['cancel-dial']],
    ['dialing.cancelRequested', 'call.dialing.canceling', true, ['cancel-dial (off)']],
    ['dialing.alerting', 'call.dialing.alerting', false, ['cancel-dial']],
    ['dialing.canceling', 'call.dialing.canceling', true, ['cancel-dial (off)']],
    ['established.talking', 'call.established.talking', false, ['hold', 'hangup']],
    ['established.holding', 'call.established.holding', true, ['hold (off)', 'hangup (off)']],
    ['established.held', 'call.established.held', false, ['resume', 'hangup']],
    ['established.retrieving', 'call.established.retrieving', true, ['resume (off)', 'hangup (off)']],
    ['established.hangingUp', 'call.established.hangingUp', true, ['hold (off)', 'hangup (off)']],
    ['ended', 'call.ended', false, []],
    ['starting', 'call.other', true, []],
    ['failed', 'call.other', true, []],
    ['established.rollbackHangup', 'call.other', true, ['hold (off)', 'hangup (off)']],
  ] as const)('%s', (phase, label, busy, expected) => {
    const view = callView(input(phase), true);
    expect(view.phase).toBe(phase);
    expect(view.label).toBe(label);
    expect(view.busy).toBe(busy);
    expect(view.icon).not.toBe('');
    expect(buttons(phase)).toEqual(expected);
  });
});

describe('callView', () => {
  it('a button is enabled only if the call machine can take its event', () => {
    expect(buttons('ringing.alerting', { canAccept: false })).toEqual(['accept (off)', 'decline']);
    expect(buttons('established.talking', { canHold: false })).toEqual(['hold (off)', 'hangup']);
  });

  it('offline, every button is disabled', () => {
    expect(buttons('established.talking', {}, false)).toEqual(['hold (off)', 'hangup (off)']);
  });

  it('sends the right events, with the shortcuts named', () => {
    const ringing = callView(input('ringing.alerting'), true).buttons;
    expect(ringing.map((button) => [button.event, button.shortcut])).toEqual([
      ['call.accept', 'Alt+A'],
      ['call.reject', 'Alt+D'],
    ]);
    const held = callView(input('established.held'), true).buttons;
    expect(held.map((button) => [button.event, button.shortcut])).toEqual([
      ['call.retrieve', undefined],
      ['call.hangup', 'Alt+H'],
    ]);
    expect(callView(input('dialing.alerting'), true).buttons[0]).toMatchObject({ event: 'call.hangup', shortcut: 'Alt+H' });
  });

  it('direction, timer, queue and error', () => {
    const view = callView(input('established.talking', { direction: 'outbound', since: 42, queue: 'Sales', error: { code: 'COMMAND_TIMEOUT' } }), true);
    expect(view).toMatchObject({ direction: 'call.outbound', since: 42, showTimer: true, queue: 'Sales', error: { code: 'COMMAND_TIMEOUT' } });
    expect(callView(input('ended'), true).showTimer).toBe(false);
    expect(callView(input('ringing.alerting'), true).direction).toBe('call.inbound');
  });
});

describe('phaseOf / selectCall over a real call actor', () => {
  it('flattens nested values', () => {
    expect(phaseOf('ended')).toBe('ended');
    expect(phaseOf({ established: 'held' })).toBe('established.held');
  });

  it('reads what the machine allows in each state', () => {
    const driver = createDriver();
    driver.login().ring('c1', '+15550001111');
    const ringing = selectCall(driver.callSnapshot('c1')!);
    expect(ringing).toMatchObject({ phase: 'ringing.alerting', number: '+15550001111', direction: 'inbound', canAccept: true, canReject: true, canHangup: false });
    driver.established('c1');
    const talking = selectCall(driver.callSnapshot('c1')!);
    expect(talking).toMatchObject({ phase: 'established.talking', canAccept: false, canHold: true, canHangup: true, canRetrieve: false });
    driver.stop();
  });
});
