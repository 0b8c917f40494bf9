import { describe, expect, test } from 'vitest';
import { command, connect, http, ticket, ToolbarSocket } from './support/client';
import { settle, startFakeBridge } from './support/harness';

describe('when two agents share one bridge', () => {
  test('each token acts on its own agent only: A on B\'s call is 403 NOT_YOUR_CALL, A as B is 403 NOT_YOUR_AGENT', async () => {
    const { url, gws } = await startFakeBridge();
    const alice = await connect(url, 'tenant\\alice', 'alice-pw');
    const bob = await connect(url, 'bob', 'bob-pw');
    gws.ring('1002', 'bob-call');
    await bob.socket.next('EventRinging');
    const onBobsCall = await command(url, alice.session.token, { type: 'Accept', connectionId: 'bob-call' });
    expect([onBobsCall.status, onBobsCall.body['code']]).toEqual([403, 'NOT_YOUR_CALL']);
    const asBob = await command(url, alice.session.token, { type: 'Hangup', agentId: '1002', connectionId: 'bob-call' });
    expect([asBob.status, asBob.body['code']]).toEqual([403, 'NOT_YOUR_AGENT']);
    const [aliceSession, bobSession] = gws.sessions;
    expect(bobSession?.commands).toEqual([]);
    expect(aliceSession?.commands.map((sent) => sent.type)).toEqual(['Accept']);
    expect(gws.callsOf('1002').get('bob-call')).toBe('Ringing');
  });

  test('A\'s socket never sees B\'s frames, B\'s snapshot goes to B only', async () => {
    const { url, gws } = await startFakeBridge();
    const alice = await connect(url, 'tenant\\alice', 'alice-pw');
    const bob = await connect(url, 'bob', 'bob-pw');
    gws.ring('1002', 'bob-call');
    gws.ring('1001', 'alice-call');
    expect((await command(url, bob.session.token, { type: 'snapshot' })).status).toBe(200);
    const snapshot = await bob.socket.next('EventSnapshot');
    expect(snapshot['calls']).toEqual([{ connectionId: 'bob-call', state: 'Ringing', direction: 'inbound' }]);
    await alice.socket.next('EventRinging');
    await settle();
    expect(alice.socket.frames).toEqual([{ eventName: 'EventRinging', connectionId: 'alice-call', ANI: '+15551230000', CallType: 'Inbound' }]);
  });

  test('a ticket B has spent cannot be used by A, and A\'s ticket opens A\'s socket, not B\'s', async () => {
    const { url, gws } = await startFakeBridge();
    const alice = await connect(url, 'tenant\\alice', 'alice-pw');
    const bob = await connect(url, 'bob', 'bob-pw');
    const bobsTicket = await ticket(url, bob.session.token);
    (await ToolbarSocket.open(url, bobsTicket)).close();
    await expect(ToolbarSocket.open(url, bobsTicket)).rejects.toThrow('upgrade refused: 401');
    const aliceAgain = await ToolbarSocket.open(url, await ticket(url, alice.session.token));
    gws.ring('1002', 'bob-call');
    gws.ring('1001', 'alice-call');
    const frame = await aliceAgain.next('EventRinging');
    expect(frame['connectionId']).toBe('alice-call');
    expect(aliceAgain.frames.some((seen) => seen['connectionId'] === 'bob-call')).toBe(false);
  });

  test('A signing out leaves B signed in, connected and acting', async () => {
    const { url, gws } = await startFakeBridge();
    const alice = await connect(url, 'tenant\\alice', 'alice-pw');
    const bob = await connect(url, 'bob', 'bob-pw');
    await http(url, '/genesys/session', { method: 'DELETE', token: alice.session.token });
    await alice.socket.whenClosed();
    expect(bob.socket.closed).toBeNull();
    expect((await command(url, bob.session.token, { type: 'initialize' })).status).toBe(200);
    await bob.socket.next('EventRegistered');
    expect(gws.sessions.map((session) => session.state())).toEqual(['signedOut', 'online']);
  });
});
