/**
 * `npm start`: the demo. Starts the Genesys simulator (127.0.0.1:8087, or a free port if that one is
 * taken) and the Vite dev server (127.0.0.1, 5173 or the next free port), then prints the one URL
 * to open: the Fusion host simulator framing the toolbar from the other loopback name (localhost),
 * a different origin, as Fusion does. Ctrl-C (SIGINT) or SIGTERM stops both; everything runs in
 * this one process, so nothing is left behind.
 *
 * `npm start -- --backend gws`: the same through the bridge. Our GWS simulator (a free port), the
 * bridge in front of it (127.0.0.1:8087 or a free port; password login, as real GWS), and the dev
 * server, which also proxies `/gws-sim/*` to the GWS simulator so the host page's scenario buttons
 * reach its `/sim` API from their own origin. The toolbar runs with `auth=bridge`: sign in as the
 * demo agent printed below.
 */
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { createServer } from 'vite';

const HOST = '127.0.0.1';
const USAGE = 'usage: npm start [-- --backend genesys|gws]';
const DEMO_AGENT = { username: 'JohnSmith', password: 'JohnSmith' };
/** The GWS simulator's OAuth client (its defaults), which the bridge signs agents in with. */
const GWS_CLIENT = { clientId: 'external_api_client', clientSecret: 'secret' };
const GWS_PROXY = '/gws-sim';
const SIM_PORT = 8087;
const VITE_PORT = 5173;
const root = fileURLToPath(new URL('..', import.meta.url));

/** @type {{ startGenesysSimulator: typeof import('../src/sim/genesys/index.ts').startGenesysSimulator }} */
const { startGenesysSimulator } = await tsImport('../src/sim/genesys/index.ts', import.meta.url);

/** @returns {'genesys' | 'gws'} */
function backendOf(/** @type {string[]} */ args) {
  let backend = 'genesys';
  for (let i = 0; i < args.length; i++) {
    const arg = /** @type {string} */ (args[i]);
    const value = arg === '--backend' ? args[++i] : arg.startsWith('--backend=') ? arg.slice('--backend='.length) : undefined;
    if (value === undefined) {
      console.error(`npm start: unknown argument "${arg}"\n${USAGE}`);
      process.exit(2);
    }
    backend = value;
  }
  if (backend !== 'genesys' && backend !== 'gws') {
    console.error(`npm start: --backend must be genesys or gws, not "${backend}"\n${USAGE}`);
    process.exit(2);
  }
  return backend;
}
const backend = backendOf(process.argv.slice(2));

