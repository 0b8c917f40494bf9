import { describe, expect, test } from 'vitest';
import { command, connect, http, signIn, ticket, ToolbarSocket } from './support/client';
import { settle, startFakeBridge } from './support/harness';

const refusedWith = (promise: Promise<unknown>, status: number): Promise<void> => expect(promise).rejects.toThrow(`upgrade refused: ${status}`);

describe('when a toolbar asks for a socket ticket', () => {
  test('POST /genesys/ticket with the token answers an opaque ticket valid 30 s', async () => {
    const { url } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    const answer = await http(url, '/genesys/ticket', { token });
    expect(answer.status).toBe(200);
    expect(answer.body['ticket']).toMatch(/^[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9]{1,16}\.[A-Za-z0-9_-]{40,}$/);
    expect(answer.body['expiresInSec']).toBe(30);
    expect(answer.body['ticket']).not.toBe(token);
  });

  test('without a token it answers 401 SESSION_INVALID', async () => {
    const { url } = await startFakeBridge();
    const answer = await http(url, '/genesys/ticket');
    expect([answer.status, answer.body['code']]).toEqual([401, 'SESSION_INVALID']);
  });
});

describe('when a toolbar opens /genesysWs', () => {
  test('without a ticket, with a made-up one or with the token itself the upgrade is refused with 401', async () => {
    const { url } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    await refusedWith(ToolbarSocket.open(url, ''), 401);
    await refusedWith(ToolbarSocket.open(url, 'B'.repeat(43)), 401);
    await refusedWith(ToolbarSocket.open(url, token), 401);
  });

  test('a ticket opens one socket only: used again it is refused with 401', async () => {
    const { url } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    const once = await ticket(url, token);
    const socket = await ToolbarSocket.open(url, once);
    await refusedWith(ToolbarSocket.open(url, once), 401);
    socket.close();
  });

  test('a ticket 30 s old is refused with 401; one just younger opens', async () => {
    const { url, advance } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    const late = await ticket(url, token);
    const inTime = await ticket(url, token);
    advance(29_999);
    (await ToolbarSocket.open(url, inTime)).close();
    advance(1);
    await refusedWith(ToolbarSocket.open(url, late), 401);
  });

  test('a ticket of a session signed out since is refused with 401', async () => {
    const { url } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    const unused = await ticket(url, token);
    await http(url, '/genesys/session', { method: 'DELETE', token });
    await refusedWith(ToolbarSocket.open(url, unused), 401);
  });

  test('another path answers 404', async () => {
    const { url } = await startFakeBridge();
    const ws = ToolbarSocket.open(url.replace(/$/, '/other'), 'x');
    await expect(ws).rejects.toThrow(/upgrade refused: 40[14]/);
  });

  test('the socket carries the session\'s frames as JSON text, in order', async () => {
    const { url, gws } = await startFakeBridge();
    const { socket } = await connect(url, 'bob', 'bob-pw');
    gws.ring('1002', 'c1');
    gws.ring('1002', 'c2');
    await socket.next('EventRinging', (frame) => frame['connectionId'] === 'c2');
    expect(socket.frames.map((frame) => frame['connectionId'])).toEqual(['c1', 'c2']);
    expect(socket.frames[0]).toEqual({ eventName: 'EventRinging', connectionId: 'c1', ANI: '+15551230000', CallType: 'Inbound' });
  });

  test('frames that came before the socket opened (or between two sockets) are delivered first, in order', async () => {
    const { url, gws } = await startFakeBridge();
    const { token } = await signIn(url, 'bob', 'bob-pw');
    gws.ring('1002', 'early');
    const first = await ToolbarSocket.open(url, await ticket(url, token));
    await first.next('EventRinging');
    first.close();
    await settle();
    gws.ring('1002', 'between');
    const second = await ToolbarSocket.open(url, await ticket(url, token));
    gws.ring('1002', 'after');
    await second.next('EventRinging', (frame) => frame['connectionId'] === 'after');
    expect(second.frames.map((frame) => frame['connectionId'])).toEqual(['between', 'after']);
  });

  test('a second socket of the same session replaces the first, which is told why (4000)', async () => {
    const { url, gws } = await startFakeBridge();
    const { session, socket: first } = await connect(url, 'bob', 'bob-pw');
    const second = await ToolbarSocket.open(url, await ticket(url, session.token));
    expect(await first.whenClosed()).toEqual({ code: 4000, reason: 'replaced by a newer socket' });
    gws.ring('1002', 'c1');
    await second.next('EventRinging');
    expect(first.frames).toEqual([]);
  });

  test('what a toolbar sends on its socket is ignored; a frame over 4 KB closes it (1009)', async () => {
    const { url } = await startFakeBridge();
    const { session, socket } = await connect(url, 'bob', 'bob-pw');
    socket.ws.send('{"type":"hello"}');
    await settle();
    expect(socket.closed).toBeNull();
    socket.ws.send('x'.repeat(5000));
    expect((await socket.whenClosed()).code).toBe(1009);
    expect((await command(url, session.token, { type: 'Ready' })).status).toBe(200);
  });

  test('a stopping bridge closes every socket with 1012 and signs its agents out of GWS', async () => {
    const { url, bridge, gws, factory } = await startFakeBridge();
    const { socket } = await connect(url, 'bob', 'bob-pw');
    await bridge.close();
    expect((await socket.whenClosed()).code).toBe(1012);
    expect(factory.closeAlls).toBe(1);
    expect(gws.sessions[0]?.state()).toBe('signedOut');
  });
});
