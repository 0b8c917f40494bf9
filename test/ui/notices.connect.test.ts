import { describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../src/machines/toolbar.types';
import { logNewNotices } from '../../src/ui/notice-log';
import { noticeCaller, noticesView, selectNotices } from '../../src/ui/notices.connect';
import { createDriver } from '../support/driver';

const notice = (seq: number, code = 'OFFLINE'): Notice => ({ seq, code, at: 1_000 * seq });

describe('a notice about a call that ended', () => {
  it('names the call: the contact, then the grouped number; the number alone without a name', () => {
    expect(noticeCaller({ ...notice(1, 'COMMAND_TIMEOUT'), call: { number: '+15551230000', contact: { name: 'Ada Lovelace' } } })).toBe('Ada Lovelace, +1 555-123-0000');
    expect(noticeCaller({ ...notice(1, 'COMMAND_TIMEOUT'), call: { number: '+15551230000', contact: null } })).toBe('+1 555-123-0000');
  });

  it('names nothing when it is about no call, or a call without a number', () => {
    expect(noticeCaller(notice(1))).toBeNull();
    expect(noticeCaller({ ...notice(1, 'COMMAND_TIMEOUT'), call: { number: '', contact: null } })).toBeNull();
  });
});

describe('noticesView', () => {
  it('none', () => {
    expect(noticesView([])).toEqual({ items: [], count: 0, dialOutcome: null });
  });

  it('newest first, with the count', () => {
    const view = noticesView([notice(1), notice(3), notice(2)]);
    expect(view.items.map((item) => item.seq)).toEqual([3, 2, 1]);
    expect(view.count).toBe(3);
  });

  it("a dial's outcome goes beside the dial field (the newest one), not into the list", () => {
    const view = noticesView([notice(1, 'BUSY'), notice(2), notice(3, 'INVALID_NUMBER')]);
    expect(view.items.map((item) => item.seq)).toEqual([2]);
    expect(view.count).toBe(1);
    expect(view.dialOutcome?.seq).toBe(3);
  });

  it('leaves out what the header already shows', () => {
    expect(noticesView([notice(1, 'UEF_INIT_TIMEOUT'), notice(2)], ['UEF_INIT_TIMEOUT']).items.map((item) => item.code)).toEqual(['OFFLINE']);
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
