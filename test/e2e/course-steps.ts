import { expect, type Page } from '@playwright/test';

/**
 * What every course journey (course-NN-slug.spec.ts) does the way a learner would: open a
 * lesson from the overview by its title, answer, press Check, move on, train until a goal is
 * met, and take a screenshot of each step in light and dark. Every request that leaves the
 * local server is refused (KaTeX must render with its bundled fonts), and a page error fails
 * the journey.
 */

export interface Journey {
  /** Requests refused because they left the machine. */
  blocked: string[];
  /** Uncaught page errors. */
  crashes: string[];
}

/** Opens the app on a clean slate (no saved progress) with the network blocked. */
export async function startJourney(page: Page): Promise<Journey> {
  const journey: Journey = { blocked: [], crashes: [] };
  page.on('pageerror', (error) => journey.crashes.push(error.message));
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:';
    if (local) return route.continue();
    journey.blocked.push(url.href);
    return route.abort();
  });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  return journey;
}

/**
 * Nothing left the machine, KaTeX used its own fonts, and the page threw nothing. The font is
 * checked where the page shows a formula: a lesson without one (the digits) never loads it.
 */
export async function endJourney(page: Page, journey: Journey): Promise<void> {
  if ((await page.locator('.katex').count()) > 0) {
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
  }
  expect(journey.blocked).toEqual([]);
  expect(journey.crashes).toEqual([]);
}

export async function openLessons(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { name: 'Lessons', level: 2 })).toBeVisible();
}

/** Opens a lesson from the overview by its title (its number changes as the course grows). */
export async function openLesson(page: Page, title: string): Promise<void> {
  await openLessons(page);
  await page.getByRole('button', { name: new RegExp(`^Lesson \\d+: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — `) }).click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
}

// Checking a step, moving on and reading the trainer are the same in every journey (course-kit.ts).
export { accuracy, check, checkFails, epoch, next, slider } from './course-kit';

/**
 * Screenshots of the current screen in both themes (the theme select follows the system), the
 * whole lesson from its top: the app scrolls inside its area (`main`), not the document, so
 * Playwright's full-page shot alone shows only the window; the window is made as tall as the
 * area's content for the shot, then given back. With SHOTS_ZOOM=1 each step is also shot at
 * 200 % zoom in light (720 × 450 CSS pixels is a 1440 × 900 window at 200 %), where the whole
 * page scrolls, so the full-page shot is whole.
 */
export async function shoot(page: Page, dir: string, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const size = page.viewportSize();
  if (size !== null) {
    const tall = await page.evaluate(() => {
      const main = document.querySelector('main');
      return main === null ? 0 : main.getBoundingClientRect().top + main.scrollHeight;
    });
    if (tall > size.height) await page.setViewportSize({ width: size.width, height: Math.ceil(tall) });
  }
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `test-results/${dir}/${name}-${scheme}.png`, fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (size !== null && process.env.SHOTS_ZOOM === '1') {
    await page.setViewportSize({ width: size.width / 2, height: size.height / 2 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/${dir}/${name}-zoom200-light.png`, fullPage: true });
  }
  if (size !== null) await page.setViewportSize(size);
}

/**
 * Trains until `done` holds, then pauses, as a learner would. Accuracy is measured at the end
 * of each time slice and wobbles by a few tenths, so a pause can land just under a goal that
 * was met a moment before: then it trains on.
 */
export async function trainUntil(page: Page, done: () => Promise<boolean>, timeout = 60_000): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(done, { timeout }).toBe(true);
    await pauseIfRunning(page);
    if (await done()) return;
  }
  throw new Error('the goal was met while training but not once paused, five times over');
}

/**
 * Pauses the run if it is still training. A run can stop by itself (the engine pauses a run
 * that ran away), also between reading the button and pressing it: so Pause is pressed only if
 * it is there, a Train button is never pressed by mistake, and either way the run ends paused.
 */
export async function pauseIfRunning(page: Page): Promise<void> {
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (await pause.isVisible()) {
    await pause.click({ timeout: 5_000 }).catch(async (error: unknown) => {
      if (await pause.isVisible()) throw error;
    });
  }
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

/**
 * Answers a step's "Predict first" question through its form — a number typed in the box named
 * by `question`, or the radio button of that name for a choice — commits it, and expects the
 * reveal to say whether it was right.
 */
export async function predict(
  page: Page,
  question: RegExp,
  answer: string,
  right: boolean,
  kind: 'number' | 'choice' = 'number',
): Promise<void> {
  const panel = page.getByRole('region', { name: 'Predict first' });
  if (kind === 'number') await panel.getByRole('textbox', { name: question }).fill(answer);
  else await panel.getByRole('group', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
  await panel.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(panel.getByRole('status')).toContainText(right ? 'Your prediction was right' : 'Not this time');
}

/** Check refuses while the step's prediction is not committed yet. */
export async function checkNeedsPrediction(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'First commit your prediction' })).toBeVisible();
}
