import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver, keyOf } from '../support/driver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const talking = () => createDriver().login().ring('c1', '+15551230000', 'ev1').answer().established('c1');

describe('when established', () => {
  test('hang up from the toolbar: Hangup POST, closeCommEvent WRAPUP on EventReleased', () => {
    const d = talking().hangUp();
    d.expectState('call.established.hangingUp');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.hangup', connectionId: 'c1', eventId: 'ev1' });
    d.released('c1');
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev1', reason: 'WRAPUP' }]);
    expect(d.snapshot().children).not.toHaveProperty('c1');
  });

  test('Fusion End Call (disconnect or wrapup) resolves once EventReleased arrives', () => {
    const d = talking();
    d.fusion({ type: 'fusion.hangup', eventId: 'ev1', requestId: 'h1' });
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([]);
    d.released('c1');
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([{ type: 'fusion.cmd.respond', requestId: 'h1', ok: true }]);
  });

  test('the far end hangs up: no POST, EventReleased alone opens wrap-up', () => {
    const d = talking();
    const posts = d.genesysCommands.length;
    d.released('c1', 'RemoteRelease');
    expect(d.genesysCommands.length).toBe(posts);
    expect(d.fusionOf('fusion.cmd.closeComm').at(-1)?.reason).toBe('WRAPUP');
  });

  test('hold and resume settle on EventHeld and EventRetrieved', () => {
    const d = talking();
    d.send({ type: 'call.hold', key: keyOf('c1') });
    d.expectState('call.established.holding');
    d.genesys({ type: 'genesys.held', connectionId: 'c1' });
    d.expectState('call.established.held');
    d.send({ type: 'call.retrieve', key: keyOf('c1') });
    d.expectState('call.established.retrieving');
    d.genesys({ type: 'genesys.retrieved', connectionId: 'c1' });
    d.expectState('call.established.talking');
    expect(d.genesysCommands.map((c) => c.type).slice(-2)).toEqual(['genesys.cmd.hold', 'genesys.cmd.retrieve']);
  });

  test('a hold that fails stays talking with the error', () => {
    const d = talking();
    d.send({ type: 'call.hold', key: keyOf('c1') });
    d.genesys({ type: 'genesys.commandFailed', command: 'hold', connectionId: 'c1', code: 'REST_HTTP_409', message: 'conflict' });
    d.expectState('call.established.talking');
    expect(d.callSnapshot()?.context.error?.code).toBe('REST_HTTP_409');
  });

  test('a call that ends with its error shown leaves a notice that names it (the card is gone)', () => {
    const d = talking().hangUp();
    vi.advanceTimersByTime(8_000);
    d.released('c1');
    expect(d.snapshot().context.notices.at(-1)).toMatchObject({ code: 'COMMAND_TIMEOUT', call: { number: '+15551230000', contact: null } });
  });

  test('a hang-up that fails while on hold goes back to held, not talking', () => {
    const d = talking();
    d.genesys({ type: 'genesys.held', connectionId: 'c1' });
    d.hangUp();
    d.genesys({ type: 'genesys.commandFailed', command: 'hangup', connectionId: 'c1', code: 'REST_TIMEOUT', message: '' });
    d.expectState('call.established.held');
  });

  test('a hang-up with no answer rolls back after the deadline', () => {
    const d = talking().hangUp();
    vi.advanceTimersByTime(8_000);
    d.expectState('call.established.talking');
    expect(d.callSnapshot()?.context.error?.code).toBe('COMMAND_TIMEOUT');
  });

  test('EventPartyChanged re-keys the call: same actor, same eventId, commands use the new ConnID', () => {
    const d = talking();
    d.genesys({ type: 'genesys.partyChanged', connectionId: 'c9', previousConnectionId: 'c1' });
    expect(d.snapshot().context.calls[keyOf('c1')]).toEqual({ connectionIds: ['c1', 'c9'], eventId: 'ev1' });
    d.hangUp('c1');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.hangup', connectionId: 'c9', eventId: 'ev1' });
    d.released('c9');
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([{ type: 'fusion.cmd.closeComm', eventId: 'ev1', reason: 'WRAPUP' }]);
  });

  test('a Fusion accept on an established call is refused, not left pending', () => {
    const d = talking();
    d.fusion({ type: 'fusion.accept', eventId: 'ev1', requestId: 'z' });
    expect(d.fusionOf('fusion.cmd.respond').at(-1)).toMatchObject({ requestId: 'z', ok: false });
  });

  test('held on the softphone while a hang-up is pending: a failed hang-up returns to held', () => {
    const d = talking().hangUp();
    d.genesys({ type: 'genesys.held', connectionId: 'c1' });
    d.genesys({ type: 'genesys.commandFailed', command: 'hangup', connectionId: 'c1', code: 'REST_HTTP_500', message: '' });
    d.expectState('call.established.held');
  });
});

