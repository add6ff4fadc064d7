import { expect, test } from '@playwright/test';

/** Reads a number shown in the Lab's read-out, found by its label. */
async function readNumber(page: import('@playwright/test').Page, label: string): Promise<number> {
  const text = await page.getByLabel(label, { exact: true }).innerText();
  return Number(text.replace(/[^0-9.eE+-]/g, ''));
}

test('the Lab trains live in the browser host: epoch rises, loss falls', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Lab' })).toBeVisible();

  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
  const startLoss = await readNumber(page, 'Test loss');
  expect(await readNumber(page, 'Epoch')).toBe(0);

  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => readNumber(page, 'Epoch')).toBeGreaterThan(50);
  await expect.poll(() => readNumber(page, 'Test loss')).toBeLessThan(startLoss * 0.8);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await readNumber(page, 'Epoch');
  await page.waitForTimeout(300);
  expect(await readNumber(page, 'Epoch')).toBe(paused);
  await page.screenshot({ path: 'test-results/skeleton-lab.png' });
});

test('areas are reachable by keyboard: three tabs, arrows move and wrap around', async ({ page }) => {
  await page.goto('/');
  const tabs = page.getByRole('tablist', { name: 'Areas' }).getByRole('tab');
  await expect(tabs).toHaveText(['Lessons', 'Lab', 'Projects']);
  await page.getByRole('tab', { name: 'Lab' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Lessons' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Lessons' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Projects' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Projects' })).toBeVisible();
  // Past the last tab comes the first again, and the other way round.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Lessons' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Projects' })).toHaveAttribute('aria-selected', 'true');
  // Only the selected tab is in the Tab order.
  await expect(page.locator('[role=tab][tabindex="0"]')).toHaveCount(1);
});
