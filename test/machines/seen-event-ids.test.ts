// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isRecent, MAX_SEEN_EVENT_IDS, withRecent } from '../../src/machines/toolbar.index';

const withSeen = (list: readonly string[], items: readonly string[]) => withRecent(list, items, MAX_SEEN_EVENT_IDS);
const hasSeen = isRecent;

describe('recent lists (the seen eventIds) and their index', () => {
  it('answers for each list exactly what it holds, old lists included', () => {
    const empty: string[] = [];
    const one = withSeen(empty, ['e1']);
    const two = withSeen(one, ['e2', 'e1', 'e2']);
    expect(two).toEqual(['e1', 'e2']);
    expect([hasSeen(two, 'e1'), hasSeen(two, 'e2'), hasSeen(two, 'e3')]).toEqual([true, true, false]);
    // The index moved on to `two`; the older lists are asked again from what they hold.
    expect([hasSeen(one, 'e1'), hasSeen(one, 'e2'), hasSeen(empty, 'e1')]).toEqual([true, false, false]);
    expect(withSeen(two, ['e1'])).toBe(two);
  });

  it('drops the oldest past the bound, and forgets them in the index too', () => {
    let list: string[] = [];
    for (let i = 0; i < MAX_SEEN_EVENT_IDS + 3; i++) list = withSeen(list, [`e${i}`]);
    expect(list).toHaveLength(MAX_SEEN_EVENT_IDS);
    expect(list[0]).toBe('e3');
    expect([hasSeen(list, 'e2'), hasSeen(list, 'e3'), hasSeen(list, `e${MAX_SEEN_EVENT_IDS + 2}`)]).toEqual([false, true, true]);
    // A restore appends many at once, duplicates among them.
    const restored = withSeen(list, ['a', 'b', 'a', 'e3']);
    expect(restored.slice(-2)).toEqual(['a', 'b']);
    expect(restored[0]).toBe('e5');
    expect([hasSeen(restored, 'e4'), hasSeen(restored, 'a'), hasSeen(list, 'a'), hasSeen(list, 'e4')]).toEqual([false, true, false, true]);
  });
});
