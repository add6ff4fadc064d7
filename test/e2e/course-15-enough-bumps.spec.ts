import { expect, test, type Page } from '@playwright/test';
import { check, checkFails, next, openLesson, said, shoot, slider, trainUntil } from './course-journey';

/**
 * Lesson 15 as a learner takes it: a peak and then a flat-sided bump built from ReLU hinges
 * with the sliders, a trained sum of hinges on the sine wave, and the loss measured against the
 * number of neurons. Each step checked (a wrong try first), screenshots and axe in both themes.
 */
const DIR = 'course-15';
const SUB = ['₁', '₂', '₃', '₄'];

async function hinge(page: Page, j: number, w: number, b: number, v: number): Promise<void> {
  await slider(page, `w${SUB[j]} input`, w);
  await slider(page, `b${SUB[j]} bias`, b);
  await slider(page, `v${SUB[j]} output`, v);
}

/**
 * How many pixels of the plot named `name` show the training dots' blue, its layers composed as
 * they are seen (grid, curves, points): a fitted line drawn over the dots hid all but their rims.
 */
async function dotPixels(page: Page, name: string): Promise<number> {
  return page.getByRole('figure', { name }).evaluate((figure) => {
    const layers = [...figure.querySelectorAll('canvas')];
    const seen = document.createElement('canvas');
    seen.width = layers[0].width;
    seen.height = layers[0].height;
    const ctx = seen.getContext('2d')!;
    for (const layer of layers) ctx.drawImage(layer, 0, 0);
    const blue = getComputedStyle(figure).getPropertyValue('--class-b').trim();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(blue.slice(i, i + 2), 16));
    const data = ctx.getImageData(0, 0, seen.width, seen.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) count += 1;
    }
    return count;
  });
}

async function curveEpoch(page: Page): Promise<number> {
  return Number(await page.getByTestId('curve-epoch').innerText());
}

test('lesson 15: enough bumps fit anything', async ({ page }) => {
  test.setTimeout(300_000);
  const crashes = await openLesson(page, 'Enough bumps fit anything');

  // 1. Two hinges: rise from x = −1, turn down at x = 1 (a different scaling than the hint's).
  await checkFails(page);
  await hinge(page, 0, 2, 2, 0.5);
  await hinge(page, 1, 1, -1, -2);
  await expect(page.getByTestId('hinge-loss')).toHaveText('0.0000');
  await check(page);
  await shoot(page, DIR, '1-peak');
  await next(page);

  // 2. A bump flat on both sides takes three hinges. The right count before the fit is told
  //    what is still missing, not just "Not quite yet".
  const question = page.getByLabel('How many hinges does this bump need?');
  await question.fill('3');
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(said(page, 'Your count is right: 3 hinges. Now set the sliders')).toBeVisible();
  await question.fill('2');
  await hinge(page, 0, 1, 2, 1);
  await hinge(page, 1, 1, 0, -2);
  await hinge(page, 2, 1, -2, 1);
  await expect(page.getByTestId('hinge-loss')).toHaveText('0.0000');
  await checkFails(page);
  await question.fill('3');
  await check(page);
  // The line runs through all 25 dots, and every dot still shows (each is some 38 pixels across), in both themes.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => dotPixels(page, 'Your hinges')).toBeGreaterThan(25 * 20);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await shoot(page, DIR, '2-bump');
  await next(page);

  // 3. A trained sum of 8 hinges: at most 8 bends. The right number before training is told to
  // train. One neuron at a time, by keyboard: pressing its name in the probe table draws its
  // curve thick and fades the others; again lets it go.
  const bends = page.getByLabel('The most bends this curve can have');
  await bends.fill('8');
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(said(page, 'Your number is right: at most 8 bends, one per neuron. Now train for at least 100 epochs')).toBeVisible();
  await trainUntil(page, async () => (await curveEpoch(page)) >= 100);
  const third = page.getByRole('button', { name: 'Neuron 3', exact: true });
  await expect(page.getByRole('button', { name: /^Neuron \d$/ })).toHaveCount(8);
  await third.focus();
  await page.keyboard.press('Enter');
  await expect(third).toHaveAttribute('aria-pressed', 'true');
  await shoot(page, DIR, '3-one-neuron');
  await page.keyboard.press('Enter');
  await expect(third).toHaveAttribute('aria-pressed', 'false');
  // The table names the output weights v, as the lesson's formula does.
  await expect(page.getByRole('columnheader', { name: 'Adds vⱼ·hⱼ(x)' })).toBeVisible();
  await bends.fill('16');
  await checkFails(page);
  await bends.fill('8');
  await check(page);
  await shoot(page, DIR, '3-sum-of-hinges');
  await next(page);

  // 4. Loss against width: predict first (the losses and their table stay hidden until then), then 1, 4 and 16 neurons, 300 epochs each.
  await expect(page.getByRole('table', { name: /Lowest test loss/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'First commit your prediction' })).toBeVisible();
  await page.getByRole('radio', { name: /^It falls/ }).check();
  await page.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your prediction was right:' })).toBeVisible();
  // It says what to look for, not the losses the run is about to measure.
  const explained = page.getByRole('status').filter({ hasText: 'the lowest test loss should fall' });
  await expect(explained).toBeVisible();
  await expect(explained).not.toContainText('0.');
  const width = page.getByLabel('Neurons in the last hidden layer');
  for (const size of ['1', '4', '16']) {
    await width.selectOption(size);
    await expect(page.getByTestId('curve-epoch')).toHaveText('0');
    await trainUntil(page, async () => (await curveEpoch(page)) >= 300);
    if (size === '4') await checkFails(page);
  }
  await expect(page.getByRole('table', { name: /Lowest test loss/ }).getByRole('row')).toHaveCount(4);
  await check(page);
  await shoot(page, DIR, '4-wider-fits-closer');
  expect(crashes).toEqual([]);
});
