import { describe, expect, it } from 'vitest';
import { bannerView, connectionView, fusionView, secondsUntil, selectConnection, selectFusion } from '../../src/ui/connection.connect';
import { createDriver } from '../support/driver';

const NOW = 1_700_000_000_000;

describe('connectionView', () => {
  it('connecting', () => {
    expect(connectionView({ state: 'connecting', reconnect: null }, NOW)).toMatchObject({ text: { key: 'connection.connecting' }, busy: true });
  });

  it('linked', () => {
    expect(connectionView({ state: 'linked', reconnect: null }, NOW)).toMatchObject({ text: { key: 'connection.linked' }, tone: 'ok' });
  });

  it('switch link down', () => {
    expect(connectionView({ state: 'switchDown', reconnect: null }, NOW)).toMatchObject({ text: { key: 'connection.switchDown' }, tone: 'warn' });
  });

  it('reconnecting: seconds left to the next try and the attempt', () => {
    const reconnect = { attempt: 4, retryAt: NOW + 2_500, reason: 'code 1006' };
    const view = connectionView({ state: 'reconnecting', reconnect }, NOW);
    expect(view).toMatchObject({ text: { key: 'connection.reconnecting' }, tone: 'error', busy: false });
    expect(view.detail).toEqual({ key: 'connection.retry', params: { when: { inSeconds: 3 }, attempt: 4 } });
    expect(connectionView({ state: 'reconnecting', reconnect }, NOW + 2_500).detail).toEqual({ key: 'connection.retryNow', params: { attempt: 4 } });
  });

  it('the banner: disconnected with the countdown and what still works; the switch link; nothing when linked', () => {
    const reconnect = { attempt: 2, retryAt: NOW + 5_000, reason: 'code 1006' };
    expect(bannerView({ state: 'reconnecting', reconnect }, NOW)).toEqual({
      title: { key: 'banner.disconnected' },
      still: { key: 'banner.stillWorks' },
      detail: { key: 'connection.retry', params: { when: { inSeconds: 5 }, attempt: 2 } },
    });
    expect(bannerView({ state: 'switchDown', reconnect: null }, NOW)?.title).toEqual({ key: 'banner.switchDown' });
    expect(bannerView({ state: 'linked', reconnect: null }, NOW)).toBeNull();
    expect(bannerView({ state: 'connecting', reconnect: null }, NOW)).toBeNull();
  });

  it('replaced: another window has the toolbar; the banner offers Use here, no countdown', () => {
    expect(connectionView({ state: 'replaced', reconnect: null }, NOW)).toMatchObject({ text: { key: 'connection.replaced' }, tone: 'off', busy: false });
    expect(bannerView({ state: 'replaced', reconnect: null }, NOW)).toEqual({ title: { key: 'banner.replaced' }, still: { key: 'banner.replacedWorks' }, action: 'useHere' });
    expect(bannerView({ state: 'reconnecting', reconnect: null }, NOW)?.action).toBeUndefined();
  });

  it('never counts below zero', () => {
    expect(secondsUntil(NOW, NOW + 10_000)).toBe(0);
    expect(secondsUntil(NOW + 1, NOW)).toBe(1);
  });
});

describe('fusionView', () => {
  it.each([
    ['initializing', 'busy'],
    ['ready', 'ok'],
    ['absent', 'off'],
    ['failed', 'error'],
  ] as const)('%s', (state, tone) => {
    expect(fusionView({ state, error: null })).toMatchObject({ text: { key: `fusion.${state}` }, tone });
  });

  it('explains a failure but not the expected absence', () => {
    expect(fusionView({ state: 'failed', error: { code: 'UEF_INIT_FAILED' } }).error).toEqual({ code: 'UEF_INIT_FAILED' });
    expect(fusionView({ state: 'absent', error: { code: 'FUSION_ABSENT' } }).error).toBeNull();
  });
});

describe('selectors over the real machine', () => {
  it('follow the connection and Fusion regions', () => {
    const driver = createDriver({ fusionReady: false });
    expect(selectConnection(driver.snapshot())).toEqual({ state: 'connecting', reconnect: null });
    expect(selectFusion(driver.snapshot())).toEqual({ state: 'initializing', error: null });
    driver.login().genesys({ type: 'genesys.linkDisconnected' });
    expect(selectConnection(driver.snapshot()).state).toBe('switchDown');
    driver.genesys({ type: 'genesys.disconnected', attempt: 2, retryInMs: 1000, reason: 'r' });
    expect(selectConnection(driver.snapshot())).toMatchObject({ state: 'reconnecting', reconnect: { attempt: 2, reason: 'r' } });
    driver.genesys({ type: 'genesys.connected' }).genesys({ type: 'genesys.replaced', code: 4004, reason: 'took over' });
    expect(selectConnection(driver.snapshot())).toEqual({ state: 'replaced', reconnect: null });
    driver.fusion({ type: 'fusion.absent', reason: 'no UEF' });
    expect(selectFusion(driver.snapshot())).toEqual({ state: 'absent', error: { code: 'FUSION_ABSENT', detail: 'no UEF' } });
    driver.stop();
  });
});
