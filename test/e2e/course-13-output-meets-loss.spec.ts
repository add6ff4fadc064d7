import { expect, test } from '@playwright/test';
import { check, checkFails, epoch, next, openLesson, shoot, slider, trainUntil } from './course-journey';

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

  // 1. Where does squared error push hardest? Not where the neuron is most wrong.
  await slider(page, 'sum z', -6);
  await checkFails(page);
  await slider(page, 'sum z', -0.7);
  await expect(page.getByTestId('push-value')).toHaveText('−0.1481');
  await check(page);
  await shoot(page, DIR, '1-squared-push');
  await next(page);

  // 2. Measure both pushes at z = −5 and divide.
  await slider(page, 'sum z', -5);
  const cross = num(await page.getByTestId('push-value').innerText());
  await page.getByLabel('Loss', { exact: true }).selectOption({ label: 'Squared error' });
  const squared = num(await page.getByTestId('push-value').innerText());
  expect(cross).toBeCloseTo(-0.9933, 4);
  const box = page.getByLabel('At z = −5, cross-entropy pushes how many times harder?');
  await box.fill(String(squared / cross));
  await checkFails(page);
  await box.fill((cross / squared).toFixed(1));
  await check(page);
  await shoot(page, DIR, '2-cross-entropy-push');
  await next(page);

  // 3. In training: squared error stays stuck at 0 %, cross-entropy recovers in a few epochs.
  await page.getByRole('radio', { name: /flat ends of the sigmoid/ }).check();
  await trainUntil(page, async () => (await epoch(page)) >= 100);
  const runs = page.getByRole('table', { name: /Your runs/ });
  await expect(runs.getByRole('row', { name: /Squared error/ })).toContainText('not yet');
  await checkFails(page);
  await page.getByLabel('Loss', { exact: true }).selectOption({ label: 'Cross-entropy' });
  await trainUntil(page, async () => !(await runs.getByRole('row', { name: /^Cross-entropy/ }).innerText()).includes('not yet'));
  await check(page);
  await shoot(page, DIR, '3-training');
  await next(page);

  // 4. A target of 3: tanh cannot get below 2; a linear output can reach 0.
  await slider(page, 'sum z', 8);
  await expect(page.getByTestId('loss-value')).toHaveText('2.0000');
  await page.getByLabel('The smallest loss a tanh output can reach here').fill('2');
  await checkFails(page);
  await page.getByLabel('Output activation').selectOption({ label: 'Linear (identity)' });
  await slider(page, 'sum z', 3);
  await expect(page.getByTestId('loss-value')).toHaveText('0.0000');
  await check(page);
  await shoot(page, DIR, '4-reach-three');
  expect(crashes).toEqual([]);
});
