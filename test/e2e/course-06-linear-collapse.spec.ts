import { expect, test } from '@playwright/test';
import { accuracy, check, endJourney, epoch, next, openLesson, shoot, startJourney, trainUntil } from './course-steps';

const SHOTS = 'course-06-linear-collapse';

test('a learner watches linear layers collapse, then bends the line with ReLU', async ({ page }) => {
  test.setTimeout(240000);
  const journey = await startJourney(page);
  await openLesson(page, 'Why stacked linear layers collapse');
  await expect(page.getByTestId('collapse-formula')).toBeVisible();
  await trainUntil(page, async () => (await epoch(page)) >= 100);
  await page.getByRole('radio', { name: 'No — its boundary stays a straight line' }).check();
  await check(page);
  await shoot(page, SHOTS, '1-collapse');
  await next(page);
  await page.getByRole('combobox', { name: 'Hidden activation', exact: true }).selectOption('relu');
  await expect(page.getByText('No single map: the collapse is broken.')).toBeVisible();
  await trainUntil(page, async () => (await accuracy(page)) >= 90);
  await check(page);
  await shoot(page, SHOTS, '2-relu');
  await endJourney(page, journey);
});
