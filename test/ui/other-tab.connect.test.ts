import { describe, expect, it } from 'vitest';
import { otherTabCalls } from '../../src/ui/other-tab.connect';

describe('the other tab lists the owner tab\'s calls', () => {
  it('with the same readable number as the cards, and the state in words', () => {
    const calls = otherTabCalls({ calls: [{ key: 'call:conn:c1', number: '+15551230000\u202E', state: 'held' }] } as never);
    expect(calls).toEqual([{ key: 'call:conn:c1', number: '+1 555-123-0000', label: 'call.established.held' }]);
    expect(otherTabCalls(null)).toEqual([]);
  });
});
