import { expect, test, type Page } from '@playwright/test';
import { check, checkFails, epoch, next, openLesson, shoot } from './course-kit';

/**
 * Lesson 8, "Folding space", solved as a learner would: a prediction before layer space is shown,
 * a linear hidden layer trained and stuck below 100 %, ReLU and then tanh trained to 100 % with
 * the classes split by the output neuron's straight line in layer space.
 */

const SHOTS = 'test-results/course/08-folding-space';

async function trainedRight(page: Page): Promise<string> {
  return page.getByTestId('train-accuracy').innerText();
}

/** Trains until every training point is right (starting over when a start gets stuck), then pauses. */
async function trainToAll(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    try {
      await expect.poll(() => trainedRight(page), { timeout: 45_000 }).toBe('100 %');
    } catch {
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.getByRole('button', { name: 'Start over' }).click();
      continue;
    }
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
    if ((await trainedRight(page)) === '100 %') return;
  }
  throw new Error('training never got every point right');
}

test('lesson 8: a learner sees a linear layer stretch the plane and ReLU and tanh fold and bend it', async ({ page }) => {
  test.setTimeout(180_000);
  await openLesson(page, 'Folding space');

  // 1. Predict first: layer space is hidden until the learner answers.
  const space = page.getByRole('img', { name: /^Layer space/ });
  await expect(space).toHaveAccessibleName('Layer space is hidden until you answer the question.');
  await page.getByRole('radio', { name: /^Bent or folded/ }).check();
  await expect(space).toHaveAccessibleName(/the output neuron's straight line/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => epoch(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(60);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(await trainedRight(page)).not.toBe('100 %');
  await checkFails(page);
  await page.getByRole('radio', { name: /^Still straight/ }).check();
  await check(page);
  await shoot(page, `${SHOTS}-1`);
  await next(page);

  // 2. ReLU: every training point right.
  await checkFails(page);
  await page.getByRole('combobox', { name: 'Hidden activation' }).selectOption('relu');
  await trainToAll(page);
  await check(page);
  await shoot(page, `${SHOTS}-2`);
  await next(page);

  // 3. Tanh, predicted to bend.
  await page.getByRole('radio', { name: /bends the plane/ }).check();
  await page.getByRole('combobox', { name: 'Hidden activation' }).selectOption('tanh');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('60');
  await trainToAll(page);
  await check(page);
  await shoot(page, `${SHOTS}-3`);
});
