import { expect, test } from '@playwright/test';
import { check, checkFails, epoch, next, openLesson, predictChoice, said, shoot, slider, trainUntil } from './course-journey';

/**
 * Lesson 13 as a learner takes it: find where squared error pushes hardest, measure the
 * cross-entropy/squared-error ratio at z = −5 from the read-outs, race the two losses from a
 * confidently wrong start, and make a target of 3 reachable — each step checked, a wrong try
 * first, screenshots in light and dark.
 */
const DIR = 'course-13';
const num = (text: string): number => Number(text.replace('−', '-'));

test('lesson 13: the output meets its loss', async ({ page }) => {
  test.setTimeout(240_000);
  const crashes = await openLesson(page, 'The output meets its loss');
  await page.setViewportSize({ width: 1280, height: 1400 });

  // 1. Where does squared error push hardest? The step's question is answered in the prediction
  //    box first (the read-outs wait for it); then the learner finds the z.
  await expect(page.getByTestId('push-value')).toHaveCount(0);
  await shoot(page, DIR, '1-squared-push-before');
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(said(page, 'First commit your prediction')).toBeVisible();
  await predictChoice(page, 'No: the push is strongest somewhere nearer to 0');
  await expect(said(page, 'Your prediction was right')).toBeVisible();
  await slider(page, 'sum z', -6);
  await checkFails(page);
  await slider(page, 'sum z', -0.7);
  await expect(page.getByTestId('push-value')).toHaveText('−0.1481');
  await check(page);
  await shoot(page, DIR, '1-squared-push');
  await next(page);

  // 2. Predict roughly (a wrong guess), then measure both pushes at z = −5 and divide.
  await expect(page.getByTestId('push-value')).toHaveCount(0);
  await shoot(page, DIR, '2-cross-entropy-push-before');
  await predictChoice(page, 'About 10 times');
  await expect(said(page, 'Not this time. You predicted About 10 times; the answer is More than 100 times.')).toBeVisible();
  await slider(page, 'sum z', -5);
  const cross = num(await page.getByTestId('push-value').innerText());
  await page.getByLabel('Loss', { exact: true }).selectOption({ label: 'Squared error' });
  const squared = num(await page.getByTestId('push-value').innerText());
  expect(cross).toBeCloseTo(-0.9933, 4);
  const box = page.getByLabel('At z = −5, cross-entropy pushes how many times harder?');
  await box.fill(String(squared / cross));
  await checkFails(page);
  // Written as a learner might: the ratio rounded, with a times sign.
  await box.fill(`${Math.round(cross / squared)}×`);
  await check(page);
  await shoot(page, DIR, '2-cross-entropy-push');
  await next(page);

  // 3. In training: predict first (the table waits for it); squared error stays stuck at 0 %, cross-entropy recovers in a few epochs.
  await expect(page.getByRole('table', { name: /Your runs/ })).toHaveCount(0);
  // The follow-up question names the answer: it waits for the prediction and for squared error's run.
  const why = page.getByRole('group', { name: 'Why does squared error leave this neuron stuck?' });
  await expect(why).toHaveCount(0);
  await shoot(page, DIR, '3-training-before');
  await predictChoice(page, 'Cross-entropy');
  await expect(said(page, 'Your prediction was right: Cross-entropy.')).toBeVisible();
  await expect(why).toHaveCount(0);
  await shoot(page, DIR, '3-training-committed');
  await trainUntil(page, async () => (await epoch(page)) >= 100);
  const runs = page.getByRole('table', { name: /Your runs/ });
  await expect(runs.getByRole('row', { name: /Squared error/ })).toContainText('not yet');
  await why.getByRole('radio', { name: /flat ends of the sigmoid/ }).check();
  await checkFails(page);
  await page.getByLabel('Loss', { exact: true }).selectOption({ label: 'Cross-entropy' });
  await trainUntil(page, async () => !(await runs.getByRole('row', { name: /^Cross-entropy/ }).innerText()).includes('not yet'));
  await check(page);
  await shoot(page, DIR, '3-training');
  await next(page);

  // 4. A target of 3: predict tanh's floor (typed with a decimal comma), see it stop at 2, then a linear output reaches 0.
  await expect(page.getByTestId('loss-value')).toHaveCount(0);
  await shoot(page, DIR, '4-reach-three-before');
  await page.getByRole('textbox', { name: /smallest squared error ½\(y − t\)² it can ever reach/ }).fill('2,0');
  await page.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(said(page, 'Your prediction was right: 2.')).toBeVisible();
  await slider(page, 'sum z', 8);
  await expect(page.getByTestId('loss-value')).toHaveText('2.0000');
  // The push is tiny there, never a signed zero.
  await expect(page.getByTestId('push-value')).toHaveText(/^−\d\.\de-7$/);
  await checkFails(page);
  await page.getByLabel('Output activation').selectOption({ label: 'Linear (identity)' });
  await slider(page, 'sum z', 3);
  await expect(page.getByTestId('loss-value')).toHaveText('0.0000');
  await check(page);
  await shoot(page, DIR, '4-reach-three');
  expect(crashes).toEqual([]);
});
