/**
 * Page steps of the packaged-app smoke test that do not depend on the host, so the browser
 * tests run them here too (test/e2e/packaged-steps.spec.ts) and the selectors are known to
 * work before the first run on a release runner.
 */
import { expect, type Page } from '@playwright/test';

/** A number shown in the Lab's read-out, found by its label. */
export async function readNumber(page: Page, label: string): Promise<number> {
  const text = await page.getByLabel(label, { exact: true }).first().innerText();
  return Number(text.replace(/[^0-9.eE+-]/g, ''));
}

/** The Lab is showing and its epoch counter reads `epoch`. */
export async function expectLabAt(page: Page, epoch: number): Promise<void> {
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => readNumber(page, 'Epoch')).toBe(epoch);
}

/** Plays the Lab for a second and pauses; returns the epoch before and after. */
export async function trainForASecond(page: Page): Promise<{ before: number; after: number }> {
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
  const before = await readNumber(page, 'Epoch');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.waitForTimeout(1_000);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // The last snapshot may still be on its way.
  await page.waitForTimeout(200);
  return { before, after: await readNumber(page, 'Epoch') };
}

/** Opens lesson 2 and checks that KaTeX turned its formulas into math. */
export async function expectLessonMath(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: /^Lesson 2:/ }).click();
  await expect(page.getByRole('math').first()).toBeAttached();
  // The typeset formula is on screen (KaTeX's visible half; the MathML half is for screen readers).
  await expect(page.locator('.katex-html').first()).toBeVisible();
}

/** The Projects area names the open file (desktop: "Open now: <file>"). */
export async function expectOpenFile(page: Page, fileName: string): Promise<void> {
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(page.getByText('Open now:')).toContainText(fileName);
}
