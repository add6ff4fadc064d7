import { expect, test, type Page } from '@playwright/test';
import { check, checkFails, next, openLesson, predictChoice, said, shoot } from './course-kit';

/**
 * Lesson 9, "One step downhill", solved as a learner would: a prediction of where one step takes
 * w (the arrow hidden until committed), steps to the bottom from the middle, a high but flat start
 * found with the sliders (its whole path on the map), and one example walked forward, backward
 * and applied.
 */

const SHOTS = 'test-results/course/09-one-step-downhill';

async function readNumber(page: Page, id: string): Promise<number> {
  return Number((await page.getByTestId(id).innerText()).replace('−', '-'));
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
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(said(page, 'First commit your prediction')).toBeVisible();
  await predictChoice(page, 'w gets smaller');
  await expect(said(page, 'Not this time. You predicted w gets smaller; the answer is w gets bigger')).toBeVisible();
  await expect(said(page, '∂L/∂w is −0.044')).toBeVisible();
  // The prediction is locked: the panel's options are gone, and the widget has none of its own.
  await expect(page.getByRole('radio', { name: 'w gets bigger' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Commit my prediction' })).toHaveCount(0);
  await expect(page.getByTestId('step-length')).toBeVisible();
  await checkFails(page);
  await step.click();
  await expect(page.getByTestId('steps')).toHaveText('1');
  await check(page);
  await shoot(page, `${SHOTS}-1`);
  await next(page);

  // 2. From the middle to the bottom: 16 steps.
  for (let k = 0; k < 10; k++) await page.getByRole('button', { name: 'Take one step' }).click();
  expect(await readNumber(page, 'loss')).toBeGreaterThan(0.001);
  await checkFails(page);
  for (let k = 0; k < 6; k++) await page.getByRole('button', { name: 'Take one step' }).click();
  await expect(page.getByTestId('steps')).toHaveText('16');
  await expect(page.getByTestId('bottom-after')).toHaveText('16 steps');
  expect(await readNumber(page, 'loss')).toBeLessThan(0.001);
  await check(page);
  await shoot(page, `${SHOTS}-2`);
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
  await page.getByRole('button', { name: 'Take 100 steps' }).click();
  await expect(page.getByTestId('bottom-after')).toHaveText('not yet');
  expect(await readNumber(page, 'loss')).toBeGreaterThan(0.2);
  await check(page);
  // From (−5, 5) the steps climb past the sliders' ±6 square to b = 6.32: the map reaches ±8.5,
  // so the whole path is drawn on it.
  await page.getByRole('slider', { name: 'Start w' }).fill('-5');
  await page.getByRole('slider', { name: 'Start b' }).fill('5');
  await page.getByRole('button', { name: 'Take 100 steps' }).click();
  await expect(page.getByRole('img', { name: /^Loss over the weight w \(across, −8\.5 to 8\.5\).* w = −2\.12, b = 6\.32,/ })).toBeVisible();
  await check(page);
  await shoot(page, `${SHOTS}-3`);
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
  await shoot(page, `${SHOTS}-4`);
});
