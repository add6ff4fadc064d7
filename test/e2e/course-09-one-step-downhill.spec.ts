import { expect, test, type Page } from '@playwright/test';
import { check, checkFails, next, openLesson, predictChoice, said } from './course-kit';
import { shoot } from './course-steps';

/**
 * Lesson 9, "One step downhill", solved as a learner would: a prediction of where one step takes
 * w (the arrow hidden until committed), steps to the bottom from the middle, a high but flat start
 * found with the sliders (its whole path on the map), and one example walked forward, backward
 * and applied.
 */

const SHOTS = '09-one-step-downhill';

async function readNumber(page: Page, id: string): Promise<number> {
  return Number((await page.getByTestId(id).innerText()).replace('−', '-'));
}

/** The map's view as its description gives it: which, and the w and b ranges. */
async function mapView(page: Page): Promise<{ which: string; w: [number, number]; b: [number, number] }> {
  const name = (await page.getByRole('img', { name: /^Loss over the weight w/ }).getAttribute('aria-label')) ?? '';
  const found = /\), (the whole map|zoomed to the path): w from (\S+) to (\S+), b from (\S+) to (\S+?)\. The more/.exec(
    name.replaceAll('−', '-'),
  );
  if (found === null) throw new Error(`no view in "${name}"`);
  const [, which, w0, w1, b0, b1] = found;
  return { which, w: [Number(w0), Number(w1)], b: [Number(b0), Number(b1)] };
}

