import { expect, test } from '@playwright/test';
import {
  check,
  checkFails,
  checkNeedsPrediction,
  endJourney,
  next,
  openLesson,
  predict,
  shoot,
  slider,
  startJourney,
  trainUntil,
} from './course-steps';

const SHOTS = 'course-03-relu';

test('a learner reads ReLU, sets a threshold and fits |x| with hinges', async ({ page }) => {
  test.setTimeout(240000);
  const journey = await startJourney(page);
  await openLesson(page, 'ReLU');
  // The output stays hidden until the learner commits a prediction; the probe moves meanwhile.
  await slider(page, 'probe x', -3);
  await expect(page.getByText('output hidden until you commit your prediction')).toBeVisible();
  await checkNeedsPrediction(page);
  await shoot(page, SHOTS, '1-negative-predict');
  await predict(page, /^What does ReLU give for an input of −3\?/, '0', true);
  await expect(page.getByText('output 0.00')).toBeVisible();
  // Step 1 has no weight or bias yet: its formula is max(0, x) (#15: it showed max(0, wx + b)).
  await expect(page.getByTestId('live-formula').locator('annotation')).toHaveText(
    '\\displaystyle y = \\max(0,\\ x) = \\max(0,\\ (-3.0)) = 0.00',
  );
  await check(page);
  await shoot(page, SHOTS, '1-negative');
  await next(page);
  await expect(page.getByTestId('live-formula').locator('annotation')).toContainText('w x + b');
  await slider(page, 'bias b', -2);
  await check(page);
  await shoot(page, SHOTS, '2-threshold');
  await next(page);
  const curve = page.getByRole('figure', { name: 'Curve fitting' });
  await expect(curve.getByRole('checkbox', { name: 'Show each neuron' })).toBeChecked();
  await expect(curve.getByRole('rowheader', { name: /^Neuron \d+$/ })).toHaveCount(4);
  await checkFails(page);
  await trainUntil(page, async () => Number(await page.getByTestId('curve-train-loss').innerText()) < 0.01);
  await check(page);
  await shoot(page, SHOTS, '3-hinges');
  await endJourney(page, journey);
});
