import { expect, test, type Locator, type Page } from '@playwright/test';
import { next, openLesson, startJourney } from './course-steps';

/**
 * A live lesson trainer keeps telling the truth after the learner changes step: its Train/Pause
 * button says what the engine is doing and works, Pause stops the epochs, and nothing trains
 * where it cannot be seen (another step, another lesson, the Lab). Lesson 18 keeps one digits
 * network for all its steps, so its run outlives each step's widget; the other live trainers
 * make one per step. Svelte's `derived_inert` warning means a view read a value that stopped
 * updating when the widget that made it was closed, so the console must never show one.
 */

/** Console warnings that say a derived value outlived its owner (dev and production wording). */
function watchInert(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('derived_inert')) seen.push(message.text());
  });
  return seen;
}

/** Lesson 18's epoch as the learner reads it. */
function digitsEpoch(page: Page): () => Promise<number> {
  const shown = page.getByLabel('Epoch', { exact: true });
  return async () => Number(await shown.innerText());
}

/** The live trainers' epoch (TrainerControls or the trainer's read-out). */
function trainerEpoch(page: Page): () => Promise<number> {
  const shown = page.getByTestId('epoch');
  return async () => Number(await shown.innerText());
}

const trainButton = (page: Page): Locator => page.getByRole('button', { name: 'Train', exact: true });
const pauseButton = (page: Page): Locator => page.getByRole('button', { name: 'Pause', exact: true });

/** The epoch goes up while the button offers Pause; returns how long one epoch took, in ms. */
async function expectRising(page: Page, epoch: () => Promise<number>): Promise<number> {
  await expect(pauseButton(page)).toBeVisible();
  const from = await epoch();
  const started = Date.now();
  await expect.poll(epoch, { timeout: 60_000, intervals: [250] }).toBeGreaterThan(from);
  return Date.now() - started;
}

/** The button offers Train and the epoch stands still for longer than an epoch takes. */
async function expectStill(page: Page, epoch: () => Promise<number>, epochMs: number): Promise<void> {
  await expect(trainButton(page)).toBeVisible();
  // A pause lands between two time slices: let the last snapshot arrive, then watch.
  await page.waitForTimeout(500);
  const first = await epoch();
  await page.waitForTimeout(Math.max(3000, 3 * epochMs));
  expect(await epoch(), 'the epoch went on rising while the button offered Train').toBe(first);
  await expect(trainButton(page)).toBeVisible();
}

/** Train, watch the epoch rise, Pause, watch it stop; returns how long one epoch took. */
async function trainThenPause(page: Page, epoch: () => Promise<number>): Promise<number> {
  await trainButton(page).click();
  const epochMs = await expectRising(page, epoch);
  await pauseButton(page).click();
  await expectStill(page, epoch, epochMs);
  return epochMs;
}

/** Opens lesson 18 with a small hidden layer (quick epochs: the bug is the same at any size). */
async function openDigits(page: Page): Promise<void> {
  await startJourney(page);
  await openLesson(page, 'Pixels are inputs');
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('combobox', { name: 'Neurons in hidden layer 1' }).selectOption('8');
  await expect(page.getByLabel('Epoch', { exact: true })).toHaveText('0');
}

test('lesson 18: after Train, Pause and Next, Train and Pause still work on step 2', async ({ page }) => {
  test.setTimeout(240_000);
  const inert = watchInert(page);
  await openDigits(page);
  const epoch = digitsEpoch(page);

  const epochMs = await trainThenPause(page, epoch);
  await next(page);
  await expect(page.getByText('Step 2 of 3')).toBeVisible();
  await expectStill(page, epoch, epochMs);
  await trainThenPause(page, epoch);
  expect(inert).toEqual([]);
});

