/**
 * `npm start`: the demo. Starts the Genesys simulator (127.0.0.1:8087, or a free port if that one is
 * taken) and the Vite dev server (127.0.0.1, 5173 or the next free port), then prints the one URL
 * to open: the Fusion host simulator framing the toolbar from the other loopback name (localhost),
 * a different origin, as Fusion does. Ctrl-C (SIGINT) or SIGTERM stops both; everything runs in
 * this one process, so nothing is left behind.
 */
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { createServer } from 'vite';

const HOST = '127.0.0.1';
const SIM_PORT = 8087;
const VITE_PORT = 5173;
const root = fileURLToPath(new URL('..', import.meta.url));

/** @type {{ startGenesysSimulator: typeof import('../src/sim/genesys/index.ts').startGenesysSimulator }} */
const { startGenesysSimulator } = await tsImport('../src/sim/genesys/index.ts', import.meta.url);

async function startSimulator() {
  try {
    return await startGenesysSimulator({ host: HOST, port: SIM_PORT });
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${SIM_PORT} is taken; the Genesys simulator uses a free port instead.`);
    return startGenesysSimulator({ host: HOST, port: 0 });
  }
}

/** @type {Awaited<ReturnType<typeof startSimulator>> | undefined} */
let sim;
/** @type {import('vite').ViteDevServer | undefined} */
let vite;
let stopping = false;

/** @param {string} why @param {number} code */
async function stop(why, code) {
  if (stopping) return;
  stopping = true;
  if (why) console.log(`\n${why}: stopping the dev server and the Genesys simulator`);
  // A second Ctrl-C, or a close that hangs, must still end the process.
  setTimeout(() => process.exit(code || 1), 5000).unref();
  const results = await Promise.allSettled([vite?.close(), sim?.close()]);
  for (const result of results) if (result.status === 'rejected') console.error(result.reason);
  process.exit(code);
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(signal, () => void stop(signal, 0));
// `npm start` runs us under `sh -c`, and npm forwards a SIGTERM only to that shell: if the parent
// goes away without passing the signal on, stop rather than live on as an orphan.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) void stop('parent process ended', 0);
}, 500).unref();

try {
  sim = await startSimulator();
  const sigtermBefore = new Set(process.listeners('SIGTERM'));
  const stdinEndBefore = new Set(process.stdin.listeners('end'));
  vite = await createServer({
    root,
    clearScreen: false,
    server: { host: HOST, port: VITE_PORT, strictPort: false },
  });
  // Vite's own SIGTERM/stdin-end handlers exit after closing only Vite; ours below closes both.
  for (const listener of process.listeners('SIGTERM')) if (!sigtermBefore.has(listener)) process.off('SIGTERM', listener);
  for (const listener of process.stdin.listeners('end')) if (!stdinEndBefore.has(listener)) process.stdin.off('end', listener);
  await vite.listen();
  const address = vite.httpServer?.address();
  const vitePort = typeof address === 'object' && address ? address.port : VITE_PORT;
  if (vitePort !== VITE_PORT) console.warn(`Port ${VITE_PORT} is taken; the dev server uses ${vitePort} instead.`);

  console.log(`
Genesys simulator on ${HOST}:${sim.port}, Vite dev server on ${HOST}:${vitePort} (toolbar framed from localhost:${vitePort}).
Open the Fusion host simulator:

  http://${HOST}:${vitePort}/fusion-host.html?genesys=http://${HOST}:${sim.port}

Ctrl-C stops both.
`);
} catch (error) {
  console.error('npm start failed:', error instanceof Error ? error.message : error);
  await stop('', 1);
}
