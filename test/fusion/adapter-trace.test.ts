/** Every UEF call the adapter makes and its settlement reach the trace (the flight recorder), masked there. */
import { describe, expect, it, vi } from 'vitest';
import type { UefTraceEntry } from '../../src/adapters/fusion';
import { createToolbarRecorder } from '../../src/recorder/toolbar-recorder';
import { FakeUef } from './fake-uef';
import { framedWindow, settle, startAdapter } from './harness';

function traced(watchdogMs = 1000) {
  const uef = new FakeUef();
  const entries: UefTraceEntry[] = [];
  let clock = 0;
  const h = startAdapter({ window: framedWindow(uef), watchdogMs, trace: (entry) => entries.push(entry), now: () => (clock += 1) });
  return { uef, h, entries };
}

describe('UEF trace', () => {
  it('records start-up, subscriptions, each publish and its settlement (resolved, rejected, timeout, late) with times', async () => {
    const { uef, h, entries } = traced(50);
    await h.next('fusion.ready');
    expect(entries.map((e) => (e.uef === 'startUp' ? `${e.step} ${e.outcome}` : e.uef === 'subscribe' ? `subscribe ${e.event}` : `${e.uef} ${'operation' in e ? e.operation : ''}`))).toEqual([
      'initialize resolved',
      'getMultiChannelAdaptorContext resolved',
      'getCommunicationChannelContext resolved',
      'subscribe onToolbarInteractionCommand',
      'subscribe onToolbarAgentCommand',
      'subscribe onOutgoingEvent',
      'subscribe onDataUpdated',
      'publish getConfigurationOperation',
      'settled getConfigurationOperation',
      'publish readyForOperationOperation',
      'settled readyForOperationOperation',
    ]);
    entries.length = 0;
    uef.answerNext('newCommEvent', { kind: 'resolve', outData: { SVCMCA_CONTACT_NAME: 'Ada Lovelace' }, eventId: 'f1' });
    uef.answerNext('startCommEvent', { kind: 'reject', message: 'no such engagement' });
    uef.answerNext('closeCommEvent', { kind: 'resolve', delayMs: 120 });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'e1', direction: 'inbound', number: '+15551230000' });
    h.send({ type: 'fusion.cmd.startComm', eventId: 'e1', direction: 'inbound' });
    h.send({ type: 'fusion.cmd.closeComm', eventId: 'e1', reason: 'WRAPUP' });
    await vi.waitFor(() => expect(entries.filter((e) => e.uef === 'settled')).toHaveLength(4), { timeout: 3000, interval: 5 });
    const settled = entries.filter((e) => e.uef === 'settled');
    expect(settled.map((e) => [e.operation, e.outcome])).toEqual([
      ['newCommEvent', 'resolved'],
      ['startCommEvent', 'rejected'],
      ['closeCommEvent', 'timeout'],
      ['closeCommEvent', 'late'],
    ]);
    expect(entries[0]).toEqual({ uef: 'publish', n: 3, operation: 'newCommEvent', eventId: 'e1', data: expect.objectContaining({ SVCMCA_ANI: '+15551230000' }) });
    expect(settled[0]).toMatchObject({ n: 3, eventId: 'e1', data: { outData: { SVCMCA_CONTACT_NAME: 'Ada Lovelace' }, eventId: 'f1' } });
    expect(settled[1]).toMatchObject({ message: 'no such engagement' });
    // Under Fusion's own eventId once it gave one.
    expect(entries.find((e) => e.uef === 'publish' && e.operation === 'closeCommEvent')).toMatchObject({ data: { reason: 'WRAPUP', wireEventId: 'f1' } });
    for (const e of settled) expect(e.ms).toBeGreaterThan(0);
    h.stop();
  });

  it('records Fusion callbacks and the reply to each command, and the recorder masks them when read', async () => {
    const { uef, h, entries } = traced();
    const flight = createToolbarRecorder({ size: 100, mask: true, snapshot: () => undefined });
    await h.next('fusion.ready');
    entries.length = 0;
    uef.outgoing({ SVCMCA_ANI: '+15557654321', SVCMCA_DISPLAY_NAME: 'Grace Hopper' }, 'o1');
    const answer = uef.command('onToolbarAgentCommand', 'getActiveInteractionCommands');
    await answer;
    uef.dataUpdated('SOMETHING_ELSE', 'e9');
    await settle(2);
    expect(entries.map((e) => `${e.uef} ${'event' in e ? e.event : ''}`)).toEqual([
      'callback onOutgoingEvent',
      'callback onToolbarAgentCommand',
      'reply onToolbarAgentCommand',
      'callback onDataUpdated',
    ]);
    expect(entries[2]).toMatchObject({ command: 'getActiveInteractionCommands', result: 'success', n: entries[1]!.uef === 'callback' ? entries[1]!.n : -1 });
    for (const entry of entries) flight.uefTrace(entry);
    const logged = JSON.stringify(flight.log().entries);
    expect(logged).not.toContain('7654321');
    expect(logged).not.toContain('Grace');
    expect(logged).toContain('+00000000021');
    h.stop();
  });
});
