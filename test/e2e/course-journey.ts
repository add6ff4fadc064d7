/**
 * What the course journeys share: opening a lesson from the overview by its title, checking an
 * answer, moving on, training a widget until a goal holds, and screenshots in both themes.
 * Everything is done through the page, by role and accessible name, as a learner would.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Opens the Lessons area on a fresh page (no saved progress) and then the lesson with this
 * title. Returns the page's uncaught errors, collected from now on (a journey ends expecting none).
 */
export async function openLesson(page: Page, title: string): Promise<string[]> {
  const crashes: string[] = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  // Tall enough that a step's text and widget fit on one screenshot.
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: new RegExp(`^Lesson \\d+: ${title} — `) }).click();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  return crashes;
}

// Checking a step and moving on are the same in every journey (course-kit.ts).
export { check, checkFails, next } from './course-kit';

export async function slider(page: Page, name: string, value: number): Promise<void> {
  await page.getByRole('slider', { name, exact: true }).fill(String(value));
}

/**
 * Screenshots of the whole page in light and dark, into `dir`, each theme scanned by axe-core
 * (WCAG 2.1 A and AA): serious and critical findings fail the step, listed.
 */
export async function shoot(page: Page, dir: string, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
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
  expect(found, found.join('\n')).toEqual([]);
}

export async function epoch(page: Page): Promise<number> {
  return Number(await page.getByTestId('epoch').innerText());
}

export async function accuracy(page: Page): Promise<number> {
  return Number.parseFloat(await page.getByTestId('test-accuracy').innerText());
}

/**
 * Trains until `done` holds, then pauses, as a learner would. A pause can land a moment after
 * the goal was met and passed again (accuracy wobbles): then it trains on.
 */
export async function trainUntil(page: Page, done: () => Promise<boolean>, timeout = 90_000): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect.poll(done, { timeout }).toBe(true);
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    if (await pause.isVisible()) await pause.click();
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
    if (await done()) return;
  }
  throw new Error('the goal was met while training but not once paused, five times over');
}
