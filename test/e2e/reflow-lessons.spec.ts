import { expect, test } from '@playwright/test';
import { LESSONS } from '../../renderer/lessons/index';
import { expectReflow, screenshotWhole, SIZES } from './reflow-measure';

/**
 * Reflow (WCAG 1.4.10) of the lessons: the overview, the first step of every kind of widget
 * the course uses (found from the lessons themselves, so a new widget kind is checked the day
 * it is used) and the glossary dialog, at each size of reflow-measure.ts. Steps are reached
 * with the page's own step buttons.
 */

/** The first step of each widget kind: lesson and step numbers, counted from 1. */
const FIRST_OF_KIND = (() => {
  const seen = new Map<string, { lesson: number; step: number }>();
  LESSONS.forEach((lesson, l) =>
    lesson.steps.forEach((step, s) => {
      if (!seen.has(step.widget)) seen.set(step.widget, { lesson: l + 1, step: s + 1 });
    }),
  );
  return [...seen].map(([kind, at]) => ({ kind, ...at }));
})();

for (const size of SIZES) {
  const themes = size.viewport.width === 320 && size.viewport.height > 200 ? (['light', 'dark'] as const) : (['light'] as const);
  for (const theme of themes) {
    test.describe(`reflow at ${size.name}`, () => {
      test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, colorScheme: theme });

      test(`the lessons overview, a step of every widget kind and the glossary fit the width (${theme})`, async ({ page }) => {
        test.setTimeout(300_000);
        const found: string[] = [];
        await page.goto('/');
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await page.getByRole('tab', { name: 'Lessons' }).click();
        await expect(page.getByRole('heading', { name: 'Lessons', level: 2 })).toBeVisible();
        await expectReflow(page, 'lessons overview', found);

        let open = 0;
        for (const { kind, lesson, step } of FIRST_OF_KIND) {
          if (open !== lesson) {
            if (open !== 0) await page.getByRole('button', { name: '← All lessons' }).click();
            await page.getByRole('button', { name: new RegExp(`^Lesson ${lesson}:`) }).click();
            open = lesson;
          }
          await page
            .getByRole('list', { name: 'Steps' })
            .getByRole('button')
            .nth(step - 1)
            .click();
          await expect(page.getByText(new RegExp(`^Step ${step} of \\d+:`))).toBeVisible();
          await page.waitForTimeout(400);
          // The digits widget shows its views once the images are in.
          if (kind === 'digits') await expect(page.getByText(/digit images loaded/)).toBeVisible({ timeout: 60_000 });
          const where = `lesson ${lesson} step ${step} (${kind})`;
          await expectReflow(page, where, found);
          await screenshotWhole(page, `test-results/reflow/${size.slug}-lesson-${kind}-${theme}.png`);
          if (kind === 'neuron') {
            const term = page.getByRole('region', { name: 'Lesson text' }).getByRole('button').first();
            const name = (await term.innerText()).trim();
            await term.click();
            const glossary = page.getByRole('dialog', { name });
            await expect(glossary).toBeVisible();
            await expectReflow(page, 'glossary dialog', found);
            await page.screenshot({ path: `test-results/reflow/${size.slug}-glossary-${theme}.png` });
            await glossary.getByRole('button', { name: 'Close' }).click();
            await expect(glossary).toBeHidden();
          }
        }
        expect(found, found.join('\n')).toEqual([]);
      });
    });
  }
}
