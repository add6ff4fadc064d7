import { expect, test } from '@playwright/test';
import {
  accuracy,
  check,
  checkFails,
  endJourney,
  epoch,
  next,
  openLesson,
  pauseIfRunning,
  shoot,
  startJourney,
  trainUntil,
} from './course-steps';

const SHOTS = 'course-14-training';

test('a learner races activations, solves the spiral, blows up training, overfits and regularizes', async ({ page }) => {
  test.setTimeout(600000);
  const journey = await startJourney(page);
  await openLesson(page, 'Training a real boundary');
  // 1. The race: predict the winner first (the racers wait at the start until then), then race at 10 epochs a second.
  await expect(page.getByText(/wait at the start line/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'First commit your prediction' })).toBeVisible();
  await page.getByRole('radio', { name: 'Tanh', exact: true }).check();
  await page.getByRole('button', { name: 'Commit my prediction' }).click();
  // Committing does not give the winner away: it locks the prediction, and the learner's own race will judge it.
  const verdict = page.getByRole('region', { name: 'Predict first' }).getByRole('status');
  await expect(verdict).toContainText('Locked in: you predicted Tanh. Now find out: press Train and let every racer');
  await expect(page.getByText(/Tanh gets there first|near epoch 50/)).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('10');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const reached = (name: string) =>
    page
      .getByRole('row', { name: new RegExp(`^${name} `) })
      .getByRole('cell')
      .nth(2);
  await expect(reached('Tanh')).toHaveText(/^\d+$/, { timeout: 60_000 });
  await expect(reached('ReLU')).toHaveText(/^\d+$/, { timeout: 60_000 });
  const racing = await page.getByRole('table', { name: /First epoch at 90 %/ }).innerText();
  console.log(`race table at 10 epochs a second: ${racing.replace(/\s+/g, ' ')}`);
  await shoot(page, SHOTS, '1-race-leaders');
  await checkFails(page);
  // The slow racers: 60 epochs a second (still every epoch measured) until the sigmoid finishes and the linear network drops out.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('60 epochs a second');
  await expect(page.getByText(/^Race over\. First to 90 %: Tanh\.$/)).toBeVisible({ timeout: 120_000 });
  await expect(reached('Sigmoid')).toHaveText(/^\d+$/);
  await expect(reached('Linear')).toHaveText('dropped out');
  // Each racer stopped at its own finish or its limit: the epochs column is where it stopped.
  const epochsOf = async (name: string) =>
    Number(
      await page
        .getByRole('row', { name: new RegExp(`^${name} `) })
        .getByRole('cell')
        .nth(0)
        .innerText(),
    );
  expect(await epochsOf('Linear')).toBe(1000);
  expect(await epochsOf('Sigmoid')).toBe(Number(await reached('Sigmoid').innerText()));
  // The race's table is what the run measured: it settles the prediction, and the explanation follows.
  await expect(verdict).toContainText('Your run agrees with your prediction: it measured Tanh.');
  await expect(verdict).toContainText('never steeper than 1/4');
  const table = await page.getByRole('table', { name: /First epoch at 90 %/ }).innerText();
  test.info().annotations.push({ type: 'race table', description: table.replace(/\s+/g, ' ') });
  console.log(`race table: ${table.replace(/\s+/g, ' ')}`);
  await check(page);
  await shoot(page, SHOTS, '1-race');
  await next(page);
  // 2. The spiral from x1 and x2 alone, at 60 epochs a second: tanh needs over a thousand epochs (the unit test counts them).
  await checkFails(page);
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('60');
  const runs = page.getByRole('table', { name: /Your runs: first epoch at 90 %/ });
  const firstAt = (name: string) =>
    runs
      .getByRole('row', { name: new RegExp(`^${name}\\b`) })
      .getByRole('cell')
      .nth(1);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => epoch(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(300);
  await shoot(page, SHOTS, '2-spiral-training');
  await expect(firstAt('Tanh')).toHaveText(/^\d+$/, { timeout: 120_000 });
  await pauseIfRunning(page);
  const tanhAt = Number(await firstAt('Tanh').innerText());
  expect(tanhAt).toBeGreaterThan(900);
  // Then the others, as the text asks: sine gets there soonest, the linear network never.
  const activation = page.getByRole('combobox', { name: 'Hidden activation' });
  await activation.selectOption('Sine');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(firstAt('Sine')).toHaveText(/^\d+$/, { timeout: 60_000 });
  await pauseIfRunning(page);
  expect(Number(await firstAt('Sine').innerText())).toBeLessThan(tanhAt / 4);
  await activation.selectOption('Linear');
  await trainUntil(page, async () => (await epoch(page)) >= 600, 60_000);
  expect(await accuracy(page)).toBeLessThan(70);
  await expect(firstAt('Linear')).toHaveText('not yet');
  console.log(`lesson 14 step 2, runs: ${(await runs.innerText()).replace(/\s+/g, ' ')}`);
  // Ending on the linear network does not undo the runs that got there.
  await check(page);
  await shoot(page, SHOTS, '2-spiral');
  await next(page);
  // 3. Too big a rate, at one epoch a second: the loss climbs for several epochs before the blow-up.
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('1');
  await page.getByRole('combobox', { name: 'Learning rate', exact: true }).selectOption('3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => epoch(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await shoot(page, SHOTS, '3-too-fast-climbing');
  // The loss chart is tall enough to read the climb: at 130 px its plot was a 45 px strip
  // whose log axis numbered one tick (0.50).
  const chart = page.getByRole('img', { name: /^Loss per epoch/ });
  expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(190);
  const blowUp = page.getByRole('status').filter({ hasText: /Training (blew up|ran away) at epoch/ });
  await expect(blowUp).toBeVisible({ timeout: 30_000 });
  const at = Number(/at epoch (\d+)/.exec(await blowUp.innerText())?.[1]);
  console.log(`lesson 14 step 3: blew up at epoch ${at}`);
  expect(at).toBeGreaterThanOrEqual(5);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  // The message names the epoch the read-out shows, and the chart keeps the climb that led to the blow-up.
  const back = Number(/back at epoch (\d+)/.exec(await blowUp.innerText())?.[1]);
  expect(await epoch(page)).toBe(back);
  await expect(page.getByRole('img', { name: new RegExp(`by epoch ${at}, then back at epoch ${back}$`) })).toBeVisible();
  await check(page);
  await shoot(page, SHOTS, '3-too-fast');
  await next(page);
  // 4. Overfitting, at 60 epochs a second: Train stops by itself at epoch 600, with the test loss well above its low.
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('60');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => epoch(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(150);
  await shoot(page, SHOTS, '4-overfit-training');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible({ timeout: 60_000 });
  expect(await epoch(page)).toBe(600);
  await check(page);
  await shoot(page, SHOTS, '4-overfit');
  await next(page);
  await page.getByRole('combobox', { name: 'Regularization', exact: true }).selectOption('l2');
  await page.getByRole('button', { name: 'Start over' }).click();
  await trainUntil(page, async () => (await epoch(page)) >= 250, 120_000);
  await check(page);
  await shoot(page, SHOTS, '5-regularize');
  await endJourney(page, journey);
});
