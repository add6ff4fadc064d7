/**
 * What the desktop app's page tests share: the renderer and the engine worker built into a
 * scratch folder, every file served over loopback through serveAppRequest (so with the app's
 * Content-Security-Policy), and a headless Chromium to open it in. `standInEngine` gives a
 * page the engine part of a preload-shaped window.lab, relayed through the app's real IPC
 * handlers to an EngineHost over the real bundled worker.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { chromium, type Browser, type Page } from '@playwright/test';
import { serveAppRequest } from '../../electron/app-server';
import { ENGINE_WORKER_LIMITS, EngineHost } from '../../electron/engine-host';
import { registerIpcHandlers } from '../../electron/ipc-handlers';
import { typedIpcMain, type SenderEvent } from '../../electron/ipc-typed';
import { standInIpcMain } from './ipc-stand-in';
import type { Command, EngineEvent } from '../../core/protocol';
import { headlessChromium } from '../../scripts/headless-chromium.mjs';

export interface ShellHarness {
  /** The scratch folder: `renderer/` and `electron/engine-worker.cjs` are built into it. */
  scratch: string;
  /** The loopback origin that serves the built renderer. */
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

const root = path.resolve(__dirname, '..', '..');

export async function startShellHarness(prefix: string): Promise<ShellHarness> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), prefix));
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // The digit images are bundled from a generated file (npm run build writes it first).
  if (!existsSync(path.join(root, 'renderer', 'lab', 'digits', 'assets', 'digits.bin'))) {
    execFileSync(process.execPath, ['scripts/build-digits.mjs'], { cwd: root, stdio: 'pipe' });
  }
  execFileSync(process.execPath, [vite, 'build', '--outDir', path.join(scratch, 'renderer'), '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'pipe',
  });
  execFileSync(process.execPath, ['scripts/build-electron.mjs', '--only', 'engine-worker', '--outdir', path.join(scratch, 'electron')], {
    cwd: root,
    stdio: 'pipe',
  });
  const server = http.createServer((req, res) => {
    void serveAppRequest({ url: `app://lab${req.url ?? '/'}`, method: req.method ?? 'GET' }, path.join(scratch, 'renderer')).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(Buffer.from(await response.arrayBuffer()));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch(headlessChromium());
  return {
    scratch,
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export interface EngineStandIn {
  host: EngineHost;
  /** Every engine command the page sent, in order. */
  sent: Command[];
  /** Sizes in bytes of the digit files the page provided, in order. */
  digits: number[];
  /** Lines the IPC handlers and the host logged (refusals, restarts). */
  log: string[];
}

/**
 * Defines `window.__labEngineApi` in the page before its scripts run: `send`, `onEvent` and
 * `provideDigits` as the preload offers them under `window.lab.engine`, plus `onNotice`. Both
 * the commands and the digit file travel through one exposed function, in the order the page
 * called them (as both share one IPC pipe in the app), into the app's own IPC handlers and an
 * EngineHost over the bundled worker. A test's own init script, added after this, builds the
 * rest of window.lab around it.
 */
export async function standInEngine(page: Page, scratch: string): Promise<EngineStandIn> {
  const sent: Command[] = [];
  const digits: number[] = [];
  const log: string[] = [];
  const host = new EngineHost({
    createWorker: () =>
      new Worker(path.join(scratch, 'electron', 'engine-worker.cjs'), { name: 'engine', resourceLimits: ENGINE_WORKER_LIMITS }),
    onEvent: (event) => void deliver(page, event),
    onNotice: (message) =>
      void page.evaluate((m) => (window as unknown as { __labNoticeIn(m: string): void }).__labNoticeIn(m), message).catch(() => undefined),
    log: (line) => log.push(line),
  });
  host.start();
  const notInHarness = async (): Promise<never> => {
    throw new Error('Not part of the engine stand-in.');
  };
  const { ipc, on } = standInIpcMain();
  registerIpcHandlers(typedIpcMain(ipc, { devOrigin: null, log: (line) => log.push(line) }), {
    engine: host,
    project: {
      update: () => undefined,
      action: notInHarness,
      openRecent: notInHarness,
      openDropped: notInHarness,
      recent: notInHarness,
      preview: () => undefined,
      restoreBackup: notInHarness,
      discardBackup: notInHarness,
    },
    progress: { load: notInHarness, save: notInHarness },
    appInfo: () => ({ name: 'Activation Lab', version: '0.0.0', electron: '45', chrome: '0', node: process.versions.node }),
    saveExport: notInHarness,
    exportsAvailable: () => undefined,
  });
  // The page is served over loopback; to the handlers it is the app's own page, as in Electron.
  const ours: SenderEvent = { senderFrame: { url: 'app://lab/index.html' } };
  // Refusals are logged by the typed helpers (into `log`), as main logs them.
  const relay = (channel: 'engine:command' | 'engine:digits', payload: unknown) => on[channel](ours, payload);
  await page.exposeFunction(
    '__labEngineIn',
    (message: { kind: 'command'; command: Command } | { kind: 'digits'; base64: string } | { kind: 'digits-other'; value: unknown }) => {
      if (message.kind === 'command') {
        sent.push(message.command);
        relay('engine:command', message.command);
      } else if (message.kind === 'digits') {
        const bytes = new Uint8Array(Buffer.from(message.base64, 'base64'));
        digits.push(bytes.length);
        relay('engine:digits', bytes);
      } else {
        relay('engine:digits', message.value);
      }
    },
  );
  await page.addInitScript(() => {
    type Listener = (value: unknown) => void;
    const engine = new Set<Listener>();
    const notice = new Set<Listener>();
    const w = window as unknown as Record<string, unknown>;
    const post = (message: unknown) => (w.__labEngineIn as (m: unknown) => void)(message);
    w.__labEvents = 0;
    w.__labDeliver = (event: { snapshot?: { params: unknown } }) => {
      if (event.snapshot) {
        const text = atob(event.snapshot.params as string);
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
        event.snapshot.params = new Float64Array(bytes.buffer);
      }
      w.__labEvents = (w.__labEvents as number) + 1;
      engine.forEach((listener) => listener(event));
    };
    w.__labNoticeIn = (message: string) => notice.forEach((listener) => listener(message));
    const subscribe = (set: Set<Listener>) => (listener: Listener) => {
      set.add(listener);
      return () => set.delete(listener);
    };
    /** Base64 in slices, so no argument list grows past what the engine allows. */
    const toBase64 = (bytes: Uint8Array): string => {
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    };
    w.__labEngineApi = {
      send: (command: unknown) => post({ kind: 'command', command }),
      onEvent: subscribe(engine),
      provideDigits: (bytes: unknown) =>
        post(bytes instanceof Uint8Array ? { kind: 'digits', base64: toBase64(bytes) } : { kind: 'digits-other', value: bytes }),
      onNotice: subscribe(notice),
    };
  });
  return { host, sent, digits, log };
}

/**
 * Hands one engine event to the page. Parameters cross the page boundary as the base64 of
 * their bytes: Playwright copies a string at once but an array number by number, and a digits
 * network's 12,000+ numbers ten times a second kept the test process busy for good.
 */
async function deliver(page: Page, event: EngineEvent): Promise<void> {
  const plain =
    'snapshot' in event
      ? {
          ...event,
          snapshot: {
            ...event.snapshot,
            params: Buffer.from(event.snapshot.params.buffer, event.snapshot.params.byteOffset, event.snapshot.params.byteLength).toString(
              'base64',
            ),
          },
        }
      : event;
  await page.evaluate((e) => (window as unknown as { __labDeliver(e: unknown): void }).__labDeliver(e), plain).catch(() => undefined);
}
