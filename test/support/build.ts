/**
 * A production build of the toolbar from inside a test or the bench. Vitest sets NODE_ENV=test,
 * which would make Vite build with `import.meta.env.DEV` true (dev bundle, the inspector chunk).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function buildProduction(outDir: string, options: { sourcemap?: boolean } = {}): Promise<void> {
  const previous = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: options.sourcemap ?? false } });
  } finally {
    if (previous === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = previous;
  }
}
