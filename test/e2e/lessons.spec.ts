import { expect, test, type Page } from '@playwright/test';

/**
 * The lessons area in the browser host: progress surviving a reload, and pages that work by
 * keyboard. Each lesson's own journey, every step solved through its widgets with screenshots
 * in light and dark, is in course-NN-slug.spec.ts. Every request that leaves the local server
 * is refused.
 */

const SHOTS = 'test-results/lessons';
const blocked: string[] = [];

async function blockNetwork(page: Page): Promise<void> {
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'data:';
    if (local) return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
}

async function openLessons(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { name: 'Lessons', level: 2 })).toBeVisible();
}

async function check(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'well done' })).toBeVisible();
}

/** Types a number under "Predict first" and commits it. */
async function commitPrediction(page: Page, question: RegExp, answer: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Predict first' });
  await panel.getByRole('textbox', { name: question }).fill(answer);
  await panel.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(panel.getByRole('status')).toContainText('Your prediction was right');
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
}

/** Screenshots of the current screen in both themes (the theme select follows the system). */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SHOTS}/${name}-light.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SHOTS}/${name}-dark.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}

test("finished steps and lessons survive a reload (each lesson's own journey is in course-NN-*.spec.ts)", async ({ page }) => {
  const crashes: string[] = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await blockNetwork(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await openLessons(page);
  await expect(page.getByTestId('lessons-summary')).toHaveText(/^0 of \d+ lessons completed\.$/);
  await shoot(page, '00-overview');
  await page.getByRole('button', { name: /^Lesson \d+: What a network does — / }).click();
  await commitPrediction(page, /^How many numbers does a colour photo/, '30000');
  await page.getByLabel('Width in pixels').fill('300');
  await page.getByRole('combobox', { name: 'Colour channels', exact: true }).selectOption('1');
  await check(page);
  await next(page);
  await commitPrediction(page, /^How many inputs does a greyscale picture/, '784');
  await page.getByLabel('Width in pixels').fill('28');
  await page.getByLabel('Height in pixels').fill('28');
  await page.getByRole('combobox', { name: 'Colour channels', exact: true }).selectOption('1');
  await check(page);
  await page.getByRole('button', { name: 'Next lesson' }).click();
  await expect(page.getByRole('heading', { name: 'One neuron', level: 2 })).toBeVisible();
  // A reload reopens the lesson the learner was in; the overview is one click away.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'One neuron', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: '← All lessons' }).click();
  await expect(page.getByTestId('lessons-summary')).toHaveText(/^1 of \d+ lessons completed\.$/);
  await expect(page.getByRole('button', { name: /^Lesson \d+: What a network does — Done$/ })).toBeVisible();
  expect(blocked).toEqual([]);
  expect(crashes).toEqual([]);
});

test('lesson pages are keyboard friendly: Tab reaches terms, sliders, checks and the hint', async ({ page }) => {
  await blockNetwork(page);
  await page.goto('/');
  await openLessons(page);
  await page.getByRole('button', { name: /^Lesson 2:/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'One neuron', level: 2 })).toBeVisible();
  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    reached.add(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const label =
          el.getAttribute('aria-label') ??
          (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
          el.textContent ??
          '';
        return `${el.tagName.toLowerCase()}:${label.trim()}`;
      }),
    );
  }
  for (const want of [
    'button:neuron',
    'button:bias',
    'input:w₁',
    'input:w₂',
    'input:b',
    'button:Check my answer',
    // Offered from the start of the step, before any check.
    'button:Show a hint',
    'button:Reset this step',
    'button:Next',
  ]) {
    expect([...reached]).toContain(want);
  }
  // A glossary term opens from the keyboard, and Escape closes it.
  await page.getByRole('button', { name: 'weight', exact: true }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'weight' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'weight' })).toBeHidden();
  // Arrow keys move a slider.
  const w1 = page.getByRole('slider', { name: 'w₁', exact: true });
  await w1.focus();
  const before = Number(await w1.inputValue());
  await page.keyboard.press('ArrowRight');
  expect(Number(await w1.inputValue())).toBeCloseTo(before + 0.1, 5);
  expect(blocked).toEqual([]);
});