test('lesson 18: Next while training stops it, and step 3 offers Train, which works', async ({ page }) => {
  test.setTimeout(240_000);
  const inert = watchInert(page);
  await openDigits(page);
  const epoch = digitsEpoch(page);

  await next(page);
  await expect(page.getByText('Step 2 of 3')).toBeVisible();
  await trainButton(page).click();
  const epochMs = await expectRising(page, epoch);
  await next(page);
  await expect(page.getByText('Step 3 of 3')).toBeVisible();
  // Nothing trains unseen, so the step arrives paused, and says so.
  await expectStill(page, epoch, epochMs);
  await trainThenPause(page, epoch);
  expect(inert).toEqual([]);
  // The digit menu is named by the words it shows.
  await page.getByRole('combobox', { name: 'I drew the digit', exact: true }).selectOption('3');
  await expect(page.getByRole('combobox', { name: 'I drew the digit', exact: true })).toHaveValue('3');
  await page.getByRole('region', { name: 'Try it' }).screenshot({ path: 'test-results/lesson-trainers/18-step-3.png' });
});

test('lesson 18: leaving for the Lab or another lesson pauses the digits network', async ({ page }) => {
  test.setTimeout(240_000);
  const inert = watchInert(page);
  await openDigits(page);
  const epoch = digitsEpoch(page);

  await trainButton(page).click();
  const epochMs = await expectRising(page, epoch);
  const left = await epoch();
  await page.getByRole('tab', { name: 'Lab' }).click();
  // Long enough for six more epochs, had it gone on training.
  await page.waitForTimeout(Math.max(6000, 6 * epochMs));
  await page.getByRole('tab', { name: 'Lessons' }).click();
  // The pause lands within an epoch or two of the learner leaving (the one under way, one in flight).
  expect(await epoch()).toBeLessThanOrEqual(left + 2);
  await expectStill(page, epoch, epochMs);

  await trainButton(page).click();
  await expectRising(page, epoch);
  const before = await epoch();
  await page.getByRole('button', { name: '← All lessons' }).click();
  await openLesson(page, 'Training a real boundary');
  await page.waitForTimeout(Math.max(6000, 6 * epochMs));
  await page.getByRole('button', { name: '← All lessons' }).click();
  await page.getByRole('button', { name: /^Lesson \d+: Pixels are inputs — / }).click();
  await expect(page.getByText('Step 1 of 3')).toBeVisible();
  expect(await epoch()).toBeLessThanOrEqual(before + 2);
  await expectStill(page, epoch, epochMs);
  expect(inert).toEqual([]);
});

/** Trains the lesson's own network (128 neurons: the engine takes a while to answer) past epoch 0, then pauses. */
async function trainAnEpoch(page: Page, epoch: () => Promise<number>): Promise<void> {
  await trainButton(page).click();
  await expect.poll(epoch, { timeout: 120_000, intervals: [500] }).toBeGreaterThan(0);
  await pauseButton(page).click();
  await expect(trainButton(page)).toBeVisible();
}

test('lesson 18: Start again and a new activation show epoch 0 at once', async ({ page }) => {
  test.setTimeout(300_000);
  await startJourney(page);
  await openLesson(page, 'Pixels are inputs');
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  const epoch = digitsEpoch(page);
  const shown = page.getByLabel('Epoch', { exact: true });

  await trainAnEpoch(page, epoch);
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(shown).toHaveText('0', { timeout: 500 });

  await next(page);
  await trainAnEpoch(page, epoch);
  await page.getByRole('combobox', { name: 'Activation of hidden layer 1' }).selectOption('relu');
  await expect(shown).toHaveText('0', { timeout: 500 });
});

test('lesson 14: Train and Pause work after Next, and Start over shows epoch 0', async ({ page }) => {
  test.setTimeout(180_000);
  const inert = watchInert(page);
  await startJourney(page);
  await openLesson(page, 'Training a real boundary');
  // Step 1 is the race; steps 2 to 5 are live trainers, one per step.
  await next(page);
  await expect(page.getByText('Step 2 of 5')).toBeVisible();
  const epoch = trainerEpoch(page);

  const epochMs = await trainThenPause(page, epoch);
  await next(page);
  await expect(page.getByText('Step 3 of 5')).toBeVisible();
  await expectStill(page, epoch, epochMs);
  await trainThenPause(page, epoch);
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByTestId('epoch')).toHaveText('0', { timeout: 2000 });

  // Next while training: the next step's trainer is its own, and the old one stops with its step.
  await trainButton(page).click();
  await expectRising(page, epoch);
  await next(page);
  await expect(page.getByText('Step 4 of 5')).toBeVisible();
  await expectStill(page, epoch, epochMs);
  await trainThenPause(page, epoch);
  expect(inert).toEqual([]);
});
