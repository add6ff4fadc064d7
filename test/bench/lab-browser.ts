/**
 * Browser benchmark of the Lab (prints numbers; not a pass/fail test).
 *
 *   npm run build && npx tsx test/bench/lab-browser.ts
 *
 * Serves dist/renderer on 127.0.0.1 with a tiny static server, drives Chromium with
 * Playwright, builds 2 → 6 hidden layers of 8 tanh neurons → 1 on the spiral with every
 * view on screen, trains "as fast as possible" and reports:
 *  - epochs per second the engine worker trains,
 *  - frames per second the page paints, and how many of them redrew the heatmaps,
 *  - the longest main-thread task (PerformanceObserver "longtask"),
 *  - the JS heap after 1,000 and after 100,000 epochs (after a forced garbage collection).
 * Environment: LAYERS (default 6), NEURONS (default 8), EPOCHS (default 100000),
 * DIST (the built page, default dist/renderer), WINDOW_S (measuring window, default 10), CHROMIUM (default /usr/bin/chromium),
 * PROFILE (a file name: saves a CPU profile of the page over the measuring window, to open
 * in the browser's developer tools, and prints the functions that took the most time),
 * TRACE=1 (records a browser trace over the window instead and prints the main thread's time
 * per kind of work: script, style, layout, paint, canvas…).
 */
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const ROOT = resolve(process.env.DIST ?? 'dist/renderer');
const LAYERS = Number(process.env.LAYERS ?? 6);
const NEURONS = Number(process.env.NEURONS ?? 8);
const TARGET_EPOCHS = Number(process.env.EPOCHS ?? 100_000);
const WINDOW_S = Number(process.env.WINDOW_S ?? 10);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PROFILE = process.env.PROFILE ?? '';
const TRACE = process.env.TRACE === '1';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(ROOT, path === '/' ? 'index.html' : path));
    if (!file.startsWith(ROOT + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

/**
 * Installed before the page's own scripts: a frame counter, the long-task observer, a count
 * of putImageData calls and one of canvas-to-canvas drawImage calls (one per heatmap drawn). Plain JavaScript text, so nothing the
 * TypeScript runner adds to functions leaks into the page.
 */
const INSTRUMENT = `
  (() => {
    const stats = { frames: 0, longest: 0, longTasks: 0, putImageData: 0, heatmaps: 0 };
    window.__bench = stats;
    const tick = () => { stats.frames++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        stats.longTasks++;
        stats.longest = Math.max(stats.longest, entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
    for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype]) {
      const original = proto.putImageData;
      proto.putImageData = function (...args) {
        stats.putImageData++;
        return original.apply(this, args);
      };
      // Every heatmap reaches the screen as one drawImage of a canvas (however its pixels were filled).
      const drawImage = proto.drawImage;
      proto.drawImage = function (...args) {
        if (args[0] instanceof HTMLCanvasElement || args[0] instanceof OffscreenCanvas) stats.heatmaps++;
        return drawImage.apply(this, args);
      };
    }
  })();
`;

interface Stats {
  frames: number;
  longest: number;
  longTasks: number;
  putImageData: number;
  heatmaps: number;
}

const readStats = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __bench: Stats }).__bench }));

async function epoch(page: Page): Promise<number> {
  const text = await page.getByLabel('Epoch', { exact: true }).innerText();
  return Number(text.replace(/[^0-9]/g, ''));
}

async function buildNetwork(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'Spiral', exact: true }).click();
  const count = async () => Number((await page.getByText(/^\d+ hidden layers?$/).innerText()).split(' ')[0]);
  while ((await count()) < LAYERS) await page.getByRole('button', { name: 'Add layer' }).click();
  while ((await count()) > LAYERS) await page.getByRole('button', { name: 'Remove layer' }).click();
  await page.getByLabel('Set all hidden activations').selectOption('tanh');
  for (let layer = 1; layer <= LAYERS; layer++) {
    const size = page.getByLabel(`Neurons in layer ${layer}`, { exact: true });
    for (;;) {
      const now = Number(await size.innerText());
      if (now === NEURONS) break;
      const name = now < NEURONS ? `Add a neuron to layer ${layer}` : `Remove a neuron from layer ${layer}`;
      await page.getByRole('button', { name }).click();
      await page.waitForFunction(([label, before]) => {
        const el = document.querySelector(`[aria-label="${label}"]`);
        return el !== null && el.textContent !== String(before);
      }, [`Neurons in layer ${layer}`, now] as const);
    }
  }
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

