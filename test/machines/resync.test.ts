/**
 * [INFER] Snapshot resync: after every register the toolbar asks Genesys what is true and corrects
 * itself with transitions it already has. Every pair (toolbar call state × snapshot state).
 */
import { describe, expect, it } from 'vitest';
import type { SnapshotCall, SnapshotCallState } from '../../src/machines/genesys.types';
import type { RestoredCall, ToolbarEmitted } from '../../src/machines/toolbar.types';
import { createDriver, type Driver, keyOf } from '../support/driver';

type Observed = SnapshotCallState | 'absent';
const OBSERVED: Observed[] = ['absent', 'Ringing', 'Dialing', 'Established', 'Held'];

/** How to bring call c1 into each toolbar state, from a logged-in toolbar. */
const SETUPS: Record<string, (d: Driver) => void> = {
  'ringing.alerting': (d) => d.ring(),
  'ringing.accepting': (d) => d.ring().answer(),
  'ringing.rejecting': (d) => d.ring().decline(),
  'dialing.alerting': (d) => d.genesys({ type: 'genesys.dialing', connectionId: 'c1', number: '+15550001111' }),
  'dialing.canceling': (d) => d.genesys({ type: 'genesys.dialing', connectionId: 'c1', number: '+15550001111' }).hangUp(),
  'established.talking': (d) => d.ring().established(),
  'established.holding': (d) => d.ring().established().send({ type: 'call.hold', key: keyOf('c1') }),
  'established.held': (d) => d.ring().established().genesys({ type: 'genesys.held', connectionId: 'c1' }),
  'established.retrieving': (d) =>
    d.ring().established().genesys({ type: 'genesys.held', connectionId: 'c1' }).send({ type: 'call.retrieve', key: keyOf('c1') }),
  'established.hangingUp': (d) => d.ring().established().hangUp(),
};

/** Expected from the protocol: the state the call must be in, or how Fusion hears it ended. */
const ENDS: Record<string, string> = {
  'ringing.rejecting': 'REJECT',
  'dialing.canceling': 'CANCELED',
};
function expected(state: string, observed: Observed): string {
  const [phase] = state.split('.');
  if (observed === 'absent') return `ended ${ENDS[state] ?? (phase === 'established' ? 'WRAPUP' : 'MISSED')}`;
  if (phase !== 'established') {
    if (observed === 'Established') return 'established.talking';
    if (observed === 'Held') return 'established.held';
    return state;
  }
  // Pending commands settle only when the snapshot shows their outcome.
  if (observed === 'Held' && (state === 'established.talking' || state === 'established.holding')) return 'established.held';
  if (observed === 'Established' && (state === 'established.held' || state === 'established.retrieving')) return 'established.talking';
  return state;
}

function snapshotWith(observed: Observed, direction: 'inbound' | 'outbound' = 'inbound') {
  const calls: SnapshotCall[] = observed === 'absent' ? [] : [{ connectionId: 'c1', state: observed, direction, ani: '+15551230000' }];
  return { type: 'genesys.snapshot' as const, agentState: 'Ready' as const, calls };
}

function loggedIn(): Driver & { emitted: ToolbarEmitted[] } {
  const d = createDriver();
  const emitted: ToolbarEmitted[] = [];
  d.actor.on('*', (event) => emitted.push(event));
  d.login();
  return Object.assign(d, { emitted });
}

describe('after every register', () => {
  it('asks Genesys for a snapshot', () => {
    const d = loggedIn();
    expect(d.genesysOf('genesys.cmd.snapshot')).toHaveLength(1);
    d.genesys({ type: 'genesys.disconnected', attempt: 1, retryInMs: 300, reason: 'closed' }).login();
    expect(d.genesysOf('genesys.cmd.snapshot')).toHaveLength(2);
  });
});

