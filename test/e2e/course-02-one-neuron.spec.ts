import { expect, test } from '@playwright/test';
import { check, checkFails, endJourney, next, openLesson, shoot, slider, startJourney } from './course-steps';

const SHOTS = 'course-02-one-neuron';

test('a learner tilts a neuron’s line and separates two clusters', async ({ page }) => {
  test.setTimeout(120000);
  const journey = await startJourney(page);
  await openLesson(page, 'One neuron');
  await page.getByRole('button', { name: 'bias', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'bias' });
  await expect(dialog).toContainText('shifts where the neuron switches on');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await slider(page, 'w₁', -1);
  await check(page);
  await shoot(page, SHOTS, '1-flip');
  await next(page);
  await checkFails(page);
  await slider(page, 'w₁', 1);
  await slider(page, 'w₂', 1);
  await slider(page, 'b', 0);
  await expect(page.getByTestId('neuron-score')).toContainText('24 of 24');
  await expect(page.getByTestId('live-formula')).toContainText('1.0⋅1.0+1.0⋅2.0+0.0=3.00');
  await check(page);
  await shoot(page, SHOTS, '2-separate');
  await endJourney(page, journey);
});