test('lesson 9: a learner takes steps downhill and finds where the slope makes them tiny', async ({ page }) => {
  test.setTimeout(180_000);
  await openLesson(page, 'One step downhill');

  // 1. Predict first, on the shared panel: the arrow, the gradient, the sliders and the step
  //    buttons wait for a committed prediction, so a step cannot be watched first and copied.
  //    A wrong prediction is corrected and explained; the step itself is still needed.
  const step = page.getByRole('button', { name: 'Take one step' });
  await expect(step).toBeDisabled();
  await expect(page.getByText('commit your prediction to see it')).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Start w' })).toHaveCount(0);
  await expect(page.getByText('−0.044')).toHaveCount(0);
  // Until then the whole map shows: its landscape is what the prediction is reasoned from.
  expect((await mapView(page)).which).toBe('the whole map');
  await shoot(page, 'course', `${SHOTS}-1-predict`);
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(said(page, 'First commit your prediction')).toBeVisible();
  await predictChoice(page, 'w gets smaller');
  await expect(said(page, 'Not this time. You predicted w gets smaller; the answer is w gets bigger')).toBeVisible();
  await expect(said(page, '∂L/∂w is −0.044')).toBeVisible();
  // The prediction is locked: the panel's options are gone, and the widget has none of its own.
  await expect(page.getByRole('radio', { name: 'w gets bigger' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Commit my prediction' })).toHaveCount(0);
  await expect(page.getByTestId('step-length')).toBeVisible();
  // Committing zooms to the start and the step about to be taken, from (−2, 1) to (−1.87, 1.01).
  const first = await mapView(page);
  expect(first.which).toBe('zoomed to the path');
  expect(first.w[0]).toBeLessThan(-2);
  expect(first.w[1]).toBeGreaterThan(-1.87);
  expect(first.w[1] - first.w[0]).toBeLessThanOrEqual(1);
  await checkFails(page);
  await step.click();
  await expect(page.getByTestId('steps')).toHaveText('1');
  await check(page);
  await shoot(page, 'course', `${SHOTS}-1`);
  await next(page);

  // 2. From the middle to the bottom: 16 steps. The map is zoomed to the path, so the steps from
  //    (0, 0) to about (1.19, −0.31) cover more than half its width (on the whole map, 7 %).
  for (let k = 0; k < 10; k++) await page.getByRole('button', { name: 'Take one step' }).click();
  expect(await readNumber(page, 'loss')).toBeGreaterThan(0.001);
  await checkFails(page);
  for (let k = 0; k < 6; k++) await page.getByRole('button', { name: 'Take one step' }).click();
  await expect(page.getByTestId('steps')).toHaveText('16');
  await expect(page.getByTestId('bottom-after')).toHaveText('16 steps');
  expect(await readNumber(page, 'loss')).toBeLessThan(0.001);
  const zoomed = await mapView(page);
  expect(zoomed.which).toBe('zoomed to the path');
  expect(zoomed.w[0]).toBeLessThanOrEqual(0);
  expect(zoomed.w[1]).toBeGreaterThanOrEqual(1.19);
  expect(1.19 / (zoomed.w[1] - zoomed.w[0])).toBeGreaterThan(0.5);
  // The learner can look at the whole map and come back, by keyboard too.
  const toggle = page.getByRole('button', { name: 'Show the whole map' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  expect(await mapView(page)).toEqual({ which: 'the whole map', w: [-8.5, 8.5], b: [-8.5, 8.5] });
  await expect(page.getByRole('button', { name: 'Zoom to the path' })).toBeFocused();
  await page.keyboard.press('Space');
  expect(await mapView(page)).toEqual(zoomed);
  await check(page);
  await shoot(page, 'course', `${SHOTS}-2`);
  await next(page);

  // 3. A flat start the tester found, w = −3, b = 3: a big loss and a tiny first step. The check
  // waits for the hundred steps the text asks for, and still passes when they reach the bottom.
  await checkFails(page);
  await page.getByRole('slider', { name: 'Start w' }).fill('-3');
  await page.getByRole('slider', { name: 'Start b' }).fill('3');
  expect(await readNumber(page, 'loss')).toBeGreaterThan(0.2);
  expect(await readNumber(page, 'step-length')).toBeLessThan(0.1);
  await checkFails(page);
  await page.getByRole('button', { name: 'Take 100 steps' }).click();
  await expect(page.getByTestId('steps')).toHaveText('100');
  await expect(page.getByTestId('bottom-after')).toHaveText('90 steps');
  expect(await readNumber(page, 'loss')).toBeLessThan(0.001);
  await check(page);
  // From the corner (−4, 4) the hundred steps do not reach the bottom, and that passes too.
  await page.getByRole('slider', { name: 'Start w' }).fill('-4');
  await page.getByRole('slider', { name: 'Start b' }).fill('4');
  // Zoomed around the flat corner, the tiny first step (0.066) still shows as an arrow.
  const corner = await mapView(page);
  expect(corner.w[1] - corner.w[0]).toBeLessThanOrEqual(1);
  await page.getByRole('button', { name: 'Take 10 steps' }).click();
  await shoot(page, 'course', `${SHOTS}-3-corner`);
  await page.getByRole('button', { name: 'Back to the start' }).click();
  await page.getByRole('button', { name: 'Take 100 steps' }).click();
  await expect(page.getByTestId('bottom-after')).toHaveText('not yet');
  expect(await readNumber(page, 'loss')).toBeGreaterThan(0.2);
  await check(page);
  // From (−5, 5) the steps climb past the sliders' ±6 square to b = 6.32: the view widens to
  // hold the whole path, from the start to the dot.
  await page.getByRole('slider', { name: 'Start w' }).fill('-5');
  await page.getByRole('slider', { name: 'Start b' }).fill('5');
  const flat = await mapView(page);
  expect(flat.w[1] - flat.w[0]).toBeLessThanOrEqual(1);
  await page.getByRole('button', { name: 'Take 100 steps' }).click();
  await expect(page.getByRole('img', { name: / w = −2\.12, b = 6\.32,/ })).toBeVisible();
  const wide = await mapView(page);
  expect(wide.which).toBe('zoomed to the path');
  expect(wide.w[0]).toBeLessThan(-5);
  expect(wide.w[1]).toBeGreaterThan(-2.12);
  expect(wide.b[0]).toBeLessThan(5);
  expect(wide.b[1]).toBeGreaterThan(6.32);
  await check(page);
  await shoot(page, 'course', `${SHOTS}-3`);
  await next(page);

  // 4. One example: forward, backward, update.
  await checkFails(page);
  await page.getByRole('button', { name: 'One example', exact: true }).click();
  await page.getByRole('button', { name: 'Backward', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Apply update', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: /^Formula of / })).toContainText('f′(z)');
  await page.getByRole('button', { name: 'Apply update', exact: true }).click();
  await expect(page.getByRole('button', { name: 'One example', exact: true })).toBeVisible();
  await check(page);
  await shoot(page, 'course', `${SHOTS}-4`);
});
