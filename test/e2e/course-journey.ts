/**
 * What the course journeys share: opening a lesson from the overview by its title, checking an
 * answer, moving on, training a widget until a goal holds, and screenshots in both themes.
 * Everything is done through the page, by role and accessible name, as a learner would.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { openLesson as openFresh } from './course-kit';
import { trainUntil as trainUntilPaused } from './course-steps';

/**
 * Opens the Lessons area on a fresh page (no saved progress) and then the lesson with this
 * title. Returns the page's uncaught errors, collected from now on (a journey ends expecting none).
 */
export async function openLesson(page: Page, title: string): Promise<string[]> {
  const crashes: string[] = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  // Tall enough that a step's text and widget fit on one screenshot.
  await page.setViewportSize({ width: 1440, height: 1500 });
  await openFresh(page, title);
  return crashes;
}

// Checking a step, moving on, reading the trainer and predicting are the same in every journey (course-kit.ts).
export { accuracy, check, checkFails, epoch, next, predictChoice, said, slider } from './course-kit';

/** Sets the window to `width` and at least `height`, tall enough to show all of `main` unscrolled. */
async function growToContent(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  const tall = await page.evaluate(() => {
    const main = document.querySelector('main');
    return main === null ? 0 : main.getBoundingClientRect().top + main.scrollHeight;
  });
  if (tall > height) await page.setViewportSize({ width, height: Math.ceil(tall) });
}

/**
 * Screenshots of the whole page in light and dark, into `dir`, each theme scanned by axe-core
 * (WCAG 2.1 A and AA): serious and critical findings fail the step, listed. The app scrolls
 * inside `main`, so the window is made as tall as its content for the shots (as in
 * course-steps.ts), and with SHOTS_ZOOM=1 each step is also shot at 200 % zoom in light.
 */
export async function shoot(page: Page, dir: string, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const size = page.viewportSize();
  if (size !== null) await growToContent(page, size.width, size.height);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(200);
    await page.screenshot({ path: `test-results/${dir}/${name}-${scheme}.png`, fullPage: true });
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      found.push(`${name} (${scheme}): ${v.impact} ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (size !== null && process.env.SHOTS_ZOOM === '1') {
    // A window of half the size: the layout a 200 % zoom gives (the app keeps scrolling inside
    // `main` while the window is over 480 CSS pixels tall, so it is grown to the content again).
    await growToContent(page, size.width / 2, size.height / 2);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test-results/${dir}/${name}-zoom200-light.png`, fullPage: true });
  }
  if (size !== null) await page.setViewportSize(size);
  expect(found, found.join('\n')).toEqual([]);
}

/**
 * Trains until `done` holds, then pauses, as a learner would (course-steps.ts: a pause that
 * lands just after the goal wobbled away trains on). These journeys allow 90 s a round.
 */
export function trainUntil(page: Page, done: () => Promise<boolean>, timeout = 90_000): Promise<void> {
  return trainUntilPaused(page, done, timeout);
}
