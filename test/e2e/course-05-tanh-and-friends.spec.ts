import { test } from '@playwright/test';
import { check, checkFails, endJourney, next, openLesson, shoot, startJourney } from './course-steps';

const SHOTS = 'course-05-tanh-and-friends';

test('a learner picks tanh, leaky ReLU and a wave from their curves', async ({ page }) => {
  test.setTimeout(120000);
  const journey = await startJourney(page);
  await openLesson(page, 'Tanh and friends');
  const pick = page.getByRole('combobox', { name: 'Activation function', exact: true });
  await checkFails(page);
  await pick.selectOption('tanh');
  await check(page);
  await shoot(page, SHOTS, '1-tanh');
  await next(page);
  await pick.selectOption('leakyRelu');
  await check(page);
  await shoot(page, SHOTS, '2-leaky');
  await next(page);
  await pick.selectOption('cos');
  await check(page);
  await pick.selectOption('sin');
  await check(page);
  await shoot(page, SHOTS, '3-periodic');
  await endJourney(page, journey);
});
