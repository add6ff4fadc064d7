import { expect, test, type Page } from '@playwright/test';
import { withoutFilePickers } from './file-pickers';

/** Where this spec's screenshots go. */
const SHOTS = 'test-results/digits';

// A whole digits epoch takes the browser's engine 40 s or more on a busy machine, and two of
// these tests wait for one: give them room beyond the default two minutes.
test.describe.configure({ timeout: 240_000 });

/** Reads a percentage shown in the Lab's read-out, found by its label; NaN while none is shown. */
async function readPercent(page: Page, label: string): Promise<number> {
  const text = await page.getByLabel(label, { exact: true }).innerText();
  const value = Number(text.replace(/[^0-9.]/g, ''));
  return text.includes('%') ? value : NaN;
}

async function readEpoch(page: Page): Promise<number> {
  return Number((await page.getByLabel('Epoch', { exact: true }).innerText()).replace(/[^0-9]/g, ''));
}

/** Draws a stroke through the given points, in pad coordinates from 0 to 1. */
async function stroke(page: Page, points: [number, number][]): Promise<void> {
  const box = await page.getByRole('application', { name: /Drawing pad/ }).boundingBox();
  if (box === null) throw new Error('no drawing pad');
  const at = ([x, y]: [number, number]): [number, number] => [box.x + x * box.width, box.y + y * box.height];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 8 });
  await page.mouse.up();
}

/** Opens the Lab and picks the digits, waiting until the images are in. */
async function pickDigits(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Lab' }).click();
  await page.getByRole('radiogroup', { name: 'Data with many inputs' }).getByRole('radio', { name: 'Handwritten digits' }).click();
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
}

/** Plays until test accuracy passes `goal` % and at least one whole epoch is done, then pauses. */
async function trainPast(page: Page, goal: number): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Training controls' });
  await toolbar.getByRole('button', { name: 'Play' }).click();
  await expect(toolbar.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => readPercent(page, 'Test accuracy'), { timeout: 90_000 }).toBeGreaterThan(goal);
  await expect.poll(() => readEpoch(page), { timeout: 90_000 }).toBeGreaterThan(0);
  await toolbar.getByRole('button', { name: 'Pause' }).click();
  await expect(toolbar.getByRole('button', { name: 'Play' })).toBeVisible();
  // Let the last snapshot after the pause arrive, and the gallery finish its answers for it.
  await page.waitForTimeout(500);
  await expect(page.getByRole('region', { name: 'Test digits, mistakes first' })).toHaveAttribute('aria-busy', 'false');
}

