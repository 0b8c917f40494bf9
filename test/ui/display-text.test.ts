/** Hostile call data is shown as what it is, never as what bidi overrides make it look like (item 7). */
import { describe, expect, test } from 'vitest';
import { selectSummary } from '../../src/ui/announce.connect';
import { callerOf, selectCall } from '../../src/ui/call.connect';
import { displayText, MAX_DISPLAY_CHARS } from '../../src/ui/display-text';
import { createDriver } from '../support/driver';

const RLO = '\u202E';
const SPOOFED = `+1 555 ${RLO}0009\u202C 123`;

describe('display normalisation', () => {
  test.each([
    [`${RLO}0091 555 1+`, '0091 555 1+'],
    ['+1\u2066555\u2069\u200F0000', '+15550000'],
    ['+1\u0000555\u001B[31m\u0085', '+1 555 [31m'],
    ['Sales\r\nQueue\u2028x', 'Sales Queue x'],
    ['\uFEFF\u200B+81 3', '+81 3'],
  ])('%j is shown as %j', (raw, shown) => {
    expect(displayText(raw)).toBe(shown);
  });

  test('a huge value is capped for display', () => {
    const shown = displayText('9'.repeat(10_000));
    expect([...shown]).toHaveLength(MAX_DISPLAY_CHARS);
    expect(shown.endsWith('…')).toBe(true);
  });

  test('card, announcement and contact show the normalised text; Genesys and Fusion keep the raw one', () => {
    const d = createDriver().login();
    d.genesys({ type: 'genesys.ringing', connectionId: 'c1', eventId: 'e1', ani: SPOOFED, queue: `VIP${RLO}\u0007` });
    const call = d.callSnapshot('c1')!;
    const view = selectCall(call);
    expect(view.queue).toBe('VIP');
    expect(callerOf(view.number, { name: `Ada${RLO} Lovelace\u0000`, account: `\u2067Acme` })).toEqual({
      title: 'Ada Lovelace', number: expect.not.stringContaining(RLO), account: 'Acme',
    });
    expect(callerOf(view.number, null).title).not.toContain(RLO);
    // Read aloud grouped, in the digits' real order.
    expect(selectSummary(call).number).toBe('+1 555-000-9123');
    // The raw value still goes to Fusion and back to Genesys.
    expect(d.fusionOf('fusion.cmd.newComm')[0]?.number).toBe(SPOOFED);
    expect(call.context.number).toBe(SPOOFED);
  });
});
