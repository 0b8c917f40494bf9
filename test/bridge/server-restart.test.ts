import { describe, expect, test } from 'vitest';
import { command, connect, http } from './support/client';
import { FakeFactory, twoAgents } from './support/fake-sessions';
import { startFakeBridge } from './support/harness';

describe('when the bridge dies and a new one starts', () => {
  test('the old token is refused (401), the agent signs in again and its calls are in the snapshot', async () => {
    const { gws, factory } = twoAgents();
    const first = await startFakeBridge({ factory });
    const before = await connect(first.url, 'bob', 'bob-pw');
    gws.ring('1002', 'c1');
    await command(first.url, before.session.token, { type: 'Accept', connectionId: 'c1' });
    await before.socket.next('EventEstablished');
    // Killed: nothing signed out, GWS keeps the call.
    await first.bridge.close({ keepGwsSessions: true });
    expect((await before.socket.whenClosed()).code).toBe(1012);

    const second = await startFakeBridge({ factory: new FakeFactory(gws) });
    const stale = await command(second.url, before.session.token, { type: 'snapshot' });
    expect([stale.status, stale.body['code']]).toEqual([401, 'SESSION_INVALID']);
    const after = await connect(second.url, 'bob', 'bob-pw');
    expect(after.session.token).not.toBe(before.session.token);
    expect((await command(second.url, after.session.token, { type: 'initialize' })).status).toBe(200);
    await after.socket.next('EventRegistered');
    expect((await command(second.url, after.session.token, { type: 'snapshot' })).status).toBe(200);
    const snapshot = await after.socket.next('EventSnapshot');
    expect(snapshot['calls']).toEqual([{ connectionId: 'c1', state: 'Established', direction: 'inbound' }]);
    expect((await http(second.url, '/genesys/session', { method: 'DELETE', token: after.session.token })).status).toBe(200);
  });
});
