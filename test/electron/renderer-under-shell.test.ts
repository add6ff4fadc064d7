/**
 * The built renderer in Chromium as the desktop app shows it (served through the app protocol,
 * with the app's Content-Security-Policy, no eval), a window.lab shaped like the preload's,
 * and the engine commands relayed to an EngineHost running the real bundled worker. Only
 * Electron itself is missing: pages come over loopback http instead of app://.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInEngine, startShellHarness, type ShellHarness } from './shell-harness';
import { digitsConfig } from '../../core/tabular/presets';

const root = path.resolve(__dirname, '..', '..');
let scratch: string;
let origin: string;
let browser: Browser;

let shell: ShellHarness | undefined;

beforeAll(async () => {
  shell = await startShellHarness('actlab-shell-');
  ({ scratch, origin, browser } = shell);
}, 180_000);

afterAll(async () => {
  await shell?.close();
});

/** Gives the page a window.lab like the preload's; its engine part is the harness's stand-in. */
async function openShell(page: Page) {
  const engine = await standInEngine(page, scratch);
  await page.addInitScript(() => {
    type Listener = (value: unknown) => void;
    const menu = new Set<Listener>();
    const w = window as unknown as Record<string, unknown>;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (w.__cspViolations as string[]).push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    w.__labMenu = (command: string) => menu.forEach((l) => l(command));
    const { onNotice, ...engine } = w.__labEngineApi as Record<string, unknown>;
    const ok = async () => ({ ok: true, message: '' });
    w.lab = {
      engine,
      project: {
        update: () => undefined,
        action: ok,
        openPath: ok,
        openDropped: ok,
        recent: async () => ({ projects: [], removed: [] }),
        preview: () => undefined,
        onLoad: () => () => undefined,
        onSaved: () => () => undefined,
        onBackupFound: () => () => undefined,
        restoreBackup: ok,
        discardBackup: async () => undefined,
      },
      menu: {
        onCommand: (listener: Listener) => {
          menu.add(listener);
          return () => menu.delete(listener);
        },
      },
      onNotice,
      progress: { load: async () => '', save: async () => undefined },
      appInfo: async () => ({ name: 'Activation Lab', version: '0.0.0', electron: '45', chrome: '0', node: '0' }),
      files: { saveExport: ok, setAvailableExports: () => undefined, onExport: () => () => undefined },
    };
  });
  return engine;
}

describe('the renderer inside the shell', () => {
  it('runs under the CSP, trains through the supervised worker, obeys menu commands and shows restart notices', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const { host, sent, log } = await openShell(page);
    try {
      await page.goto(`${origin}/index.html`);
      await expect.poll(() => sent.some((c) => c.type === 'configure'), { timeout: 15_000 }).toBe(true);

      await page.evaluate(() => (window as unknown as { __labMenu(c: string): void }).__labMenu('show-lab'));
      await expect.poll(() => page.getByRole('tab', { name: 'Lab' }).getAttribute('aria-selected')).toBe('true');

      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await expect.poll(() => (host.knownState?.epoch ?? 0) > 30, { timeout: 20_000 }).toBe(true);
      expect(sent.some((c) => c.type === 'play')).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __labEvents: number }).__labEvents)).toBeGreaterThan(5);

      host.restart('test: simulated crash');
      await expect.poll(() => page.getByText(/training resumed from epoch/).count(), { timeout: 10_000 }).toBeGreaterThan(0);

      const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      expect(violations).toEqual([]);
      expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
      expect(log.filter((line) => !line.startsWith('Engine worker restart: test:'))).toEqual([]);
      await page.screenshot({ path: path.join(root, 'test-results', 'electron-shell-renderer.png') });
    } finally {
      await host.dispose();
      await page.close();
    }
  });

  it('trains a digits network through window.lab: the bundled file, then a digits configuration, in the supervised worker', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const { host, sent, digits, log } = await openShell(page);
    try {
      await page.goto(`${origin}/index.html`);
      await expect.poll(() => sent.some((c) => c.type === 'configure'), { timeout: 15_000 }).toBe(true);
      const asset = readdirSync(path.join(scratch, 'renderer', 'assets')).find((name) => /^digits.*\.bin$/.test(name));
      expect(asset).toBeDefined();
      const config = digitsConfig([{ size: 16, activation: 'relu' }], 5);
      // Driven as the page would: fetch the bundled file, provide it, configure straight after, play.
      const size = await page.evaluate(
        async ({ url, config }) => {
          const w = window as unknown as Record<string, unknown>;
          const seen: number[] = [];
          const refusals: string[] = [];
          w.__digitsAccuracy = seen;
          w.__digitsRefusals = refusals;
          const lab = w.lab as {
            engine: {
              send(c: unknown): void;
              provideDigits(b: Uint8Array): void;
              onEvent(
                l: (e: { type: string; snapshot?: { metrics: { testAccuracy: number | null }; params: Float64Array } }) => void,
              ): () => void;
            };
          };
          lab.engine.onEvent((event) => {
            if (event.type === 'error') refusals.push((event as unknown as { message: string }).message);
            if (event.type === 'snapshot' && event.snapshot && event.snapshot.params.length === 784 * 16 + 16 + 16 * 10 + 10)
              seen.push(event.snapshot.metrics.testAccuracy ?? 0);
          });
          const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
          // A broken file first: refused before the engine, with a reason the page is told.
          lab.engine.provideDigits(bytes.subarray(0, 1000));
          lab.engine.provideDigits(bytes);
          lab.engine.send({ type: 'configure', id: 900_001, config });
          lab.engine.send({ type: 'play', id: 900_002 });
          return bytes.length;
        },
        { url: `./assets/${asset}`, config },
      );
      expect(digits).toEqual([1000, size]);
      expect(size).toBe(8 + 10_000 * 785);
      const best = () => page.evaluate(() => Math.max(0, ...(window as unknown as { __digitsAccuracy: number[] }).__digitsAccuracy));
      await expect.poll(best, { timeout: 60_000, interval: 500 }).toBeGreaterThan(0.8);
      host.send({ type: 'pause', id: 900_003 });
      expect(log).toEqual(['engine:digits: The file is cut short or too long: 1000 bytes for 10000 images.']);
      expect(await page.evaluate(() => (window as unknown as { __digitsRefusals: string[] }).__digitsRefusals)).toEqual([
        'The digit images could not be loaded. The file is cut short or too long: 1000 bytes for 10000 images.',
      ]);
      expect(errors).toEqual([]);
    } finally {
      await host.dispose();
      await page.close();
    }
  }, 120_000);
});
