import { describe, expect, it } from 'vitest';
import type { Ending } from '../../src/machines/toolbar.types';
import { alertPlan, type CallSummary } from '../../src/ui/alerts.connect';
import { callView, type CallInput } from '../../src/ui/call.connect';
import { endingsView, endingView, orderCalls } from '../../src/ui/calls.connect';

const input = (phase: string, extra: Partial<CallInput> = {}): CallInput => ({
  phase,
  direction: 'inbound',
  number: '+15551230000',
  queue: undefined,
  since: 0,
  error: null,
  canAccept: true,
  canReject: true,
  canHangup: true,
  canHold: true,
  canRetrieve: true,
  ...extra,
});

describe('how each call state looks', () => {
  it.each([
    ['ringing.alerting', 'ringing', true],
    ['ringing.accepting', 'busy', true],
    ['ringing.rejecting', 'busy', true],
    ['dialing.requested', 'dialing', false],
    ['dialing.alerting', 'dialing', false],
    ['dialing.canceling', 'busy', false],
    ['established.talking', 'talking', false],
    ['established.holding', 'busy', false],
    ['established.held', 'held', false],
    ['established.retrieving', 'held', false],
    ['established.hangingUp', 'busy', false],
    ['ended', 'ended', false],
  ] as const)('%s: %s, pinned %s', (phase, tone, pinned) => {
    const view = callView(input(phase), true);
    expect(view.tone).toBe(tone);
    expect(view.pinned).toBe(pinned);
  });

  it('Not ready and On hold do not share an icon', () => {
    expect(callView(input('established.held'), true).icon).not.toBe('⊘');
  });

  it('the hold timer runs only on hold', () => {
    expect(callView(input('established.held', { heldSince: 5 }), true).heldSince).toBe(5);
    expect(callView(input('established.talking', { heldSince: 5 }), true).heldSince).toBeNull();
  });

  it('the caller: name on top, the grouped number and account beneath; without a name the number is the title', () => {
    expect(callView(input('ringing.alerting', { contact: { name: 'Ada Lovelace', account: 'Analytical Engines Ltd' } }), true).caller).toEqual({
      title: 'Ada Lovelace',
      number: '+1 555-123-0000',
      account: 'Analytical Engines Ltd',
    });
    expect(callView(input('ringing.alerting'), true).caller).toEqual({ title: '+1 555-123-0000', number: null, account: null });
    expect(callView(input('ringing.alerting', { number: '' }), true).caller.title).toBe('');
  });
});

describe('the list order', () => {
  it('ringing calls first, each group in arrival order', () => {
    expect(orderCalls(['a', 'b', 'c', 'd'], new Set(['c', 'd']))).toEqual(['c', 'd', 'a', 'b']);
    expect(orderCalls(['a', 'b'], new Set())).toEqual(['a', 'b']);
  });
});

const ending = (extra: Partial<Ending>): Ending => ({
  key: 'c1',
  direction: 'inbound',
  number: '+15551230000',
  contact: null,
  reason: 'WRAPUP',
  endedByAgent: false,
  endedByRemote: false,
  error: null,
  at: 0,
  ...extra,
});

describe('ended calls', () => {
  it.each([
    [{ reason: 'WRAPUP', endedByRemote: true }, 'call.ending.remote', true],
    [{ reason: 'WRAPUP', endedByRemote: false }, 'call.ending.agent', true],
    [{ reason: 'WRAPUP', endedByAgent: true, endedByRemote: true }, 'call.ending.agent', true],
    [{ reason: 'ABANDONED' }, 'call.ending.abandoned', false],
    [{ reason: 'MISSED' }, 'call.ending.missed', false],
    [{ reason: 'TIMEOUT' }, 'call.ending.missed', false],
    [{ reason: 'REJECT' }, 'call.ending.declined', false],
    [{ reason: 'REJECT', direction: 'outbound' }, 'call.ending.failed', false],
    [{ reason: 'CANCELED', direction: 'outbound' }, 'call.ending.canceled', false],
  ] as const)('%o says %s', (extra, label, wrapUp) => {
    const view = endingView(ending(extra as Partial<Ending>));
    expect(view.label).toBe(label);
    expect(view.wrapUp).toBe(wrapUp);
  });

  it('newest first, by name; an ended key that is live again is not shown twice', () => {
    const views = endingsView([ending({ key: 'a', contact: { name: 'Ada' } }), ending({ key: 'b' })], ['a']);
    expect(views.map((view) => view.key)).toEqual(['b']);
    expect(endingsView([ending({ key: 'a', contact: { name: 'Ada' } }), ending({ key: 'b' })], []).map((v) => v.caller.title)).toEqual(['+1 555-123-0000', 'Ada']);
  });
});

describe('alerts for a ringing call', () => {
  const calls: CallSummary[] = [
    { key: 'c1', ringing: false, caller: 'Ada', queue: null },
    { key: 'c2', ringing: true, caller: 'Grace', queue: 'Sales' },
  ];
  const all = { ringTone: true, notify: true, title: true };

  it('ring tone and title while a call rings; notifications only while the toolbar is hidden', () => {
    expect(alertPlan(calls, all, false)).toEqual({ ring: true, title: { key: 'title.ringing', params: { caller: 'Grace' } }, notifications: [] });
    expect(alertPlan(calls, all, true).notifications).toEqual([{ tag: 'c2', caller: 'Grace', queue: 'Sales' }]);
  });

  it('each one only when the agent turned it on', () => {
    expect(alertPlan(calls, { ringTone: false, notify: false, title: false }, true)).toEqual({ ring: false, title: null, notifications: [] });
  });

  it('nothing without a ringing call', () => {
    expect(alertPlan([calls[0] as CallSummary], all, true)).toEqual({ ring: false, title: null, notifications: [] });
  });
});
