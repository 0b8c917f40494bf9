// Two agents on our GWS simulator in real-GWS mode: consult, transfer, conference, single-step, alternate, reconnect, DTMF.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGwsSimulator, type GwsSimulator } from '../../src/sim/gws';
import { onlineAgent, type CallView, type GwsTestAgent } from './support/gws-client';

const KATE_DN = '+33298025000';
const JOHN_DN = '+33298025003';
const CALLER = '+33175001234';

let sim: GwsSimulator;
let john: GwsTestAgent;
let kate: GwsTestAgent;

beforeEach(async () => {
  sim = await startGwsSimulator({ dialAnswerMs: 100 });
  [john, kate] = await Promise.all([onlineAgent(sim.url, 'JohnSmith'), onlineAgent(sim.url, 'KateLondon')]);
});

afterEach(async () => {
  await Promise.all([john.disconnect(), kate.disconnect()]);
  await sim.close();
});

/** John on an established inbound call from CALLER. */
async function established(): Promise<string> {
  const callId = sim.ring('JohnSmith', { ani: CALLER });
  await john.nextCall({ id: callId, state: 'Ringing' });
  await john.voice(`/voice/calls/${callId}/answer`);
  await john.nextCall({ id: callId, state: 'Established' });
  return callId;
}

/** John consults Kate about `parent`; both consult legs Established. */
async function consultKate(parent: string, request = 'initiate-transfer'): Promise<string> {
  expect((await john.voice(`/voice/calls/${parent}/${request}`, { destination: KATE_DN })).json).toMatchObject({ status: { code: 1 } });
  await john.nextCall({ id: parent, state: 'Held' });
  const dialing = await john.nextCall({ state: 'Dialing' });
  expect(dialing).toMatchObject({ callType: 'Consult', parentConnId: parent });
  expect(dialing.capabilities).toEqual(expect.arrayContaining(['complete-transfer', 'complete-conference', 'alternate']));
  const ringing = await kate.nextCall({ id: dialing.id, state: 'Ringing' });
  expect(ringing).toMatchObject({ callType: 'Consult', parentConnId: parent, participants: [{ number: JOHN_DN, role: 'RoleOrigination' }] });
  await kate.voice(`/voice/calls/${dialing.id}/answer`);
  await john.nextCall({ id: dialing.id, state: 'Established' });
  await kate.nextCall({ id: dialing.id, state: 'Established' });
  return dialing.id;
}

const numbers = (call: CallView): string[] => call.participants.map((p) => p.number).sort();

describe('when John consults Kate and completes the transfer', () => {
  it("leaves John with nothing and gives Kate the parent call with previousConnId = the consult's id", async () => {
    const parent = await established();
    const consult = await consultKate(parent);
    await john.voice(`/voice/calls/${consult}/complete-transfer`, { parentConnId: parent });
    await john.nextCall({ id: parent, state: 'Released' });
    await john.nextCall({ id: parent, state: 'Completed' });
    await john.nextCall({ id: consult, state: 'Released' });
    await john.nextCall({ id: consult, state: 'Completed' });
    const transferred = await kate.nextCall({ id: parent });
    expect(transferred).toMatchObject({ state: 'Established', callType: 'Inbound', previousConnId: consult, ani: CALLER, participants: [{ number: CALLER, role: 'RoleOrigination' }] });
    expect(sim.calls('JohnSmith')).toEqual([]);
    expect(sim.calls('KateLondon')).toEqual([expect.objectContaining({ id: parent, previousConnId: consult })]);
  });
});

describe('when John consults Kate and reconnects', () => {
  it('ends the consult for both and brings the parent back', async () => {
    const parent = await established();
    const consult = await consultKate(parent);
    await john.voice(`/voice/calls/${consult}/reconnect`, { heldConnId: parent });
    await john.nextCall({ id: consult, state: 'Released' });
    await kate.nextCall({ id: consult, state: 'Released' });
    await john.nextCall({ id: parent, state: 'Established' });
  });
});

describe('when John alternates between the consult and the parent', () => {
  it('holds the consult and retrieves the parent', async () => {
    const parent = await established();
    const consult = await consultKate(parent);
    await john.voice(`/voice/calls/${consult}/alternate`, { heldConnId: parent });
    await john.nextCall({ id: consult, state: 'Held' });
    await john.nextCall({ id: parent, state: 'Established' });
  });
});

