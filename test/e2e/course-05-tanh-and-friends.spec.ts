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

const SHOTS = 'course-05-tanh-and-friends';

test('a learner predicts tanh’s range, the leaky slope and where the sine returns to zero, then shows each with the probe', async ({
  page,
}) => {
  test.setTimeout(120000);
  const journey = await startJourney(page);
  await openLesson(page, 'Tanh and friends');
  const pick = page.getByRole('combobox', { name: 'Activation function', exact: true });
  const hidden = page.getByText('output and slope hidden until you commit your prediction');
  // 1. Tanh's range, reasoned from σ; the read-out and description wait for the prediction.
  await pick.selectOption('tanh');
  await expect(hidden).toBeVisible();
  await expect(page.getByText('Squashes any number into the range between −1 and 1')).toHaveCount(0);
  // Its flat ends at −1 and 1 are the answer: no curve is drawn before the prediction.
  await expect(page.getByRole('img', { name: /^Plot of Tanh .*, the curves hidden until you commit your prediction/ })).toBeVisible();
  await checkNeedsPrediction(page);
  await shoot(page, SHOTS, '1-tanh-predict');
  await predict(page, /^tanh\(x\) = 2σ\(2x\) − 1/, '−1 and 1', true, 'choice');
  await expect(page.getByText('Squashes any number into the range between −1 and 1')).toBeVisible();
  await expect(page.getByRole('img', { name: /^Plot of Tanh \(solid\) and its slope \(dashed\), with the probe/ })).toBeVisible();
  // Picking Tanh alone does not pass: the probe starts on the right (#15: it started at −2, already below −0.9).
  await checkFails(page);
  await slider(page, 'probe x', -1);
  await checkFails(page);
  await slider(page, 'probe x', -2);
  await expect(page.getByText('output -0.96403')).toBeVisible();
  await check(page);
  await shoot(page, SHOTS, '1-tanh');
  await next(page);
  // 2. A wrong guess first (ELU), then the answer shown with the probe on the left.
  await pick.selectOption('elu');
  await expect(hidden).toBeVisible();
  // The slopes near 0 are there to study before committing, magnified, without numbers.
  await expect(page.getByText(/The box at the top left magnifies the slope near 0 across the whole plot/)).toBeVisible();
  await predict(page, /^Which one has a slope on the left/, 'ELU', false, 'choice');
  await expect(page.getByRole('region', { name: 'Predict first' })).toContainText('the answer is Leaky ReLU');
  await checkFails(page);
  await pick.selectOption('leakyRelu');
  await expect(page.getByText('output 2.00000 · slope 1.00000')).toBeVisible();
  await checkFails(page);
  await slider(page, 'probe x', -2);
  await expect(page.getByText('output -0.02000 · slope 0.01000')).toBeVisible();
  // Leaky ReLU's 0.01 is magnified in an inset (at full scale it looks like ReLU's 0).
  await expect(page.getByText(/The box at the top left magnifies the slope .* here it is 0\.01000, a little above the axis/)).toBeVisible();
  await check(page);
  await shoot(page, SHOTS, '2-leaky');
  await next(page);
  // 3. Where the sine is back at zero.
  await pick.selectOption('sin');
  await expect(hidden).toBeVisible();
  await expect(page.getByRole('img', { name: /^Plot of Sine .*, the curves hidden until you commit your prediction/ })).toBeVisible();
  // Text the box cannot read says what to type; "π" itself counts (#15: it left Commit disabled, silently).
  const sineBox = page.getByRole('textbox', { name: /^The sine gives 0 at x = 0/ });
  await sineBox.fill('three-ish');
  await expect(page.getByText(/I cannot read that as a number\. Type a number, such as/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Commit my prediction' })).toBeDisabled();
  await predict(page, /^The sine gives 0 at x = 0/, 'π', true);
  await checkFails(page);
  await slider(page, 'probe x', 3.1);
  await expect(page.getByText('output 0.04158')).toBeVisible();
  await check(page);
  await shoot(page, SHOTS, '3-periodic');
  await endJourney(page, journey);
});
