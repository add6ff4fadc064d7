import { expect, test, type Page } from '@playwright/test';

/**
 * Where the app opens: a first start shows a welcome that reaches the course in one click;
 * later starts reopen the area, lesson and step the learner left; a returning learner who
 * reopens elsewhere is offered "Continue: lesson N, step M". These journeys start with no
 * saved place (the suite's default is a learner who left the app in the Lab).
 */
test.use({ storageState: { cookies: [], origins: [] } });

const THEMES = ['light', 'dark'] as const;

async function firstStart(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
}

/** The step the lesson page shows, as its "Step N of M:" line says. */
function stepLine(page: Page, step: number) {
  return page.getByText(new RegExp(`^Step ${step} of \\d+:`));
}

for (const theme of THEMES) {
  test(`a first start welcomes the learner and reaches the course in one click (${theme})`, async ({ page }) => {
    await firstStart(page, theme);
    await expect(page.getByRole('tab', { name: 'Lessons' })).toHaveAttribute('aria-selected', 'true');
    const welcome = page.getByRole('region', { name: 'Welcome to Activation Lab' });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByRole('button', { name: 'Start the course' })).toBeVisible();
    // No detour: nothing is offered for restoring, and nothing says "Continue" yet.
    await expect(page.getByRole('region', { name: 'Unsaved work found' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Continue:/ })).toHaveCount(0);
    await page.screenshot({ path: `test-results/home-welcome-${theme}.png` });

    await welcome.getByRole('button', { name: 'Start the course' }).click();
    await expect(stepLine(page, 1)).toBeVisible();
    await expect(page.getByRole('list', { name: 'Steps' }).getByRole('button').first()).toHaveAccessibleName(/^Step 1:/);
    // Once a lesson has been opened, the overview no longer welcomes: it offers to continue.
    await page.getByRole('button', { name: '← All lessons' }).click();
    await expect(page.getByRole('region', { name: 'Welcome to Activation Lab' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Continue: lesson 1, step 1' })).toBeVisible();
  });
}

test('a reload returns to the same lesson step; from the Lab, a returning learner is offered to continue', async ({ page }) => {
  await firstStart(page, 'light');
  await page.getByRole('button', { name: /^Lesson 3:/ }).click();
  const title = await page.getByRole('heading', { level: 2 }).first().innerText();
  await page.getByRole('list', { name: 'Steps' }).getByRole('button').nth(1).click();
  await expect(stepLine(page, 2)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Lessons' })).toHaveAttribute('aria-selected', 'true');
  await expect(stepLine(page, 2)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(title);

  // Left in the Lab: it reopens in the Lab, with the way back to the course offered, not forced.
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
  const offer = page.getByRole('region', { name: 'Where you left the course' });
  await expect(offer).toContainText('lesson 3, step 2');
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.screenshot({ path: `test-results/home-continue-${theme}.png` });
  }
  await offer.getByRole('button', { name: 'Continue: lesson 3, step 2' }).click();
  await expect(page.getByRole('tab', { name: 'Lessons' })).toHaveAttribute('aria-selected', 'true');
  await expect(stepLine(page, 2)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(title);
  await expect(offer).toHaveCount(0);

  // Dismissed, it stays away for this visit.
  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Projects' })).toHaveAttribute('aria-selected', 'true');
  await offer.getByRole('button', { name: 'Dismiss' }).click();
  await expect(offer).toHaveCount(0);
});

test("the welcome's example button leads to the example projects", async ({ page }) => {
  await firstStart(page, 'light');
  await page.getByRole('button', { name: 'Open an example project' }).click();
  await expect(page.getByRole('tab', { name: 'Projects' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Example projects' })).toBeInViewport();
});
