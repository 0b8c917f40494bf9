/** The toolbar in Japanese (`lang=ja` on the Fusion host page, passed to the frame). */
import { describe, expect, test } from 'vitest';
import { failures, fieldOf, published } from './support/fusion-host-page';
import { useE2eEnvironment } from './support/environment';

const e2e = useE2eEnvironment();
const POLL = { timeout: 5_000 };

describe('when Fusion runs in Japanese', () => {
  test('the toolbar shows Japanese labels and tells Fusion the state in Japanese', async () => {
    const { host, toolbar, sim } = await e2e.open({ lang: 'ja' });
    expect(await toolbar.frame.locator('html').getAttribute('lang')).toBe('ja');
    await expect.poll(() => toolbar.agentLabel(), POLL).toBe('受付可');
    expect(await toolbar.connectionLabel()).toBe('Genesys: 接続済み');
    expect(await toolbar.fusionLabel()).toBe('Fusion: 接続済み');
    expect(await toolbar.frame.locator('h2').allTextContents()).toEqual(['エージェント', '状態と通知', 'キーボードショートカット', '通話', '発信', 'お知らせ']);
    expect(await toolbar.frame.locator('.calls .empty').textContent()).toBe('通話はありません');
    expect(await toolbar.byTestId('dial-button').textContent()).toContain('発信');

    const log = await host.uefLog();
    const agentState = log.filter((entry) => entry.type === 'publish' && entry.name === 'agentStateEventOperation').at(-1);
    expect(agentState && fieldOf(agentState, 'stateDisplayString')).toBe('受付可');
    expect(await host.agentState().textContent()).toBe('Agent: 受付可');

    const { connectionId, eventId } = await sim.ring({ ani: '+81312345678', queue: 'サポート' });
    const card = await toolbar.waitForCallState('ringing.alerting', connectionId);
    expect(await card.getByTestId('call-state').textContent()).toContain('呼び出し中');
    expect(await card.locator('.direction').textContent()).toContain('着信');
    await expect.poll(() => card.getByTestId('call-caller').textContent(), POLL).toBe('花子 山田');
    expect(await card.locator('.queue').textContent()).toBe('キュー: サポート');
    expect(await card.getByTestId('accept').textContent()).toContain('応答');
    expect(await card.getByTestId('decline').textContent()).toContain('拒否');
    expect(await card.getByTestId('accept').getAttribute('title')).toBe('応答（Alt+A）');
    await expect.poll(() => toolbar.liveRegionText(), POLL).toBe('花子 山田（+81 3-1234-5678）から着信');

    await toolbar.accept(connectionId);
    const talking = await toolbar.waitForCallState('established.talking', connectionId);
    expect(await talking.getByTestId('call-state').textContent()).toContain('通話中');
    expect(await talking.getByTestId('hold').textContent()).toContain('保留');
    expect(await talking.getByTestId('hangup').textContent()).toContain('切断');

    await toolbar.hangUp(connectionId);
    await toolbar.callCard(connectionId).waitFor({ state: 'detached' });
    await host.wrapUp(eventId).waitFor();
    await expect.poll(() => toolbar.liveRegionText(), POLL).toBe('花子 山田 との通話が終了しました');
    const after = await host.uefLog();
    expect(published(after, eventId)).toEqual(['newCommEvent', 'startCommEvent', 'closeCommEvent:WRAPUP']);
    expect(failures(after)).toEqual([]);
  });
});
