/**
 * A real headless Chromium for the browser tests: `CHROMIUM_PATH` if set, else the binary that
 * `@sparticuz/chromium` unpacks into the system temp folder (npm alone installs it, so CI has it).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * Not the package's own `args`: they include --disable-web-security, which would hide CORS and
 * CSP faults. The rest keeps Chromium off Google hosts, which hang on a closed network.
 * Playwright adds a fresh `--user-data-dir` in the temp folder itself (and removes it on close).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const LOCK = join(tmpdir(), 'fusion-toolbar-chromium-unpack.lock');
/** Unpacking takes about a second here; a lock this old belongs to a process that died. */
const STALE_LOCK_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withUnpackLock<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + STALE_LOCK_MS + 10_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`gave up waiting for ${LOCK}`);
      else await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

async function runs(path: string): Promise<boolean> {
  try {
    await promisify(execFile)(path, ['--version'], { timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

let resolved: Promise<string> | undefined;

/**
 * The Chromium binary. The package unpacks into one shared path and reuses whatever file is there,
 * so test workers starting together take turns (one unpacks, the others wait), and a binary left
 * half-written by an interrupted run is unpacked again.
 */
export function chromiumExecutable(): Promise<string> {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return Promise.resolve(fromEnv);
  resolved ??= withUnpackLock(async () => {
    const { default: chromium } = await import('@sparticuz/chromium');
    const path = await chromium.executablePath();
    if (await runs(path)) return path;
    rmSync(path, { force: true });
    const again = await chromium.executablePath();
    if (await runs(again)) return again;
    throw new Error(`${again} (from @sparticuz/chromium) does not run; set CHROMIUM_PATH to a Chromium binary`);
  });
  return resolved;
}

/** `extraArgs`: e.g. the bench's `--site-per-process` (frames of other sites in their own process). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return playwright.launch({ executablePath: await chromiumExecutable(), args: [...CHROMIUM_ARGS, ...extraArgs], timeout: 30_000 });
}
