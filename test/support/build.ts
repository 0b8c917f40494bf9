/**
 * A production build of the toolbar from inside a test. Vitest sets NODE_ENV=test, which would make
 * Vite build with `import.meta.env.DEV` true (dev React, the inspector chunk): force production.
 */
import { build } from 'vite';

export async function buildProduction(outDir: string): Promise<void> {
  const previous = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env['NODE_ENV'] = previous;
  }
}
