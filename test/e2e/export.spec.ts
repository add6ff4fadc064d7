import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Page } from '@playwright/test';

/** Where this spec's screenshots go. */
const SHOTS = 'test-results/export';

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByLabel('Colour theme').selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Chooses an Export menu item with the mouse and returns the download it starts. */
async function exportItem(page: Page, item: string): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  return download;
}

async function text(download: Download): Promise<string> {
  return readFileSync(await download.path(), 'utf8');
}

/** Width and height from a PNG's header, after checking its eight-byte signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('each export downloads a file whose contents match the Lab', async ({ page }) => {
  await openLab(page);
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByLabel('Epoch', { exact: true })).toHaveText(String(i + 1));
  }

  // The menu by keyboard: ↓ opens it on the first item, arrows move, Enter chooses, Escape closes.
  const menuButton = page.getByRole('button', { name: 'Export' });
  await menuButton.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Output plot as PNG' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'Export' })).toBeHidden();
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Loss and accuracy history as CSV' })).toBeFocused();
  const historyDownload = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const history = await historyDownload;
  expect(history.suggestedFilename()).toBe('circle-epoch-5-history.csv');
  const rows = (await text(history)).trimEnd().split('\n');
  expect(rows[0]).toBe('epoch,train_loss,test_loss,train_accuracy,test_accuracy');
  expect(rows.slice(1).map((r) => Number(r.split(',')[0]))).toEqual([0, 1, 2, 3, 4, 5]);
  const last = rows[rows.length - 1].split(',').map(Number);
  const shownTestLoss = Number(await page.getByLabel('Test loss', { exact: true }).innerText());
  expect(last[2]).toBeCloseTo(shownTestLoss, 3);
  await expect(page.getByRole('status').filter({ hasText: 'downloaded' })).toHaveText('circle-epoch-5-history.csv downloaded.');

  // Pictures: a real PNG at twice the size shown.
  const plotBox = await page.locator('[data-export="output-plot"]').boundingBox();
  const plotDownload = await exportItem(page, 'Output plot as PNG');
  await plotDownload.saveAs(`${SHOTS}/exported-output-plot.png`);
  const plot = pngSize(readFileSync(await plotDownload.path()));
  expect(plot).toEqual({ width: Math.round(plotBox!.width) * 2, height: Math.round(plotBox!.height) * 2 });
  const diagramBox = await page.locator('[data-export="network-diagram"]').boundingBox();
  const diagramDownload = await exportItem(page, 'Network diagram as PNG');
  await diagramDownload.saveAs(`${SHOTS}/exported-network-diagram.png`);
  const diagramFile = readFileSync(await diagramDownload.path());
  expect(pngSize(diagramFile)).toEqual({ width: Math.round(diagramBox!.width) * 2, height: Math.round(diagramBox!.height) * 2 });
  expect(diagramFile.length).toBeGreaterThan(5000);

  // The network as JSON holds the weights the Weights table shows.
  const json = JSON.parse(await text(await exportItem(page, 'Network as JSON (weights)'))) as {
    epoch: number;
    layers: { weights: number[][]; biases: number[] }[];
  };
  expect(json.epoch).toBe(5);
  expect(json.layers.map((l) => [l.weights.length, l.weights[0].length])).toEqual([
    [4, 2],
    [2, 4],
    [1, 2],
  ]);
  const exported = json.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
  await page.getByText(/Weights and biases \(\d+\)/).click();
  // The table's boxes are built when the details element reports it opened (its toggle event
  // comes in a task after the click), so wait for them before reading: a read that does not
  // wait saw 0 of 25 on a loaded machine.
  const boxes = page.getByRole('table', { name: 'Weights' }).getByRole('textbox');
  await expect(boxes).toHaveCount(exported.length);
  const shown = await boxes.evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).value)));
  expect(exported.map((w) => Number(w.toFixed(4)))).toEqual(shown);

  // The PyTorch script builds this network and holds the same weights exactly.
  const scriptDownload = await exportItem(page, 'Export as PyTorch script');
  expect(scriptDownload.suggestedFilename()).toBe('circle_epoch_5.py');
  const script = await text(scriptDownload);
  expect(script).toContain('nn.Linear(2, 4), nn.Tanh(),');
  expect(script).toContain('nn.Linear(4, 2), nn.Tanh(),');
  for (const w of exported) expect(script).toContain(String(w));

  // The points as CSV: every point of the data set.
  const points = (await text(await exportItem(page, 'Data points as CSV'))).trimEnd().split('\n');
  expect(points[0]).toBe('x1,x2,class');
  expect(points).toHaveLength(501);
});

const CSV = ['x1,x2,class', '-2,-2,0', '-1.5,-2.5,0', '2,2,1', '2.5,1.5,1', '1,abc,1', '3,3', '0.5,0.5,7', '"-3","-1",0', '3;1;1'].join(
  '\n',
);

test('a CSV with good and bad rows shows its messages and a preview, changes nothing on Cancel, and imports on accept', async ({
  page,
}) => {
  await openLab(page);
  const picker = page.getByLabel('CSV file of points');
  const choose = () => picker.setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });

  await choose();
  const dialog = page.getByRole('dialog', { name: 'Import points from mine.csv' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText(
    "5 points read; 4 lines skipped (listed below). Using them replaces the Lab's data and starts the network again from fresh weights.",
  );
  await expect(dialog.getByRole('list', { name: 'Lines that cannot be used' }).getByRole('listitem')).toHaveText([
    'Line 6, column 2 (x₂): “abc” is not a number. Write a number such as 1.5 or -0.25 (a point, not a comma, before the decimals).',
    'Line 7: has 2 values (“3,3”); each line needs three, separated by commas: x1, x2 and a class or value.',
    'Line 8, column 3 (class): 7 is not a class. Use 0, 1 or 2, or read the third column as values to predict.',
    'Line 10: has 1 value (“3;1;1”); each line needs three, separated by commas: x1, x2 and a class or value.',
  ]);
  const preview = dialog.getByRole('table', { name: 'First points read' });
  await expect(preview.getByRole('row')).toHaveCount(6);
  await expect(preview.getByRole('row').nth(5)).toHaveText('-3-10');
  await expect(dialog.getByRole('img', { name: /The 5 points read/ })).toBeVisible();
  for (const theme of ['dark', 'light'] as const) {
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await setTheme(page, theme);
    await choose();
    await expect(dialog.getByRole('img', { name: /The 5 points read/ })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/csv-preview-${theme}.png` });
  }

  // Reading the third column as values makes 7 a good point.
  await dialog.getByLabel('Read the third column as').selectOption('regression');
  await expect(dialog.getByRole('status')).toContainText('6 points read; 3 lines skipped');
  await dialog.getByLabel('Read the third column as').selectOption('classification');

  // Cancel (Escape): the Lab keeps its data.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('radio', { name: 'Circle', exact: true })).toHaveAttribute('aria-checked', 'true');

  // Accept: the Lab trains on the five good points.
  await choose();
  await dialog.getByRole('button', { name: 'Use these 5 points' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('radio', { name: 'Your own points', exact: true })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('5 points of your own.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'imported' })).toHaveText('Now training on your 5 imported points.');

  // And they export as they came in.
  const back = (await text(await exportItem(page, 'Data points as CSV'))).trimEnd().split('\n');
  expect(back).toEqual(['x1,x2,class', '-2,-2,0', '-1.5,-2.5,0', '2,2,1', '2.5,1.5,1', '-3,-1,0']);

  // An empty file says so and offers nothing to use.
  await picker.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  const empty = page.getByRole('dialog', { name: 'Import points from empty.csv' });
  await expect(empty.getByRole('status')).toHaveText(/^The file is empty\./);
  await expect(empty.getByRole('button', { name: 'Use these points' })).toBeDisabled();
  await empty.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('5 points of your own.')).toBeVisible();
});

/** Serious and critical axe violations (WCAG 2.1 A and AA) on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`);
}

test('the Export menu and the CSV preview in light and dark: screenshots and no serious axe violations', async ({ page }) => {
  await openLab(page);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.getByRole('button', { name: 'Export' }).click();
    const menu = page.getByRole('menu', { name: 'Export' });
    await expect(menu).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/export-menu-${theme}.png`, clip: { x: 0, y: 0, width: 1440, height: 420 } });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await page.getByLabel('CSV file of points').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const dialog = page.getByRole('dialog', { name: 'Import points from mine.csv' });
    await expect(dialog.getByRole('img', { name: /The 5 points read/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});
