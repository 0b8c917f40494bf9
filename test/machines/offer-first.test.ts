import { describe, expect, it } from 'vitest';
import { createDriver, keyOf } from '../support/driver';

describe('when a call rings', () => {
  it('offers it to Fusion once, before any observer (the UI) sees the ringing snapshot', () => {
    const d = createDriver().login();
    const offersSeenByObserver: number[] = [];
    d.actor.subscribe((snapshot) => {
      if (keyOf('c1') in snapshot.context.calls && offersSeenByObserver.length === 0) {
        offersSeenByObserver.push(d.fusionCommands.filter((c) => c.type === 'fusion.cmd.newComm').length);
      }
    });
    d.ring('c1', '+15551230000', 'ev-1');
    expect(offersSeenByObserver).toEqual([1]);
    expect(d.fusionCommands.filter((c) => c.type === 'fusion.cmd.newComm')).toEqual([
      { type: 'fusion.cmd.newComm', eventId: 'ev-1', direction: 'inbound', number: '+15551230000' },
    ]);
    d.expectState('call.ringing.alerting');
    d.actor.stop();
  });
});
