import { describe, expect, it } from 'vitest';
import { announce, type CallSummary } from '../../src/ui/announce.connect';

const at = (phase: string, number = '+15551230000'): CallSummary => ({ phase, number });
const said = (prev: string | undefined, next: string | undefined) => {
  const result = announce(prev === undefined ? undefined : at(prev), next === undefined ? undefined : at(next));
  return result ? `${result.urgency}: ${result.text.key}` : null;
};

describe('announce', () => {
  it('an incoming call interrupts, with the number', () => {
    expect(announce(undefined, at('ringing.alerting'))).toEqual({ text: { key: 'live.incoming', params: { number: '+15551230000' } }, urgency: 'assertive' });
    expect(said('ringing.alerting', 'ringing.accepting')).toBeNull();
    expect(said('ringing.accepting', 'ringing.alerting')).toBeNull();
  });

  it('a dial is announced once', () => {
    expect(said(undefined, 'dialing.requested')).toBe('polite: live.dialing');
    expect(said('dialing.requested', 'dialing.alerting')).toBeNull();
  });

  it('connected, from ringing, dialing or straight away', () => {
    expect(said('ringing.accepting', 'established.talking')).toBe('polite: live.connected');
    expect(said('dialing.alerting', 'established.talking')).toBe('polite: live.connected');
    expect(said(undefined, 'established.talking')).toBe('polite: live.connected');
  });

  it('hold and resume, not the pending steps', () => {
    expect(said('established.talking', 'established.holding')).toBeNull();
    expect(said('established.holding', 'established.held')).toBe('polite: live.held');
    expect(said('established.held', 'established.retrieving')).toBeNull();
    expect(said('established.retrieving', 'established.talking')).toBe('polite: live.resumed');
    expect(said('established.holding', 'established.talking')).toBeNull();
  });

  it('connected and ended name the number, so several calls are told apart', () => {
    expect(announce(at('ringing.accepting'), at('established.talking'))).toEqual({
      text: { key: 'live.connected', params: { number: '+15551230000' } },
      urgency: 'polite',
    });
    expect(announce(at('established.talking', '+15559990000'), at('ended', '+15559990000'))?.text).toEqual({
      key: 'live.ended',
      params: { number: '+15559990000' },
    });
    expect(announce(at('established.held', '0312345678'), undefined)?.text).toEqual({ key: 'live.ended', params: { number: '0312345678' } });
  });

  it('ended once, whether seen as a state or as the card going away', () => {
    expect(said('established.talking', 'ended')).toBe('polite: live.ended');
    expect(said('ended', undefined)).toBeNull();
    expect(said('ringing.alerting', undefined)).toBe('polite: live.ended');
    expect(said(undefined, undefined)).toBeNull();
  });
});
