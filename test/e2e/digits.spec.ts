import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';

/** Reads a percentage shown in the Digits read-out, found by its label. */
async function readPercent(page: Page, label: string): Promise<number> {
  const text = await page.getByLabel(label, { exact: true }).innerText();
  const value = Number(text.replace(/[^0-9.]/g, ''));
  return text.includes('%') ? value : NaN;
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

test('digits: load with progress, train, see accuracy rise, draw a digit and read the probabilities', async ({ page }) => {
  await page.goto('/');
  // Slow the download so the progress bar can be seen moving.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 2_500_000, uploadThroughput: -1 });

  await page.getByRole('tab', { name: 'Digits' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Digits', exact: true });
  await expect(panel).toBeVisible();
  const progress = page.getByRole('progressbar', { name: 'Loading the digit images' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/Loading the digit images… [1-9]/)).toBeVisible();
  const midway = Number(await progress.getAttribute('value'));
  const total = Number(await progress.getAttribute('max'));
  expect(total).toBe(7_850_008);
  expect(midway).toBeGreaterThan(0);
  expect(midway).toBeLessThan(total);
  await page.screenshot({ path: 'test-results/digits-loading.png' });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  expect(Number(await progress.getAttribute('value'))).toBe(total);

  // Before training: about chance.
  await expect(page.getByLabel('Test accuracy', { exact: true })).toContainText('%');
  const before = await readPercent(page, 'Test accuracy');
  expect(before).toBeLessThan(30);

  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  // Long epochs train batch by batch, so accuracy can rise well before the first epoch ends.
  await expect.poll(() => readPercent(page, 'Test accuracy'), { timeout: 90_000 }).toBeGreaterThan(85);
  const readEpoch = async () => Number((await page.getByLabel('Epoch', { exact: true }).innerText()).replace(/[^0-9]/g, ''));
  await expect.poll(readEpoch, { timeout: 90_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Train' })).toBeVisible();
  const epoch = await readEpoch();
  expect(epoch).toBeGreaterThan(0);

  // The confusion matrix, the gallery (mistakes first) and the first layer's weights are shown.
  await expect(page.getByRole('table', { name: /true digit/ })).toBeVisible();
  const gallery = page.getByRole('region', { name: 'Test digits, mistakes first' });
  await expect(gallery.getByRole('button')).toHaveCount(40);
  await expect(gallery.getByRole('button').first()).toHaveAccessibleName(/wrong/);
  await expect(page.getByRole('img', { name: /Weights of neuron 1 of/ })).toBeVisible();

  // Draw a one: a single upright stroke.
  await expect(page.getByText('Draw a digit to see what the network thinks.')).toBeVisible();
  await stroke(page, [
    [0.52, 0.15],
    [0.5, 0.5],
    [0.48, 0.85],
  ]);
  await expect(page.getByText(/The network says 1, with \d+ % certainty/)).toBeVisible();
  const ones = await page.getByRole('listitem', { name: /^Digit 1:/ }).getAttribute('aria-label');
  expect(Number(ones?.replace(/[^0-9]/g, '').slice(1))).toBeGreaterThan(50);
  await page.screenshot({ path: 'test-results/digits-drawn-light.png', fullPage: true });

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
  const name = (await first.getAttribute('aria-label')) ?? '';
  const said = name.match(/says (\d)/)?.[1];
  await first.click();
  await expect(page.getByText(new RegExp(`The network says ${said}, with`))).toBeVisible();

  await page.getByRole('region', { name: 'What the first layer looks for' }).screenshot({ path: 'test-results/digits-weights-light.png' });
  await page.getByLabel('Colour theme').selectOption('dark');
  await page.screenshot({ path: 'test-results/digits-dark.png' });
  await page.getByRole('region', { name: 'What the first layer looks for' }).screenshot({ path: 'test-results/digits-weights-dark.png' });
});

test('iris: four inputs, three species; choose the axes, train, read the confusion matrix', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Digits' }).click();
  await page.getByRole('tab', { name: 'Iris flowers' }).click();
  await expect(page.getByRole('heading', { name: 'Iris flowers: four inputs, three classes' })).toBeVisible();
  await page.getByLabel('Measurement across the plot').selectOption('Sepal length');
  await page.getByLabel('Measurement up the plot').selectOption('Sepal width');
  await expect(page.getByRole('img', { name: /Flowers by sepal length and sepal width/ })).toBeVisible();
  await page.getByRole('group', { name: 'Iris training' }).getByRole('button', { name: 'Train' }).click();
  await expect
    .poll(async () => Number((await page.getByLabel('Iris test accuracy', { exact: true }).innerText()).replace(/[^0-9.]/g, '')), { timeout: 30_000 })
    .toBeGreaterThan(90);
  await page.getByRole('group', { name: 'Iris training' }).getByRole('button', { name: 'Pause' }).click();
  const matrix = page.getByRole('table', { name: /true species/ });
  await expect(matrix.getByRole('row')).toHaveCount(4);
  await expect(matrix.getByRole('rowheader', { name: 'Setosa' })).toBeVisible();
  await page.getByLabel('Measurement across the plot').selectOption('Petal length');
  await page.getByLabel('Measurement up the plot').selectOption('Petal width');
  await page.screenshot({ path: 'test-results/iris-light.png' });
  await page.getByLabel('Colour theme').selectOption('dark');
  await page.screenshot({ path: 'test-results/iris-dark.png' });
});

test('digits: save the trained network, reload, open the file and get the same test accuracy', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Digits' }).click();
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Test accuracy', { exact: true })).toContainText('%');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => readPercent(page, 'Test accuracy'), { timeout: 90_000 }).toBeGreaterThan(70);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Train' })).toBeVisible();
  // Let the last snapshot after the pause arrive.
  await page.waitForTimeout(500);
  const accuracy = await page.getByLabel('Test accuracy', { exact: true }).innerText();
  const epoch = await page.getByLabel('Epoch', { exact: true }).innerText();
  const gallery = page.getByRole('region', { name: 'Test digits, mistakes first' });
  const firstMistake = await gallery.getByRole('button').first().getAttribute('aria-label');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save network…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('digits.actlab');
  const saved = test.info().outputPath('digits.actlab');
  await file.saveAs(saved);
  await expect(page.getByText('Saved the network as digits.actlab in your downloads.')).toBeVisible();

  await page.reload();
  await page.getByRole('tab', { name: 'Digits' }).click();
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel('Epoch', { exact: true })).toHaveText('0');
  await page.getByLabel('Choose a digits project file').setInputFiles(saved);
  await expect(page.getByText('Opened digits.actlab.')).toBeVisible();
  await expect(page.getByLabel('Epoch', { exact: true })).toHaveText(epoch);
  await expect(page.getByLabel('Test accuracy', { exact: true })).toHaveText(accuracy);
  // The views show the same answers: the gallery's most confident mistake is the same one.
  await expect(gallery.getByRole('button').first()).toHaveAttribute('aria-label', firstMistake ?? '');
  await page.screenshot({ path: 'test-results/digits-reopened-light.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/digits-reopened-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // A project of another kind of network is refused with a plain message, and nothing changes.
  const other = test.info().outputPath('circle.actlab');
  writeFileSync(other, readFileSync(saved, 'utf8').replace('"dataset":"digits"', '"dataset":"iris"'));
  await page.getByLabel('Choose a digits project file').setInputFiles(other);
  await expect(page.getByRole('alert')).toContainText(/damaged|not for digits/);
  await expect(page.getByLabel('Test accuracy', { exact: true })).toHaveText(accuracy);

  // The Lab's Projects area does not take a digits network; it says where to open it.
  await page.getByRole('tab', { name: 'Projects' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(saved);
  await expect(page.getByRole('alert', { name: 'Project problem' })).toContainText('Open it in the Digits area');
});
