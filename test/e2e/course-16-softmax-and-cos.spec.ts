import { test } from '@playwright/test';
import { check, endJourney, next, openLesson, shoot, slider, startJourney, trainUntil } from './course-steps';

const SHOTS = 'course-16-softmax-and-cos';

test('a learner makes softmax confident, trains cos and compares with ReLU without losing the step', async ({ page }) => {
  test.setTimeout(240000);
  const journey = await startJourney(page);
  await openLesson(page, 'Softmax and the controversial cosine');
  await slider(page, 'score z₁', 0);
  await slider(page, 'score z₂', 3);
  await slider(page, 'score z₃', 0);
  await check(page);
  await shoot(page, SHOTS, '1-softmax');
  await next(page);
  const activation = page.getByRole('combobox', { name: 'Hidden activation', exact: true });
  await activation.selectOption('cos');
  await trainUntil(page, async () => (await page.getByRole('row', { name: /^Cosine \d+$/ }).count()) === 1);
  await check(page);
  // Comparing with ReLU, as the step asks, keeps the step passed (bug 2).
  await activation.selectOption('relu');
  await trainUntil(page, async () => (await page.getByRole('row', { name: /^ReLU \d+$/ }).count()) === 1);
  await check(page);
  await shoot(page, SHOTS, '2-cosine');
  await endJourney(page, journey);
});
