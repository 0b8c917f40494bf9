/** Assertions several scenarios end with. */
import { expect } from 'vitest';
import type { E2eSession } from './environment';
import { failures, published } from './fusion-host-page';

/** An answered call ended: card gone, Genesys released it, Fusion offered, popped and wrapped it up, no UEF failure. */
export async function expectWrappedUp(session: Pick<E2eSession, 'host' | 'toolbar' | 'sim'>, connectionId: string, eventId: string): Promise<void> {
  const { host, toolbar, sim } = session;
  await host.wrapUp(eventId).waitFor();
  await toolbar.callCard(connectionId).waitFor({ state: 'detached' });
  expect((await sim.call(connectionId))?.status).toBe('released');
  const log = await host.uefLog();
  expect(published(log, eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
  expect(failures(log)).toEqual([]);
}
