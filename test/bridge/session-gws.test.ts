// The bridge's GWS side against our GWS simulator over real sockets and CometD, in both modes.
import { afterEach, describe, expect, test } from 'vitest';
import type { GwsMode } from '../../src/sim/gws';
import { DN, LiveAgent, liveGws, settle, type Live } from './support/live-bridge';

let live: Live | undefined;
afterEach(async () => {
  await live?.close();
  live = undefined;
});

async function start(mode: GwsMode, ...rest: Parameters<typeof liveGws> extends [unknown, ...infer R] ? R : never): Promise<Live> {
  live = await liveGws(mode, ...rest);
  return live;
}

/** John talks to a caller and consults Kate, who answered. */
async function consulting(mode: GwsMode, type = 'InitiateTransfer', ring: Parameters<LiveAgent['talking']>[1] = {}) {
  const l = await start(mode);
  const john = await LiveAgent.signIn(l, 'JohnSmith');
  const kate = await LiveAgent.signIn(l, 'KateLondon');
  const id = await john.talking(l, ring);
  john.command({ type, connectionId: id, destination: DN.KateLondon });
  await john.next('EventHeld', { connectionId: id });
  const consult = await john.next('EventDialing', { CallType: 'Consult', previousConnectionId: id });
  const offered = await kate.next('EventRinging', { CallType: 'Consult' });
  kate.command({ type: 'Accept', connectionId: offered['connectionId'] });
  await john.next('EventEstablished', { connectionId: consult['connectionId'] });
  return { l, john, kate, id, consult, offered };
}

describe('against GWS that wants an x-api-key', () => {
  test('REST and CometD carry it: signed in, a call rings', async () => {
    const l = await liveGws('gws', {}, { apiKey: 'k-7' }, { apiKey: 'k-7' });
    live = l;
    const john = await LiveAgent.signIn(l, 'JohnSmith');
    const id = l.sim.ring('JohnSmith');
    await john.next('EventRinging', { connectionId: id });
  });
  test('without it: SIGN_IN_FAILED', async () => {
    const l = await liveGws('gws', {}, { apiKey: 'k-7' });
    live = l;
    expect(await l.factory.signIn({ username: 'JohnSmith', password: 'JohnSmith' })).toMatchObject({ ok: false, code: 'SIGN_IN_FAILED' });
  });
});

