/**
 * Vitest global setup: one production build of the toolbar for the whole run, shared read-only by
 * every browser test file (a build per file cost ~4 s of CPU each, most of the 3-minute budget's margin).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildProduction } from './build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding the production toolbar build every e2e file serves. */
    toolbarDist: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'fusion-toolbar-e2e-'));
  await buildProduction(outDir);
  project.provide('toolbarDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