describe('reconciliation of every pair (toolbar state × snapshot state)', () => {
  for (const [state, setup] of Object.entries(SETUPS)) {
    for (const observed of OBSERVED) {
      const outcome = expected(state, observed);
      it(`${state} × ${observed} → ${outcome}`, () => {
        const d = loggedIn();
        setup(d);
        d.expectState(`call.${state}`);
        const closesBefore = d.fusionOf('fusion.cmd.closeComm').length;
        d.genesys(snapshotWith(observed, state.startsWith('dialing') ? 'outbound' : 'inbound'));
        if (outcome.startsWith('ended')) {
          expect(d.callKeys()).toEqual([]);
          const eventId = state.startsWith('dialing') ? expect.any(String) : 'ev-c1';
          expect(d.fusionOf('fusion.cmd.closeComm').slice(closesBefore)).toEqual([
            { type: 'fusion.cmd.closeComm', eventId, reason: outcome.slice('ended '.length) },
          ]);
          expect(d.emitted.some((e) => e.type === 'resync.corrected' && e.key === keyOf('c1'))).toBe(true);
        } else {
          d.expectState(`call.${outcome}`);
          expect(d.emitted.some((e) => e.type === 'resync.corrected')).toBe(outcome !== state);
          expect(d.fusionOf('fusion.cmd.closeComm').length).toBe(closesBefore);
        }
        expect(d.errors).toEqual([]);
      });
    }
  }

  it('a decline Fusion asked for, overtaken by an answer the snapshot shows, is answered as failed', () => {
    const d = loggedIn();
    d.ring().fusion({ type: 'fusion.reject', eventId: 'ev-c1', requestId: 'r1' });
    d.genesys(snapshotWith('Established'));
    d.expectState('call.established.talking');
    expect(d.fusionOf('fusion.cmd.respond')).toEqual([expect.objectContaining({ requestId: 'r1', ok: false })]);
  });

  it('a correction to established tells Fusion the call started, once', () => {
    const d = loggedIn();
    d.ring().genesys(snapshotWith('Established'));
    expect(d.fusionOf('fusion.cmd.startComm')).toEqual([{ type: 'fusion.cmd.startComm', eventId: 'ev-c1', direction: 'inbound' }]);
    d.genesys(snapshotWith('Established'));
    expect(d.fusionOf('fusion.cmd.startComm')).toHaveLength(1);
  });
});

describe('a call only the snapshot has', () => {
  for (const state of ['Ringing', 'Dialing', 'Established', 'Held'] as const) {
    it(`${state}: is created and offered to Fusion under the snapshot's eventId`, () => {
      const d = loggedIn();
      const direction = state === 'Dialing' ? 'outbound' : 'inbound';
      d.genesys({ type: 'genesys.snapshot', agentState: 'Ready', calls: [{ connectionId: 'g1', state, direction, ani: '+15550009999', eventId: 'gev' }] });
      const phase = { Ringing: 'ringing.alerting', Dialing: 'dialing.alerting', Established: 'established.talking', Held: 'established.held' }[state];
      d.expectState(`call.${phase}`, 'g1');
      expect(d.fusionOf('fusion.cmd.newComm')).toEqual([expect.objectContaining({ eventId: 'gev', direction, number: '+15550009999' })]);
      expect(d.fusionOf('fusion.cmd.startComm')).toHaveLength(state === 'Established' || state === 'Held' ? 1 : 0);
      expect(d.emitted).toContainEqual({ type: 'resync.corrected', key: 'g1', correction: `created ${state}` });
    });
  }

  it('a dial Genesys has not named yet is left alone', () => {
    const d = loggedIn();
    d.send({ type: 'agent.dial', number: '+15550002222' });
    const [key] = d.callKeys();
    d.genesys(snapshotWith('absent'));
    expect(d.callKeys()).toEqual([key]);
  });
});

describe('the agent follows the snapshot when settled', () => {
  it('available × NotReady → unavailable with the reason; unavailable × Ready → available', () => {
    const d = loggedIn();
    d.genesys({ type: 'genesys.snapshot', agentState: 'NotReady', reason: 'Break', calls: [] });
    d.expectState('agent.unavailable');
    expect(d.snapshot().context.notReadyReason).toBe('Break');
    d.genesys({ type: 'genesys.snapshot', agentState: 'Ready', calls: [] });
    d.expectState('agent.available');
    d.genesys({ type: 'genesys.snapshot', agentState: 'LoggedOut', calls: [] });
    d.expectState('agent.loggedOut');
  });

  it('a pending change is not overridden', () => {
    const d = loggedIn();
    d.send({ type: 'agent.goUnavailable', reason: 'Lunch' });
    d.genesys({ type: 'genesys.snapshot', agentState: 'Ready', calls: [] });
    d.expectState('agent.goingUnavailable');
  });
});

