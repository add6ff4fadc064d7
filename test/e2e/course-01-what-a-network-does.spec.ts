import { expect, test } from '@playwright/test';
import { check, checkFails, checkNeedsPrediction, endJourney, next, openLesson, predict, shoot, startJourney } from './course-steps';

const SHOTS = 'course-01-what-a-network-does';

test('a learner predicts the inputs of a photo and of a digit, then finds a grey picture as big as the photo', async ({ page }) => {
  test.setTimeout(120000);
  const journey = await startJourney(page);
  await openLesson(page, 'What a network does');
  // The count is hidden until the prediction is committed (issue #15: it used to print 30,000 first).
  await expect(page.getByText('The count stays hidden until you commit your prediction.')).toBeVisible();
  await expect(page.getByText(/30,000/)).toHaveCount(0);
  await expect(page.getByTestId('live-formula')).toHaveCount(0);
  await checkNeedsPrediction(page);
  await shoot(page, SHOTS, '1-photo-predict');
  // Typed as much of Europe writes 30,000 (#15: "30.000" was read as 30 and refused).
  await predict(page, /^How many numbers does a colour photo/, '30.000', true);
  await expect(page.getByRole('region', { name: 'Predict first' })).toContainText('Your prediction was right: 30,000 inputs.');
  await expect(page.getByText('This picture feeds 30,000 numbers into the network.')).toBeVisible();
  // The photo itself is not the answer: a greyscale picture with as many numbers is.
  await checkFails(page);
  await page.getByRole('combobox', { name: 'Colour channels', exact: true }).selectOption('1');
  await page.getByLabel('Width in pixels').fill('200');
  await page.getByLabel('Height in pixels').fill('150');
  await expect(page.getByText('This picture feeds 30,000 numbers into the network.')).toBeVisible();
  await check(page);
  await shoot(page, SHOTS, '1-photo');
  await next(page);
  // A wrong prediction (the colour count) still lets the learner see and finish the step.
  await expect(page.getByText('The count stays hidden until you commit your prediction.')).toBeVisible();
  await predict(page, /^How many inputs does a greyscale picture/, '2352', false);
  await expect(page.getByRole('region', { name: 'Predict first' })).toContainText('the answer is 784 inputs');
  await page.getByLabel('Width in pixels').fill('28');
  await page.getByLabel('Height in pixels').fill('28');
  await checkFails(page);
  await page.getByRole('combobox', { name: 'Colour channels', exact: true }).selectOption('1');
  await expect(page.getByText('feeds 784 numbers')).toBeVisible();
  await check(page);
  await shoot(page, SHOTS, '2-digits');
  await endJourney(page, journey);
});
