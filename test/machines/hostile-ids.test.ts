/**
 * ConnIDs, eventIds and UI keys are outside values: none may name an adapter actor or resolve to a
 * built-in property (issue 10, items 1 and 2).
 */
import { describe, expect, test } from 'vitest';
import { toUefData } from '../../src/adapters/fusion/responses';
import { connectionCallKey } from '../../src/machines/ids';
import { agentView } from '../../src/ui/agent.connect';
import { createDriver, keyOf } from '../support/driver';

const HOSTILE = ['fusion', 'genesys', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'call:conn:c1', 'dial:d1'];

function expectAlive(d: ReturnType<typeof createDriver>) {
  expect(d.errors).toEqual([]);
  expect(d.snapshot().status).toBe('active');
  expect(d.snapshot().children.genesys?.getSnapshot().status).toBe('active');
  expect(d.snapshot().children.fusion?.getSnapshot().status).toBe('active');
}

describe('when a ConnID names an adapter or a built-in', () => {
  test('ringing fusion, abandoned fusion, ringing c1: the adapters survive and c1 is offered', () => {
    const d = createDriver().login();
    d.ring('fusion', '+1', 'e-fusion').genesys({ type: 'genesys.abandoned', connectionId: 'fusion' }).ring('c1', '+2', 'e1');
    expectAlive(d);
    expect(d.callNames()).toEqual(['c1']);
    expect(d.fusionOf('fusion.cmd.newComm').map((c) => c.eventId)).toEqual(['e-fusion', 'e1']);
    d.answer('c1');
    expect(d.lastGenesys()).toEqual({ type: 'genesys.cmd.accept', connectionId: 'c1', eventId: 'e1' });
  });

  test.each(HOSTILE)('a call with ConnID %s rings, connects and ends like any other', (connectionId) => {
    const key = connectionCallKey(connectionId);
    const d = createDriver().login().ring(connectionId, '+1', `e-${connectionId}`);
    expectAlive(d);
    d.answer(key).expectState('call.ringing.accepting', key);
    d.established(connectionId).expectState('call.established.talking', key);
    d.genesys({ type: 'genesys.held', connectionId }).expectState('call.established.held', key);
    d.released(connectionId);
    expectAlive(d);
    expect(d.callKeys()).toEqual([]);
    expect(d.fusionOf('fusion.cmd.closeComm').map((c) => c.reason)).toEqual(['WRAPUP']);
  });

  test('a ConnID that spells a pending dial key is a call of its own', () => {
    const d = createDriver().login().fusion({ type: 'fusion.dial', number: '+15550001111', eventId: 'd1' });
    d.ring('dial:d1', '+15552220000', 'e9');
    expectAlive(d);
    expect(d.callKeys()).toHaveLength(2);
    d.expectState('call.dialing.requested', 'dial:d1').expectState('call.ringing.alerting', connectionCallKey('dial:d1'));
  });
});

describe('when a stored record names keys this machine never makes', () => {
  test('restored calls keyed fusion, __proto__ or twice the same are dropped; the rest restore', () => {
    const call = (key: string, connectionId: string) => ({
      key, connectionIds: [connectionId], eventId: `e-${connectionId}`, direction: 'inbound' as const, number: '+1', state: 'ringing' as const, since: 1, offered: true, started: false,
    });
    const d = createDriver({
      restored: { presence: 'available', calls: [call('fusion', 'x1'), call('__proto__', 'x2'), call(keyOf('c1'), 'c1'), call(keyOf('c1'), 'c9')] },
    });
    expectAlive(d);
    expect(d.callNames()).toEqual(['c1']);
    expect(d.snapshot().context.activeCall).toBe(keyOf('c1'));
  });
});

describe('when a UI or Fusion key names a built-in property', () => {
  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'fusion', 'genesys'])('UI events for key %s are ignored; the root keeps running', (key) => {
    const d = createDriver().login().ring('c1');
    for (const type of ['call.accept', 'call.reject', 'call.hangup', 'call.hold', 'call.retrieve', 'call.focus'] as const) d.send({ type, key });
    expectAlive(d);
    expect(d.snapshot().context.activeCall).toBe(keyOf('c1'));
    d.expectState('call.ringing.alerting');
    expect(d.genesysCommands.filter((c) => 'connectionId' in c)).toEqual([]);
  });

  test.each(['constructor', 'toString', '__proto__'])('Fusion commands for eventId %s are refused as unknown', (eventId) => {
    const d = createDriver().login().ring('c1');
    d.fusion({ type: 'fusion.accept', eventId, requestId: 'r1' });
    d.fusion({ type: 'fusion.setActive', eventId, requestId: 'r2' });
    expectAlive(d);
    expect(d.fusionOf('fusion.cmd.respond').map((r) => [r.requestId, r.ok])).toEqual([['r1', false], ['r2', false]]);
  });

  test('a not-ready reason named like a built-in is shown raw, not as a function', () => {
    const view = agentView({ state: 'unavailable', online: true, notReadyReason: 'toString', error: null });
    expect(view.reason).toEqual({ raw: 'toString' });
  });

  test('Fusion outData keeps a __proto__ key as data and the object plain', () => {
    const data = toUefData(JSON.parse('{"__proto__": "x", "SVCMCA_ANI": "+1"}'));
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.hasOwn(data ?? {}, '__proto__')).toBe(true);
    expect(data?.SVCMCA_ANI).toBe('+1');
  });
});
