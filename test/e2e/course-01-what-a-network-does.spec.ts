import { expect, test } from '@playwright/test';
import { check, checkFails, endJourney, next, openLesson, shoot, startJourney } from './course-steps';

const SHOTS = 'course-01-what-a-network-does';

test('a learner counts the inputs of a photo and of a digit', async ({ page }) => {
  test.setTimeout(120000);
  const journey = await startJourney(page);
  await openLesson(page, 'What a network does');
  await page.getByLabel('Number of inputs:').fill('10000');
  await checkFails(page);
  await page.getByLabel('Number of inputs:').fill('30000');
  await check(page);
  await shoot(page, SHOTS, '1-photo');
  await next(page);
  await page.getByLabel('Width in pixels').fill('28');
  await page.getByLabel('Height in pixels').fill('28');
  await page.getByRole('combobox', { name: 'Colour channels', exact: true }).selectOption('1');
  await expect(page.getByText('feeds 784 numbers')).toBeVisible();
  await page.getByLabel('Number of inputs:').fill('784');
  await check(page);
  await shoot(page, SHOTS, '2-digits');
  await endJourney(page, journey);
});
