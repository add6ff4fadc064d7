import { test } from '@playwright/test';
import { check, endJourney, next, openLesson, shoot, slider, startJourney } from './course-steps';

const SHOTS = 'course-04-sigmoid';

test('a learner reads the sigmoid and finds where it goes flat', async ({ page }) => {
  test.setTimeout(120000);
  const journey = await startJourney(page);
  await openLesson(page, 'Sigmoid');
  await slider(page, 'probe x', 0);
  await page.getByLabel('σ(0) is').fill('0.5');
  await check(page);
  await shoot(page, SHOTS, '1-middle');
  await next(page);
  await slider(page, 'probe x', 3);
  await page.getByLabel('σ(3) is, to two decimals,').fill('0.95');
  await check(page);
  await shoot(page, SHOTS, '2-three');
  await next(page);
  await slider(page, 'probe x', 6);
  await check(page);
  await shoot(page, SHOTS, '3-flat');
  await endJourney(page, journey);
});
