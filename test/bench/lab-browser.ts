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
 *  - on Linux, each busy browser thread's share of a core (thread-cpu.ts),
 *  - the JS heap after 1,000 and after 100,000 epochs (after a forced garbage collection).
 * Environment: LAYERS (default 6), NEURONS (default 8), EPOCHS (default 100000),
 * DIST (the built page, default dist/renderer), WINDOW_S (measuring window, default 10), CHROMIUM or CHROMIUM_PATH (default /usr/bin/chromium),
 * PROFILE (a file name: saves a CPU profile of the page over the measuring window, to open
 * in the browser's developer tools, and prints the functions that took the most time),
 * TRACE=1 (records a browser trace over the window instead and prints the main thread's time
 * per kind of work: script, style, layout, paint, canvas…; more options in browser-analysis.ts),
 * VIEW_W and VIEW_H (the window, default 1440 × 1800, tall enough for every view),
 * STYLE (CSS added before training starts, to try what a style costs), SHOT (a file name: a
 * screenshot of the whole page after 1,000 epochs), DATASET (the data set's radio name,
 * default Spiral; a curve set such as "Sine wave" shows the curve view, 1 → … → 1), EACH_NEURON=1
 * (ticks the curve view's "Show each neuron").
 */
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { summarizeProfile, traceThread, type CpuProfile } from './browser-analysis';
import { printThreadCpu, readThreadCpu } from './thread-cpu';
import { headlessChromium } from '../../scripts/headless-chromium.mjs';

const ROOT = resolve(process.env.DIST ?? 'dist/renderer');
const LAYERS = Number(process.env.LAYERS ?? 6);
const NEURONS = Number(process.env.NEURONS ?? 8);
const TARGET_EPOCHS = Number(process.env.EPOCHS ?? 100_000);
const WINDOW_S = Number(process.env.WINDOW_S ?? 10);
const PROFILE = process.env.PROFILE ?? '';
const TRACE = process.env.TRACE === '1';
const DATASET = process.env.DATASET ?? 'Spiral';

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
  await page.getByRole('radio', { name: DATASET, exact: true }).click();
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
      await page.waitForFunction(
        ([label, before]) => {
          const el = document.querySelector(`[aria-label="${label}"]`);
          return el !== null && el.textContent !== String(before);
        },
        [`Neurons in layer ${layer}`, now] as const,
      );
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

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first.');
  const { server, url } = await serve();
  const browser = await chromium.launch(headlessChromium());
  try {
    const page = await browser.newPage({
      viewport: { width: Number(process.env.VIEW_W ?? 1440), height: Number(process.env.VIEW_H ?? 1800) },
    });
    await page.addInitScript({ content: INSTRUMENT });
    await page.goto(url);
    await page.getByRole('tab', { name: 'Lab' }).click();
    await page.getByLabel('Test loss', { exact: true }).filter({ hasNotText: '—' }).waitFor();
    await buildNetwork(page);
    const heatmapsPerFrame = await page.evaluate(() => document.querySelectorAll('button.node').length + 1);
    console.log(
      `Network: ${LAYERS} × ${NEURONS} tanh hidden on ${DATASET}${process.env.EACH_NEURON === '1' ? ' (each neuron shown)' : ''}; ${heatmapsPerFrame} heatmaps (inputs, neurons and the output plot) per frame.`,
    );
    // Every canvas's backing store is copied to the compositor when it changes, so its size matters.
    const canvases = await page.evaluate(() =>
      [...document.querySelectorAll('canvas')].map((c) => `${c.getAttribute('aria-label') ?? c.className ?? '?'} ${c.width}×${c.height}`),
    );
    console.log(`Canvases (${canvases.length}): ${canvases.join('; ')}`);
    if (process.env.STYLE) await page.addStyleTag({ content: process.env.STYLE });
    if (process.env.EACH_NEURON === '1') await page.getByRole('checkbox', { name: 'Show each neuron' }).check();

    await page.getByRole('button', { name: 'Play' }).click();
    await waitForEpoch(page, 1000, false);
    const heap1k = await heapAfterGc(page);
    if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });

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
    const threads0 = readThreadCpu();
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
    if (TRACE) await traceThread(page, WINDOW_S);
    else await page.waitForTimeout(WINDOW_S * 1000);
    const after = await readStats(page);
    const threads1 = readThreadCpu();
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
    console.log(
      `Main-thread CPU per frame:             ${perFrame(cpu0.thread, cpu1.thread)} ms (script ${perFrame(cpu0.script, cpu1.script)} ms, tasks ${perFrame(cpu0.task, cpu1.task)} ms wall)`,
    );
    printThreadCpu(threads0, threads1, seconds);
    console.log(`putImageData calls per second:         ${putsPerSecond.toFixed(0)}`);
    console.log(`Longest main-thread task:              ${after.longest.toFixed(0)} ms (${after.longTasks} tasks over 50 ms)`);
    console.log(`JS heap after 1,000 epochs:            ${mb(heap1k)}`);
    console.log(`Machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} (other work slows every number above)`);

    const eta = epochsPerSecond > 0 ? Math.ceil((TARGET_EPOCHS - e1) / epochsPerSecond) : Infinity;
    console.log(`Training on to ${TARGET_EPOCHS.toLocaleString('en-US')} epochs (about ${eta} s)…`);
    await waitForEpoch(page, TARGET_EPOCHS, true);
    const heapEnd = await heapAfterGc(page);
    const final = await readStats(page);
    console.log(
      `JS heap after ${TARGET_EPOCHS.toLocaleString('en-US')} epochs:          ${mb(heapEnd)} (${(((heapEnd - heap1k) / heap1k) * 100).toFixed(1)} % vs 1,000)`,
    );
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
