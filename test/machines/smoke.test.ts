import { describe, expect, test } from 'vitest';
import { createDriver } from '../support/driver';

describe('smoke', () => {
  test('inbound call accept and hang up', () => {
    const d = createDriver();
    d.login().expectState('agent.available');
    d.ring('c1');
    d.expectState('call.ringing.alerting');
    expect(d.fusionOf('fusion.cmd.newComm')).toHaveLength(1);
    d.answer();
    d.expectState('call.ringing.accepting');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.accept', connectionId: 'c1', eventId: 'ev-c1' });
    d.established();
    d.expectState('call.established.talking');
    d.hangUp();
    d.released();
    expect(d.callRef('c1')).toBeUndefined();
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev-c1', reason: 'WRAPUP' }]);
    console.log(JSON.stringify(d.fusionCommands), JSON.stringify(d.snapshot().value), d.errors);
    expect(d.errors).toEqual([]);
  });
});
