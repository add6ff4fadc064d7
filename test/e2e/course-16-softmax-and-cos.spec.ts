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

// Screenshots at the size the course is reviewed at.
test.use({ viewport: { width: 1280, height: 800 } });

const SHOTS = 'course-16-softmax-and-cos';

test('a learner predicts the score softmax needs for 90 %, finds it below zero, and races cosine against ReLU and tanh', async ({
  page,
}) => {
  test.setTimeout(300000);
  const journey = await startJourney(page);
  await openLesson(page, 'Softmax and the controversial cosine');
  const bars = page.getByRole('list', { name: 'Probabilities after softmax' });

  // 1. Predict first (the bars hide their numbers), typed with a decimal comma.
  await expect(bars).toContainText('? %');
  await checkNeedsPrediction(page);
  await shoot(page, SHOTS, '1-softmax-predict');
  await predict(page, /^Scores z₁ and z₃ stay at 0\. What score z₂/, '2,9', true);
  await slider(page, 'score z₂', 2.9);
  await expect(bars).toContainText('90.1 %');
  // 90 %, but with z₂ above 0: Check says what is left.
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Class 2 is at 90 %, good. Now get the same 90 % with z₂ at 0 or below.' }),
  ).toBeVisible();
  await slider(page, 'score z₁', -3.9);
  await slider(page, 'score z₃', -3.9);
  await slider(page, 'score z₂', -1);
  await expect(bars.getByRole('listitem').nth(1)).toContainText('90.1 %');
  await expect(page.getByTestId('live-formula')).toContainText('0.901');
  await check(page);
  await shoot(page, SHOTS, '1-softmax');
  await next(page);

  // 2. The race: the racers wait until the prediction is committed, then race at 10 epochs a second.
  await expect(page.getByText(/wait at the start line/)).toBeVisible();
  await checkNeedsPrediction(page);
  await shoot(page, SHOTS, '2-cosine-predict');
  await predict(page, /^Which network will reach 90 % test accuracy on the three-arm spiral first\?/, 'Cosine', true, 'choice');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('10');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const reached = (name: string) =>
    page
      .getByRole('row', { name: new RegExp(`^${name} `) })
      .getByRole('cell')
      .nth(2);
  await expect(reached('Cosine')).toHaveText(/^\d+$/, { timeout: 90_000 });
  await expect(reached('ReLU')).toHaveText('not yet');
  // The loss chart is tall enough to tell three curves apart under its legend and axis titles
  // (at 140 px the plot was a 60 px strip and ReLU's and tanh's lines ran into one).
  const chart = page.getByRole('img', { name: /^Test loss of each racer per epoch/ });
  expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(200);
  await shoot(page, SHOTS, '2-cosine-leads');
  await checkFails(page);
  // The others: 60 epochs a second (every epoch still measured) until ReLU finishes and tanh drops out.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('60 epochs a second');
  await expect(page.getByText(/^Race over\. First to 90 %: Cosine\.$/)).toBeVisible({ timeout: 200_000 });
  await expect(reached('ReLU')).toHaveText(/^\d+$/);
  await expect(reached('Tanh')).toHaveText('dropped out');
  const table = await page.getByRole('table', { name: /First epoch at 90 %/ }).innerText();
  test.info().annotations.push({ type: 'race table', description: table.replace(/\s+/g, ' ') });
  console.log(`race table: ${table.replace(/\s+/g, ' ')}`);
  await check(page);
  await shoot(page, SHOTS, '2-cosine');
  await endJourney(page, journey);
});