test('digits in the Lab: load with progress, build 784→64→10, train past 85 %, draw a digit and read the probabilities', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  // Slow the download so the progress bar can be seen moving.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 2_500_000, uploadThroughput: -1 });

  const digits = page.getByRole('radiogroup', { name: 'Data with many inputs' }).getByRole('radio', { name: 'Handwritten digits' });
  await digits.click();
  await expect(digits).toHaveAttribute('aria-checked', 'true');
  const progress = page.getByRole('progressbar', { name: 'Loading the digit images' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/Loading the digit images… [1-9]/)).toBeVisible();
  const midway = Number(await progress.getAttribute('value'));
  const total = Number(await progress.getAttribute('max'));
  expect(total).toBe(7_850_008);
  expect(midway).toBeGreaterThan(0);
  expect(midway).toBeLessThan(total);
  await page.screenshot({ path: `${SHOTS}/loading.png` });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  // The 2-D panels make way for the digits views; no 2-D data set is chosen any more.
  await expect(page.getByRole('radiogroup', { name: 'Data set' }).getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(page.getByRole('application', { name: /Output plot/ })).toHaveCount(0);

  // Build 784 → 64 → 10 from scratch in the builder.
  const builder = page.getByRole('group', { name: 'Network' });
  await expect(builder).toContainText('784 pixel inputs');
  await expect(builder).toContainText('10 outputs, softmax');
  while ((await builder.getByRole('button', { name: /Remove hidden layer/ }).count()) > 0) {
    await builder
      .getByRole('button', { name: /Remove hidden layer/ })
      .first()
      .click();
  }
  await expect(builder.getByText('No hidden layer')).toBeVisible();
  await builder.getByRole('button', { name: 'Add a hidden layer' }).click();
  await builder.getByLabel('Neurons in hidden layer 1').selectOption('64');
  await builder.getByLabel('Activation of hidden layer 1').selectOption({ label: 'ReLU' });
  await expect(builder.getByLabel('Neurons in hidden layer 1')).toHaveValue('64');

  // Before training: about chance (once the engine has built the new network and measured it).
  await expect.poll(() => readPercent(page, 'Test accuracy')).toBeLessThan(30);
  expect(await readEpoch(page)).toBe(0);

  await trainPast(page, 85);
  expect(await readPercent(page, 'Test accuracy')).toBeGreaterThan(85);

  // The confusion matrix, the gallery (mistakes first) and the first layer's weights are shown.
  await expect(page.getByRole('table', { name: /true digit/ })).toBeVisible();
  const gallery = page.getByRole('region', { name: 'Test digits, mistakes first' });
  await expect(gallery.getByRole('button')).toHaveCount(40);
  await expect(gallery.getByRole('button').first()).toHaveAccessibleName(/wrong/);
  await expect(page.getByRole('img', { name: 'Weights of neuron 1 of the first hidden layer' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Weights of neuron/ })).toHaveCount(32);

  // Draw a one: a single upright stroke.
  await expect(page.getByText('Draw a digit to see what the network thinks.')).toBeVisible();
  await stroke(page, [
    [0.52, 0.15],
    [0.5, 0.5],
    [0.48, 0.85],
  ]);
  await expect(page.getByText(/The network says 1, with \d+ % certainty/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Probability of each digit' }).getByRole('listitem')).toHaveCount(10);
  const ones = await page.getByRole('listitem', { name: /^Digit 1:/ }).getAttribute('aria-label');
  expect(Number(ones?.replace(/[^0-9]/g, '').slice(1))).toBeGreaterThan(50);
  await page.screenshot({ path: `${SHOTS}/lab-digits-light.png`, fullPage: true });

  // Clear it and draw a zero: an oval.
  await page.getByRole('button', { name: 'Clear the pad' }).click();
  await expect(page.getByText('Draw a digit to see what the network thinks.')).toBeVisible();
  const oval: [number, number][] = Array.from({ length: 25 }, (_, i) => {
    const a = (i / 24) * 2 * Math.PI;
    return [0.5 + 0.25 * Math.sin(a), 0.5 - 0.35 * Math.cos(a)];
  });
  await stroke(page, oval);
  await expect(page.getByText(/The network says 0, with \d+ % certainty/)).toBeVisible();

  // A test digit from the gallery goes onto the pad and the outputs follow it.
  // The first is the network's most confident mistake, so re-centring on the pad does not change its answer.
  const first = gallery.getByRole('button').first();
  const said = ((await first.getAttribute('aria-label')) ?? '').match(/says (\d)/)?.[1];
  await first.click();
  await expect(page.getByText(new RegExp(`The network says ${said}, with`))).toBeVisible();

  await page.getByRole('region', { name: 'What the first layer looks for' }).screenshot({ path: `${SHOTS}/weights-light.png` });
  await page.getByLabel('Colour theme').selectOption('dark');
  await page.screenshot({ path: `${SHOTS}/lab-digits-dark.png`, fullPage: true });
  await page.getByRole('region', { name: 'What the first layer looks for' }).screenshot({ path: `${SHOTS}/weights-dark.png` });

  // Back to 2-D data: the Lab's own panels return with their small network.
  await page.getByRole('radio', { name: 'Spiral', exact: true }).click();
  await expect(page.getByRole('application', { name: /Output plot/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Test digits, mistakes first' })).toHaveCount(0);
  await expect(digits).toHaveAttribute('aria-checked', 'false');
});

test('iris in the Lab: four inputs, three species; choose the axes, train, read the confusion matrix', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await page.getByRole('radiogroup', { name: 'Data with many inputs' }).getByRole('radio', { name: 'Iris flowers' }).click();
  const builder = page.getByRole('group', { name: 'Network' });
  await expect(builder).toContainText('4 measurements');
  await expect(builder).toContainText('3 outputs, softmax');
  await page.getByLabel('Measurement across the plot').selectOption('Sepal length');
  await page.getByLabel('Measurement up the plot').selectOption('Sepal width');
  await expect(page.getByRole('img', { name: /Flowers by sepal length and sepal width/ })).toBeVisible();
  // Settings that make no sense for a fixed softmax output are not offered.
  await expect(page.getByLabel('Output activation')).toHaveCount(0);

  const toolbar = page.getByRole('toolbar', { name: 'Training controls' });
  await toolbar.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readPercent(page, 'Test accuracy'), { timeout: 30_000 }).toBeGreaterThan(90);
  await toolbar.getByRole('button', { name: 'Pause' }).click();
  await expect(toolbar.getByRole('button', { name: 'Play' })).toBeVisible();
  const matrix = page.getByRole('table', { name: /true species/ });
  await expect(matrix.getByRole('row')).toHaveCount(4);
  await expect(matrix.getByRole('rowheader', { name: 'Setosa' })).toBeVisible();
  // 45 test flowers (30 % of 150) are counted in the matrix.
  const counts = await matrix.locator('td:not(.accuracy)').allInnerTexts();
  expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(45);
  await page.getByLabel('Measurement across the plot').selectOption('Petal length');
  await page.getByLabel('Measurement up the plot').selectOption('Petal width');
  await page.screenshot({ path: `${SHOTS}/lab-iris-light.png`, fullPage: true });
  await page.getByLabel('Colour theme').selectOption('dark');
  await page.screenshot({ path: `${SHOTS}/lab-iris-dark.png`, fullPage: true });
});

test('digits project: save the trained network in the Projects area, reload, open it, same test accuracy', async ({ page }, info) => {
  await withoutFilePickers(page);
  await page.goto('/');
  await pickDigits(page);
  await trainPast(page, 80);
  const accuracy = await page.getByLabel('Test accuracy', { exact: true }).innerText();
  const epoch = await page.getByLabel('Epoch', { exact: true }).innerText();
  const gallery = page.getByRole('region', { name: 'Test digits, mistakes first' });
  const firstMistake = await gallery.getByRole('button').first().getAttribute('aria-label');

  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.getByRole('textbox', { name: 'Project name' }).fill('my digits');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('my digits.actlab');
  const file = info.outputPath('my digits.actlab');
  await saved.saveAs(file);
  await expect(page.getByRole('status', { name: 'Project status' })).toHaveText('Saved as my digits.actlab in your downloads.');

  await page.reload();
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByRole('radio', { name: 'Circle', exact: true })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('tab', { name: 'Projects' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(file);

  // The Lab waits for the images, then shows the network exactly as it was saved.
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('radio', { name: 'Handwritten digits' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Epoch', { exact: true })).toHaveText(epoch);
  await expect(page.getByLabel('Test accuracy', { exact: true })).toHaveText(accuracy);
  // The views show the same answers: the gallery's most confident mistake is the same one.
  await expect(gallery.getByRole('button').first()).toHaveAttribute('aria-label', firstMistake ?? '');
  await page.screenshot({ path: `${SHOTS}/reopened-light.png`, fullPage: true });
  await page.getByLabel('Colour theme').selectOption('dark');
  await page.screenshot({ path: `${SHOTS}/reopened-dark.png`, fullPage: true });
});
