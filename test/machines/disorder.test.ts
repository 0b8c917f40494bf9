import { describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { createDriver, keyOf } from '../support/driver';
import type { GenesysEvent } from '../../src/machines/genesys.types';
import type { FusionEvent } from '../../src/machines/fusion.types';
import type { ToolbarEvent } from '../../src/machines/toolbar.types';

describe('when events break the happy order', () => {
  test('EventEstablished for an unknown ConnID creates the call already established, offered and started', () => {
    const d = createDriver().login();
    d.genesys({ type: 'genesys.established', connectionId: 'x1', eventId: 'evx', ani: '+1555', direction: 'inbound' });
    d.expectState('call.established.talking', 'x1');
    expect(d.fusionCommands.filter((c) => c.type !== 'fusion.cmd.agentState')).toEqual([
      { type: 'fusion.cmd.newComm', eventId: 'evx', direction: 'inbound', number: '+1555' },
      { type: 'fusion.cmd.startComm', eventId: 'evx', direction: 'inbound' },
    ]);
  });

  test('EventReleased for an unknown call is logged and changes nothing else', () => {
    const d = createDriver().login().ring('c1');
    d.released('zz');
    expect(d.callNames()).toEqual(['c1']);
    expect(d.snapshot().context.notices.at(-1)).toMatchObject({ code: 'UNKNOWN_CALL', detail: 'genesys.released zz' });
  });

  test('EventHeld, EventRetrieved and EventPartyChanged for unknown calls are noted, not fatal', () => {
    const d = createDriver().login();
    d.genesys({ type: 'genesys.held', connectionId: 'q' });
    d.genesys({ type: 'genesys.retrieved', connectionId: 'q' });
    d.genesys({ type: 'genesys.partyChanged', connectionId: 'q2', previousConnectionId: 'q' });
    expect(d.snapshot().context.notices.map((n) => n.code)).toEqual(['UNKNOWN_CALL', 'UNKNOWN_CALL', 'UNKNOWN_CALL']);
    expect(d.snapshot().status).toBe('active');
  });

  test('a second call rings while one is established: two actors, the first stays active', () => {
    const d = createDriver().login().ring('c1', '+1', 'e1').answer('c1').established('c1');
    d.ring('c2', '+2', 'e2');
    expect(d.callNames()).toEqual(['c1', 'c2']);
    d.expectState('call.established.talking', 'c1').expectState('call.ringing.alerting', 'c2');
    expect(d.snapshot().context.activeCall).toBe(keyOf('c1'));
    d.fusion({ type: 'fusion.setActive', eventId: 'e2', requestId: 's1' });
    expect(d.snapshot().context.activeCall).toBe(keyOf('c2'));
    expect(d.fusionOf('fusion.cmd.respond').at(-1)).toEqual({ type: 'fusion.cmd.respond', requestId: 's1', ok: true });
    d.released('c2', 'Abandoned');
    expect(d.snapshot().context.activeCall).toBe(keyOf('c1'));
    d.released('c1');
    expect(d.snapshot().context.activeCall).toBeNull();
  });

  test('protocol errors and failed publishes become notices; the bounded list keeps the latest 20', () => {
    const d = createDriver().login();
    for (let i = 0; i < 30; i++) d.genesys({ type: 'genesys.protocolError', code: 'FRAME_MALFORMED', message: `frame ${i}` });
    d.fusion({ type: 'fusion.publishFailed', operation: 'newCommEvent', eventId: 'e', code: 'UEF_TIMEOUT', message: 'no answer in 6 s' });
    const notices = d.snapshot().context.notices;
    expect(notices).toHaveLength(20);
    expect(notices.at(-1)).toMatchObject({ code: 'UEF_TIMEOUT', seq: 31 });
    d.send({ type: 'notice.dismiss', seq: 31 });
    expect(d.snapshot().context.notices.at(-1)?.seq).toBe(30);
  });
});

const connIds = ['c1', 'c2', 'c3'];
const arbConn = fc.constantFrom(...connIds);
const arbEvent: fc.Arbitrary<{ from: 'genesys'; event: GenesysEvent } | { from: 'fusion'; event: FusionEvent } | { from: 'ui'; event: ToolbarEvent }> = fc.oneof(
  fc.constantFrom<GenesysEvent>(
    { type: 'genesys.connected' },
    { type: 'genesys.disconnected', attempt: 1, retryInMs: 500, reason: 'x' },
    { type: 'genesys.registered' },
    { type: 'genesys.agentReady' },
    { type: 'genesys.agentNotReady' },
    { type: 'genesys.agentLogout' },
    { type: 'genesys.linkDisconnected' },
    { type: 'genesys.linkConnected' },
  ).map((event) => ({ from: 'genesys' as const, event })),
  fc
    .tuple(arbConn, fc.constantFrom('ringing', 'dialing', 'established', 'held', 'retrieved', 'released', 'abandoned', 'destinationBusy', 'networkReached', 'partyChanged', 'error', 'commandFailed'))
    .map(([connectionId, kind]): { from: 'genesys'; event: GenesysEvent } => {
      const events: Record<string, GenesysEvent> = {
        ringing: { type: 'genesys.ringing', connectionId, eventId: `e-${connectionId}`, ani: '+1' },
        dialing: { type: 'genesys.dialing', connectionId, number: '+2' },
        established: { type: 'genesys.established', connectionId },
        held: { type: 'genesys.held', connectionId },
        retrieved: { type: 'genesys.retrieved', connectionId },
        released: { type: 'genesys.released', connectionId },
        abandoned: { type: 'genesys.abandoned', connectionId },
        destinationBusy: { type: 'genesys.destinationBusy', connectionId },
        networkReached: { type: 'genesys.networkReached', connectionId },
        partyChanged: { type: 'genesys.partyChanged', connectionId: `${connectionId}x`, previousConnectionId: connectionId },
        error: { type: 'genesys.error', connectionId, code: '1', message: 'e' },
        commandFailed: { type: 'genesys.commandFailed', command: 'accept', connectionId, code: 'REST_HTTP_500', message: 'e' },
      };
      return { from: 'genesys', event: events[kind]! };
    }),
  fc
    .tuple(arbConn, fc.constantFrom('accept', 'reject', 'hangup', 'hold', 'retrieve', 'focus'))
    .map(([connectionId, verb]) => ({ from: 'ui' as const, event: { type: `call.${verb}`, key: keyOf(connectionId) } as ToolbarEvent })),
  fc
    .tuple(arbConn, fc.constantFrom('accept', 'reject', 'hangup', 'setActive', 'offerTimeout'))
    .map(([c, verb]) => ({
      from: 'fusion' as const,
      event: (verb === 'offerTimeout' ? { type: 'fusion.offerTimeout', eventId: `e-${c}` } : { type: `fusion.${verb}`, eventId: `e-${c}`, requestId: `r-${c}` }) as FusionEvent,
    })),
  fc.constantFrom<FusionEvent>(
    { type: 'fusion.makeAvailable', requestId: 'a' },
    { type: 'fusion.makeUnavailable', requestId: 'u', reason: 'Break' },
    { type: 'fusion.dial', number: '+15550002', eventId: 'd1' },
    { type: 'fusion.ready' },
  ).map((event) => ({ from: 'fusion' as const, event })),
  fc.constantFrom<ToolbarEvent>(
    { type: 'agent.goAvailable' },
    { type: 'agent.goUnavailable', reason: 'Break' },
    { type: 'agent.logout' },
    { type: 'agent.login' },
    { type: 'agent.dial', number: '+15550001' },
  ).map((event) => ({ from: 'ui' as const, event })),
);

describe('any order of events (property)', () => {
  test('the machine never throws, every call child is live and indexed, every Fusion request is answered exactly once', () => {
    let longest = 0;
    fc.assert(
      // size 'max': without it fast-check's default size caps arrays at 10 events, whatever maxLength says.
      fc.property(fc.array(arbEvent, { minLength: 20, maxLength: 60, size: 'max' }), (steps) => {
        vi.useFakeTimers();
        longest = Math.max(longest, steps.length);
        const d = createDriver();
        const requested: string[] = [];
        steps.forEach((step, index) => {
          if (step.from === 'genesys') d.genesys(step.event);
          else if (step.from === 'fusion') {
            // Unique request ids, so a double answer to one UEF promise is visible.
            const event = 'requestId' in step.event ? { ...step.event, requestId: `r${index}` } : step.event;
            if ('requestId' in event) requested.push(event.requestId);
            d.fusion(event);
          } else d.send(step.event);
        });
        const snapshot = d.snapshot();
        expect(d.errors).toEqual([]);
        expect(snapshot.status).toBe('active');
        const children = Object.keys(snapshot.children).filter((id) => id !== 'genesys' && id !== 'fusion');
        expect(children.sort()).toEqual(Object.keys(snapshot.context.calls).sort());
        for (const id of children) expect(snapshot.children[id]?.getSnapshot().status).toBe('active');
        const answered = d.fusionOf('fusion.cmd.respond').map((r) => r.requestId);
        expect(new Set(answered).size).toBe(answered.length);
        for (const id of answered) expect(requested).toContain(id);
        // Past every deadline and ring ceiling, no UEF promise is left pending.
        vi.advanceTimersByTime(120_000);
        expect(d.fusionOf('fusion.cmd.respond').map((r) => r.requestId).sort()).toEqual([...requested].sort());
        d.stop();
      }),
      { numRuns: 300 },
    );
    vi.useRealTimers();
    // The long sequences really ran (fast-check's default size would stop at 10 events).
    expect(longest).toBeGreaterThanOrEqual(50);
  });
});