describe('when John conferences Kate in', () => {
  it('puts all three on the parent call, and John leaving leaves Kate with the caller', async () => {
    const parent = await established();
    const consult = await consultKate(parent, 'initiate-conference');
    await john.voice(`/voice/calls/${consult}/complete-conference`, { parentConnId: parent });
    await john.nextCall({ id: consult, state: 'Completed' });
    const johnConference = await john.nextCall({ id: parent, state: 'Established' });
    expect(numbers(johnConference)).toEqual([CALLER, KATE_DN].sort());
    const kateConference = await kate.nextCall({ id: parent, state: 'Established' });
    expect(kateConference.previousConnId).toBe(consult);
    expect(numbers(kateConference)).toEqual([CALLER, JOHN_DN].sort());
    await john.voice(`/voice/calls/${parent}/release`);
    await john.nextCall({ id: parent, state: 'Released' });
    const left = await kate.nextCall({ id: parent, notificationType: 'ParticipantsUpdated' });
    expect(left).toMatchObject({ state: 'Established', participants: [{ number: CALLER }] });
  });
});

describe('when John transfers in a single step', () => {
  it('releases John and rings Kate on the same call id', async () => {
    const parent = await established();
    await john.voice(`/voice/calls/${parent}/single-step-transfer`, { destination: KATE_DN });
    await john.nextCall({ id: parent, state: 'Released' });
    await john.nextCall({ id: parent, state: 'Completed' });
    const ringing = await kate.nextCall({ id: parent, state: 'Ringing' });
    expect(ringing).toMatchObject({ callType: 'Inbound', ani: CALLER });
    await kate.voice(`/voice/calls/${parent}/answer`);
    await kate.nextCall({ id: parent, state: 'Established' });
  });
});

describe('when John consults an outside number', () => {
  it('is answered after dialAnswerMs and completing the transfer ends the call for John', async () => {
    const parent = await established();
    await john.voice(`/voice/calls/${parent}/initiate-transfer`, { destination: '+14155550100' });
    const dialing = await john.nextCall({ state: 'Dialing', notificationType: 'StateChange' });
    await john.nextCall({ id: dialing.id, state: 'Established' });
    await john.voice(`/voice/calls/${dialing.id}/complete-transfer`, { parentConnId: parent });
    await john.nextCall({ id: parent, state: 'Completed' });
    await john.nextCall({ id: dialing.id, state: 'Completed' });
    expect(sim.calls('JohnSmith')).toEqual([]);
  });
});

describe('when John calls Kate', () => {
  it("rings Kate's DN as Internal, connects both on answer, and Kate hanging up releases John", async () => {
    await john.voice('/voice/make-call', { destination: KATE_DN });
    const dialing = await john.nextCall({ state: 'Dialing' });
    expect(dialing.callType).toBe('Internal');
    expect((await kate.nextCall({ id: dialing.id, state: 'Ringing' })).callType).toBe('Internal');
    await kate.voice(`/voice/calls/${dialing.id}/answer`);
    await john.nextCall({ id: dialing.id, state: 'Established' });
    await kate.nextCall({ id: dialing.id, state: 'Established' });
    await kate.voice(`/voice/calls/${dialing.id}/release`);
    await john.nextCall({ id: dialing.id, state: 'Released' });
  });
});

describe('when John sends DTMF', () => {
  it('echoes an unchanged StateChange, and refuses digits that are not DTMF', async () => {
    const parent = await established();
    await john.voice(`/voice/calls/${parent}/send-dtmf`, { dtmfDigits: '12#' }, 'op-dtmf');
    expect(await john.nextCall({ id: parent })).toMatchObject({ state: 'Established', operationId: 'op-dtmf' });
    const bad = await john.voice(`/voice/calls/${parent}/send-dtmf`, { dtmfDigits: 'x' });
    expect(bad.status).toBe(400);
  });
});

describe('when a request is not in the call capabilities', () => {
  it('answers 400 with the envelope, and nothing changes', async () => {
    const callId = sim.ring('JohnSmith');
    await john.nextCall({ id: callId, state: 'Ringing' });
    const hold = await john.voice(`/voice/calls/${callId}/hold`);
    expect(hold).toMatchObject({ status: 400, json: { status: { code: 400 } } });
    expect(sim.calls('JohnSmith')).toEqual([expect.objectContaining({ state: 'Ringing' })]);
  });
});

describe('when John conferences in a single step', () => {
  it('rings Kate as a new party on the same call, and tells John when she joins', async () => {
    const parent = await established();
    await john.voice(`/voice/calls/${parent}/single-step-conference`, { destination: KATE_DN });
    expect(await kate.nextCall({ id: parent, state: 'Ringing' })).toMatchObject({ callType: 'Inbound' });
    await kate.voice(`/voice/calls/${parent}/answer`);
    const joined = await john.nextCall({ id: parent, notificationType: 'ParticipantsUpdated' });
    expect(numbers(joined)).toEqual([CALLER, KATE_DN].sort());
  });

  it('tells John when an outside number joins', async () => {
    const parent = await established();
    await john.voice(`/voice/calls/${parent}/single-step-conference`, { destination: '+14155550100' });
    const joined = await john.nextCall({ id: parent, notificationType: 'ParticipantsUpdated' });
    expect(numbers(joined)).toEqual([CALLER, '+14155550100'].sort());
  });
});
