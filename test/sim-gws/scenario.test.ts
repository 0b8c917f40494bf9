// The /sim scenario API over HTTP, restart with state lost, service state, and the CLI flags.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';
import { parseCli } from '../../src/sim/gws/cli-args';
import { onlineAgent, type GwsTestAgent } from './support/gws-client';

let sim: GwsSimulator;
let john: GwsTestAgent;

async function scenario(path: string, body?: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${sim.url}/sim${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

beforeEach(async () => {
  sim = await startGwsSimulator({ dialAnswerMs: Number.POSITIVE_INFINITY });
  john = await onlineAgent(sim.url, 'JohnSmith');
});

afterEach(async () => {
  await john.disconnect();
  await sim.close();
});

describe('when a scenario rings an agent', () => {
  it('rings with the given ANI and attached data and returns the call id', async () => {
    const rung = await scenario('/ring', { agent: 'JohnSmith', ani: '+15551234', userData: [{ key: 'Account', type: 'str', value: '42' }] });
    const callId = String(rung.json['callId']);
    expect(await john.nextCall({ id: callId, state: 'Ringing' })).toMatchObject({ ani: '+15551234', userData: [{ key: 'Account', value: '42' }] });
    const state = await scenario('/state');
    const agents = state.json['agents'] as Array<{ userName: string; calls: Array<{ id: string }> }>;
    expect(agents.find((agent) => agent.userName === 'JohnSmith')?.calls.map((call) => call.id)).toEqual([callId]);
  });

  it('refuses an unknown agent, a bad userData and an unknown call id with 400', async () => {
    expect((await scenario('/ring', { agent: 'Nobody' })).status).toBe(400);
    expect((await scenario('/ring', { agent: 'JohnSmith', userData: 'x' })).status).toBe(400);
    expect((await scenario('/remoteHangup', { callId: 'nosuch' })).json).toMatchObject({ status: 'Error', message: 'unknown call nosuch' });
  });
});

describe('when the far end answers and hangs up by scenario', () => {
  it('connects and then releases the outbound call', async () => {
    await john.voice('/voice/make-call', { destination: '+14155550100' });
    const dialing = await john.nextCall({ state: 'Dialing' });
    expect((await scenario('/remoteAnswer', { callId: dialing.id })).status).toBe(200);
    await john.nextCall({ id: dialing.id, state: 'Established' });
    await scenario('/remoteHangup', { callId: dialing.id });
    await john.nextCall({ id: dialing.id, state: 'Released' });
  });
});

describe('when the voice service goes unavailable', () => {
  it('sends ServiceStateChanged and refuses voice requests with 503 until it is back', async () => {
    await scenario('/serviceState', { agent: 'JohnSmith', serviceName: 'VOICE', serviceState: 'UNAVAILABLE' });
    expect((await john.nextOfType('ServiceStateChanged')).data).toMatchObject({ serviceName: 'VOICE', serviceState: 'UNAVAILABLE' });
    expect((await john.voice('/voice/ready')).status).toBe(503);
    await scenario('/serviceState', { agent: 'JohnSmith', serviceState: 'AVAILABLE' });
    await john.nextOfType('ServiceStateChanged');
    expect((await john.voice('/voice/ready')).status).toBe(200);
  });
});

describe('when a failure is armed by scenario', () => {
  it('fails the next matching request once', async () => {
    expect((await scenario('/failNext', { path: '/voice/ready', status: 503 })).status).toBe(200);
    expect((await john.voice('/voice/ready')).status).toBe(503);
    expect((await john.voice('/voice/ready')).status).toBe(200);
    expect((await scenario('/failNext', { path: 'voice/ready' })).status).toBe(400);
  });
});

describe('when the CometD sessions are dropped by scenario', () => {
  it('gives the next connect 402::session_unknown', async () => {
    await scenario('/dropCometd', { agent: 'JohnSmith' });
    await expect.poll(() => john.metaFailures.map((m) => m.error), { timeout: 3000 }).toContain('402::session_unknown');
  });
});

describe('when the simulator restarts', () => {
  it('loses calls, DN state and sessions: REST 401, CometD 402 then handshake refused', async () => {
    const callId = sim.ring('JohnSmith');
    await john.nextCall({ id: callId, state: 'Ringing' });
    expect((await scenario('/restart', {})).status).toBe(200);
    await expect.poll(() => sim.calls('JohnSmith')).toEqual([]);
    expect((await john.voice('/voice/ready')).status).toBe(401);
    await expect.poll(() => john.metaFailures.map((m) => m.error), { timeout: 5000 }).toContain('402::session_unknown');
    await expect.poll(() => john.metaFailures.map((m) => m.error), { timeout: 5000 }).toContain('403::handshake_denied');
    const state = await scenario('/state');
    expect(state.json['sessions']).toBe(0);
    const again = await onlineAgent(sim.url, 'JohnSmith');
    expect(await again.nextDn()).toMatchObject({ agentState: 'NotReady' });
    await again.disconnect();
  });
});

describe('the command line', () => {
  it('reads port, mode and dial delay, and refuses bad values', () => {
    expect(parseCli(['--port', '0', '--mode', 'genesys-sim', '--dial-answer', 'never'])).toEqual({ ok: true, options: { host: '127.0.0.1', port: 0, mode: 'genesys-sim', dialAnswerMs: Number.POSITIVE_INFINITY } });
    expect(parseCli(['--mode', 'real'])).toMatchObject({ ok: false, message: expect.stringContaining('--mode') });
    expect(parseCli(['--port', '70000'])).toMatchObject({ ok: false });
    expect(parseCli(['--no-release-on-ringing', '--initial-state', 'Ready'])).toMatchObject({ ok: true, options: { releaseOnRinging: false, initialAgentState: 'Ready' } });
  });
});
