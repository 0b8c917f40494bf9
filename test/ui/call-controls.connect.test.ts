import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../src/capabilities';
import { callControlsView, type CallControlsInput } from '../../src/ui/call-controls.connect';

const input = (phase: string, extra: Partial<CallControlsInput> = {}): CallControlsInput => ({
  phase,
  digits: '',
  canTransfer: false,
  canSendDtmf: false,
  canConsult: false,
  canConference: false,
  canCompleteTransfer: false,
  canCompleteConference: false,
  canCancelConsult: false,
  canSwap: false,
  consultKind: null,
  ...extra,
});

describe('call controls: a control that does not work says why', () => {
  describe('when talking', () => {
    const talking = input('established.talking', { canTransfer: true, canConsult: true, canConference: true });

    it('offers Transfer, Consult and Conference, each working, with no reason to give', () => {
      const view = callControlsView(talking, true, CAPABILITIES);
      expect([view.transfer, view.consult, view.conference]).toEqual([
        { shown: true, enabled: true },
        { shown: true, enabled: true },
        { shown: true, enabled: true },
      ]);
    });

    it('while disconnected from Genesys: shown, not working, and says so', () => {
      const view = callControlsView(talking, false, CAPABILITIES);
      expect(view.transfer).toEqual({ shown: true, enabled: false, why: 'controls.why.offline' });
    });

    it('while a command is pending: wait', () => {
      const view = callControlsView(input('established.talking'), true, CAPABILITIES);
      expect(view.consult).toEqual({ shown: true, enabled: false, why: 'controls.why.busy' });
    });
  });

  describe('when consulting and the target has not answered', () => {
    const ringing = input('established.consulting.ringingTarget', { consultKind: 'transfer', canCancelConsult: true, consultAnswered: false });

    it('Swap (and Complete transfer, when the service does not allow it yet) wait for the answer, and say so; Cancel consult works', () => {
      const view = callControlsView(ringing, true, CAPABILITIES);
      expect(view.swap).toEqual({ shown: true, enabled: false, why: 'controls.why.swapUnanswered' });
      expect(view.completeTransfer).toEqual({ shown: true, enabled: false, why: 'controls.why.completeUnanswered' });
      expect(view.cancelConsult).toEqual({ shown: true, enabled: true });
      expect(view.completeConference.shown).toBe(false);
    });
  });

  describe('when consulting and talking to the target', () => {
    it('Swap works', () => {
      const view = callControlsView(input('established.consulting.talkingToTarget', { consultKind: 'transfer', canSwap: true, consultAnswered: true }), true, CAPABILITIES);
      expect(view.swap).toEqual({ shown: true, enabled: true });
    });
  });
});
