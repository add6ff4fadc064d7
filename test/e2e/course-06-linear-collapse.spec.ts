import { expect, test } from '@playwright/test';
import {
  accuracy,
  check,
  checkNeedsPrediction,
  endJourney,
  epoch,
  next,
  openLesson,
  predict,
  shoot,
  startJourney,
  trainUntil,
} from './course-steps';

const SHOTS = 'course-06-linear-collapse';

test('a learner predicts that linear layers cannot bend, watches them collapse, then bends the line with ReLU', async ({ page }) => {
  test.setTimeout(240000);
  const journey = await startJourney(page);
  await openLesson(page, 'Why stacked linear layers collapse');
  // The single map and the accuracy wait for the prediction.
  await expect(page.getByTestId('collapse-formula')).toHaveCount(0);
  await expect(page.getByTestId('test-accuracy')).toHaveCount(0);
  await checkNeedsPrediction(page);
  await shoot(page, SHOTS, '1-collapse-predict');
  // The options are bare answers: the reason comes after the commit.
  await expect(page.getByRole('radio', { name: /straight/ })).toHaveCount(0);
  await predict(page, /^Can this network ever separate the circle\?/, 'No', true, 'choice');
  await expect(page.getByTestId('collapse-formula')).toBeVisible();
  // Both plots say they draw the boundary as a line.
  await expect(page.getByRole('img', { name: /^The network's answer over the plane; the line is the decision boundary/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^The single affine map .*; the line is its decision boundary/ })).toBeVisible();
  await trainUntil(page, async () => (await epoch(page)) >= 100);
  expect(await accuracy(page)).toBeLessThan(80);
  await check(page);
  await shoot(page, SHOTS, '1-collapse');
  await next(page);
  // Step 2 asks before it shows too: the accuracy waits for the prediction.
  await expect(page.getByTestId('test-accuracy')).toHaveCount(0);
  await checkNeedsPrediction(page);
  await shoot(page, SHOTS, '2-relu-predict');
  await predict(page, /^With ReLU in the hidden layers, can this network separate the circle\?/, 'Yes', true, 'choice');
  await page.getByRole('combobox', { name: 'Hidden activation', exact: true }).selectOption('relu');
  await expect(page.getByText('No single map: the collapse is broken.')).toBeVisible();
  await trainUntil(page, async () => (await accuracy(page)) >= 90);
  await check(page);
  await shoot(page, SHOTS, '2-relu');
  await endJourney(page, journey);
});
