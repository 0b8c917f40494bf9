/** While an Accept's REST request is pending (up to its deadline) the call can still be declined (issue 24). */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver, keyOf } from '../support/driver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const accepting = () => createDriver({ config: { ringCeilingMs: 30_000 } }).login().ring('c1', '+15551230000', 'ev1').answer('c1');

describe('when accepting (the Accept request is pending)', () => {
  test('Decline sends Reject at once; EventReleased closes the offer with REJECT', () => {
    const d = accepting();
    d.expectState('call.ringing.accepting');
    expect(d.callSnapshot()?.can({ type: 'call.reject', key: keyOf('c1') })).toBe(true);
    d.decline('c1');
    d.expectState('call.ringing.rejecting');
    expect(d.lastGenesys()).toMatchObject({ type: 'genesys.cmd.reject', connectionId: 'c1' });
    d.released('c1');
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev1', reason: 'REJECT' }]);
    expect(d.callNames()).toEqual([]);
  });

  test('the Accept that lands first wins: the decline is too late and the call is connected', () => {
    const d = accepting().decline('c1');
    d.established('c1');
    d.expectState('call.established.talking');
    expect(d.callSnapshot()?.context.error?.code).toBe('DECLINE_TOO_LATE');
  });

  test('Fusion’s Decline while its own Accept is pending: the Accept is answered as failed, the Decline goes out', () => {
    const d = createDriver({ config: { ringCeilingMs: 30_000 } }).login().ring('c1', '+15551230000', 'ev1');
    d.fusion({ type: 'fusion.accept', eventId: 'ev1', requestId: 'q1' });
    d.fusion({ type: 'fusion.reject', eventId: 'ev1', requestId: 'q2' });
    d.expectState('call.ringing.rejecting');
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([{ type: 'fusion.cmd.respond', requestId: 'q1', ok: false, message: expect.stringMatching(/declin/i) }]);
    d.released('c1');
    expect(d.fusionOf('fusion.cmd.respond').at(-1)).toEqual({ type: 'fusion.cmd.respond', requestId: 'q2', ok: true });
  });

  test('the declined Accept failing afterwards shows nothing: the decline is what the agent asked for', () => {
    const d = accepting().decline('c1');
    d.genesys({ type: 'genesys.commandFailed', command: 'accept', connectionId: 'c1', code: 'REST_HTTP_409', message: 'released' });
    d.expectState('call.ringing.rejecting');
    expect(d.callSnapshot()?.context.error).toBeNull();
  });

  test('a decline that fails goes back to ringing, answerable again', () => {
    const d = accepting().decline('c1');
    d.genesys({ type: 'genesys.commandFailed', command: 'reject', connectionId: 'c1', code: 'REST_HTTP_500', message: 'no' });
    d.expectState('call.ringing.alerting');
    expect(d.callSnapshot()?.can({ type: 'call.accept', key: keyOf('c1') })).toBe(true);
  });
});
