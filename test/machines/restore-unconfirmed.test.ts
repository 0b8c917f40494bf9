/**
 * After a reload, a restored call Fusion was never offered is neither shown nor published until
 * Genesys' snapshot names it; one it does not name is dropped without a closeCommEvent or after-call
 * work (issue 24, item 1: a forged record of 20 calls closed 20 engagements Fusion never had).
 */
import { describe, expect, it } from 'vitest';
import type { SnapshotCall } from '../../src/machines/genesys.types';
import type { RestoredCall } from '../../src/machines/toolbar.types';
import { createDriver, keyOf } from '../support/driver';

const never = (name: string, state: RestoredCall['state'] = 'established'): RestoredCall => ({
  key: keyOf(name), connectionIds: [name], eventId: `ev-${name}`, direction: 'inbound', number: '+15551230000', state, since: 1_000, offered: false, started: false,
});
const snapshot = (...calls: SnapshotCall[]) => ({ type: 'genesys.snapshot' as const, agentState: 'Ready' as const, calls });
const talking = (connectionId: string): SnapshotCall => ({ connectionId, state: 'Established', direction: 'inbound', ani: '+15551230000', eventId: `ev-${connectionId}` });
const fusionFor = (d: ReturnType<typeof createDriver>, eventId: string) => d.fusionCommands.filter((c) => 'eventId' in c && c.eventId === eventId).map((c) => c.type);

describe('when the record has calls Fusion was never offered', () => {
  it('they wait off the toolbar until the snapshot: nothing shown, nothing published', () => {
    const d = createDriver({ restored: { presence: 'available', calls: [never('c1'), never('c2')] } });
    expect(d.callNames()).toEqual([]);
    d.login();
    expect(d.fusionCommands.filter((c) => c.type !== 'fusion.cmd.agentState')).toEqual([]);
  });

  it('the one Genesys still has comes on with its start time and is offered and shown; the other is dropped unseen', () => {
    const d = createDriver({ config: { afterCallWork: true }, restored: { presence: 'available', calls: [never('c1'), never('c2')] } });
    d.login().genesys(snapshot(talking('c1')));
    expect(d.callNames()).toEqual(['c1']);
    d.expectState('call.established.talking', 'c1');
    expect(d.callSnapshot('c1')?.context.since).toBe(1_000);
    expect(fusionFor(d, 'ev-c1')).toEqual(['fusion.cmd.newComm', 'fusion.cmd.startComm']);
    expect(fusionFor(d, 'ev-c2')).toEqual([]);
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([]);
    d.expectState('agent.available');
  });

  it('all gone: no closeCommEvent and no after-call work', () => {
    const d = createDriver({ config: { afterCallWork: true }, restored: { presence: 'available', calls: [never('c1'), never('c2', 'ringing')] } });
    d.login().genesys(snapshot());
    expect(d.callNames()).toEqual([]);
    expect(d.fusionOf('fusion.cmd.closeComm')).toEqual([]);
    d.expectState('agent.available');
  });

  it('a live event first makes it a call only Genesys has; the snapshot then adds no copy', () => {
    const d = createDriver({ restored: { presence: 'available', calls: [never('c1')] } });
    d.login().genesys({ type: 'genesys.established', connectionId: 'c1', eventId: 'ev-c1', direction: 'inbound', ani: '+15551230000' });
    d.genesys(snapshot(talking('c1')));
    expect(d.callNames()).toEqual(['c1']);
    expect(d.fusionOf('fusion.cmd.newComm')).toHaveLength(1);
  });

  it('without a snapshot the record is trusted: they come on when the snapshot is known unavailable', () => {
    const d = createDriver({ restored: { presence: 'available', calls: [never('c1')] } });
    d.login().genesys({ type: 'genesys.commandFailed', command: 'snapshot', code: 'REST_HTTP_400', message: 'no' });
    expect(d.callNames()).toEqual(['c1']);
    expect(fusionFor(d, 'ev-c1')).toEqual(['fusion.cmd.newComm', 'fusion.cmd.startComm']);
  });

  it('a microservice without snapshots (profile=tutorial): they come on at register', () => {
    const d = createDriver({ config: { capabilities: ['outbound'] }, restored: { presence: 'available', calls: [never('c1', 'ringing')] } });
    d.login();
    expect(d.callNames()).toEqual(['c1']);
    expect(fusionFor(d, 'ev-c1')).toEqual(['fusion.cmd.newComm']);
  });
});
