import { expect, test, type Locator, type Page } from '@playwright/test';
import { EXAMPLES } from '../../core/examples';

/**
 * The bundled example projects: listed with a picture drawn from each project, opened with
 * one click as an untitled copy in the Lab at the epoch they were saved at, and trained on.
 * Opening one over unsaved changes asks first.
 */

/** The epoch each example was saved at (scripts/build-examples.ts). */
const SAVED_EPOCH: Record<string, number> = {
  'linear-collapse': 200,
  'xor-by-hand': 0,
  'spiral-relu': 600,
  'spiral-tanh': 600,
  'relu-hinges': 800,
  'vanishing-sigmoid': 100,
  iris: 150,
  digits: 4,
};

async function readNumber(page: Page, label: string): Promise<number> {
  const text = await page.getByLabel(label, { exact: true }).first().innerText();
  return Number(text.replace(/[^0-9.eE+-]/g, ''));
}

/** How many different colours a card's picture holds (a blank or failed picture has one or two). */
function colours(card: Locator): Promise<number> {
  return card.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  });
}

async function showExamples(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(page.getByRole('heading', { name: 'Example projects' })).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test(`the examples are listed with a description and a picture of each (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/');
    await showExamples(page);
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(8);
    for (const example of EXAMPLES) {
      const button = page.getByRole('button', { name: `Open example: ${example.title}` });
      await expect(button).toBeVisible();
      await expect(button).toHaveAccessibleDescription(example.description);
      const card = page.getByRole('listitem').filter({ has: button });
      await expect.poll(() => colours(card), { message: `${example.title}'s picture` }).toBeGreaterThan(20);
    }
    await page.getByRole('region', { name: 'Example projects' }).screenshot({ path: `test-results/examples-list-${theme}.png` });
  });
}

test('every example opens in the Lab as an untitled copy at its saved epoch, and trains', async ({ page }) => {
  test.setTimeout(360_000);
  await page.goto('/');
  const toolbar = page.getByRole('toolbar', { name: 'Training controls' });
  for (const [index, example] of EXAMPLES.entries()) {
    await showExamples(page);
    await page.getByRole('button', { name: `Open example: ${example.title}` }).click();
    if (index > 0) {
      // The last example was trained: its changes are not saved, so the app asks first.
      const question = page.getByRole('group', { name: 'Unsaved changes' });
      await expect(question).toContainText(`Open “${example.title}” anyway?`);
      await question.getByRole('button', { name: 'Discard changes and open the example' }).click();
    }
    await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
    if (example.id === 'digits') await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
    await expect.poll(() => readNumber(page, 'Epoch'), { timeout: 30_000, message: example.title }).toBe(SAVED_EPOCH[example.id]);
    if (example.id === 'xor-by-hand') await expect(page.getByLabel('Test accuracy', { exact: true })).toHaveText(/100/);

    await toolbar.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => readNumber(page, 'Epoch'), { timeout: 60_000, message: `${example.title} trains` })
      .toBeGreaterThan(SAVED_EPOCH[example.id] + 1);
    await toolbar.getByRole('button', { name: 'Pause' }).click();
    await expect(toolbar.getByRole('button', { name: 'Play' })).toBeVisible();
    if (index === 2) await page.screenshot({ path: 'test-results/examples-opened-spiral.png' });

    // An untitled copy: its own name, which Save would use for a new file.
    await page.getByRole('tab', { name: 'Projects' }).click();
    await expect(page.getByRole('status', { name: 'Project status' })).toContainText(`Opened the example “${example.title}”`);
    await expect(page.getByRole('textbox', { name: 'Project name' })).toHaveValue(example.title);
  }
});

test('keeping one’s work leaves it as it was', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await page.getByRole('radio', { name: 'Spiral', exact: true }).click();
  await showExamples(page);
  await page.getByRole('button', { name: 'Open example: XOR by hand' }).click();
  const question = page.getByRole('group', { name: 'Unsaved changes' });
  await expect(question).toBeVisible();
  await page.screenshot({ path: 'test-results/examples-question.png' });
  await question.getByRole('button', { name: 'Keep working' }).click();
  await expect(question).toHaveCount(0);
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByRole('radio', { name: 'Spiral', exact: true })).toHaveAttribute('aria-checked', 'true');
  expect(await readNumber(page, 'Epoch')).toBe(0);
});
