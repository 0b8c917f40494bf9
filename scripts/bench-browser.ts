/**
 * Browser latencies of the production toolbar framed by the Fusion host simulator, in headless
 * Chromium, both pages cross-origin isolated (µs timers). Every figure has a floor measured in the
 * same page, interleaved call by call: a bare plain-JS handler on its own socket (agent `floor`)
 * that parses the frame and publishes newCommEvent through the same UEF phone context.
 *
 * - ring → newCommEvent: WebSocket message (EventRinging) → the UEF `publish` call
 * - ring → paint: the message → the first animation frame at which the ringing card is in the DOM,
 *   at headless Chromium's 60 Hz frames and again with frames unthrottled (`paintUnthrottled`)
 * - Accept clicked → POST, Fusion accept (onToolbarInteractionCommand) → POST
 *
 * With `profile: true` a Chromium CPU profile (CDP Profiler) of the ringing path is taken too.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { startGenesysSimulator } from '../src/sim/genesys';
import { launchChromium } from '../test/e2e/support/chromium';
import { staticSite } from '../test/e2e/support/static-server';
import { ToolbarPage } from '../test/e2e/support/toolbar-page';
import { buildProduction } from '../test/support/build';
import { connectionCallKey } from '../src/machines/ids';
import { summarize, type Summary } from './bench-stats';

/** Marks of the sample in flight (first mark of each name wins), read after each sample. */
type Marks = Partial<Record<'frame' | 'published' | 'dom' | 'paint' | 'frames' | 'click' | 'command' | 'post', number>>;

/**
 * Runs in every frame before its scripts. Plain JavaScript in a string: a transpiled function
 * would carry the bundler's helpers along. Only the toolbar frame opens the floor socket.
 */
