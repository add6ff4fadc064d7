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

const SHOTS = 'course-04-sigmoid';

test('a learner predicts σ(0) and σ(−2) before reading them, and finds where the sigmoid goes flat', async ({ page }) => {
  test.setTimeout(120000);
  const journey = await startJourney(page);
  await openLesson(page, 'Sigmoid');
  // Steps 1 and 2 show only σ: the slope curve and σ′ come with step 3, which explains them.
  const hidden = page.getByText('output hidden until you commit your prediction');
  await expect(hidden).toBeVisible();
  await expect(page.getByTestId('live-formula')).toHaveCount(0);
  await checkNeedsPrediction(page);
  // A percentage of the fraction asked for counts (#15: "50%" was read as 50 and refused).
  await predict(page, /^What is σ\(0\)\?/, '50%', true);
  // It starts at −4, not at −2: step 2 asks for σ(−2).
  await expect(page.getByText('output 0.02', { exact: true })).toBeVisible();
  await expect(page.getByText('the function its slope')).toHaveCount(0);
  await expect(page.getByTestId('live-formula')).not.toContainText('σ′');
  await checkFails(page);
  await slider(page, 'probe x', 0);
  await expect(page.getByText('output 0.50', { exact: true })).toBeVisible();
  await check(page);
  await shoot(page, SHOTS, '1-middle');
  await next(page);
  // σ(−2) is not in the text (it gives σ(2) ≈ 0.88); the read-out and the formula wait for the prediction.
  await expect(hidden).toBeVisible();
  await expect(page.getByTestId('live-formula')).toHaveCount(0);
  await slider(page, 'probe x', -2);
  await expect(hidden).toBeVisible();
  await shoot(page, SHOTS, '2-mirror-predict');
  await predict(page, /^What is σ\(−2\), to two decimals\?/, '0.12', true);
  await expect(page.getByText('output 0.12', { exact: true })).toBeVisible();
  await expect(page.getByTestId('live-formula')).toBeVisible();
  await check(page);
  await shoot(page, SHOTS, '2-mirror');
  await next(page);
  await expect(page.getByText('output 0.50000 · slope 0.25000')).toBeVisible();
  await expect(page.getByText('the function its slope')).toBeVisible();
  await slider(page, 'probe x', 6);
  await check(page);
  await shoot(page, SHOTS, '3-flat');
  await endJourney(page, journey);
});
