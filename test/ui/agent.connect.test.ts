import { describe, expect, it } from 'vitest';
import { agentView, selectAgent, type AgentInput, type AgentStateName } from '../../src/ui/agent.connect';
import { createDriver } from '../support/driver';

const input = (state: AgentStateName, extra: Partial<AgentInput> = {}): AgentInput => ({
  state,
  online: true,
  notReadyReason: null,
  error: null,
  ...extra,
});

describe('agentView for every agent state (online)', () => {
  const table: [AgentStateName, { busy: boolean; checked: boolean; toggle: boolean; event: string; session: string; sessionEnabled: boolean; picker: boolean }][] = [
    ['loggedOut', { busy: false, checked: false, toggle: true, event: 'agent.goAvailable', session: 'login', sessionEnabled: true, picker: false }],
    ['registering', { busy: true, checked: false, toggle: false, event: 'agent.goAvailable', session: 'login', sessionEnabled: false, picker: false }],
    ['available', { busy: false, checked: true, toggle: true, event: 'agent.goUnavailable', session: 'logout', sessionEnabled: true, picker: true }],
    ['unavailable', { busy: false, checked: false, toggle: true, event: 'agent.goAvailable', session: 'logout', sessionEnabled: true, picker: true }],
    ['goingAvailable', { busy: true, checked: false, toggle: false, event: 'agent.goAvailable', session: 'logout', sessionEnabled: false, picker: false }],
    ['goingUnavailable', { busy: true, checked: true, toggle: false, event: 'agent.goUnavailable', session: 'logout', sessionEnabled: false, picker: false }],
    ['loggingOut', { busy: true, checked: false, toggle: false, event: 'agent.goAvailable', session: 'logout', sessionEnabled: false, picker: false }],
  ];
  it.each(table)('%s', (state, expected) => {
    const view = agentView(input(state));
    expect(view.label).toBe(`agent.${state}`);
    expect(view.icon).not.toBe('');
    expect(view.busy).toBe(expected.busy);
    expect(view.toggle).toEqual({ checked: expected.checked, enabled: expected.toggle, event: expected.event });
    expect(view.session).toEqual({ action: expected.session, enabled: expected.sessionEnabled });
    expect(view.reasonPicker.enabled).toBe(expected.picker);
  });
});

describe('agentView', () => {
  it('offline, nothing can be asked of Genesys', () => {
    for (const state of ['loggedOut', 'available', 'unavailable'] as const) {
      const view = agentView(input(state, { online: false }));
      expect([view.toggle.enabled, view.session.enabled, view.reasonPicker.enabled]).toEqual([false, false, false]);
    }
  });

  it('names a known reason, shows an unknown one as text, and none while available', () => {
    expect(agentView(input('unavailable', { notReadyReason: 'Lunch' })).reason).toEqual({ raw: 'Lunch' });
    expect(agentView(input('unavailable', { notReadyReason: 'Lunch' })).reasonPicker.value).toBe('Lunch');
    expect(agentView(input('unavailable', { notReadyReason: 'LINK_DOWN' })).reason).toEqual({ label: 'reason.LINK_DOWN' });
    expect(agentView(input('unavailable', { notReadyReason: 'LINK_DOWN' })).reasonPicker.value).toBe('');
    expect(agentView(input('unavailable', { notReadyReason: 'Coaching' })).reason).toEqual({ raw: 'Coaching' });
    expect(agentView(input('available', { notReadyReason: 'Lunch' })).reason).toBeNull();
    expect(agentView(input('unavailable')).reason).toBeNull();
  });

  it('offers the configured reasons in the agent\'s language and names the chosen one in it', () => {
    const reasons = [{ code: 'COACH', label: { en: 'Coaching', ja: 'コーチング' } }];
    const view = agentView(input('unavailable', { notReadyReason: 'COACH', reasons, lang: 'ja' }));
    expect(view.reasonPicker.options).toEqual([{ code: 'COACH', text: 'コーチング' }]);
    expect(view.reasonPicker.value).toBe('COACH');
    expect(view.reason).toEqual({ raw: 'コーチング' });
    // A default reason that is not configured any more is shown as its code, not picked.
    expect(agentView(input('unavailable', { notReadyReason: 'Lunch', reasons })).reasonPicker.value).toBe('');
  });

  it('passes the agent error through', () => {
    expect(agentView(input('unavailable', { error: { code: 'AGENT_TIMEOUT' } })).error).toEqual({ code: 'AGENT_TIMEOUT' });
  });
});

describe('what the agent is doing, with the Genesys state beside it', () => {
  const table: [string, AgentStateName, string[], { label: string; beside: string | null }][] = [
    ['idle and available', 'available', [], { label: 'agent.available', beside: null }],
    ['when ringing', 'available', ['ringing.alerting'], { label: 'activity.ringing', beside: 'agent.ready' }],
    ['when dialing', 'unavailable', ['dialing.alerting'], { label: 'activity.dialing', beside: 'agent.unavailable' }],
    ['when talking', 'available', ['established.talking'], { label: 'activity.onCall', beside: 'agent.ready' }],
    ['when held', 'available', ['established.held'], { label: 'activity.onHold', beside: 'agent.ready' }],
    ['when talking on one call and holding another', 'available', ['established.held', 'established.talking'], { label: 'activity.onCall', beside: 'agent.ready' }],
    ['when a call rings during a held one', 'available', ['established.held', 'ringing.alerting'], { label: 'activity.ringing', beside: 'agent.ready' }],
    ['when consulting', 'available', ['established.consulting.ringingTarget'], { label: 'activity.consulting', beside: 'agent.ready' }],
    ['when wrapping up', 'wrappingUp', [], { label: 'activity.afterCallWork', beside: null }],
    ['when a call rings during the wrap-up', 'wrappingUp', ['ringing.alerting'], { label: 'activity.ringing', beside: 'agent.wrappingUp' }],
  ];
  it.each(table)('%s', (_name, state, phases, expected) => {
    const view = agentView(input(state, { phases }));
    expect({ label: view.label, beside: view.beside }).toEqual(expected);
  });

  it('keeps the not-ready reason beside the activity', () => {
    const view = agentView(input('unavailable', { notReadyReason: 'Lunch', phases: ['established.talking'] }));
    expect(view).toMatchObject({ label: 'activity.onCall', beside: 'agent.unavailable', reason: { raw: 'Lunch' } });
  });
});

describe('selectAgent', () => {
  it('reads the agent region and whether the socket is open', () => {
    const driver = createDriver();
    expect(selectAgent(driver.snapshot())).toMatchObject({ state: 'loggedOut', online: false, notReadyReason: null, error: null, lang: 'en' });
    driver.login();
    expect(selectAgent(driver.snapshot())).toMatchObject({ state: 'available', online: true });
    driver.stop();
  });
});