function instrument(toolbarOrigin: string, floorWs: string): string {
  return `(() => {
  if (location.origin !== ${JSON.stringify(toolbarOrigin)}) return;
  const bench = { marks: {}, isolated: self.crossOriginIsolated };
  window.__bench = bench;
  const mark = (name) => { if (bench.marks[name] === undefined) bench.marks[name] = performance.now(); };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      // Registered before the app's onmessage, so it sees the frame first.
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.includes('"EventRinging"')) {
          mark('frame'); performance.mark('bench-frame');
          // The ringing card is visible at the first animation frame that finds it in the DOM.
          const selector = bench.floorTurn ? '[data-bench-floor-card]' : '[data-testid="call-card"][data-call-state^="ringing"]';
          // When the card entered the DOM (a mutation observer runs right after the change).
          const observer = new MutationObserver(() => {
            if (document.querySelector(selector)) { mark('dom'); observer.disconnect(); }
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          let frames = 0;
          const look = () => {
            frames += 1;
            if (document.querySelector(bench.floorTurn ? '[data-bench-floor-card]' : '[data-testid="call-card"][data-call-state^="ringing"]')) { mark('paint'); bench.marks.frames = frames; performance.mark('bench-paint'); }
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        }
      });
    }
  };
  addEventListener('click', () => mark('click'), true);
  addEventListener('message', (event) => {
    const data = event.data;
    if (data && ((data.type === 'event' && data.event === 'onToolbarInteractionCommand') || data.benchFloor === 'accept')) mark('command');
  }, true);
  const nativeFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    if (init && init.method === 'POST' && typeof init.body === 'string' && init.body.includes('"Accept"')) mark('post');
    if (input === 'bench:floor') return Promise.resolve(new Response('{}'));
    return nativeFetch(input, init);
  };
  let phone;
  let provider;
  const wrapPhone = (context) => {
    const publish = context.publish.bind(context);
    context.publish = (request) => {
      if (request && request.getOperationName && request.getOperationName() === 'newCommEvent') mark('published');
      if (request && request.benchFloor) return Promise.resolve({});
      return publish(request);
    };
    phone = context;
    openFloor();
    return context;
  };
  // The floor: parse the frame, publish newCommEvent; show a card; POST on a click or a message.
  const post = (connectionId) => fetch('bench:floor', { method: 'POST', body: JSON.stringify({ type: 'Accept', connectionId }) });
  let floorCall = '';
  const openFloor = () => {
    const socket = new window.WebSocket(${JSON.stringify(floorWs)});
    socket.onmessage = (event) => {
      const frame = JSON.parse(event.data);
      if (frame.eventName !== 'EventRinging') return;
      floorCall = frame.connectionId;
      const request = provider.requestHelper.createPublishRequest('newCommEvent');
      request.benchFloor = true;
      request.setEventId(frame.eventId);
      request.setAppClassification('ORA_SERVICE');
      request.getInData().setInDataValueByAttribute('SVCMCA_ANI', frame.ANI);
      phone.publish(request);
      const card = document.createElement('div');
      card.setAttribute('data-bench-floor-card', '');
      card.textContent = frame.ANI;
      document.body.append(card);
    };
    const button = document.createElement('button');
    button.textContent = 'floor accept';
    button.setAttribute('data-bench-floor-accept', '');
    button.style.cssText = 'position:fixed;right:0;bottom:0';
    button.addEventListener('click', () => post(floorCall));
    document.body.append(button);
    addEventListener('message', (event) => { if (event.data && event.data.benchFloor === 'accept') post(floorCall); });
    bench.floorReady = () => socket.readyState === 1;
  };
  let framework;
  Object.defineProperty(window, 'CX_SVC_UI_EVENTS_FRAMEWORK', {
    configurable: true,
    get: () => framework,
    set(value) {
      const ui = value.uiEventsFramework;
      const init = ui.initialize.bind(ui);
      ui.initialize = async (...args) => {
        provider = await init(...args);
        const mcaOf = provider.getMultiChannelAdaptorContext.bind(provider);
        provider.getMultiChannelAdaptorContext = async () => {
          const mca = await mcaOf();
          const phoneOf = mca.getCommunicationChannelContext.bind(mca);
          mca.getCommunicationChannelContext = async (channel) => wrapPhone(await phoneOf(channel));
          return mca;
        };
        return provider;
      };
      framework = value;
    },
  });
})();`;
}

export interface BrowserFigures {
  isolated: boolean;
  ringToNewComm: { toolbar: Summary; floor: Summary };
  ringToPaint: { toolbar: Summary; floor: Summary };
  /** The message → the card in the DOM (a mutation observer), to tell render time from frame waits. */
  ringToDom: { toolbar: Summary; floor: Summary };
  /** Animation frames from the ring to the one that found the card (1: the very next frame). */
  ringToPaintFrames: { toolbar: Summary; floor: Summary };
  clickToPost: { toolbar: Summary; floor: Summary };
  fusionAcceptToPost: { toolbar: Summary; floor: Summary };
  profile?: ProfileSummary;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** Self time by source module of the toolbar (from the source map), largest first. */
  byModule: { module: string; ms: number; share: number }[];
  /** Self time by function, largest first. */
  byFunction: { name: string; ms: number; share: number }[];
  /** Time in the toolbar's own functions with their callees, largest first. */
  byOwnFunctionInclusive: { name: string; ms: number; share: number }[];
}

interface Harness {
  page: Page;
  frame: Frame;
  toolbar: ToolbarPage;
  sim: { url: string };
  outDir: string;
  toolbarOrigin: string;
  /** How the driver waits for marks: each animation frame, or a timer (unthrottled frames would spin). */
  polling: 'raf' | number;
}

