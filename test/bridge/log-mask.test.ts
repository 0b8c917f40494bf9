import { describe, expect, test } from 'vitest';
import { maskLogDetail, maskLogMessage } from '../../src/bridge/server/log-mask';

const BOTH = { caller: true, agent: true };

describe('when the bridge writes a log line', () => {
  test('secrets are redacted at any depth whatever the configuration', () => {
    const detail = { token: 't', nested: { ticket: 'k', password: 'p', cookie: 'c', refresh_token: 'r', 'x-api-key': 'a', Authorization: 'Bearer z' }, code: 'SIGN_IN_FAILED' };
    expect(maskLogDetail(detail, { caller: false, agent: false })).toEqual({
      token: '[redacted]',
      nested: { ticket: '[redacted]', password: '[redacted]', cookie: '[redacted]', refresh_token: '[redacted]', 'x-api-key': '[redacted]', Authorization: '[redacted]' },
      code: 'SIGN_IN_FAILED',
    });
    expect(maskLogMessage(`refused Bearer abc.def, token ${'x'.repeat(43)}`, { caller: false, agent: false })).toBe('refused [redacted] token [redacted]');
  });

  test('by default caller numbers keep their shape and last two digits, contact names become dots, in fields and in text', () => {
    expect(maskLogDetail({ ANI: '+15557654321', contactName: 'Zebulon', reason: 'dial to +1 (555) 987-6543 failed', port: 'connect 127.0.0.1:7777' }, { caller: true, agent: false })).toEqual({
      ANI: '+00000000021',
      contactName: '•••',
      reason: 'dial to +0 (000) 000-0043 failed',
      port: 'connect 127.0.0.1:7777',
    });
  });

  test('with caller masking off numbers stay; with agent masking the agent id, username and DN are shortened', () => {
    expect(maskLogDetail({ ANI: '+15557654321' }, { caller: false, agent: false })).toEqual({ ANI: '+15557654321' });
    expect(maskLogDetail({ agentId: 'KateLondon', username: 'kate', dn: '7001', reqId: '1234567890' }, BOTH)).toEqual({ agentId: 'K•••n', username: 'k•••e', dn: '7•••1', reqId: '1234567890' });
  });
});