/** Listens on `port`, or on a free one when it is taken. @template T */
async function onPortOrFree(/** @type {string} */ what, /** @type {(port: number) => Promise<T>} */ start) {
  try {
    return await start(SIM_PORT);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${SIM_PORT} is taken; the ${what} uses a free port instead.`);
    return start(0);
  }
}

function startSimulator() {
  return onPortOrFree('Genesys simulator', (port) => startGenesysSimulator({ host: HOST, port }));
}

/** Only warnings and errors of the bridge and the GWS simulator reach the demo's console. */
const quiet = (/** @type {string} */ name) => (/** @type {string} */ level, /** @type {string} */ message) => {
  if (level === 'warn' || level === 'error') console.warn(`[${name}] ${message}`);
};

/** The GWS simulator and the bridge in front of it. */
async function startGwsBackend() {
  /** @type {{ startGwsSimulator: typeof import('../src/sim/gws/index.ts').startGwsSimulator }} */
  const { startGwsSimulator } = await tsImport('../src/sim/gws/index.ts', import.meta.url);
  /** @type {{ startBridge: typeof import('../src/bridge/index.ts').startBridge }} */
  const { startBridge } = await tsImport('../src/bridge/index.ts', import.meta.url);
  const gws = await startGwsSimulator({ host: HOST, port: 0, mode: 'gws', ...GWS_CLIENT, log: quiet('gws-sim') });
  try {
    const bridge = await onPortOrFree('bridge', (port) => startBridge({ gws: gws.url, gwsLogin: 'password', ...GWS_CLIENT, host: HOST, port, log: quiet('bridge') }));
    return { gws, bridge };
  } catch (error) {
    await gws.close();
    throw error;
  }
}

/** @type {Awaited<ReturnType<typeof startSimulator>> | undefined} */
let sim;
/** @type {Awaited<ReturnType<typeof startGwsBackend>> | undefined} */
let gwsBackend;
/** @type {import('vite').ViteDevServer | undefined} */
let vite;
let stopping = false;

/** @param {string} why @param {number} code */
async function stop(why, code) {
  if (stopping) return;
  stopping = true;
  if (why) console.log(`\n${why}: stopping the dev server and the ${gwsBackend ? 'bridge and the GWS simulator' : 'Genesys simulator'}`);
  // A second Ctrl-C, or a close that hangs, must still end the process.
  setTimeout(() => process.exit(code || 1), 5000).unref();
  // The bridge first: it signs its agents out of the GWS simulator before that one goes.
  const results = await Promise.allSettled([vite?.close(), sim?.close(), gwsBackend?.bridge.close().finally(() => gwsBackend?.gws.close())]);
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
  if (backend === 'gws') gwsBackend = await startGwsBackend();
  else sim = await startSimulator();
  const sigtermBefore = new Set(process.listeners('SIGTERM'));
  const stdinEndBefore = new Set(process.stdin.listeners('end'));
  vite = await createServer({
    root,
    clearScreen: false,
    server: {
      host: HOST,
      port: VITE_PORT,
      strictPort: false,
      // The host page's scenario buttons reach the GWS simulator's /sim API from their own origin.
      ...(gwsBackend ? { proxy: { [GWS_PROXY]: { target: gwsBackend.gws.url, rewrite: (/** @type {string} */ path) => path.slice(GWS_PROXY.length) } } } : {}),
    },
  });
  // Vite's own SIGTERM/stdin-end handlers exit after closing only Vite; ours below closes both.
  for (const listener of process.listeners('SIGTERM')) if (!sigtermBefore.has(listener)) process.off('SIGTERM', listener);
  for (const listener of process.stdin.listeners('end')) if (!stdinEndBefore.has(listener)) process.stdin.off('end', listener);
  await vite.listen();
  const address = vite.httpServer?.address();
  const vitePort = typeof address === 'object' && address ? address.port : VITE_PORT;
  if (vitePort !== VITE_PORT) console.warn(`Port ${VITE_PORT} is taken; the dev server uses ${vitePort} instead.`);

  if (gwsBackend) {
    const { gws, bridge } = gwsBackend;
    const page = new URL(`http://${HOST}:${vitePort}/fusion-host.html`);
    page.searchParams.set('backend', 'gws');
    page.searchParams.set('bridge', bridge.url);
    page.searchParams.set('genesys', `http://${HOST}:${vitePort}${GWS_PROXY}`);
    page.searchParams.set('gwsUser', DEMO_AGENT.username);
    console.log(`
GWS simulator on ${gws.url}, the bridge on ${bridge.url}, Vite dev server on ${HOST}:${vitePort} (toolbar framed from localhost:${vitePort}).
Open the Fusion host simulator:

  ${page.toString()}

Sign in to the toolbar as the demo agent: username ${DEMO_AGENT.username}, password ${DEMO_AGENT.password}.
Ctrl-C stops everything.
`);
  } else {
    console.log(`
Genesys simulator on ${HOST}:${sim?.port}, Vite dev server on ${HOST}:${vitePort} (toolbar framed from localhost:${vitePort}).
Open the Fusion host simulator:

  http://${HOST}:${vitePort}/fusion-host.html?genesys=http://${HOST}:${sim?.port}

Ctrl-C stops both.
`);
  }
} catch (error) {
  console.error('npm start failed:', error instanceof Error ? error.message : error);
  await stop('', 1);
}