async function waitForEpoch(page: Page, target: number, report: boolean): Promise<void> {
  let last = Date.now();
  for (;;) {
    const now = await epoch(page);
    if (now >= target) return;
    if (report && Date.now() - last > 15_000) {
      console.log(`  … epoch ${now.toLocaleString('en-US')}`);
      last = Date.now();
    }
    await page.waitForTimeout(250);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A function's name and place, short enough to print. */
function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').pop() ?? '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/** Milliseconds of self time per function over the given samples, largest first. */
function selfTimes(profile: CpuProfile, from: number, to: number): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  for (let i = from; i < to; i++) {
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const name = frameName(node);
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * Prints where the page spent its time: the top functions overall, and for every stretch of
 * busy samples (no idle between them) longer than 40 ms, what filled it.
 */
function summarizeProfile(profile: CpuProfile, seconds: number): void {
  const total = selfTimes(profile, 0, profile.samples.length);
  console.log(`CPU profile, self time per second of the window (ms/s), top 25:`);
  for (const [name, ms] of total.slice(0, 25)) console.log(`  ${(ms / seconds).toFixed(2).padStart(7)}  ${name}`);
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set<string>();
    for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      if (node && node.callFrame.url) seen.add(frameName(node));
    }
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  console.log(`Total time with callees (ms/s), top 30:`);
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(ms / seconds).toFixed(2).padStart(7)}  ${name}`);
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let start = 0;
  let busy = 0;
  const stretches: { start: number; end: number; ms: number }[] = [];
  for (let i = 0; i < profile.samples.length; i++) {
    if (idle.has(profile.samples[i])) {
      if (busy > 40) stretches.push({ start, end: i, ms: busy });
      start = i + 1;
      busy = 0;
    } else busy += (profile.timeDeltas[i + 1] ?? 0) / 1000;
  }
  console.log(`Busy stretches over 40 ms: ${stretches.length}`);
  for (const stretch of stretches.slice(0, 8)) {
    const top = selfTimes(profile, stretch.start, stretch.end).slice(0, 6);
    console.log(`  ${stretch.ms.toFixed(0)} ms: ${top.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join('; ')}`);
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string } & Record<string, unknown>;
}

/** Records a trace of the page for `seconds`; prints total time per event name on its main thread. */
async function traceMainThread(page: Page, seconds: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const done = new Promise<void>((finish) => cdp.once('Tracing.tracingComplete', () => finish()));
  await cdp.send('Tracing.start', { categories: process.env.TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
  await page.waitForTimeout(seconds * 1000);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return;
  const dump = process.env.TRACE_DUMP;
  if (dump) for (const e of events.filter((x) => x.name === dump).slice(0, 3)) console.log(JSON.stringify(e.args));
  const totals = new Map<string, { ms: number; count: number }>();
  for (const e of events) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.dur === undefined) continue;
    const t = totals.get(e.name) ?? { ms: 0, count: 0 };
    t.ms += e.dur / 1000;
    t.count++;
    totals.set(e.name, t);
  }
  console.log('Main thread per second of the window (ms/s, nested events counted in each), top 60:');
  for (const [name, t] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 60)) {
    console.log(`  ${(t.ms / seconds).toFixed(2).padStart(7)}  ${name} (${(t.count / seconds).toFixed(1)}/s)`);
  }
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first.');
  const { server, url } = await serve();
  const browser = await chromium.launch({
    executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1800 } });
    await page.addInitScript({ content: INSTRUMENT });
    await page.goto(url);
    await page.getByRole('tab', { name: 'Lab' }).click();
    await page.getByLabel('Test loss', { exact: true }).filter({ hasNotText: '—' }).waitFor();
    await buildNetwork(page);
    const heatmapsPerFrame = await page.evaluate(() => document.querySelectorAll('button.node').length + 1);
    console.log(`Network: 2 → ${LAYERS} × ${NEURONS} tanh → 1 on the spiral; ${heatmapsPerFrame} heatmaps (inputs, neurons and the output plot) per frame.`);
    // Every canvas's backing store is copied to the compositor when it changes, so its size matters.
    const canvases = await page.evaluate(() =>
      [...document.querySelectorAll('canvas')].map((c) => `${c.getAttribute('aria-label') ?? c.className ?? '?'} ${c.width}×${c.height}`),
    );
    console.log(`Canvases (${canvases.length}): ${canvases.join('; ')}`);

    await page.getByRole('button', { name: 'Play' }).click();
    await waitForEpoch(page, 1000, false);
    const heap1k = await heapAfterGc(page);

    // The measuring window: epochs, frames, heatmap draws and long tasks over WINDOW_S seconds.
    // Main-thread CPU time (ThreadTime) is far less swayed by other load on the machine than
    // frames per second, so it is the number to compare two versions by.
    const metrics = await page.context().newCDPSession(page);
    await metrics.send('Performance.enable');
    const cpu = async () => {
      const { metrics: list } = await metrics.send('Performance.getMetrics');
      const value = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
      return { thread: value('ThreadTime'), script: value('ScriptDuration'), task: value('TaskDuration') };
    };
    const cpu0 = await cpu();
    const before = await readStats(page);
    const e0 = await epoch(page);
    const t0 = Date.now();
    await page.evaluate(() => {
      const stats = (window as unknown as { __bench: Stats }).__bench;
      stats.longest = 0;
      stats.longTasks = 0;
    });
    const profiler = PROFILE ? await page.context().newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
    }
    if (TRACE) await traceMainThread(page, WINDOW_S);
    else await page.waitForTimeout(WINDOW_S * 1000);
    const after = await readStats(page);
    const cpu1 = await cpu();
    await metrics.detach();
    if (profiler) {
      const { profile } = (await profiler.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await profiler.detach();
      writeFileSync(PROFILE, JSON.stringify(profile));
      summarizeProfile(profile, WINDOW_S);
    }
    const e1 = await epoch(page);
    const seconds = (Date.now() - t0) / 1000;
    const epochsPerSecond = (e1 - e0) / seconds;
    const framesPerSecond = (after.frames - before.frames) / seconds;
    const redrawsPerSecond = (after.heatmaps - before.heatmaps) / heatmapsPerFrame / seconds;
    const putsPerSecond = (after.putImageData - before.putImageData) / seconds;
    console.log(`Epochs per second (worker):            ${epochsPerSecond.toFixed(0)}`);
    console.log(`Frames per second (page):              ${framesPerSecond.toFixed(1)}`);
    console.log(`Full heatmap redraws per second:       ${redrawsPerSecond.toFixed(1)}`);
    const frames = Math.max(1, after.frames - before.frames);
    const perFrame = (a: number, b: number) => (((b - a) * 1000) / frames).toFixed(2);
    console.log(`Main-thread CPU per frame:             ${perFrame(cpu0.thread, cpu1.thread)} ms (script ${perFrame(cpu0.script, cpu1.script)} ms, tasks ${perFrame(cpu0.task, cpu1.task)} ms wall)`);
    console.log(`putImageData calls per second:         ${putsPerSecond.toFixed(0)}`);
    console.log(`Longest main-thread task:              ${after.longest.toFixed(0)} ms (${after.longTasks} tasks over 50 ms)`);
    console.log(`JS heap after 1,000 epochs:            ${mb(heap1k)}`);
    console.log(`Machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} (other work slows every number above)`);

    const eta = epochsPerSecond > 0 ? Math.ceil((TARGET_EPOCHS - e1) / epochsPerSecond) : Infinity;
    console.log(`Training on to ${TARGET_EPOCHS.toLocaleString('en-US')} epochs (about ${eta} s)…`);
    await waitForEpoch(page, TARGET_EPOCHS, true);
    const heapEnd = await heapAfterGc(page);
    const final = await readStats(page);
    console.log(`JS heap after ${TARGET_EPOCHS.toLocaleString('en-US')} epochs:          ${mb(heapEnd)} (${(((heapEnd - heap1k) / heap1k) * 100).toFixed(1)} % vs 1,000)`);
    console.log(`Longest main-thread task, to the end:  ${final.longest.toFixed(0)} ms`);

    // For comparison: the same worker with no Lab views on screen (another area shown).
    const lone0 = await epoch(page);
    const lone = Date.now();
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await page.waitForTimeout(WINDOW_S * 1000);
    await page.getByRole('tab', { name: 'Lab' }).click();
    const lone1 = await epoch(page);
    console.log(`Epochs per second with no views drawn:  ${((lone1 - lone0) / ((Date.now() - lone) / 1000)).toFixed(0)}`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
