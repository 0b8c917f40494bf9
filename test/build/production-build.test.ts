/**
 * The production build: the Stately inspector is dev-only and must not ship, not even as a lazy
 * chunk; the toolbar page loads only its own entry.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildProduction } from '../support/build';

let outDir = '';
let files: string[] = [];

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'toolbar-build-'));
  await buildProduction(outDir);
  files = await walk(outDir);
}, 120_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the production build', () => {
  test('has no inspector code or chunk', async () => {
    const js = files.filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const file of js) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toContain('stately.ai');
      expect(text, file).not.toContain('@statelyai');
      expect(text, file).not.toContain('createBrowserInspector');
    }
    const names = js.map((f) => f.slice(outDir.length + 1)).sort();
    for (const name of names) expect(name).toMatch(/^(assets\/(toolbar|host|modulepreload-polyfill)-[\w-]+\.js|sim\/uef-client\.js)$/);
  });

  test('index.html is the toolbar page and loads only the toolbar entry', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('id="root"');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/assets\/toolbar-/);
  });
});

describe('in development', () => {
  test('the inspector loads only with ?inspect', async () => {
    const { loadInspector } = await import('../../src/devtools');
    expect(import.meta.env.DEV).toBe(true);
    await expect(loadInspector({ inspect: false })).resolves.toBeUndefined();
  });
});
