import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDriver, keyOf } from '../support/driver';

const C1 = keyOf('c1');

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const talking = (config = {}) => createDriver({ config }).login().ring().established();

describe('when talking: blind transfer', () => {
  test('SingleStepTransfer is pending until EventReleased Transferred, then Fusion closes with WRAPUP', () => {
    const d = talking();
    d.send({ type: 'call.transfer', key: C1, destination: ' +15550007777 ' });
    d.expectState('call.established.transferring');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.singleStepTransfer', connectionId: 'c1', eventId: 'ev-c1', destination: '+15550007777' });
    d.released('c1', 'Transferred');
    expect(d.callKeys()).toEqual([]);
    expect(d.fusionOf('fusion.cmd.closeComm').at(-1)).toEqual({ type: 'fusion.cmd.closeComm', eventId: 'ev-c1', reason: 'WRAPUP' });
  });

  test('the close reason is configurable (ENDCOMMUNICATION)', () => {
    const d = talking({ transferCloseReason: 'ENDCOMMUNICATION' });
    d.send({ type: 'call.transfer', key: C1, destination: '+15550007777' }).released('c1', 'Transferred');
    expect(d.fusionOf('fusion.cmd.closeComm').at(-1)?.reason).toBe('ENDCOMMUNICATION');
  });

  test('a failed or unanswered transfer leaves the call connected, with the reason', () => {
    const d = talking();
    d.send({ type: 'call.transfer', key: C1, destination: '+15550007777' });
    d.genesys({ type: 'genesys.commandFailed', command: 'singleStepTransfer', connectionId: 'c1', eventId: 'ev-c1', code: 'REST_HTTP_409', message: 'held' });
    d.expectState('call.established.talking');
    expect(d.callSnapshot()?.context.error).toEqual({ code: 'REST_HTTP_409', detail: 'held' });
    d.send({ type: 'call.transfer', key: C1, destination: '+15550007777' });
    vi.advanceTimersByTime(8_000);
    d.expectState('call.established.talking');
    expect(d.callSnapshot()?.context.error).toEqual({ code: 'COMMAND_TIMEOUT' });
  });

  test('a destination that is no number is refused before Genesys hears of it', () => {
    const d = talking();
    d.send({ type: 'call.transfer', key: C1, destination: 'reception' });
    expect(d.genesysOf('genesys.cmd.singleStepTransfer')).toEqual([]);
    expect(d.snapshot().context.notices.at(-1)).toMatchObject({ code: 'INVALID_NUMBER', detail: 'reception' });
  });

  test('a plain release while transferring is the customer leaving: WRAPUP', () => {
    const d = talking({ transferCloseReason: 'ENDCOMMUNICATION' });
    d.send({ type: 'call.transfer', key: C1, destination: '+15550007777' }).released('c1', 'RemoteRelease');
    expect(d.fusionOf('fusion.cmd.closeComm').at(-1)?.reason).toBe('WRAPUP');
  });
});

describe('when talking: keypad', () => {
  test('one SendDTMF at a time; digits typed meanwhile go next, in order; the sent digits are kept', () => {
    const d = talking();
    d.send({ type: 'call.sendDtmf', key: C1, digits: '1' }).expectState('call.established.sendingDigits');
    d.send({ type: 'call.sendDtmf', key: C1, digits: '2' }).send({ type: 'call.sendDtmf', key: C1, digits: '#' });
    expect(d.genesysOf('genesys.cmd.sendDtmf').map((c) => c.digits)).toEqual(['1']);
    d.genesys({ type: 'genesys.dtmfSent', connectionId: 'c1', digits: '1' });
    expect(d.genesysOf('genesys.cmd.sendDtmf').map((c) => c.digits)).toEqual(['1', '2#']);
    d.genesys({ type: 'genesys.dtmfSent', connectionId: 'c1', digits: '2#' }).expectState('call.established.talking');
    expect(d.callSnapshot()?.context.digits).toBe('12#');
  });

  test('digits other than 0-9 * # are refused with INVALID_DIGITS; a failed SendDTMF drops what waited', () => {
    const d = talking();
    d.send({ type: 'call.sendDtmf', key: C1, digits: '1A' });
    expect(d.genesysOf('genesys.cmd.sendDtmf')).toEqual([]);
    expect(d.snapshot().context.notices.at(-1)?.code).toBe('INVALID_DIGITS');
    d.send({ type: 'call.sendDtmf', key: C1, digits: '5' }).send({ type: 'call.sendDtmf', key: C1, digits: '6' });
    d.genesys({ type: 'genesys.commandFailed', command: 'sendDtmf', connectionId: 'c1', eventId: 'ev-c1', code: 'REST_HTTP_500', message: 'x' });
    d.expectState('call.established.talking');
    expect(d.callSnapshot()?.context).toMatchObject({ digits: '', dtmfQueue: '', pendingDigits: '' });
  });

  test('hanging up while tones are on their way works', () => {
    const d = talking();
    d.send({ type: 'call.sendDtmf', key: C1, digits: '9' }).hangUp().expectState('call.established.hangingUp');
  });
});