const post = (base: string, path: string, body: object) =>
  fetch(`${base}/sim/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
    (r) => r.json() as Promise<Record<string, string>>,
  );

async function resetMarks(frame: Frame, floorTurn: boolean): Promise<void> {
  await frame.evaluate((floor) => {
    const bench = (window as unknown as { __bench: { marks: Marks; floorTurn: boolean } }).__bench;
    bench.marks = {};
    bench.floorTurn = floor;
  }, floorTurn);
}

async function waitMarks({ frame, polling }: Harness, names: (keyof Marks)[]): Promise<Marks> {
  const handle = await frame.waitForFunction(
    (wanted) => {
      const marks = (window as unknown as { __bench: { marks: Marks } }).__bench.marks;
      return wanted.every((name) => marks[name as keyof Marks] !== undefined) ? marks : false;
    },
    names,
    { timeout: 10_000, polling },
  );
  return (await handle.jsonValue()) as Marks;
}

/** BENCH_SETTLE_MS: an idle pause before each ring (toolbar and floor alike), so no frame of the driver's own polling is pending. */
const SETTLE_MS = Number(process.env['BENCH_SETTLE_MS'] ?? 0);
const settle = () => (SETTLE_MS > 0 ? new Promise((resolve) => setTimeout(resolve, SETTLE_MS)) : Promise.resolve());

type Sample = { ring: number; paint: number; dom?: number; frames?: number; command?: { kind: 'click' | 'fusion'; ms: number } };

/** One call to the toolbar: ring, (accept by click or by Fusion), caller hangs up. */
async function toolbarCall(h: Harness, i: number, accept: 'click' | 'fusion' | null): Promise<Sample> {
  await resetMarks(h.frame, false);
  await settle();
  const { connectionId, eventId } = await post(h.sim.url, 'ring', { agent: 'bench', ani: `+1555${String(i).padStart(7, '0')}` });
  const ringing = await waitMarks(h, ['frame', 'published', 'paint']);
  const sample: Sample = { ring: ringing.published! - ringing.frame!, paint: ringing.paint! - ringing.frame!, dom: (ringing.dom ?? NaN) - ringing.frame!, frames: ringing.frames };
  if (accept) {
    await h.toolbar.waitForCallState('ringing.alerting', connectionId);
    if (accept === 'click') await h.toolbar.accept(connectionId);
    else await h.page.evaluate((id) => (window as unknown as { __fusionSim: { sendCommand(e: string, c: string, id: string): Promise<unknown> } }).__fusionSim.sendCommand('onToolbarInteractionCommand', 'accept', id), eventId!);
    const marks = await waitMarks(h, [accept === 'click' ? 'click' : 'command', 'post']);
    sample.command = { kind: accept, ms: marks.post! - (accept === 'click' ? marks.click! : marks.command!) };
    await h.toolbar.waitForCallState('established.talking', connectionId);
  }
  await post(h.sim.url, 'callerHangup', { connectionId });
  // An ended card lingers a few seconds ('Call ended'); the call is over once it says so.
  await h.toolbar.frame.locator(`[data-testid="call-card"][data-call-key="${connectionCallKey(connectionId!)}"]:not([data-call-state="ended"])`).waitFor({ state: 'detached' });
  return sample;
}

/** The same for the bare handler. */
async function floorCall(h: Harness, i: number, accept: 'click' | 'fusion' | null): Promise<Sample> {
  await resetMarks(h.frame, true);
  await settle();
  const { connectionId } = await post(h.sim.url, 'ring', { agent: 'floor', ani: `+1555${String(i).padStart(7, '0')}` });
  const ringing = await waitMarks(h, ['frame', 'published', 'paint']);
  const sample: Sample = { ring: ringing.published! - ringing.frame!, paint: ringing.paint! - ringing.frame!, dom: (ringing.dom ?? NaN) - ringing.frame!, frames: ringing.frames };
  if (accept) {
    if (accept === 'click') await h.frame.locator('[data-bench-floor-accept]').click();
    else await h.page.evaluate((origin) => document.querySelector('iframe')!.contentWindow!.postMessage({ benchFloor: 'accept' }, origin), h.toolbarOrigin);
    const marks = await waitMarks(h, [accept === 'click' ? 'click' : 'command', 'post']);
    sample.command = { kind: accept, ms: marks.post! - (accept === 'click' ? marks.click! : marks.command!) };
  }
  await h.frame.evaluate(() => document.querySelectorAll('[data-bench-floor-card]').forEach((card) => card.remove()));
  await post(h.sim.url, 'callerHangup', { connectionId });
  return sample;
}

async function withHarness<T>(work: (h: Harness) => Promise<T>, setup: { chromiumArgs?: readonly string[]; polling?: 'raf' | number } = {}): Promise<T> {
  const outDir = await mkdtemp(join(tmpdir(), 'toolbar-bench-browser-'));
  const site = staticSite(outDir, { isolated: true });
  const sim = await startGenesysSimulator({ port: 0, log: () => undefined });
  await buildProduction(outDir, { sourcemap: true });
  // Another site (localhost, not 127.0.0.1) as Fusion is to the toolbar in production: the host
  // page renders in its own process, so its work (log, offer panel) is not on the toolbar's thread.
  const hostOrigin = (await site.listen()).replace('//127.0.0.1:', '//localhost:');
  const toolbarOrigin = await site.listen();
  const browser = await launchChromium(['--site-per-process', ...(setup.chromiumArgs ?? [])]);
  try {
    const page = await browser.newPage();
    const floorWs = new URL(sim.wsUrl);
    floorWs.searchParams.set('agent', 'floor');
    await page.addInitScript(instrument(toolbarOrigin, floorWs.toString()));
    const url = new URL('/fusion-host.html', hostOrigin);
    url.searchParams.set('genesys', sim.url);
    url.searchParams.set('toolbar', `${toolbarOrigin}/index.html`);
    url.searchParams.set('agentId', 'bench');
    await page.goto(url.toString());
    const toolbar = new ToolbarPage(page);
    await page.locator('[data-testid="agent-state"][data-state="AVAILABLE"]').waitFor({ timeout: 15_000 });
    const frame = page.frames().find((f) => f.url().startsWith(toolbarOrigin));
    if (!frame) throw new Error('toolbar frame not found');
    await frame.waitForFunction(() => (window as unknown as { __bench: { floorReady?: () => boolean } }).__bench.floorReady?.() === true);
    return await work({ page, frame, toolbar, sim, outDir, toolbarOrigin, polling: setup.polling ?? 'raf' });
  } finally {
    await browser.close();
    await site.close();
    await sim.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

type PaintFigures = Pick<BrowserFigures, 'ringToPaint' | 'ringToPaintFrames'>;

/** Ring → paint and frames until seen, the toolbar's beside the floor's. */
function paintFigures(toolbar: Sample[], floor: Sample[]): PaintFigures {
  return {
    ringToPaint: { toolbar: summarize(toolbar.map((s) => s.paint)), floor: summarize(floor.map((s) => s.paint)) },
    ringToPaintFrames: { toolbar: summarize(toolbar.map((s) => s.frames ?? NaN)), floor: summarize(floor.map((s) => s.frames ?? NaN)) },
  };
}

/** Interleaved toolbar and floor calls; every toolbar call and floor call is also accepted. */
export async function browserLatencies(options: { calls?: number; warmup?: number; profile?: string } = {}): Promise<BrowserFigures> {
  const calls = options.calls ?? 500;
  const warmup = options.warmup ?? Number(process.env['BENCH_WARMUP'] ?? 30);
  return withHarness(async (h) => {
    const isolated = await h.frame.evaluate(() => (window as unknown as { __bench: { isolated: boolean } }).__bench.isolated);
    const toolbar: Sample[] = [];
    const floor: Sample[] = [];
    for (let i = 0; i < warmup + calls; i++) {
      const accept = i % 2 === 0 ? 'click' : 'fusion';
      // Alternate who goes first, so neither always runs right after the other's clean-up.
      const pair = i % 4 < 2 ? [false, true] : [true, false];
      for (const isFloor of pair) {
        const sample = isFloor ? await floorCall(h, i, accept) : await toolbarCall(h, i, accept);
        if (i >= warmup) (isFloor ? floor : toolbar).push(sample);
      }
    }
    const pick = (samples: Sample[], kind: 'click' | 'fusion') => samples.flatMap((s) => (s.command?.kind === kind ? [s.command.ms] : []));
    const figures: BrowserFigures = {
      isolated,
      ringToNewComm: { toolbar: summarize(toolbar.map((s) => s.ring)), floor: summarize(floor.map((s) => s.ring)) },
      ...paintFigures(toolbar, floor),
      ringToDom: { toolbar: summarize(toolbar.map((s) => s.dom ?? NaN)), floor: summarize(floor.map((s) => s.dom ?? NaN)) },
      clickToPost: { toolbar: summarize(pick(toolbar, 'click')), floor: summarize(pick(floor, 'click')) },
      fusionAcceptToPost: { toolbar: summarize(pick(toolbar, 'fusion')), floor: summarize(pick(floor, 'fusion')) },
    };
    if (options.profile) figures.profile = await profileRinging(h, options.profile);
    // Diagnostic: every sample, to see a distribution rather than two percentiles.
    if (process.env['BENCH_SAMPLES']) await writeFile(process.env['BENCH_SAMPLES'], JSON.stringify({ toolbar, floor }));
    if (process.env['BENCH_TRACE']) await traceRinging(h, process.env['BENCH_TRACE']);
    return figures;
  });
}

/**
 * Ring → paint with Chromium's frames unthrottled (`--disable-frame-rate-limit`: the next frame
 * begins as soon as one is asked for and the last is done). At 60 Hz the wait for the frame's
 * tick is itself 0–16.7 ms (a bare div's p99 is about 16.5), so only here does the figure tell
 * the page's own time to its next frame. Rings alone, interleaved with the bare div.
 */
export async function paintUnthrottled(options: { calls?: number; warmup?: number } = {}): Promise<PaintFigures> {
  const calls = options.calls ?? 500;
  const warmup = options.warmup ?? 30;
  return withHarness(
    async (h) => {
      const toolbar: Sample[] = [];
      const floor: Sample[] = [];
      for (let i = 0; i < warmup + calls; i++) {
        const pair = i % 2 === 0 ? [false, true] : [true, false];
        for (const isFloor of pair) {
          const sample = isFloor ? await floorCall(h, 300_000 + i, null) : await toolbarCall(h, 300_000 + i, null);
          if (i >= warmup) (isFloor ? floor : toolbar).push(sample);
        }
      }
      return paintFigures(toolbar, floor);
    },
    // A timer, not frames, for the driver's polling: a frame loop would run flat out.
    { chromiumArgs: ['--disable-frame-rate-limit'], polling: 2 },
  );
}

/** A CPU profile of rings alone (ring → published → caller hangs up), mapped to source modules. */
async function profileRinging(h: Harness, file: string, calls = 200): Promise<ProfileSummary> {
  const cdp = await toolbarSession(h);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < calls; i++) await toolbarCall(h, 100_000 + i, null);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.detach();
  await writeFile(file, JSON.stringify(profile));
  return summarizeProfile(profile, file, await sourceMaps(h.outDir), h.toolbarOrigin);
}

/** A CDP session of the toolbar frame's renderer (its own process, the host being another site). */
async function toolbarSession(h: Harness) {
  try {
    return await h.page.context().newCDPSession(h.frame);
  } catch {
    return h.page.context().newCDPSession(h.page); // same process as the host page
  }
}

/** Diagnostic: a Chromium trace (devtools timeline) of a few rings, when BENCH_TRACE names a file. */
async function traceRinging(h: Harness, file: string, calls = 15): Promise<void> {
  const cdp = await h.page.context().newCDPSession(h.page); // tracing covers every process
  const events: unknown[] = [];
  cdp.on('Tracing.dataCollected', (data: { value: unknown[] }) => events.push(...data.value));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute', transferMode: 'ReportEvents' });
  for (let i = 0; i < calls; i++) await toolbarCall(h, 200_000 + i, null);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  await writeFile(file, JSON.stringify({ traceEvents: events }));
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

type Lookup = (url: string, line: number, column: number) => { source: string | null; name: string | null } | undefined;

async function sourceMaps(outDir: string): Promise<Lookup> {
  const { SourceMapConsumer } = await import('source-map-js');
  const consumers = new Map<string, InstanceType<typeof SourceMapConsumer>>();
  for (const file of await readdir(join(outDir, 'assets'))) {
    if (!file.endsWith('.js.map')) continue;
    consumers.set(file.slice(0, -4), new SourceMapConsumer(JSON.parse(await readFile(join(outDir, 'assets', file), 'utf8')) as never));
  }
  return (url, line, column) => {
    const name = url.split('/').pop() ?? '';
    const consumer = consumers.get(name);
    if (!consumer) return undefined;
    const position = consumer.originalPositionFor({ line: line + 1, column });
    return { source: position.source ?? null, name: position.name ?? null };
  };
}

/** `node_modules/xstate/dist/…` → `xstate`; `src/machines/call.machine.ts` stays as is. */
function moduleOf(source: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inModules) return inModules[1]!;
  const own = /(src\/.*)$/.exec(source);
  return own ? own[1]! : source;
}

/** Only the toolbar frame's time: a native function counts for the frame whose script called it. */
export function summarizeProfile(profile: CpuProfile, file: string, lookup: Lookup, origin: string): ProfileSummary {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const urlOf = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = byId.get(at)?.callFrame.url;
      if (url) return url;
    }
    return '';
  };
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)') continue;
    if (!urlOf(node.id).startsWith(origin)) continue;
    total += us;
    const mapped = url ? lookup(url, lineNumber, columnNumber) : undefined;
    const module = mapped?.source ? moduleOf(mapped.source) : functionName.startsWith('(') ? functionName : url ? `other: ${url.split('/').pop()}` : '(native)';
    byModule.set(module, (byModule.get(module) ?? 0) + us);
    const name = `${mapped?.name ?? functionName ?? '(anonymous)'} ${module}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  // Inclusive time of the toolbar's own functions (components, connectors): where a ring's render goes.
  const inclusiveUs = new Map<number, number>();
  const inclusive = (id: number): number => {
    const known = inclusiveUs.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const us = (selfUs.get(id) ?? 0) + (node?.children ?? []).reduce((sum, child) => sum + inclusive(child), 0);
    inclusiveUs.set(id, us);
    return us;
  };
  const byOwnFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    if (!url.startsWith(origin)) continue;
    const mapped = lookup(url, lineNumber, columnNumber);
    if (!mapped?.source || !mapped.source.includes('src/')) continue;
    // Count a function once per stack (not again in its own recursion).
    let nested = false;
    for (let at = parent.get(node.id); at !== undefined && !nested; at = parent.get(at)) {
      const up = byId.get(at)?.callFrame;
      nested = !!up && up.url === url && up.lineNumber === lineNumber && up.columnNumber === columnNumber;
    }
    if (nested) continue;
    const name = `${mapped.name ?? functionName} ${moduleOf(mapped.source)}`;
    byOwnFunction.set(name, (byOwnFunction.get(name) ?? 0) + inclusive(node.id));
  }
  const rank = (map: Map<string, number>, count = 15) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([key, us]) => ({ key, ms: us / 1000, share: us / total }));
  return {
    file,
    totalMs: total / 1000,
    byModule: rank(byModule).map(({ key, ms, share }) => ({ module: key, ms, share })),
    byFunction: rank(byFunction).map(({ key, ms, share }) => ({ name: key, ms, share })),
    byOwnFunctionInclusive: rank(byOwnFunction, 40).map(({ key, ms, share }) => ({ name: key, ms, share })),
  };
}
