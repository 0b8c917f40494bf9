/** The toolbar leaves a page (Use here in another tab): that page's Fusion keeps no open offer (issue 24, item 2). */
import { describe, expect, it } from 'vitest';
import { pageEngagements, withdrawEngagements, type SavedEngagement } from '../../src/adapters/fusion';
import { FakeUef } from './fake-uef';
import { framedWindow, startAdapter } from './harness';

describe('when the toolbar hands over to another tab', () => {
  it('withdraws offers with MISSED and ends shown engagements with ENDCOMMUNICATION, then has none open', async () => {
    const uef = new FakeUef();
    const win = framedWindow(uef);
    const reported: SavedEngagement[][] = [];
    const h = startAdapter({ window: win, onEngagements: (list) => reported.push(list) });
    await h.next('fusion.ready');
    h.send({ type: 'fusion.cmd.newComm', eventId: 'ringing', direction: 'inbound', number: '+1555' });
    h.send({ type: 'fusion.cmd.newComm', eventId: 'talking', direction: 'inbound', number: '+1556' });
    h.send({ type: 'fusion.cmd.startComm', eventId: 'talking', direction: 'inbound' });
    await expect.poll(() => pageEngagements(win).map((e) => [e.eventId, e.started])).toEqual([['ringing', false], ['talking', true]]);
    h.stop();

    expect(await withdrawEngagements(win)).toBe(2);
    expect(uef.published('closeCommEvent').map((p) => [p.fields['eventId'], p.fields['reason']])).toEqual([
      ['ringing', 'MISSED'],
      ['talking', 'ENDCOMMUNICATION'],
    ]);
    expect(pageEngagements(win)).toEqual([]);
    // The stopped toolbar's record does not hear the withdrawal: the new owner's does.
    expect(reported.at(-1)?.map((e) => e.eventId)).toEqual(['ringing', 'talking']);
    expect(await withdrawEngagements(win)).toBe(0);
  });

  it('a page where UEF never started has nothing to withdraw', async () => {
    expect(await withdrawEngagements({ parent: {} })).toBe(0);
    expect(pageEngagements(undefined)).toEqual([]);
  });
});
