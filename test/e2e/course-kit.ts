import { expect, type Locator, type Page } from '@playwright/test';

/**
 * What the course journeys share: opening a lesson from the overview, checking a step, moving on,
 * and screenshots of each step in light and dark.
 */

export async function openLesson(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: new RegExp(`^Lesson \\d+: ${title} — `) }).click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
}

export async function check(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'well done' })).toBeVisible();
}

export async function checkFails(page: Page): Promise<void> {
  const ask = page.getByRole('button', { name: 'Show a hint' });
  const hint = page.getByRole('status').filter({ hasText: 'Hint:' });
  // A stuck learner can ask for the hint before pressing Check: the button is there from the
  // start of the step (unless the hint is already shown, which it stays for the rest of the step).
  if ((await hint.count()) === 0) await expect(ask).toBeVisible();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  // A wrong answer says so; the hint shows only when the learner asks for it.
  await expect(page.getByRole('status').filter({ hasText: 'Not quite yet' })).toBeVisible();
  if ((await ask.count()) > 0) {
    await expect(hint).toHaveCount(0);
    await ask.click();
  }
  await expect(hint).toBeVisible();
  await expect(ask).toHaveCount(0);
}

export async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
}

/** Screenshots of the whole page in both themes (the app's theme follows the system's). */
export async function shoot(page: Page, path: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${path}-${theme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The lesson trainer's epoch. */
export async function epoch(page: Page): Promise<number> {
  return Number(await page.getByTestId('epoch').innerText());
}

/** The lesson trainer's test accuracy in percent (NaN before the first measurement). */
export async function accuracy(page: Page): Promise<number> {
  return Number.parseFloat(await page.getByTestId('test-accuracy').innerText());
}

export async function slider(page: Page, name: string, value: number): Promise<void> {
  await page.getByRole('slider', { name, exact: true }).fill(String(value));
}

/** Commits the prediction the step's widget asks for (its choice or number already given). */
export async function commitPrediction(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Commit my prediction' }).click();
}

/** Picks the radio button named `option` and commits it as the prediction. */
export async function predictChoice(page: Page, option: string): Promise<void> {
  await page.getByRole('radio', { name: option, exact: true }).check();
  await commitPrediction(page);
}

/** What the page says aloud (a status) containing `text`. */
export function said(page: Page, text: string): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

/** Presses Train, waits until the epoch counter reaches `epochs`, and pauses. */
export async function trainUntil(page: Page, epochs: number): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => epoch(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(epochs);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

/**
 * The menu named `name` sits on the same row as its visible label, just right of it: when the
 * controls wrap, a label left at the end of one row with its menu starting the next reads wrong.
 */
export async function expectLabelBesideMenu(page: Page, name: string): Promise<void> {
  const menu = await page.getByRole('combobox', { name, exact: true }).boundingBox();
  const label = await page
    .locator('label')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .boundingBox();
  expect(menu, `the ${name} menu is on screen`).not.toBeNull();
  expect(label, `the ${name} label is on screen`).not.toBeNull();
  if (menu === null || label === null) return;
  expect(Math.abs(menu.y + menu.height / 2 - (label.y + label.height / 2)), `${name}: label and menu on one row`).toBeLessThan(6);
  expect(menu.x - (label.x + label.width), `${name}: menu just right of its label`).toBeGreaterThanOrEqual(0);
  expect(menu.x - (label.x + label.width), `${name}: menu just right of its label`).toBeLessThan(24);
}
