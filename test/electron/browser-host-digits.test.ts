/**
 * The plain-browser host learns the digits too: renderer/engine/connection.ts and its Web Worker
 * (renderer/engine/engine.worker.ts), each bundled by esbuild and served over loopback to
 * Chromium, with no window.lab, so sharedEngine() picks a Web Worker. The page provides
 * the packed digit file, configures a digits network straight after and trains it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digitsConfig } from '../../core/tabular/presets';
import { buildDigitsFile } from './real-worker';
import { headlessChromium } from '../../scripts/headless-chromium.mjs';

const root = path.resolve(__dirname, '..', '..');
let server: http.Server;
let origin: string;
let browser: Browser;

async function bundle(options: { entry?: string; stdin?: string }): Promise<string> {
  const result = await build({
    absWorkingDir: root,
    ...(options.entry ? { entryPoints: [options.entry] } : { stdin: { contents: options.stdin ?? '', resolveDir: root, loader: 'ts' } }),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

beforeAll(async () => {
  // The page script: the shared engine without window.lab (so a Web Worker), reachable from the test.
  const page = await bundle({
    stdin:
      "import { sharedEngine } from './renderer/engine/connection';\n(window as unknown as { engine: unknown }).engine = sharedEngine();\n",
  });
  const worker = await bundle({ entry: 'renderer/engine/engine.worker.ts' });
  const digits = buildDigitsFile();
  const files: Record<string, [string, string | Uint8Array]> = {
    '/index.html': [
      'text/html',
      '<!doctype html><html><head><link rel="icon" href="data:,"></head><body><script type="module" src="./page.js"></script></body></html>',
    ],
    '/page.js': ['text/javascript', page],
    // links.ts names its worker `new URL('./engine.worker.ts', import.meta.url)`: serve the bundle there.
    '/engine.worker.ts': ['text/javascript', worker],
    '/digits.bin': ['application/octet-stream', digits],
  };
  server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file[0] });
    res.end(typeof file[1] === 'string' ? file[1] : Buffer.from(file[1]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch(headlessChromium());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface PageEngine {
  kind: string;
  send(command: unknown): void;
  provideDigits(bytes: Uint8Array): void;
  onEvent(
    listener: (event: {
      type: string;
      message?: string;
      snapshot?: { params: Float64Array; metrics: { testAccuracy: number | null } };
    }) => void,
  ): () => void;
}

describe('the browser host with digits', () => {
  it('provides the file to its Web Worker, keeps the caller’s array, refuses a broken file, and trains a digits network', async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => 'engine' in window);
      const config = digitsConfig([{ size: 16, activation: 'relu' }], 2);
      const start = await page.evaluate(async (config) => {
        const w = window as unknown as { engine: PageEngine; seen: { errors: string[]; accuracy: number[] } };
        const seen = { errors: [] as string[], accuracy: [] as number[] };
        w.seen = seen;
        w.engine.onEvent((event) => {
          if (event.type === 'error') seen.errors.push(event.message ?? '');
          if (event.type === 'snapshot' && event.snapshot) seen.accuracy.push(event.snapshot.metrics.testAccuracy ?? 0);
        });
        const bytes = new Uint8Array(await (await fetch('./digits.bin')).arrayBuffer());
        w.engine.provideDigits(bytes.slice(0, 1000));
        w.engine.provideDigits(bytes);
        w.engine.send({ type: 'configure', config });
        w.engine.send({ type: 'play' });
        return { kind: w.engine.kind, length: bytes.length, first: Array.from(bytes.subarray(0, 4)) };
      }, config);
      expect(start.kind).toBe('browser');
      // The connection sent a copy: the page's own array is still whole (not detached by the transfer).
      expect(start.length).toBe(8 + 10_000 * 785);
      expect(start.first).toEqual([68, 71, 84, 49]);
      const best = () => page.evaluate(() => Math.max(0, ...(window as unknown as { seen: { accuracy: number[] } }).seen.accuracy));
      await expect.poll(best, { timeout: 60_000, interval: 500 }).toBeGreaterThan(0.8);
      const seen = await page.evaluate(() => (window as unknown as { seen: { errors: string[]; accuracy: number[] } }).seen);
      // One refusal (the broken file) and nothing else: the configure found the images.
      expect(seen.errors).toEqual([
        'The digit images could not be loaded. The file is cut short or too long: 1000 bytes for 10000 images.',
      ]);
      expect(seen.accuracy[0]).toBeLessThan(0.3);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
