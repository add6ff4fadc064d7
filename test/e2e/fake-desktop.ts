import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Stands in for the desktop app's preload (`window.lab`) so the page runs as it does in
 * Electron, where no Electron binary can run: the test sends menu commands as the native
 * menu would, and reads the engine commands the page sent (the engine itself never answers).
 */
export async function installFakeDesktop(page: Page, options: { engineWorker?: string } = {}): Promise<void> {
  await page.addInitScript((engineWorker) => {
    const w = window as unknown as Record<string, unknown>;
    const sent: { type: string }[] = [];
    const menu: ((command: string) => void)[] = [];
    const exportListeners: ((item: string) => void)[] = [];
    const none = () => () => {};
    w.__sent = sent;
    w.__menu = (command: string) => {
      for (const listener of menu) listener(command);
    };
    w.__exported = [];
    w.__exportsAvailable = [];
    w.__menuExport = (item: string) => {
      for (const listener of exportListeners) listener(item);
    };
    // With `engineWorker` (the built engine worker's address) a real engine answers, as main's would.
    const worker = engineWorker ? new Worker(engineWorker, { type: 'module' }) : null;
    w.lab = {
      engine: {
        send: (command: { type: string }) => {
          sent.push(command);
          worker?.postMessage(command);
        },
        onEvent: (listener: (event: unknown) => void) => {
          const receive = (message: MessageEvent) => listener(message.data);
          worker?.addEventListener('message', receive);
          return () => worker?.removeEventListener('message', receive);
        },
        provideDigits: () => {},
      },
      project: {
        update: () => {},
        action: () => Promise.resolve({ ok: false, message: '' }),
        openPath: () => Promise.resolve({ ok: false, message: '' }),
        openDropped: () => Promise.resolve({ ok: false, message: '' }),
        recent: () => Promise.resolve({ projects: [], removed: [] }),
        preview: () => {},
        onLoad: none,
        onSaved: none,
        onBackupFound: none,
        restoreBackup: () => Promise.resolve({ ok: false, message: '' }),
        discardBackup: () => Promise.resolve(),
      },
      menu: {
        onCommand: (listener: (command: string) => void) => {
          menu.push(listener);
          return () => {};
        },
      },
      onNotice: none,
      progress: { load: () => Promise.resolve(''), save: () => Promise.resolve() },
      appInfo: () => Promise.resolve({ name: 'Activation Lab', version: '0', electron: '0', chrome: '0', node: '0' }),
      files: {
        // As main's save dialog would: the file is kept for the test to read, and "saved".
        saveExport: (file: { name: string }) => {
          (w.__exported as unknown[]).push(file);
          return Promise.resolve({ ok: true, message: `Saved ${file.name}.` });
        },
        setAvailableExports: (items: string[]) => (w.__exportsAvailable = [...items]),
        onExport: (listener: (item: string) => void) => {
          exportListeners.push(listener);
          return () => {};
        },
      },
    };
  }, options.engineWorker ?? '');
}

/** The address of the built engine worker (dist/renderer/assets/engine.worker-….js), for a fake desktop with a real engine. */
export function builtEngineWorker(): string {
  const assets = path.join('dist', 'renderer', 'assets');
  const file = readdirSync(assets).find((name) => /^engine\.worker-.*\.js$/.test(name));
  if (!file) throw new Error('No built engine worker: run npm run build first.');
  return `/assets/${file}`;
}

/** Sends a native menu command to the page, as main does over IPC. */
export async function menuCommand(page: Page, command: string): Promise<void> {
  await page.evaluate((c) => (window as unknown as { __menu(c: string): void }).__menu(c), command);
}

/** The types of the engine commands the page has sent so far. */
export async function sentCommands(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __sent: { type: string }[] }).__sent.map((c) => c.type));
}
