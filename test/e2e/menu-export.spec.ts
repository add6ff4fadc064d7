/**
 * The desktop app's File › Export menu, with the page under a stand-in of the preload whose
 * engine is the real built engine worker: the page tells main which exports apply (pictures
 * and points only for 2-D data), and a menu export shows the Lab, builds the file the Lab's
 * own Export button would, and hands it to main's save dialog ('file:export').
 */
import { expect, test, type Page } from '@playwright/test';
import { builtEngineWorker, installFakeDesktop } from './fake-desktop';

interface Exported {
  kind: string;
  name: string;
  text: string | null;
  /** For a PNG: its size and how many different colours it holds. */
  picture: { width: number; height: number; colours: number } | null;
}

/** The files handed to main's save dialog so far, read in the page. */
function exported(page: Page): Promise<Exported[]> {
  return page.evaluate(async () => {
    const files = (window as unknown as { __exported: { kind: string; name: string; data: string | Uint8Array }[] }).__exported;
    return Promise.all(
      files.map(async (file) => {
        if (typeof file.data === 'string') return { kind: file.kind, name: file.name, text: file.data, picture: null };
        const signature = Array.from(file.data.subarray(0, 8)).join(',');
        if (signature !== '137,80,78,71,13,10,26,10') throw new Error(`not a PNG: ${signature}`);
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(file.data)], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        const colours = new Set<number>();
        for (let i = 0; i < pixels.length && colours.size < 1000; i += 4 * 7)
          colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
        return {
          kind: file.kind,
          name: file.name,
          text: null,
          picture: { width: bitmap.width, height: bitmap.height, colours: colours.size },
        };
      }),
    );
  });
}

const available = (page: Page) => page.evaluate(() => (window as unknown as { __exportsAvailable: string[] }).__exportsAvailable);
const menuExport = (page: Page, item: string) =>
  page.evaluate((i) => (window as unknown as { __menuExport(i: string): void }).__menuExport(i), item);

test('File › Export: enabled where it applies, shows the Lab and saves the file the Lab would', async ({ page }) => {
  await installFakeDesktop(page, { engineWorker: builtEngineWorker() });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByLabel('Epoch', { exact: true })).toHaveText(String(i + 1));
  }
  // 2-D data: every export applies.
  await expect.poll(() => available(page)).toEqual(['output-png', 'diagram-png', 'history-csv', 'network-json', 'pytorch', 'points-csv']);

  // From another area, the menu's export shows the Lab and saves there.
  await page.getByRole('tab', { name: 'Projects' }).click();
  await menuExport(page, 'output-png');
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(async () => (await exported(page)).length).toBe(1);
  await expect(page.getByRole('status').filter({ hasText: 'Saved circle-epoch-3-output.png.' })).toBeVisible();

  await menuExport(page, 'history-csv');
  await menuExport(page, 'pytorch');
  await expect.poll(async () => (await exported(page)).length).toBe(3);
  const [plot, history, script] = await exported(page);
  expect(plot.name).toBe('circle-epoch-3-output.png');
  // The boundary's colours and the points, not an empty panel.
  expect(plot.picture!.width).toBeGreaterThan(200);
  expect(plot.picture!.colours).toBeGreaterThan(20);
  expect(history.name).toBe('circle-epoch-3-history.csv');
  const rows = history.text!.trim().split('\n');
  expect(rows[0]).toMatch(/^epoch,/);
  expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(['0', '1', '2', '3']);
  expect(script.kind).toBe('py');
  expect(script.name).toBe('circle_epoch_3.py');
  expect(script.text).toContain('import torch');

  // Iris is a table: no plot, diagram picture or 2-D points to export.
  await page.getByRole('radiogroup', { name: 'Data with many inputs' }).getByRole('radio', { name: 'Iris flowers' }).click();
  await expect.poll(() => available(page)).toEqual(['history-csv', 'network-json', 'pytorch']);
  await expect(page.getByRole('button', { name: 'Export' })).toBeEnabled();
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('menuitem', { name: 'Output plot as PNG' })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: 'Export as PyTorch script' })).toBeEnabled();
});