describe.each(['gws', 'genesys-sim'] as const)('against GWS in %s mode', (mode) => {
  const real = mode === 'gws';

  describe('when the agent signs in', () => {
    test('initialize → EventRegistered and the agent state GWS reports', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      expect(john.session.state()).toBe('online');
      expect(john.session.agentId).toBe(DN.JohnSmith);
      expect(john.frames[0]).toEqual({ eventName: 'EventRegistered', ThisDN: DN.JohnSmith, AgentID: DN.JohnSmith });
      // Real GWS logs the DN in NotReady (the simulator's default), Genesys' simulator says Ready.
      expect(john.frames[1]?.eventName).toBe(real ? 'EventAgentNotReady' : 'EventAgentReady');
    });
    test('a wrong password → SIGN_IN_FAILED', async () => {
      const l = await start(mode);
      expect(await l.factory.signIn({ username: 'JohnSmith', password: 'wrong' })).toMatchObject({ ok: false, code: 'SIGN_IN_FAILED' });
    });
  });

  describe('when a call comes in', () => {
    test('ringing with ANI and attached data, answered, held, retrieved, DTMF, hung up: one EventReleased, the call gone from GWS', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const id = l.sim.ring('JohnSmith', { ani: '+15550001', userData: [{ key: 'Account', type: 'str', value: '42' }] });
      const ringing = await john.next('EventRinging', { connectionId: id });
      expect(ringing).toMatchObject({ ANI: '+15550001', DNIS: DN.JohnSmith, CallType: 'Inbound' });
      expect(ringing['UserData']).toMatchObject({ Account: '42' });
      john.command({ type: 'Accept', connectionId: id, eventId: ringing['eventId'] });
      await john.next('EventEstablished', { connectionId: id, eventId: ringing['eventId'] });
      john.command({ type: 'Hold', connectionId: id });
      await john.next('EventHeld', { connectionId: id });
      john.command({ type: 'Retrieve', connectionId: id });
      await john.next('EventRetrieved', { connectionId: id });
      john.command({ type: 'SendDTMF', connectionId: id, digits: '12#' });
      await john.next('EventDtmfSent', { connectionId: id, digits: '12#' });
      john.command({ type: 'Hangup', connectionId: id });
      await john.next('EventReleased', { connectionId: id });
      await expect.poll(() => l.sim.calls('JohnSmith')).toEqual([]);
      await settle(200);
      expect(john.of(id)).toEqual(['EventRinging', 'EventEstablished', 'EventHeld', 'EventRetrieved', 'EventDtmfSent', 'EventReleased']);
      expect(john.names().filter((n) => n === 'EventError')).toEqual([]);
    });

    test('the caller hangs up while ringing → EventReleased Abandoned', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const kate = await LiveAgent.signIn(l, 'KateLondon');
      // An internal call: the caller is an agent whose release is the far end's hang-up.
      kate.command({ type: 'MakeCall', destination: DN.JohnSmith, connectionId: 'dial-k', eventId: 'dial-k' });
      const dialing = await kate.next('EventDialing', { eventId: 'dial-k' });
      const ringing = await john.next('EventRinging');
      expect(ringing['ANI']).toBe(DN.KateLondon);
      kate.command({ type: 'Hangup', connectionId: dialing['connectionId'] });
      expect(await john.next('EventReleased', { connectionId: ringing['connectionId'] })).toMatchObject({ CallState: 'Abandoned' });
    });
  });

  describe('when the agent declines', () => {
    test(real ? 'Reject releases the ringing call (release offered)' : "Reject: release not offered → NOT_SUPPORTED, nothing sent", async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const id = l.sim.ring('JohnSmith');
      await john.next('EventRinging', { connectionId: id });
      if (real) {
        expect(john.command({ type: 'Reject', connectionId: id })).toEqual({ status: 200 });
        const released = await john.next('EventReleased', { connectionId: id });
        expect(released).not.toHaveProperty('CallState');
      } else {
        expect(john.command({ type: 'Reject', connectionId: id })).toEqual({ status: 409, code: 'NOT_SUPPORTED' });
        expect(l.sim.calls('JohnSmith')).toHaveLength(1);
      }
    });
    test('Reject with rejectRelease: always releases whatever the capabilities say', async () => {
      const l = await start(mode, { rejectRelease: 'always' });
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const id = l.sim.ring('JohnSmith');
      await john.next('EventRinging', { connectionId: id });
      expect(john.command({ type: 'Reject', connectionId: id })).toEqual({ status: 200 });
      await john.next('EventReleased', { connectionId: id });
    });
  });

  describe('when the agent dials out', () => {
    test('MakeCall → EventDialing with the dial id as eventId, far end answers → EventEstablished, hang up', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      expect(john.command({ type: 'MakeCall', toNumber: '+14155550100', connectionId: 'dial-1', eventId: 'dial-1' })).toEqual({ status: 200 });
      const dialing = await john.next('EventDialing', { eventId: 'dial-1' });
      expect(dialing).toMatchObject({ toNumber: '+14155550100', direction: 'outbound' });
      const id = String(dialing['connectionId']);
      l.sim.remoteAnswer(id);
      await john.next('EventEstablished', { connectionId: id, eventId: 'dial-1' });
      john.command({ type: 'Hangup', connectionId: id });
      await john.next('EventReleased', { connectionId: id });
    });
    test.runIf(real)('a busy number (…486) → EventReleased with a dial-failure CallState', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      john.command({ type: 'MakeCall', toNumber: '+15550000486', connectionId: 'dial-2', eventId: 'dial-2' });
      const dialing = await john.next('EventDialing', { eventId: 'dial-2' });
      expect(await john.next('EventReleased', { connectionId: dialing['connectionId'] })).toMatchObject({ CallState: 'NoAnswer', eventId: 'dial-2' });
    });
    test('dialling one’s own DN → EventError 415 for the dial', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      john.command({ type: 'MakeCall', toNumber: DN.JohnSmith, connectionId: 'dial-3', eventId: 'dial-3' });
      expect(await john.next('EventError', { connectionId: 'dial-3' })).toMatchObject({ ErrorCode: '415' });
    });
  });

  describe('when the agent changes state', () => {
    test('NotReady with reason and after-call work, Ready, Logout, then initialize logs in again', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      john.command({ type: 'NotReady', reason: 'Break', workMode: 'AfterCallWork' });
      await john.next('EventAgentNotReady', { reason: 'Break', workMode: 'AfterCallWork' });
      john.command({ type: 'Ready' });
      const ready = await john.next('EventAgentReady');
      expect(ready).not.toHaveProperty('reason');
      john.command({ type: 'NotReady', reason: 'Lunch' });
      await john.next('EventAgentNotReady', { reason: 'Lunch' });
      john.command({ type: 'Logout' });
      await john.next('EventAgentLogout');
      john.command({ type: 'initialize' });
      await john.next('EventRegistered');
      await john.next('EventAgentReady');
    });
  });

  describe('transfers', () => {
    test('blind transfer to another agent: EventReleased Transferred here, ringing there', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const kate = await LiveAgent.signIn(l, 'KateLondon');
      const id = await john.talking(l);
      john.command({ type: 'SingleStepTransfer', connectionId: id, destination: DN.KateLondon });
      expect(await john.next('EventReleased', { connectionId: id })).toMatchObject({ CallState: 'Transferred' });
      await kate.next('EventRinging', { connectionId: id });
      await settle(200);
      expect(john.of(id).filter((n) => n === 'EventReleased')).toHaveLength(1);
      await expect.poll(() => l.sim.calls('JohnSmith')).toEqual([]);
    });

    test('consult → complete transfer: the consult leg is dialled naming the caller, both legs end Transferred', async () => {
      const { l, john, kate, id, consult, offered } = await consulting(mode);
      john.command({ type: 'CompleteTransfer', connectionId: id, consultConnectionId: consult['connectionId'] });
      expect(await john.next('EventReleased', { connectionId: id })).toMatchObject({ CallState: 'Transferred' });
      await settle(300);
      expect(john.frames.find((f) => f.eventName === 'EventReleased' && f['connectionId'] === consult['connectionId'])).toMatchObject({ CallState: 'Transferred' });
      expect(john.names().filter((n) => n === 'EventError')).toEqual([]);
      // Kate keeps talking to the caller: re-keyed to the caller's call id (real GWS) or as a new call (Genesys' simulator).
      if (real) await kate.next('EventPartyChanged', { connectionId: id, PreviousConnID: offered['connectionId'] });
      else await kate.next('EventEstablished', { connectionId: id });
      expect(kate.session.command({ type: 'Hangup', connectionId: id })).toEqual({ status: 200 });
      // No ghost of the transferred call left in John's current-session (the bridge completes it where GWS does not).
      await expect.poll(() => l.sim.calls('JohnSmith')).toEqual([]);
    });

    test(`consult → cancel (ReconnectCall${real ? '' : ', 501 → release + retrieve'})`, async () => {
      const { l, john, kate, id, consult, offered } = await consulting(mode);
      john.command({ type: 'ReconnectCall', connectionId: consult['connectionId'], heldConnectionId: id });
      await john.next('EventReleased', { connectionId: consult['connectionId'] });
      await john.next('EventRetrieved', { connectionId: id });
      await kate.next('EventReleased', { connectionId: offered['connectionId'] });
      expect(l.logs.some((line) => line.includes('GWS_FALLBACK'))).toBe(!real);
    });

    test(`swap (AlternateCall${real ? '' : ', 501 → hold + retrieve'})`, async () => {
      const { john, id, consult } = await consulting(mode);
      john.command({ type: 'AlternateCall', connectionId: consult['connectionId'], heldConnectionId: id });
      await john.next('EventHeld', { connectionId: consult['connectionId'] });
      await john.next('EventRetrieved', { connectionId: id });
    });

    test(`conference (InitiateConference${real ? '' : ', 501 → initiate-transfer'} then complete-conference)`, async () => {
      // Genesys' simulator reads userData[6] as a contact id for conferences: four more entries reach it.
      const pad = ['A', 'B', 'C', 'D'].map((key) => ({ key, type: 'str', value: key }));
      const { john, id, consult } = await consulting(mode, 'InitiateConference', real ? {} : { userData: pad });
      john.command({ type: 'CompleteConference', connectionId: id, consultConnectionId: consult['connectionId'] });
      expect(await john.next('EventReleased', { connectionId: consult['connectionId'] })).toMatchObject({ CallState: 'Conferenced' });
      await john.next('EventPartyAdded', { connectionId: id, party: DN.KateLondon });
      await john.next('EventRetrieved', { connectionId: id });
      await settle(200);
      expect(john.frames.filter((f) => f.eventName === 'EventPartyAdded')).toHaveLength(1);
      expect(john.names().filter((n) => n === 'EventError')).toEqual([]);
    });
  });

  describe('when GWS fails a command', () => {
    test('GWS 500 with a text body → EventError GWS_HTTP_500 for the call; the session stays up', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const id = l.sim.ring('JohnSmith');
      await john.next('EventRinging', { connectionId: id });
      l.sim.failNext({ path: '/voice/calls/*/answer', status: 500, body: 'Internal Server Error: boom' });
      john.command({ type: 'Accept', connectionId: id });
      expect(await john.next('EventError', { connectionId: id })).toMatchObject({ ErrorCode: 'GWS_HTTP_500' });
      john.command({ type: 'Accept', connectionId: id });
      await john.next('EventEstablished', { connectionId: id });
    });
    test('a request that never answers → EventError at the deadline', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const id = l.sim.ring('JohnSmith');
      await john.next('EventRinging', { connectionId: id });
      l.sim.failNext({ path: '/voice/calls/*/answer', hang: true });
      john.command({ type: 'Accept', connectionId: id });
      const error = await john.next('EventError', { connectionId: id });
      expect(['GWS_TIMEOUT', 'COMMAND_TIMEOUT']).toContain(error['ErrorCode']);
    });
    test('200 then EventError → EventError with GWS’s code, for the call', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const id = await john.talking(l);
      l.sim.failNext({ path: '/voice/calls/*/hold', eventError: { errorCode: 53, errorMessage: 'Invalid call state' } });
      john.command({ type: 'Hold', connectionId: id });
      expect(await john.next('EventError', { connectionId: id })).toMatchObject({ ErrorCode: '53' });
    });
    test('an unknown call id is refused before GWS hears of it (NOT_YOUR_CALL)', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      expect(john.command({ type: 'Hangup', connectionId: 'doesnotexist' })).toEqual({ status: 403, code: 'NOT_YOUR_CALL' });
    });
  });

  describe('two agents on one bridge', () => {
    test('each sees only its own calls and cannot touch the other’s', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const kate = await LiveAgent.signIn(l, 'KateLondon');
      const forJohn = l.sim.ring('JohnSmith');
      const forKate = l.sim.ring('KateLondon');
      await john.next('EventRinging', { connectionId: forJohn });
      await kate.next('EventRinging', { connectionId: forKate });
      expect(kate.command({ type: 'Accept', connectionId: forJohn })).toEqual({ status: 403, code: 'NOT_YOUR_CALL' });
      await settle(150);
      expect(john.frames.some((f) => f['connectionId'] === forKate)).toBe(false);
      expect(kate.frames.some((f) => f['connectionId'] === forJohn)).toBe(false);
    });
  });

  describe('when recovering', () => {
    test('CometD sessions dropped → re-handshake, a call rung meanwhile is offered, the talking call is kept (never doubled)', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const talking = await john.talking(l);
      l.sim.dropCometdSessions('JohnSmith');
      const missed = l.sim.ring('JohnSmith');
      // Recovery may be over before a poll of state() sees it: the log says it happened.
      await expect.poll(() => l.logs.some((line) => line.includes('GWS_RECOVERING')), { timeout: 4_000 }).toBe(true);
      await john.state('online');
      await john.next('EventRinging', { connectionId: missed });
      john.command({ type: 'snapshot' });
      const snapshot = await john.next('EventSnapshot');
      expect((snapshot['calls'] as { connectionId: string }[]).map((c) => c.connectionId).sort()).toEqual([missed, talking].sort());
      expect(john.of(talking)).toEqual(['EventRinging', 'EventEstablished']);
      expect(john.of(missed)).toEqual(['EventRinging']);
      john.command({ type: 'Hangup', connectionId: talking });
      await john.next('EventReleased', { connectionId: talking });
    });

    test('GWS restarted with its state lost → signed in again, the lost call released once, new calls work', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const lost = await john.talking(l);
      await l.sim.restart();
      await john.next('EventReleased', { connectionId: lost }, 10_000);
      await john.state('online');
      const next = l.sim.ring('JohnSmith');
      await john.next('EventRinging', { connectionId: next });
      expect(john.of(lost)).toEqual(['EventRinging', 'EventEstablished', 'EventReleased']);
      john.command({ type: 'Accept', connectionId: next });
      await john.next('EventEstablished', { connectionId: next });
    });

    test('VOICE UNAVAILABLE → recovering until VOICE is back, then online with its calls', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      const id = await john.talking(l);
      l.sim.serviceState('JohnSmith', 'VOICE', 'UNAVAILABLE');
      await john.next('EventLinkDisconnected');
      await john.state('recovering');
      expect(john.command({ type: 'Hold', connectionId: id })).toEqual({ status: 409, code: 'NOT_ONLINE' });
      l.sim.serviceState('JohnSmith', 'VOICE', 'AVAILABLE');
      await john.next('EventLinkConnected');
      await john.state('online');
      john.command({ type: 'Hold', connectionId: id });
      await john.next('EventHeld', { connectionId: id });
      expect(john.of(id)).toEqual(['EventRinging', 'EventEstablished', 'EventHeld']);
    });
  });

  describe('when the agent signs out', () => {
    test('CometD disconnect then workspace logout; the session is signedOut', async () => {
      const l = await start(mode);
      const john = await LiveAgent.signIn(l, 'JohnSmith');
      await john.session.signOut();
      expect(john.session.state()).toBe('signedOut');
      expect(john.command({ type: 'Ready' })).toEqual({ status: 409, code: 'NOT_ONLINE' });
    });
  });
});
