/**
 * One agent cannot see or act on another's calls, events, snapshot or session by any route: REST
 * (commands, snapshot, tickets, sign-out) and the socket, with a forged, tampered, foreign, expired
 * or signed-out token, or a ticket used again or for another session.
 */
import { describe, expect, test } from 'vitest';
import { command, connect, http, signIn, ticket, ToolbarSocket } from './support/client';
import { settle, startFakeBridge, type FakeBridge } from './support/harness';

/** The same token with one character in its middle changed. */
function tampered(token: string): string {
  const at = Math.floor(token.length / 2);
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
}

/** Every token-authenticated route refuses `token` (401 SESSION_INVALID) and nothing reaches any GWS session. */
async function refusedEverywhere(bridge: FakeBridge, token: string): Promise<void> {
  const before = bridge.gws.sessions.map((session) => [session.commands.length, session.signOuts]);
  const routes = [
    () => command(bridge.url, token, { type: 'Accept', connectionId: 'bob-call' }),
    () => command(bridge.url, token, { type: 'snapshot' }),
    () => command(bridge.url, token, { type: 'Hangup', agentId: '1002', connectionId: 'bob-call' }),
    () => http(bridge.url, '/genesys/ticket', { token }),
    () => http(bridge.url, '/genesys/session', { method: 'DELETE', token }),
  ];
  for (const route of routes) {
    const answer = await route();
    expect([answer.status, answer.body['code']]).toEqual([401, 'SESSION_INVALID']);
  }
  expect(bridge.gws.sessions.map((session) => [session.commands.length, session.signOuts])).toEqual(before);
}

async function twoAgentsWithACall(options: Parameters<typeof startFakeBridge>[0] = {}) {
  const bridge = await startFakeBridge(options);
  const alice = await connect(bridge.url, 'tenant\\alice', 'alice-pw');
  const bob = await connect(bridge.url, 'bob', 'bob-pw');
  bridge.gws.ring('1002', 'bob-call');
  await bob.socket.next('EventRinging');
  return { bridge, alice, bob };
}

describe('when agent A tries to reach agent B', () => {
  test('with A\'s own token: B\'s call is 403 NOT_YOUR_CALL, acting as B is 403 NOT_YOUR_AGENT, A\'s snapshot has none of B\'s calls', async () => {
    const { bridge, alice } = await twoAgentsWithACall();
    for (const type of ['Accept', 'Reject', 'Hangup', 'Hold', 'Retrieve', 'SingleStepTransfer', 'InitiateConference', 'SendDTMF']) {
      const answer = await command(bridge.url, alice.session.token, { type, connectionId: 'bob-call', destination: '7003', digits: '1' });
      expect([type, answer.status, answer.body['code']]).toEqual([type, 403, 'NOT_YOUR_CALL']);
    }
    const asBob = await command(bridge.url, alice.session.token, { type: 'Ready', agentId: '1002' });
    expect([asBob.status, asBob.body['code']]).toEqual([403, 'NOT_YOUR_AGENT']);
    expect((await command(bridge.url, alice.session.token, { type: 'snapshot' })).status).toBe(200);
    const snapshot = await alice.socket.next('EventSnapshot');
    expect(snapshot['calls']).toEqual([]);
    await settle();
    expect(alice.socket.frames.some((frame) => JSON.stringify(frame).includes('bob-call'))).toBe(false);
    expect(bridge.gws.sessions[1]?.commands).toEqual([]);
  });

  test('with a forged token, B\'s token tampered, or a token another bridge issued: 401 on every route', async () => {
    const { bridge, bob } = await twoAgentsWithACall();
    const elsewhere = await startFakeBridge();
    const foreign = await signIn(elsewhere.url, 'bob', 'bob-pw');
    for (const token of ['A'.repeat(43), `${bob.session.token.split('.')[0] ?? 'x'}.${'A'.repeat(60)}`, tampered(bob.session.token), foreign.token, '', 'null', '../../etc']) {
      await refusedEverywhere(bridge, token);
    }
    expect(bob.socket.closed).toBeNull();
    expect((await command(bridge.url, bob.session.token, { type: 'Accept', connectionId: 'bob-call' })).status).toBe(200);
  });

  test('with B\'s expired token, or B\'s token after B signed out: 401 on every route', async () => {
    const { bridge, bob } = await twoAgentsWithACall();
    const signedOut = await signIn(bridge.url, 'bob', 'bob-pw');
    expect((await http(bridge.url, '/genesys/session', { method: 'DELETE', token: signedOut.token })).status).toBe(200);
    await refusedEverywhere(bridge, signedOut.token);
    bridge.advance(8 * 3600 * 1000 + 1);
    await refusedEverywhere(bridge, bob.session.token);
  });

  test('with a ticket: B\'s spent ticket, a ticket of B\'s ended session, a tampered one, none opens a socket; A\'s opens only A\'s', async () => {
    const { bridge, alice, bob } = await twoAgentsWithACall();
    const spent = await ticket(bridge.url, bob.session.token);
    (await ToolbarSocket.open(bridge.url, spent)).close();
    const unspent = await ticket(bridge.url, bob.session.token);
    for (const bad of [spent, tampered(unspent), 'A'.repeat(43)]) await expect(ToolbarSocket.open(bridge.url, bad)).rejects.toThrow('upgrade refused: 401');
    const later = await signIn(bridge.url, 'bob', 'bob-pw');
    const orphan = await ticket(bridge.url, later.token);
    expect((await http(bridge.url, '/genesys/session', { method: 'DELETE', token: later.token })).status).toBe(200);
    await expect(ToolbarSocket.open(bridge.url, orphan)).rejects.toThrow('upgrade refused: 401');
    const aliceAgain = await ToolbarSocket.open(bridge.url, await ticket(bridge.url, alice.session.token));
    bridge.gws.ring('1002', 'bob-second');
    bridge.gws.ring('1001', 'alice-call');
    expect((await aliceAgain.next('EventRinging'))['connectionId']).toBe('alice-call');
    await settle();
    expect(aliceAgain.frames.some((frame) => String(frame['connectionId']).startsWith('bob'))).toBe(false);
  });
});
