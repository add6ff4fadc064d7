import { expect, test } from '@playwright/test';
import { accuracy, check, checkFails, endJourney, epoch, next, openLesson, shoot, startJourney, trainUntil } from './course-steps';

const SHOTS = 'course-14-training';

test('a learner races activations, solves the spiral, blows up training, overfits and regularizes', async ({ page }) => {
  test.setTimeout(600000);
  const journey = await startJourney(page);
  await openLesson(page, 'Training a real boundary');
  const activation = page.getByRole('combobox', { name: 'Hidden activation', exact: true });
  await activation.selectOption('tanh');
  await trainUntil(page, async () => (await page.getByRole('row', { name: /^Tanh \d+$/ }).count()) === 1);
  await activation.selectOption('relu');
  await trainUntil(page, async () => (await page.getByRole('row', { name: /^ReLU \d+$/ }).count()) === 1);
  await check(page);
  await shoot(page, SHOTS, '1-race');
  await next(page);
  // The spiral from x1 and x2 alone: tanh needs over a thousand epochs (the unit test counts them).
  await checkFails(page);
  await trainUntil(page, async () => (await accuracy(page)) >= 90, 240_000);
  expect(await epoch(page)).toBeGreaterThan(900);
  await check(page);
  await shoot(page, SHOTS, '2-spiral');
  await next(page);
  await page.getByRole('combobox', { name: 'Learning rate', exact: true }).selectOption('10');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Training (blew up|ran away)/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await check(page);
  await shoot(page, SHOTS, '3-too-fast');
  await next(page);
  // Overfitting: the test loss stands far above a training loss near zero.
  await trainUntil(page, async () => (await epoch(page)) >= 250, 120_000);
  await check(page);
  await shoot(page, SHOTS, '4-overfit');
  await next(page);
  await page.getByRole('combobox', { name: 'Regularization', exact: true }).selectOption('l2');
  await page.getByRole('button', { name: 'Start over' }).click();
  await trainUntil(page, async () => (await epoch(page)) >= 250, 120_000);
  await check(page);
  await shoot(page, SHOTS, '5-regularize');
  await endJourney(page, journey);
});
