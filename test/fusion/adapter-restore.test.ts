/** After a reload: the Fusion adapter starts with the engagements Fusion already has. */
import { describe, expect, it } from 'vitest';
import type { SavedEngagement } from '../../src/adapters/fusion';
import { FakeUef } from './fake-uef';
import { framedWindow, settle, startAdapter } from './harness';

const saved: SavedEngagement[] = [
  { eventId: 'ours', fusionEventId: 'fusions', direction: 'inbound', number: '+1555', started: true, outData: { SVCMCA_CONTACT_NAME: 'Ada' } },
];

describe('restored engagements', () => {
  it('answer getActiveEngagements, close under Fusion’s eventId with the kept outData, and are reported when they change', async () => {
    const uef = new FakeUef();
    const reported: SavedEngagement[][] = [];
    const h = startAdapter({ window: framedWindow(uef), restore: saved, onEngagements: (list) => reported.push(list) });
    await h.next('fusion.ready');
    expect((await uef.command('onToolbarAgentCommand', 'getActiveEngagements')).outData).toEqual({
      engagements: [{ eventId: 'ours', fusionEventId: 'fusions', direction: 'inbound', number: '+1555', started: true }],
    });
    // Fusion's command naming its own id reaches the call under ours.
    void uef.command('onToolbarInteractionCommand', 'disconnect', 'fusions');
    expect(await h.next('fusion.hangup')).toMatchObject({ eventId: 'ours' });
    h.send({ type: 'fusion.cmd.closeComm', eventId: 'ours', reason: 'WRAPUP' });
    await settle();
    const [close] = uef.published('closeCommEvent');
    expect(close?.fields).toMatchObject({ eventId: 'fusions', reason: 'WRAPUP' });
    expect(close?.inData).toMatchObject({ SVCMCA_CONTACT_NAME: 'Ada' });
    expect(uef.published('newCommEvent')).toEqual([]);
    expect(reported.at(-1)).toEqual([]);
    h.stop();
  });
});
