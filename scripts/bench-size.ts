/**
 * Production bundle sizes: all JS the toolbar page loads (gzip), and the project's own code per
 * module, attributed through the source map (each group's code gzipped alone, so the parts add up
 * to a little more than the whole: gzip shares a dictionary across modules).
 */
import { gzipSync } from 'node:zlib';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProduction } from '../test/support/build';

export interface SizeFigures {
  /** Every JS file the toolbar page can load (entry and lazy chunks), gzip KB. */
  totalGzKb: number;
  /** The entry chunk alone (what the first paint waits for), gzip KB. */
  entryGzKb: number;
  /** Own code (not node_modules), gzip KB of its code taken together. */
  ownGzKb: number;
  ownByModule: { module: string; gzKb: number }[];
  depsByPackage: { module: string; gzKb: number }[];
  /** Lazily loaded chunks, gzip KB each. */
  lazyChunks: { file: string; gzKb: number }[];
}

/** src/ui/i18n/ja.ts → `ui/i18n/ja.ts`; machines and adapters grouped one level down. */
function ownModule(source: string): string {
  const path = /src\/(.*)$/.exec(source)?.[1] ?? source;
  return path;
}

function packageOf(source: string): string {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? source;
}

const kb = (text: string | Buffer) => gzipSync(text, { level: 9 }).length / 1024;

export async function bundleSizes(): Promise<SizeFigures> {
  const outDir = await mkdtemp(join(tmpdir(), 'toolbar-bench-size-'));
  try {
    await buildProduction(outDir, { sourcemap: true });
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const entry = /src="\/?assets\/(toolbar-[^"]+\.js)"/.exec(html)?.[1];
    if (!entry) throw new Error('no toolbar entry in index.html');
    const files = await readdir(join(outDir, 'assets'));
    // The toolbar page's chunks: the entry and whatever it imports, statically or lazily.
    const chunks = [entry];
    for (let i = 0; i < chunks.length; i++) {
      const code = await readFile(join(outDir, 'assets', chunks[i]!), 'utf8');
      for (const [, file] of code.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) if (!chunks.includes(file!)) chunks.push(file!);
    }
    const own = new Map<string, string[]>();
    const deps = new Map<string, string[]>();
    let totalGz = 0;
    let entryGz = 0;
    const lazyChunks: SizeFigures['lazyChunks'] = [];
    const { SourceMapConsumer } = await import('source-map-js');
    for (const file of chunks) {
      const code = await readFile(join(outDir, 'assets', file), 'utf8');
      const gz = kb(code);
      totalGz += gz;
      if (file === entry) entryGz = gz;
      else lazyChunks.push({ file, gzKb: gz });
      if (!files.includes(`${file}.map`)) continue;
      const map = JSON.parse(await readFile(join(outDir, 'assets', `${file}.map`), 'utf8')) as never;
      const consumer = new SourceMapConsumer(map);
      const lines = code.split('\n');
      const mappings: { line: number; column: number; source: string | null }[] = [];
      consumer.eachMapping((m) => mappings.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }));
      for (let i = 0; i < mappings.length; i++) {
        const m = mappings[i]!;
        const next = mappings[i + 1];
        const end = next && next.line === m.line ? next.column : lines[m.line - 1]!.length;
        if (!m.source) continue;
        const text = lines[m.line - 1]!.slice(m.column, end);
        const inModules = m.source.includes('node_modules');
        const target = inModules ? deps : own;
        const key = inModules ? packageOf(m.source) : ownModule(m.source);
        const list = target.get(key) ?? [];
        list.push(text);
        target.set(key, list);
      }
    }
    const rank = (map: Map<string, string[]>) =>
      [...map].map(([module, parts]) => ({ module, gzKb: kb(parts.join('')) })).sort((a, b) => b.gzKb - a.gzKb);
    return {
      totalGzKb: totalGz,
      entryGzKb: entryGz,
      ownGzKb: kb([...own.values()].flat().join('')),
      ownByModule: rank(own),
      depsByPackage: rank(deps),
      lazyChunks,
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
