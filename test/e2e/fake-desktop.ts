import type { Page } from '@playwright/test';

/**
 * Stands in for the desktop app's preload (`window.lab`) so the page runs as it does in
 * Electron, where no Electron binary can run: the test sends menu commands as the native
 * menu would, and reads the engine commands the page sent (the engine itself never answers).
 */
export async function installFakeDesktop(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const sent: { type: string }[] = [];
    const menu: ((command: string) => void)[] = [];
    const none = () => () => {};
    w.__sent = sent;
    w.__menu = (command: string) => {
      for (const listener of menu) listener(command);
    };
    w.lab = {
      engine: { send: (command: { type: string }) => sent.push(command), onEvent: none, provideDigits: () => {} },
      project: {
        update: () => {},
        action: () => Promise.resolve({ ok: false, message: '' }),
        openPath: () => Promise.resolve({ ok: false, message: '' }),
        openDropped: () => Promise.resolve({ ok: false, message: '' }),
        recent: () => Promise.resolve([]),
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
    };
  });
}

/** Sends a native menu command to the page, as main does over IPC. */
export async function menuCommand(page: Page, command: string): Promise<void> {
  await page.evaluate((c) => (window as unknown as { __menu(c: string): void }).__menu(c), command);
}

/** The types of the engine commands the page has sent so far. */
export async function sentCommands(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __sent: { type: string }[] }).__sent.map((c) => c.type));
}
