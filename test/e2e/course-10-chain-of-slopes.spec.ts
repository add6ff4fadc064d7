import { expect, test, type Page } from '@playwright/test';
import { check, checkFails, expectLabelBesideMenu, next, openLesson, trainUntil } from './course-kit';
import { checkNeedsPrediction, predict, shoot } from './course-steps';
import { ratioIn } from './ratio';

/**
 * Lesson 10, "The chain of slopes", solved as a learner would: the sigmoid's largest slope
 * predicted, then its steepest point found with the explorer's cursor by keyboard, sigmoid layers
 * added until layer 1's share of the gradient falls under 1/100, ReLU at the same depth, and the
 * limit 0.25⁶ typed and measured.
 */

const SHOTS = 'course-10-chain-of-slopes';

/** Layer 1's "vs output" cell in the Gradient flow table, e.g. "×0.0043". */
async function layerOneShare(page: Page): Promise<number> {
  const row = page.getByRole('region', { name: 'Gradient flow' }).getByRole('row', { name: /^Layer 1\b/ });
  return ratioIn(await row.getByRole('cell').nth(1).innerText());
}

/** Pixels of the slope's colour (--class-a) in the explorer's plot: the dashed σ′ curve and its dot. */
async function slopePixels(page: Page): Promise<number> {
  return page.getByRole('slider', { name: 'Read-out cursor on Sigmoid' }).evaluate((plot) => {
    const canvas = plot.querySelector('canvas')!;
    const ctx = canvas.getContext('2d')!;
    const orange = getComputedStyle(plot).getPropertyValue('--class-a').trim();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(orange.slice(i, i + 2), 16));
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) count += 1;
    }
    return count;
  });
}

async function depth(page: Page, layers: number): Promise<void> {
  await page.getByRole('combobox', { name: 'Hidden layers' }).selectOption(String(layers));
}

