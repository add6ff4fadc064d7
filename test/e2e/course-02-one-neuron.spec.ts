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
} from './course-steps';

// Screenshots at the size the course is reviewed at.
test.use({ viewport: { width: 1280, height: 800 } });

const SHOTS = 'course-02-one-neuron';

test('a learner works out a neuron by hand, finds a line that needs a bias, and meets the one thing a line cannot do', async ({ page }) => {
  test.setTimeout(120000);
  const journey = await startJourney(page);
  await openLesson(page, 'One neuron');
  await page.getByRole('button', { name: 'bias', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'bias' });
  await expect(dialog).toContainText('shifts where the neuron switches on');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('img', { name: /the point \(1, 2\) ringed/ })).toBeVisible();

  // 1. Predict z at the ringed point first (typed with a decimal comma), then give it z = 1 with w₁ negative.
  await expect(page.getByTestId('live-formula')).toHaveCount(0);
  await checkNeedsPrediction(page);
  await shoot(page, SHOTS, '1-flip-predict');
  await predict(page, /^With w₁ = 1, w₂ = −1 and b = 0.5, what sum z/, '−0,5', true);
  await expect(page.getByTestId('live-formula')).toContainText('=−0.50');
  await slider(page, 'w₁', -1);
  await expect(page.getByTestId('live-formula')).toContainText('=−2.50');
  // Half done: Check says which half, and what is left.
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'w₁ is negative, good. Now the ringed point’s sum is −2.50; make it 1.' }),
  ).toBeVisible();
  await slider(page, 'w₂', 1);
  await slider(page, 'b', 0);
  await expect(page.getByTestId('live-formula')).toContainText('(−1.0)⋅1.0+1.0⋅2.0+0.0=1.00');
  await check(page);
  await shoot(page, SHOTS, '1-flip');
  await next(page);

  // 2. A line between the two groups: both weights up, but without a bias it cannot reach the gap.
  await checkFails(page);
  await slider(page, 'w₁', 1);
  await slider(page, 'w₂', 1);
  await slider(page, 'b', 0);
  await expect(page.getByTestId('neuron-score')).toContainText('16 of 24');
  await checkFails(page);
  await slider(page, 'b', -2.8);
  await expect(page.getByTestId('neuron-score')).toContainText('24 of 24');
  await check(page);
  await shoot(page, SHOTS, '2-separate');
  await next(page);

  // 3. Three stripes: predict, then find the best a line can do; calling everything orange is not it.
  await expect(page.getByTestId('neuron-score')).toHaveCount(0);
  await predict(page, /^Can one neuron put all 28 points on their own side\?/, 'No, not all of them', true, 'choice');
  // The feedback says why, not the number to find.
  await expect(
    page.getByRole('region', { name: 'Predict first' }).getByText(/the best one still leaves a whole orange stripe on the wrong side/),
  ).toBeVisible();
  await expect(page.getByText(/20 of 28/)).toHaveCount(0);
  await expect(page.getByTestId('neuron-score')).toContainText('14 of 28');
  await slider(page, 'w₂', 0);
  await slider(page, 'b', -1);
  await expect(page.getByTestId('neuron-score')).toContainText('16 of 28');
  await checkFails(page);
  await slider(page, 'w₁', 1);
  await slider(page, 'b', 1.3);
  await expect(page.getByTestId('neuron-score')).toContainText('20 of 28');
  await check(page);
  await shoot(page, SHOTS, '3-stripes');
  await endJourney(page, journey);
});
