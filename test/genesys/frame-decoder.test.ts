// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { decodeFrame, MAX_FRAME_BYTES } from '../../src/adapters/genesys';

const newId = (): string => 'generated-id';
const decode = (frame: unknown): ReturnType<typeof decodeFrame> => decodeFrame(JSON.stringify(frame), newId);
const eventOf = (frame: unknown): unknown => {
  const outcome = decode(frame);
  if (outcome.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(outcome)}`);
  return outcome.event;
};

describe('decodeFrame', () => {
  it('maps the seed/mock EventRinging and generates an eventId when absent', () => {
    expect(eventOf({ eventName: 'EventRinging', ANI: '+1555', connectionId: 'c1', direction: 'inbound' })).toEqual({
      type: 'genesys.ringing',
      connectionId: 'c1',
      eventId: 'generated-id',
      ani: '+1555',
    });
  });

  it('accepts PSDK spellings: ConnID, ThisQueue, DNIS, CallType', () => {
    expect(eventOf({ eventName: 'EventRinging', ConnID: 'c2', ANI: '+1', DNIS: '800', ThisQueue: 'Q', CallType: 'Inbound', eventId: 'e' })).toEqual({
      type: 'genesys.ringing',
      connectionId: 'c2',
      eventId: 'e',
      ani: '+1',
      dnis: '800',
      queue: 'Q',
      callType: 'Inbound',
    });
  });

  it('ignores stale fields the mock leaks into unrelated events', () => {
    expect(eventOf({ eventName: 'EventReleased', connectionId: 'c3', ANI: '+1', eventId: 'stale', queueName: 'x' })).toEqual({
      type: 'genesys.released',
      connectionId: 'c3',
    });
    expect(eventOf({ eventName: 'EventRegistered', connectionId: 'stale', ANI: 42 })).toEqual({ type: 'genesys.registered' });
  });

  it('reads the dialled number from toNumber, then OtherDN, ANI, DNIS', () => {
    expect(eventOf({ eventName: 'EventDialing', connectionId: 'c', toNumber: '1', OtherDN: '2' })).toMatchObject({ number: '1' });
    expect(eventOf({ eventName: 'EventDialing', connectionId: 'c', OtherDN: '2', ANI: '3' })).toMatchObject({ number: '2' });
    expect(eventOf({ eventName: 'EventDialing', connectionId: 'c', ANI: '3', DNIS: '4' })).toMatchObject({ number: '3' });
    expect(eventOf({ eventName: 'EventDialing', connectionId: 'c', DNIS: '4' })).toMatchObject({ number: '4' });
  });

  it('derives direction from direction or CallType', () => {
    expect(eventOf({ eventName: 'EventEstablished', connectionId: 'c', CallType: 'Outbound' })).toMatchObject({ direction: 'outbound' });
    expect(eventOf({ eventName: 'EventEstablished', connectionId: 'c', direction: 'Inbound' })).toMatchObject({ direction: 'inbound' });
    expect(eventOf({ eventName: 'EventEstablished', connectionId: 'c', CallType: 'Consult' })).not.toHaveProperty('direction');
  });

  it('maps CallState (string or PSDK number), PartyChanged, Error and NotReady', () => {
    expect(eventOf({ eventName: 'EventReleased', ConnID: 'c', CallState: 'Busy' })).toMatchObject({ callState: 'Busy' });
    expect(eventOf({ eventName: 'EventReleased', ConnID: 'c', CallState: 7 })).toMatchObject({ callState: '7' });
    expect(eventOf({ eventName: 'EventPartyChanged', connectionId: 'new', PreviousConnID: 'old' })).toEqual({
      type: 'genesys.partyChanged',
      connectionId: 'new',
      previousConnectionId: 'old',
    });
    expect(eventOf({ eventName: 'EventPartyChanged', connectionId: 'new', previousConnectionId: 'old' })).toMatchObject({ previousConnectionId: 'old' });
    expect(eventOf({ eventName: 'EventError', ErrorCode: 56, ErrorMessage: 'Invalid Connection ID', ConnID: 'c' })).toEqual({
      type: 'genesys.error',
      code: '56',
      message: 'Invalid Connection ID',
      connectionId: 'c',
    });
    expect(eventOf({ eventName: 'EventAgentNotReady', reason: 'Lunch' })).toEqual({ type: 'genesys.agentNotReady', reason: 'Lunch' });
  });

  it.each([
    ['EventUnregistered', 'genesys.unregistered'],
    ['EventAgentReady', 'genesys.agentReady'],
    ['EventAgentLogout', 'genesys.agentLogout'],
    ['EventLinkDisconnected', 'genesys.linkDisconnected'],
    ['EventLinkConnected', 'genesys.linkConnected'],
    ['EventNetworkReached', 'genesys.networkReached'],
    ['EventHeld', 'genesys.held'],
    ['EventRetrieved', 'genesys.retrieved'],
    ['EventAbandoned', 'genesys.abandoned'],
    ['EventDestinationBusy', 'genesys.destinationBusy'],
  ])('%s → %s', (eventName, type) => {
    expect(eventOf({ eventName, connectionId: 'c9' })).toMatchObject({ type });
  });

  it('refuses PartyChanged without its previous id and rejects wrong types', () => {
    expect(decode({ eventName: 'EventPartyChanged', connectionId: 'c' })).toMatchObject({ kind: 'error', code: 'FRAME_INVALID' });
    expect(decode({ eventName: 'EventHeld', connectionId: '' })).toMatchObject({ kind: 'error', code: 'FRAME_INVALID' });
    expect(decode({ eventName: 7 })).toMatchObject({ kind: 'error', code: 'FRAME_INVALID', message: 'eventName: expected a string, received number' });
    expect(decode({ eventType: null, eventName: 'EventRegistered' })).toMatchObject({ kind: 'error', code: 'FRAME_INVALID', message: 'eventType: expected a string, received null' });
    expect(decode({ eventType: 'EventRegistered' })).toMatchObject({ kind: 'event', name: 'EventRegistered' });
    expect(decode({ eventName: 'EventAgentNotReady', reason: ['x'] })).toMatchObject({ kind: 'error', code: 'FRAME_INVALID' });
  });

  it('does not treat inherited object keys as event names', () => {
    expect(decode({ eventName: 'toString' })).toMatchObject({ kind: 'error', code: 'FRAME_UNKNOWN_EVENT' });
    expect(decode({ eventName: '__proto__' })).toMatchObject({ kind: 'error', code: 'FRAME_UNKNOWN_EVENT' });
  });

  it('measures size in UTF-8 bytes', () => {
    const justUnder = JSON.stringify({ eventName: 'EventRegistered', p: '' });
    const padding = MAX_FRAME_BYTES - justUnder.length;
    expect(decode({ eventName: 'EventRegistered', p: 'x'.repeat(padding) }).kind).toBe('event');
    expect(decode({ eventName: 'EventRegistered', p: 'x'.repeat(padding + 1) })).toMatchObject({ code: 'FRAME_TOO_LARGE' });
    // 3 bytes per character: small in UTF-16 length, too large on the wire.
    expect(decode({ eventName: 'EventRegistered', p: '日'.repeat(25_000) })).toMatchObject({ code: 'FRAME_TOO_LARGE' });
  });

  it('refuses binary payloads', () => {
    expect(decodeFrame(new ArrayBuffer(8), newId)).toMatchObject({ kind: 'error', code: 'FRAME_MALFORMED' });
    expect(decodeFrame(new Uint8Array(4), newId)).toMatchObject({ kind: 'error', code: 'FRAME_MALFORMED' });
  });
});
