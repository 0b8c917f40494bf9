import { describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../src/machines/toolbar.types';
import { logNewNotices } from '../../src/ui/notice-log';
import { noticesView, selectNotices } from '../../src/ui/notices.connect';
import { createDriver } from '../support/driver';

const notice = (seq: number, code = 'OFFLINE'): Notice => ({ seq, code, at: 1_000 * seq });

describe('noticesView', () => {
  it('none', () => {
    expect(noticesView([])).toEqual({ items: [], summary: null });
  });

  it('newest first, with the count', () => {
    const view = noticesView([notice(1), notice(3), notice(2)]);
    expect(view.items.map((item) => item.seq)).toEqual([3, 2, 1]);
    expect(view.summary).toEqual({ key: 'notices.count', params: { count: 3 } });
  });

  it('selectNotices reads the machine', () => {
    const driver = createDriver();
    driver.genesys({ type: 'genesys.protocolError', code: 'FRAME_INVALID', message: 'm' });
    expect(selectNotices(driver.snapshot())).toEqual([{ seq: 1, code: 'FRAME_INVALID', detail: 'm', at: expect.any(Number) }]);
    driver.stop();
  });
});

describe('logNewNotices', () => {
  it('logs each notice once, with its code, even after dismissals', () => {
    const driver = createDriver();
    const log = vi.fn();
    const subscription = logNewNotices(driver.actor, log);
    driver.genesys({ type: 'genesys.protocolError', code: 'FRAME_INVALID', message: 'bad shape' });
    driver.login();
    driver.send({ type: 'notice.dismiss', seq: 1 });
    driver.send({ type: 'agent.dial', number: 'x' });
    expect(log.mock.calls.map(([message]) => message)).toEqual(['[notice FRAME_INVALID] bad shape', '[notice INVALID_NUMBER] x']);
    subscription.unsubscribe();
    driver.stop();
  });
});
