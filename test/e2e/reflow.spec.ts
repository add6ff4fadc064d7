import { expect, test, type Page } from '@playwright/test';
import { expectReflow, screenshotWhole, SIZES } from './reflow-measure';

/**
 * Reflow (WCAG 1.4.10) of the areas, the Lab with each kind of data and every dialog: at
 * 200 % zoom on 1024×700, at 320 CSS px (in light and dark) and at 400 % zoom on 1280×700,
 * nothing scrolls sideways but the network diagram (inside its card) and every control can be
 * scrolled into sight. The lessons are walked in reflow-lessons.spec.ts.
 */

const CSV = ['x1,x2,class', '-2,-2,0', '2,2,1', '1,abc,1'].join('\n');

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByLabel('Colour theme').selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

for (const size of SIZES) {
  const themes = size.viewport.width === 320 && size.viewport.height > 200 ? (['light', 'dark'] as const) : (['light'] as const);
  for (const theme of themes) {
    test.describe(`reflow at ${size.name}`, () => {
      test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });

      test(`every area, the Lab with 2-D, curve, Iris and digits data and every dialog fit the width (${theme})`, async ({ page }) => {
        test.setTimeout(300_000);
        const found: string[] = [];
        const shot = (name: string) => `test-results/reflow/${size.slug}-${name}-${theme}.png`;
        await page.goto('/');
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await setTheme(page, theme);

        await page.getByRole('tab', { name: 'Lessons' }).click();
        await expect(page.getByRole('heading', { name: 'Lessons', level: 2 })).toBeVisible();
        await expectReflow(page, 'lessons overview', found);
        await screenshotWhole(page, shot('lessons'));

        await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
        const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await expect(shortcuts).toBeVisible();
        await expectReflow(page, 'keyboard shortcuts dialog', found);
        await page.screenshot({ path: shot('shortcuts') });
        await page.keyboard.press('Escape');
        await expect(shortcuts).toBeHidden();

        await page.getByRole('tab', { name: 'Projects' }).click();
        await expect(page.getByRole('tabpanel', { name: 'Projects' })).toBeVisible();
        await page.waitForTimeout(300);
        await expectReflow(page, 'projects', found);
        await screenshotWhole(page, shot('projects'));

        await page.getByRole('tab', { name: 'Lab' }).click();
        await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
        await expect(page.getByRole('region', { name: 'Activation race' })).toBeVisible();
        await expectReflow(page, 'lab, 2-D data', found);
        await page.screenshot({ path: shot('lab-window') });
        await screenshotWhole(page, shot('lab'));

        await page.getByRole('button', { name: 'Layer 1, neuron 1: edit its bias' }).click();
        const bias = page.getByRole('textbox', { name: /^New value for the/ });
        await expect(bias).toBeFocused();
        await expectReflow(page, 'lab, bias editor', found);
        await page.keyboard.press('Escape');
        await expect(bias).toBeHidden();

        await page.getByLabel('CSV file of points').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
        const importing = page.getByRole('dialog', { name: 'Import points from mine.csv' });
        await expect(importing).toBeVisible();
        await expectReflow(page, 'import dialog', found);
        await page.screenshot({ path: shot('import') });
        await importing.getByRole('button', { name: 'Cancel' }).click();
        await expect(importing).toBeHidden();

        await page.getByLabel('Activation of layer 1').selectOption('drawn');
        const knots = page.getByRole('region', { name: 'Draw your own' });
        await expect(knots).toBeVisible();
        await expectReflow(page, 'lab, knot editor', found);
        await knots.screenshot({ path: shot('knots') });

        await page.getByRole('radiogroup', { name: 'Curve to fit' }).getByRole('radio', { name: 'Absolute value |x|' }).click();
        const curve = page.getByRole('figure', { name: 'Curve fitting' });
        await expect(curve).toBeVisible();
        await curve.getByRole('checkbox', { name: 'Show each neuron' }).check();
        await expectReflow(page, 'lab, curve data', found);
        await screenshotWhole(page, shot('curve'));
        await page.getByRole('radiogroup', { name: 'Curve to fit' }).getByRole('radio', { name: 'Your own curve points' }).click();
        await expect(curve.getByRole('application', { name: /Curve plot/ })).toBeVisible();
        await expectReflow(page, 'lab, own curve points', found);

        const many = page.getByRole('radiogroup', { name: 'Data with many inputs' });
        await many.getByRole('radio', { name: 'Iris flowers' }).click();
        await expect(many.getByRole('radio', { name: 'Iris flowers' })).toHaveAttribute('aria-checked', 'true');
        await page.waitForTimeout(500);
        await expectReflow(page, 'lab, Iris', found);
        await screenshotWhole(page, shot('iris'));

        await many.getByRole('radio', { name: 'Handwritten digits' }).click();
        await expect(page.getByText('10,000 digit images loaded')).toBeAttached({ timeout: 60_000 });
        await expect(page.getByRole('heading', { name: 'Draw a digit' })).toBeVisible();
        await expectReflow(page, 'lab, digits', found);
        await screenshotWhole(page, shot('digits'));

        expect(found, found.join('\n')).toEqual([]);
      });
    });
  }
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 320, height: 700 },
]) {
  test.describe(`the network's layer heads at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('each layer menu shows its choice whole, "Draw your own" included', async ({ page }) => {
      await page.goto('/');
      await page.getByRole('tab', { name: 'Lab' }).click();
      await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
      await page.getByLabel('Activation of layer 1').selectOption('drawn');
      await page.getByLabel('Activation of layer 2').selectOption('drawn');
      for (const name of ['Activation of layer 1', 'Activation of layer 2']) {
        // The menu's own width against the width it takes when nothing limits it.
        const { shown, needed } = await page.getByLabel(name).evaluate((select: HTMLSelectElement) => {
          const free = select.cloneNode(true) as HTMLSelectElement;
          free.style.maxWidth = 'none';
          free.style.width = 'auto';
          free.style.position = 'absolute';
          select.parentElement?.appendChild(free);
          const width = free.getBoundingClientRect().width;
          free.remove();
          return { shown: select.getBoundingClientRect().width, needed: width };
        });
        expect(shown, `${name} is ${shown} px wide, its choices need ${needed}`).toBeGreaterThanOrEqual(needed - 0.5);
      }
      await page.getByRole('region', { name: 'Network' }).screenshot({ path: `test-results/reflow/layer-heads-${viewport.width}.png` });
    });
  });
}