test('lesson 10: a learner measures the vanishing gradient and explains it', async ({ page }) => {
  test.setTimeout(240_000);
  await openLesson(page, 'The chain of slopes');

  // 1. Predict the sigmoid's largest slope first: the sigmoid is drawn, its slope (the dashed curve,
  //    the read-out's f′ and the live formula) waits for the commit. Then the steepest point is
  //    found with the explorer's cursor by keyboard, from x = 3.
  const cursor = page.getByRole('slider', { name: 'Read-out cursor on Sigmoid' });
  const readout = page.getByRole('status').filter({ hasText: /^x = / });
  await expect(readout).toHaveText('x = 3.00: f(x) = 0.9526 (the slope f′(x) appears once you commit your prediction)');
  await expect(cursor).not.toHaveAttribute('aria-valuetext', /f′\(x\) =/);
  await expect(page.getByText('f′(x), the slope (dashed)')).toHaveCount(0);
  await expect(page.getByTestId('live-formula')).toHaveCount(0);
  expect(await slopePixels(page)).toBe(0);
  await shoot(page, SHOTS, '1-predict');
  await checkNeedsPrediction(page);
  await predict(page, /largest slope/, '0.5', false, 'choice');
  await expect(page.getByRole('region', { name: 'Predict first' })).toContainText('at most a quarter of the gradient');
  await expect(readout).toHaveText('x = 3.00: f(x) = 0.9526, f′(x) = 0.0452');
  await expect(page.getByText('f′(x), the slope (dashed)')).toBeVisible();
  await expect.poll(() => slopePixels(page)).toBeGreaterThan(200);
  await checkFails(page);
  await cursor.focus();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(cursor).toHaveAttribute('aria-valuenow', '0');
  await expect(readout).toHaveText('x = 0.00: f(x) = 0.5000, f′(x) = 0.2500');
  await check(page);
  await shoot(page, SHOTS, '1');
  await next(page);

  // 2. Predict first (the chart is hidden until then). Committing locks the guess and says what to
  //    run, without the answer; the learner's own runs (1, 2, then 3 layers) give it, and the
  //    reveal compares the two.
  await expect(page.getByRole('region', { name: 'Gradient flow' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'First commit your prediction' })).toBeVisible();
  await page.getByRole('textbox', { name: /^How many sigmoid layers/ }).fill('5 layers');
  await page.getByRole('button', { name: 'Commit my prediction' }).click();
  const verdict = page.getByRole('status').filter({ hasText: 'you predicted 5 layers' });
  await expect(verdict).toContainText('Locked in: you predicted 5 layers. Now find out:');
  await expect(verdict).not.toContainText('quarter');
  await shoot(page, SHOTS, '2-locked');
  await trainUntil(page, 3);
  expect(await layerOneShare(page)).toBeGreaterThan(0.01);
  await checkFails(page);
  await depth(page, 2);
  await trainUntil(page, 3);
  expect(await layerOneShare(page)).toBeGreaterThan(0.01);
  await expect(verdict).toContainText('Locked in');
  await depth(page, 3);
  await trainUntil(page, 3);
  const measured = await layerOneShare(page);
  expect(measured).toBeLessThan(0.01);
  console.log(`lesson 10 step 2: layer 1's share at 3 sigmoid layers, measured in the page: ${measured.toExponential(2)}`);
  await expect(verdict).toContainText('Your run says otherwise: you predicted 5 layers; your run measured 3 layers.');
  await expect(verdict).toContainText('at most a quarter');
  await check(page);
  await shoot(page, SHOTS, '2');
  await next(page);

  // 3. ReLU at five layers: predicted first (the chart is hidden until then, and the text does not
  //    say), then layer 1 gets a good share of what the output gets.
  await expect(page.getByRole('region', { name: 'Gradient flow' })).toHaveCount(0);
  await shoot(page, SHOTS, '3-predict');
  await page.getByRole('radio', { name: 'A tenth or more', exact: true }).check();
  await page.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(page.getByRole('region', { name: 'Gradient flow' })).toBeVisible();
  await trainUntil(page, 5);
  expect(await layerOneShare(page)).toBeLessThan(0.001);
  await checkFails(page);
  await page.getByRole('combobox', { name: 'Hidden activation' }).selectOption('relu');
  await trainUntil(page, 5);
  expect(await layerOneShare(page)).toBeGreaterThan(0.1);
  await check(page);
  // Three pickers and Speed wrap onto two rows: each label stays with its menu.
  for (const name of ['Hidden activation', 'Hidden layers', 'Speed']) await expectLabelBesideMenu(page, name);
  await shoot(page, SHOTS, '3');
  await next(page);

  // 4. The limit for six layers: the right number typed before choosing six layers is progress,
  //    not an error; then a wrong guess (four layers' limit), and 1/4096 measured at six.
  const box = page.getByRole('textbox', { name: /Most of the output layer’s gradient/ });
  await box.fill('1/4096');
  await page.getByRole('button', { name: 'Check my answer' }).click();
  const partial = page.getByRole('status').filter({ hasText: 'Your number is right; now choose 6 hidden layers' });
  await expect(partial).toBeVisible();
  const colourOf = (status: typeof partial) => status.locator('p').evaluate((p) => getComputedStyle(p).color);
  const bodyColour = await page.locator('body').evaluate((b) => getComputedStyle(b).color);
  const partialColour = await colourOf(partial);
  expect(partialColour).toBe(bodyColour);
  await shoot(page, SHOTS, '4-partial');
  await box.fill('1/256');
  await depth(page, 6);
  await trainUntil(page, 3);
  await checkFails(page);
  // A wrong answer is drawn in another colour than the half-way message.
  expect(await colourOf(page.getByRole('status').filter({ hasText: 'Not quite yet' }))).not.toBe(partialColour);
  // On screen the sentence gives the ratio as a number in the table's form, not in spoken words.
  const onScreen = page.getByTestId('gradient-readout').locator('[aria-hidden="true"]');
  await expect(onScreen).toHaveText(/^The first layer's gradient is the output layer's ×[\d.]+(e-\d+)?: it vanishes/);
  await expect(onScreen).not.toContainText(/times|to the minus/);
  await box.fill('1/4096');
  expect(await layerOneShare(page)).toBeLessThan(1 / 4096);
  await check(page);
  await shoot(page, SHOTS, '4');
});