describe('a microservice without snapshot', () => {
  it('says once that resync is unavailable and works as before', () => {
    const d = loggedIn();
    const fail = { type: 'genesys.commandFailed' as const, command: 'snapshot' as const, code: 'REST_HTTP_400', message: 'unknown type snapshot' };
    d.genesys(fail);
    d.genesys({ type: 'genesys.disconnected', attempt: 1, retryInMs: 300, reason: 'x' }).login().genesys({ ...fail, code: 'SNAPSHOT_TIMEOUT' });
    expect(d.snapshot().context.notices.map((n) => n.code)).toEqual(['RESYNC_UNAVAILABLE']);
    d.ring().answer().established();
    d.expectState('call.established.talking');
  });

  for (const [command, start] of [['hangup', (d: Driver) => d.hangUp()], ['hold', (d: Driver) => d.send({ type: 'call.hold', key: keyOf('c1') })]] as const) {
    it(`a ${command} answered 404 (no such call) ends the call with WRAPUP`, () => {
      const d = loggedIn();
      d.ring().established();
      start(d);
      d.genesys({ type: 'genesys.commandFailed', command, connectionId: 'c1', eventId: 'ev-c1', code: 'REST_HTTP_404', message: 'no call c1' });
      expect(d.callKeys()).toEqual([]);
      expect(d.fusionOf('fusion.cmd.closeComm').at(-1)).toEqual({ type: 'fusion.cmd.closeComm', eventId: 'ev-c1', reason: 'WRAPUP' });
      expect(d.snapshot().context.notices.at(-1)?.code).toBe('CALL_GONE');
    });
  }
});

describe('calls restored after a reload', () => {
  const restored = (state: RestoredCall['state'], offered = true, started = state === 'established' || state === 'held'): RestoredCall => ({
    key: keyOf('c1'), connectionIds: ['c1'], eventId: 'orig', direction: 'inbound', number: '+15551230000', state, since: 1_000, offered, started,
  });

  for (const state of ['ringing', 'established', 'held'] as const) {
    it(`${state}: shown at once, marked restoring, nothing published again; the snapshot confirms it`, () => {
      const d = createDriver({ restored: { presence: 'available', calls: [restored(state)] } });
      const phase = { ringing: 'ringing.alerting', established: 'established.talking', held: 'established.held' }[state];
      d.expectState(`call.${phase}`);
      expect(d.snapshot().context.calls[keyOf('c1')]?.restoring).toBe(true);
      expect(d.callSnapshot()?.context.since).toBe(1_000);
      d.login();
      d.genesys(snapshotWith(state === 'ringing' ? 'Ringing' : state === 'held' ? 'Held' : 'Established'));
      expect(d.snapshot().context.calls[keyOf('c1')]?.restoring).toBeUndefined();
      expect(d.fusionCommands.filter((c) => c.type === 'fusion.cmd.newComm' || c.type === 'fusion.cmd.startComm')).toEqual([]);
      // Fusion's command naming the original eventId reaches the call.
      d.fusion({ type: 'fusion.hangup', eventId: 'orig', requestId: 'r1' });
      expect(d.genesysCommands.at(-1)).toMatchObject({ connectionId: 'c1', eventId: 'orig' });
    });

    it(`${state}: ended while away → closed under the original eventId`, () => {
      const d = createDriver({ restored: { presence: 'available', calls: [restored(state)] } });
      d.login().genesys(snapshotWith('absent'));
      expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([
        { type: 'fusion.cmd.closeComm', eventId: 'orig', reason: state === 'ringing' ? 'MISSED' : 'WRAPUP' },
      ]);
    });
  }

  it('without a snapshot the restoring mark goes when resync is known unavailable', () => {
    const d = createDriver({ restored: { presence: 'available', calls: [restored('established')] } });
    d.login().genesys({ type: 'genesys.commandFailed', command: 'snapshot', code: 'SNAPSHOT_TIMEOUT', message: 'x' });
    expect(d.snapshot().context.calls[keyOf('c1')]?.restoring).toBeUndefined();
    d.expectState('call.established.talking');
  });
});
