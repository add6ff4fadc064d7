import { expect, test, type Page } from '@playwright/test';
import { check, checkFails, epoch, next, openLesson, predictChoice, said } from './course-kit';
import { shoot } from './course-steps';

/**
 * Lesson 8, "Folding space", solved as a learner would: a prediction committed before layer space
 * is shown, a linear hidden layer trained and stuck below 100 % (its output line pointed to once
 * it leaves the picture), ReLU and then tanh trained to 100 % with the classes split by the output
 * neuron's straight line in layer space.
 */

const SHOTS = '08-folding-space';

async function trainedRight(page: Page): Promise<string> {
  return page.getByTestId('train-accuracy').innerText();
}

/** The close-up of layer space's sharpest bend. */
function closeUp(page: Page) {
  return page.getByRole('img', { name: /^Close-up of layer space/ });
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

  // 1. Predict first: layer space is hidden until the learner commits a prediction, and Check
  //    asks for it. A wrong prediction is corrected and explained; the run is still needed.
  const space = page.getByRole('img', { name: /^Layer space/ });
  await expect(space).toHaveAccessibleName('Layer space is hidden until you commit your prediction.');
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(said(page, 'First commit your prediction')).toBeVisible();
  await predictChoice(page, 'Bent or folded lines');
  await expect(said(page, 'Not this time. You predicted Bent or folded lines; the answer is Still straight')).toBeVisible();
  await expect(said(page, 'A linear layer only multiplies and adds')).toBeVisible();
  await expect(space).toHaveAccessibleName(/the output neuron's straight line/);
  await checkFails(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => epoch(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(60);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  expect(await trainedRight(page)).not.toBe('100 %');
  // The linear layer gives up: its line leaves the picture, and an arrow says where it went.
  await expect(space).toHaveAccessibleName(/arrow at the edge pointing to the output neuron's straight line/);
  // A linear layer neither folds nor bends: no close-up of a bend.
  await expect(closeUp(page)).toHaveCount(0);
  await check(page);
  await shoot(page, 'course', `${SHOTS}-1`);
  await next(page);

  // 2. ReLU: every training point right.
  await checkFails(page);
  await page.getByRole('combobox', { name: 'Hidden activation' }).selectOption('relu');
  await trainToAll(page);
  await expect(closeUp(page)).toHaveAccessibleName(/ReLU hidden layer/);
  await check(page);
  await shoot(page, 'course', `${SHOTS}-2`);
  await next(page);

  // 3. Tanh, predicted to bend before layer space is shown.
  await expect(space).toHaveAccessibleName('Layer space is hidden until you commit your prediction.');
  await expect(closeUp(page)).toHaveCount(0);
  await predictChoice(page, 'It bends the plane into smooth curves');
  await expect(said(page, 'Your prediction was right')).toBeVisible();
  await page.getByRole('combobox', { name: 'Hidden activation' }).selectOption('tanh');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('60');
  await trainToAll(page);
  await expect(space).toHaveAccessibleName(/with the output neuron's straight line dashed/);
  await expect(closeUp(page)).toHaveAccessibleName(/Tanh hidden layer/);
  // The explanation says why, and no longer tells the learner to do what they have just done.
  await expect(said(page, 'Tanh is a smooth S')).not.toContainText('Now');
  await check(page);
  await shoot(page, 'course', `${SHOTS}-3`);
});
