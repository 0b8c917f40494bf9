import { describe, expect, it } from 'vitest';
import { consultParties, type ConsultInput } from '../../src/ui/consult.connect';

const input = (phase: string, extra: Partial<ConsultInput> = {}): ConsultInput => ({
  phase,
  customer: 'Ada Lovelace',
  target: '+1 555-000-7777',
  answered: false,
  heldSince: 1_000,
  consultSince: 2_000,
  ...extra,
});

const rows = (phase: string, extra: Partial<ConsultInput> = {}) =>
  consultParties(input(phase, extra))?.map((party) => `${party.who}: ${party.state}${party.talking ? ' (heard)' : ''}${party.timer ? ` ${party.timer.label}@${party.timer.since}` : ''}`);

describe('a consult shows both parties', () => {
  it('when calling the target: the customer held with the hold time, the target being called with its own timer', () => {
    expect(rows('established.consulting.ringingTarget')).toEqual([
      'customer: consult.state.held call.heldFor@1000',
      'target: consult.state.calling call.duration@2000',
    ]);
  });

  it('when talking to the target: the agent hears the target', () => {
    expect(rows('established.consulting.talkingToTarget', { answered: true })).toEqual([
      'customer: consult.state.held call.heldFor@1000',
      'target: consult.state.talking (heard) call.duration@2000',
    ]);
  });

  it('after Swap: the agent hears the customer, the target waits on hold', () => {
    expect(rows('established.consulting.talkingToCaller', { answered: true, heldSince: null })).toEqual([
      'customer: consult.state.talking (heard)',
      'target: consult.state.held call.duration@2000',
    ]);
  });

  it('while swapping, the target not yet answered still reads as being called', () => {
    expect(rows('established.consulting.canceling')?.[1]).toBe('target: consult.state.calling call.duration@2000');
  });

  it('when the customer hung up during the consult: said on their row; the agent hears the target', () => {
    expect(rows('established.consultOnly.connected', { answered: true })).toEqual(['customer: consult.state.left', 'target: consult.state.talking (heard) call.duration@2000']);
  });

  it("the customer's state is said once: by the hold timer's label when it runs", () => {
    expect(consultParties(input('established.consulting.ringingTarget'))?.map((party) => party.stateShown)).toEqual([false, true]);
    expect(consultParties(input('established.consulting.ringingTarget', { heldSince: null }))?.[0]?.stateShown).toBe(true);
  });

  it('outside a consult: nothing', () => {
    expect(consultParties(input('established.talking'))).toBeNull();
    expect(consultParties(input('ringing.alerting'))).toBeNull();
  });
});
