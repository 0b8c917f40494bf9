import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { readmeDiagrams } from '../../scripts/diagram';

test('the README state diagrams are the machines (regenerate with npm run diagram)', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = /<!-- diagrams:start -->\n([\s\S]*?)\n<!-- diagrams:end -->/.exec(readme)?.[1];
  expect(section).toBe(readmeDiagrams());
});
