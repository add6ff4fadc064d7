/**
 * What the desktop app's page tests share: the renderer and the engine worker built into a
 * scratch folder, every file served over loopback through serveAppRequest (so with the app's
 * Content-Security-Policy), and a headless Chromium to open it in.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { serveAppRequest } from '../../electron/app-server';

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
  execFileSync(process.execPath, [vite, 'build', '--outDir', path.join(scratch, 'renderer'), '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/build-electron.mjs', '--only', 'engine-worker', '--outdir', path.join(scratch, 'electron')], { cwd: root, stdio: 'pipe' });
  const server = http.createServer((req, res) => {
    void serveAppRequest({ url: `app://lab${req.url ?? '/'}`, method: req.method ?? 'GET' }, path.join(scratch, 'renderer')).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({
    executablePath: existsSync(executablePath) ? executablePath : undefined,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
