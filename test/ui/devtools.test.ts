import { describe, expect, it } from 'vitest';
import { loadInspector } from '../../src/devtools';

describe('loadInspector', () => {
  it('returns nothing without ?inspect, so no inspector module is loaded', async () => {
    expect(await loadInspector({ inspect: false })).toBeUndefined();
  });
});
