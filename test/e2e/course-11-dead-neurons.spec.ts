import { expect, test, type Page } from '@playwright/test';
import { check, checkFails, epoch, expectLabelBesideMenu, next, openLesson, trainUntil } from './course-kit';
import { shoot } from './course-steps';

/**
 * Lesson 11, "Dead neurons", solved as a learner would: learning rate 3 kills ReLU neurons,
 * lowering it does not bring them back, leaky ReLU's slope left of 0 read with the explorer's
 * cursor, and leaky ReLU at learning rate 3 losing none and learning the circle.
 */

const SHOTS = 'course-11-dead-neurons';

async function deadCount(page: Page): Promise<number> {
  return page
    .getByRole('list', { name: 'Hidden neurons' })
    .getByRole('listitem', { name: /: dead$/ })
    .count();
}

async function accuracy(page: Page): Promise<number> {
  return Number.parseFloat(await page.getByTestId('test-accuracy').innerText());
}

async function rate(page: Page, value: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Learning rate' }).selectOption(value);
}

test('lesson 11: a learner kills ReLU neurons with a big step and keeps them alive with leaky ReLU', async ({ page }) => {
  test.setTimeout(240_000);
  await openLesson(page, 'Dead neurons');

  // 1. Predict first (the neurons are hidden until then). Committing locks the guess; at 0.03 none
  //    die and nothing is revealed; at 3 (started over) the learner's own run counts the dead after
  //    ten epochs, and the reveal compares that count with the guess.
  await expect(page.getByRole('list', { name: 'Hidden neurons' })).toHaveCount(0);
  await page.getByRole('textbox', { name: /^How many of the 16 neurons/ }).fill('four');
  await page.getByRole('button', { name: 'Commit my prediction' }).click();
  const verdict = page.getByRole('status').filter({ hasText: 'you predicted 4 neurons' });
  await expect(verdict).toContainText('Locked in: you predicted 4 neurons. Now find out:');
  await expect(verdict).not.toContainText('9');
  await shoot(page, SHOTS, '1-locked');
  await trainUntil(page, 10);
  expect(await deadCount(page)).toBe(0);
  await expect(verdict).toContainText('Locked in');
  await checkFails(page);
  // The learner's walk: raised to 3 without Start over and trained ten more epochs. That is not
  // the experiment: the run measures nothing, and Check says what to do instead.
  await rate(page, '3');
  await trainUntil(page, 20);
  await expect(verdict).toContainText('Locked in');
  await expect(verdict).not.toContainText('your run measured');
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'not the experiment. Press Start over with learning rate 3, then train 10 epochs.' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Start over' }).click();
  await trainUntil(page, 10);
  const counted = await deadCount(page);
  console.log(`lesson 11 step 1: dead after ten epochs at learning rate 3, counted in the page: ${counted}`);
  expect(counted).toBe(9);
  await expect(verdict).toContainText('Your run says otherwise: you predicted 4 neurons; your run measured 9 neurons.');
  await expect(verdict).toContainText('Each crossed-out dot');
  await check(page);
  await shoot(page, SHOTS, '1');
  await next(page);

  // 2. Predicted first (the neurons are hidden until then), then killed at 3 and trained at 0.03 for
  //    fifty epochs more: still dead, still a coin toss.
  await expect(page.getByRole('list', { name: 'Hidden neurons' })).toHaveCount(0);
  await shoot(page, SHOTS, '2-predict');
  await page.getByRole('radio', { name: 'None of them', exact: true }).check();
  await page.getByRole('button', { name: 'Commit my prediction' }).click();
  await trainUntil(page, 10);
  const killed = await deadCount(page);
  expect(killed).toBeGreaterThanOrEqual(4);
  await rate(page, '0.03');
  await checkFails(page);
  const switched = await epoch(page);
  await trainUntil(page, switched + 60);
  expect(await deadCount(page)).toBe(killed);
  expect(await accuracy(page)).toBeLessThan(60);
  await check(page);
  await shoot(page, SHOTS, '2');
  await next(page);

  // 3. Left of 0 ReLU is flat; leaky ReLU keeps a slope of 0.01 there.
  const relu = page.getByRole('slider', { name: 'Read-out cursor on ReLU' });
  await relu.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
  await expect(page.getByRole('status').filter({ hasText: /^x = −2\.00/ })).toContainText('f′(x) = 0');
  await checkFails(page);
  await page.getByRole('combobox', { name: 'Activation to explore' }).selectOption('leakyRelu');
  await expect(page.getByRole('status').filter({ hasText: /^x = −2\.00/ })).toContainText('f′(x) = 0.01');
  await check(page);
  await shoot(page, SHOTS, '3');
  await next(page);

  // 4. Leaky ReLU at the same learning rate: nobody dies, the big step switches neurons off on
  //    every example (where a ReLU would die), the chart shows them coming back, and the circle is learned.
  await page.getByRole('combobox', { name: 'Hidden activation' }).selectOption('leakyRelu');
  await trainUntil(page, 10);
  expect(await deadCount(page)).toBe(0);
  const off = page.getByRole('list', { name: 'Hidden neurons' }).getByRole('listitem', { name: /: switched off, still learning$/ });
  expect(await off.count()).toBeGreaterThan(0);
  const chart = page.getByRole('figure', { name: 'Switched off on every example, per layer' });
  await expect(chart).toContainText(/layer 2: [0-7] of 8 now \(at most 8, at epoch \d+\)/);
  expect(await accuracy(page)).toBeGreaterThanOrEqual(90);
  await check(page);
  // The text asks for about forty epochs: by then the chart shows layer 2's neurons come back one by one.
  await trainUntil(page, 40);
  await expect(chart).toContainText(/layer 2: [0-4] of 8 now \(at most 8, at epoch \d+\)/);
  expect(await deadCount(page)).toBe(0);
  for (const name of ['Hidden activation', 'Learning rate', 'Speed']) await expectLabelBesideMenu(page, name);
  await shoot(page, SHOTS, '4');

  // The lesson reopened after a restart: step 1 shows the prediction as it was committed, with
  // what the run measured, and does not ask for it again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dead neurons', level: 2 })).toBeVisible();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByText(/^Step 1 of 4: One big step too many/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Commit my prediction' })).toHaveCount(0);
  await expect(verdict).toContainText('you predicted 4 neurons; your run measured 9 neurons.');
});
