/**
 * The browser's file dialogs in tests. Chromium has the File System Access pickers, but
 * Playwright cannot drive them (headless Chromium closes them at once, as a learner pressing
 * Cancel would), so a test that saves by download or opens through the file chooser takes the
 * pickers away first: the page then does what Firefox and Safari do (renderer/projects/fileAccess.ts).
 */
import type { Page } from '@playwright/test';

/** Removes showOpenFilePicker and showSaveFilePicker before the page's own scripts run. */
export async function withoutFilePickers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const win = window as unknown as Record<string, unknown>;
    delete win.showOpenFilePicker;
    delete win.showSaveFilePicker;
  });
}
