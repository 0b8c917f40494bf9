import { describe, expect, it } from 'vitest';
import { countdown, selectWrapUp, wrapUpView, type WrapUpInput } from '../../src/ui/wrap-up.connect';
import { createDriver } from '../support/driver';

const input = (extra: Partial<WrapUpInput> = {}): WrapUpInput => ({ phase: 'active', since: 1_000, limitMs: 120_000, online: true, ...extra });

describe('the wrap-up panel', () => {
  describe('when wrapping up', () => {
    it('names the customer, by name with the grouped number beneath', () => {
      const view = wrapUpView(input({ number: '+15551230000', contact: { name: 'Ada Lovelace', account: 'Analytical Engines Ltd' } }));
      expect(view.caller).toEqual({ title: 'Ada Lovelace', number: '+1 555-123-0000', account: 'Analytical Engines Ltd' });
      expect(view.doneEnabled).toBe(true);
    });

    it('names the customer by number when Fusion gave no name; nobody when the call had no number', () => {
      expect(wrapUpView(input({ number: '+15551230000' })).caller?.title).toBe('+1 555-123-0000');
      expect(wrapUpView(input({ number: '' })).caller).toBeNull();
    });

    it('counts the time left down, neutral until the last quarter (at most 30 s), never below zero', () => {
      const view = wrapUpView(input());
      expect(countdown(view, 1_000)).toEqual({ leftMs: 120_000, ending: false });
      expect(countdown(view, 1_000 + 89_000)).toEqual({ leftMs: 31_000, ending: false });
      expect(countdown(view, 1_000 + 90_000)).toEqual({ leftMs: 30_000, ending: true });
      expect(countdown(view, 1_000 + 200_000)).toEqual({ leftMs: 0, ending: true });
      // A short limit warns for its last quarter.
      expect(countdown(wrapUpView(input({ limitMs: 20_000 })), 1_000 + 14_000)).toEqual({ leftMs: 6_000, ending: false });
      expect(countdown(wrapUpView(input({ limitMs: 20_000 })), 1_000 + 15_000)).toEqual({ leftMs: 5_000, ending: true });
    });
  });

  describe('when asking Genesys for the wrap-up', () => {
    it('is busy and Done waits', () => {
      expect(wrapUpView(input({ phase: 'requesting' }))).toMatchObject({ shown: true, busy: true, doneEnabled: false });
    });
  });

  describe('when disconnected', () => {
    it('Done waits for the link', () => {
      expect(wrapUpView(input({ online: false })).doneEnabled).toBe(false);
    });
  });
});

describe('selectWrapUp', () => {
  it("reads the wrap-up's customer from the machine", () => {
    const d = createDriver({ config: { afterCallWork: true } }).login().ring('c1', '+15551230000').established('c1').released('c1');
    d.genesys({ type: 'genesys.agentNotReady', workMode: 'AfterCallWork' });
    expect(wrapUpView(selectWrapUp(d.snapshot())).caller?.title).toBe('+1 555-123-0000');
    d.stop();
  });
});
