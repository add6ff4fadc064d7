import { expect, test } from '@playwright/test';
import { predictChoice } from './course-kit';

/**
 * A lesson trainer's read-out (epoch, losses, test accuracy) keeps each figure inside its own
 * cell at the window sizes a learner uses: "Test accuracy 100.0 %" once ran past the panel.
 */
for (const width of [1280, 1000]) {
  test(`the trainer's read-out fits its cells at ${width} px, 100 % accuracy and all`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: /^Lesson 6:/ }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    // Step 2 asks its prediction first; the read-out appears once it is committed.
    await predictChoice(page, 'Yes');
    await page.getByRole('combobox', { name: 'Hidden activation' }).selectOption({ label: 'ReLU' });
    await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Full speed' });
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('test-accuracy')).toHaveText(/^(9\d|100)\.\d %$/, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const cells = page.getByTestId('test-accuracy').locator('xpath=../..').locator(':scope > div');
    expect(await cells.count()).toBe(4);
    for (const cell of await cells.all()) {
      const [scroll, client] = await cell.evaluate((el) => [el.scrollWidth, el.clientWidth]);
      expect(scroll, `${await cell.innerText()} fits its cell`).toBeLessThanOrEqual(client);
    }
  });
}
