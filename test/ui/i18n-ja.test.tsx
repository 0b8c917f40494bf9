// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { inCard, liveText, renderToolbar } from './render-toolbar';

describe('in Japanese', () => {
  it('every visible string is Japanese and the page says so', () => {
    const ui = renderToolbar({ config: { lang: 'ja' } });
    ui.outside((d) => d.login().ring('c1', '0312345678'));
    expect(ui.container.querySelector('.toolbar')?.getAttribute('lang')).toBe('ja');
    expect(screen.getByTestId('agent-state').textContent).toContain('受付可');
    expect(screen.getByTestId('connection-state').textContent).toContain('接続済み');
    expect(inCard().getByTestId('accept').textContent).toContain('応答');
    expect(inCard().getByTestId('accept').getAttribute('title')).toBe('応答（Alt+A）');
    expect(inCard().getByTestId('decline').textContent).toContain('拒否');
    expect(liveText()).toContain('0312345678 から着信');
    expect(screen.getByRole('heading', { name: /通話/ })).toBeTruthy();
    expect(screen.getByLabelText('電話番号')).toBeTruthy();
  });

  it('explains errors in Japanese and formats the countdown', () => {
    const ui = renderToolbar({ config: { lang: 'ja' } });
    ui.outside((d) => d.login().genesys({ type: 'genesys.disconnected', attempt: 2, retryInMs: 10_000, reason: 'x' }));
    expect(screen.getByTestId('connection-state').textContent).toContain('切断');
    expect(screen.getByTestId('reconnect-countdown').textContent).toMatch(/\d+ 秒後に再接続（2 回目）/);
    ui.outside((d) => d.genesys({ type: 'genesys.protocolError', code: 'FRAME_MALFORMED', message: 'x' }));
    expect(screen.getByTestId('notice').textContent).toContain('Genesys から壊れたメッセージが届いたため、無視しました。');
    fireEvent.click(screen.getByTestId('notice-dismiss'));
    expect(screen.queryByTestId('notice')).toBeNull();
  });
});
