/**
 * with the app's Content-Security-Policy, no eval), a window.lab shaped like the preload's,
 * and the engine commands relayed to an EngineHost running the real bundled worker. Only
 * Electron itself is missing: pages come over loopback http instead of app://.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShellHarness, type ShellHarness } from './shell-harness';
import type { Command, EngineEvent } from '../../core/protocol';
import { EngineHost } from '../../electron/engine-host';

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

/** Gives the page a window.lab like the preload's, wired to a real EngineHost. */
async function openShell(page: Page) {
  const sent: Command[] = [];
  const host = new EngineHost({
    createWorker: () => new Worker(path.join(scratch, 'electron', 'engine-worker.cjs')),
    onEvent: (event) => void deliver(page, event),
    onNotice: (message) => void page.evaluate((m) => (window as unknown as { __labNotice(m: string): void }).__labNotice(m), message).catch(() => undefined),
  });
  host.start();
  await page.exposeFunction('__labSend', (command: Command) => {
    sent.push(command);
    host.send(command);
  });
  await page.addInitScript(() => {
    type Listener = (value: unknown) => void;
    const channels: Record<string, Set<Listener>> = { engine: new Set(), menu: new Set(), notice: new Set() };
    const on = (name: string) => (listener: Listener) => {
      channels[name].add(listener);
      return () => channels[name].delete(listener);
    };
    const w = window as unknown as Record<string, unknown>;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => (w.__cspViolations as string[]).push(`${e.violatedDirective} ${e.blockedURI}`));
    w.__labEvents = 0;
    w.__labDeliver = (event: { type: string; snapshot?: { params: number[] } }) => {
      if (event.snapshot) (event.snapshot as unknown as { params: Float64Array }).params = new Float64Array(event.snapshot.params);
      w.__labEvents = (w.__labEvents as number) + 1;
      for (const l of channels.engine) l(event);
    };
    w.__labMenu = (command: string) => channels.menu.forEach((l) => l(command));
    w.__labNotice = (message: string) => channels.notice.forEach((l) => l(message));
    const ok = async () => ({ ok: true, message: '' });
    w.lab = {
      engine: { send: (command: unknown) => (w.__labSend as (c: unknown) => void)(command), onEvent: on('engine') },
      project: { update: () => undefined, action: ok, openPath: ok, pathForFile: () => '', recent: async () => [], onLoad: () => () => undefined, onSaved: () => () => undefined },
      menu: { onCommand: on('menu') },
      onNotice: on('notice'),
      progress: { load: async () => '', save: async () => undefined },
      appInfo: async () => ({ name: 'Activation Lab', version: '0.0.0', electron: '45', chrome: '0', node: '0' }),
    };
  });
  return { host, sent };
}

async function deliver(page: Page, event: EngineEvent) {
  const plain = 'snapshot' in event ? { ...event, snapshot: { ...event.snapshot, params: Array.from(event.snapshot.params) } } : event;
  await page.evaluate((e) => (window as unknown as { __labDeliver(e: unknown): void }).__labDeliver(e), plain).catch(() => undefined);
}

describe('the renderer inside the shell', () => {
  it('runs under the CSP, trains through the supervised worker, obeys menu commands and shows restart notices', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const { host, sent } = await openShell(page);
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
      await page.screenshot({ path: path.join(root, 'test-results', 'electron-shell-renderer.png') });
    } finally {
      await host.dispose();
      await page.close();
    }
  });
});
