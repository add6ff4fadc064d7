import { expect, test, type Page } from '@playwright/test';
import { openLesson, startJourney } from './course-journey';

/** Left and right edges of an element. */
async function edges(page: Page, selector: ReturnType<Page['getByRole']>): Promise<{ left: number; right: number }> {
  const box = (await selector.boundingBox())!;
  return { left: box.x, right: box.x + box.width };
}

test('the digits lesson keeps its confusion matrix inside its panel from 1000 to 1400 px wide (bug 8)', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await startJourney(page);
  await openLesson(page, 'Pixels are inputs');
  await page.getByRole('button', { name: /^Step 2: / }).click();
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'One epoch' }).click();
  const panel = page.getByRole('region', { name: 'How the network does on the test digits' });
  const matrix = panel.getByRole('table');
  await expect(matrix).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('button', { name: 'One epoch' })).toBeEnabled({ timeout: 120_000 });
  const widget = page.getByRole('region', { name: 'Try it' });
  for (const width of [1400, 1280, 1180, 1080, 1000]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(200);
    const outer = await edges(page, panel);
    const inner = await edges(page, matrix);
    const frame = await edges(page, widget);
    expect.soft(inner.left, `matrix left at ${width} px`).toBeGreaterThanOrEqual(outer.left);
    expect.soft(inner.right, `matrix right at ${width} px`).toBeLessThanOrEqual(outer.right + 0.5);
    expect.soft(outer.right, `panel right at ${width} px`).toBeLessThanOrEqual(frame.right + 0.5);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/course-18/matrix-${width}.png` });
  }
});
