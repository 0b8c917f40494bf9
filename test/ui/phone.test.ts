import { describe, expect, it } from 'vitest';
import { formatPhone } from '../../src/ui/phone';

describe('formatPhone', () => {
  it.each([
    ['+15551230000', '+1 555-123-0000'],
    ['15551230000', '+1 555-123-0000'],
    ['+1 (555) 123-0000', '+1 555-123-0000'],
    ['+81312345678', '+81 3-1234-5678'],
    ['+819012345678', '+81 90-1234-5678'],
    ['+81451234567', '+81 45-123-4567'],
    ['+442079460000', '+44 20 7946 0000'],
    ['+441614960000', '+44 1614 960000'],
  ])('groups %s as %s', (raw, shown) => expect(formatPhone(raw)).toBe(shown));

  it.each(['5551230000', '2001', '+4930123456', '<img src=x onerror=alert(1)>', '', 'sip:agent@host', '+1555123000099999'])(
    'leaves %s as Genesys sent it',
    (raw) => expect(formatPhone(raw)).toBe(raw),
  );
});
