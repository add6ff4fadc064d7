import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { withoutFilePickers } from './file-pickers';

/**
 * axe-core (WCAG 2.1 A and AA rules) over every screen of the app in light and dark: each
 * area, the Lab with 2-D, Iris and digits data, every lesson step, and every dialog or
 * editor that opens over a screen. Critical and serious violations fail the test; each scan's
 * counts are printed so a change can be compared before and after.
 *
 * One page load per group and theme: the lesson steps are walked with the page's own step
 * buttons, the data sets picked with the Lab's own radios.
 */

const THEMES = ['light', 'dark'] as const;
type ThemeName = (typeof THEMES)[number];

interface Finding {
  where: string;
  rule: string;
  impact: string;
  nodes: string[];
}

/** Scans the whole page as it stands and records serious and critical violations. */
async function scan(page: Page, where: string, found: Finding[]): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of result.violations) counts[v.impact ?? 'minor'] += v.nodes.length;
  console.log(`axe ${where}: ${counts.critical} critical, ${counts.serious} serious, ${counts.moderate} moderate, ${counts.minor} minor`);
  for (const v of bad) {
    found.push({
      where,
      rule: v.id,
      impact: v.impact ?? '',
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    });
  }
}

/** Fails with every finding listed, so one run shows all that needs fixing. */
function expectClean(found: Finding[]): void {
  const text = found.map((f) => `${f.where} — ${f.impact} ${f.rule}\n    ${f.nodes.join('\n    ')}`).join('\n');
  expect(found.length, `serious or critical axe violations:\n${text}`).toBe(0);
}

async function open(page: Page, theme: ThemeName): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Lessons' })).toBeVisible();
}

async function openLab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

/** Trains the Lab for a moment, so the views that need a measurement have one. */
async function trainBriefly(page: Page): Promise<void> {
  const toolbar = page.getByRole('toolbar', { name: 'Training controls' });
  await toolbar.getByRole('button', { name: 'Play' }).click();
  await expect(toolbar.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.waitForTimeout(1500);
  await toolbar.getByRole('button', { name: 'Pause' }).click();
  await expect(toolbar.getByRole('button', { name: 'Play' })).toBeVisible();
}

for (const theme of THEMES) {
  test(`areas, the Lab's data kinds and their dialogs have no serious axe violations (${theme})`, async ({ page }) => {
    test.setTimeout(420_000);
    const found: Finding[] = [];
    await open(page, theme);

    await page.getByRole('tab', { name: 'Lessons' }).click();
    await expect(page.getByRole('heading', { name: 'Lessons', level: 2 })).toBeVisible();
    await scan(page, 'lessons overview', found);

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts).toBeVisible();
    await scan(page, 'keyboard shortcuts dialog', found);
    await page.keyboard.press('Escape');
    await expect(shortcuts).toBeHidden();

    await page.getByRole('tab', { name: 'Projects' }).click();
    await expect(page.getByRole('tabpanel', { name: 'Projects' })).toBeVisible();
    await page.waitForTimeout(300);
    await scan(page, 'projects', found);

    await openLab(page);
    await trainBriefly(page);
    await scan(page, 'lab, 2-D data (trained)', found);

    // A race of four lanes: every lane colour, dash and marker at once.
    const race = page.getByRole('region', { name: 'Activation race' });
    await race.getByRole('checkbox', { name: 'Sine', exact: true }).check();
    await race.getByLabel('Race length in epochs').selectOption('100');
    await race.getByRole('button', { name: 'Start race' }).click();
    for (const name of ['Linear', 'ReLU', 'Tanh', 'Sine']) {
      await expect
        .poll(async () => Number(await race.getByLabel(`${name} epoch`).innerText()), { timeout: 60_000 })
        .toBeGreaterThanOrEqual(100);
    }
    await scan(page, 'lab, race of four (finished)', found);

    await page.getByRole('button', { name: 'Layer 1, neuron 1: edit its bias' }).click();
    const editor = page.getByRole('textbox', { name: /^New value for the/ });
    await expect(editor).toBeFocused();
    await scan(page, 'lab, bias editor', found);
    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();

    // The knot editor ("Draw your own", from a layer's activation menu) and the curve data:
    // the curve picker, the curve plot with each neuron shown, and own curve points.
    await page.getByLabel('Activation of layer 1').selectOption('drawn');
    await expect(page.getByRole('region', { name: 'Draw your own' })).toBeVisible();
    await scan(page, 'lab, knot editor', found);
    const curves = page.getByRole('radiogroup', { name: 'Curve to fit' });
    await curves.getByRole('radio', { name: 'Absolute value |x|' }).click();
    const curve = page.getByRole('figure', { name: 'Curve fitting' });
    await expect(curve).toBeVisible();
    await trainBriefly(page);
    await curve.getByRole('checkbox', { name: 'Show each neuron' }).check();
    await scan(page, 'lab, curve data (trained, each neuron shown)', found);
    await curves.getByRole('radio', { name: 'Your own curve points' }).click();
    await expect(curves.getByRole('radio', { name: 'Your own curve points' })).toHaveAttribute('aria-checked', 'true');
    await scan(page, 'lab, own curve points', found);

    const sets = page.getByRole('radiogroup', { name: 'Data set' });
    const spiral3 = sets.getByRole('radio', { name: 'Three-arm spiral', exact: true });
    await spiral3.click();
    await expect(spiral3).toHaveAttribute('aria-checked', 'true');
    await trainBriefly(page);
    await scan(page, 'lab, three classes (trained)', found);

    const many = page.getByRole('radiogroup', { name: 'Data with many inputs' });
    await many.getByRole('radio', { name: 'Iris flowers' }).click();
    await expect(many.getByRole('radio', { name: 'Iris flowers' })).toHaveAttribute('aria-checked', 'true');
    await trainBriefly(page);
    await scan(page, 'lab, Iris (trained)', found);

    await many.getByRole('radio', { name: 'Handwritten digits' }).click();
    await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
    await trainBriefly(page);
    await expect(page.getByRole('region', { name: 'Test digits, mistakes first' })).toHaveAttribute('aria-busy', 'false', {
      timeout: 60_000,
    });
    await scan(page, 'lab, digits (trained)', found);

    expectClean(found);
  });

  test(`every lesson step and the glossary have no serious axe violations (${theme})`, async ({ page }) => {
    test.setTimeout(600_000);
    const found: Finding[] = [];
    await open(page, theme);
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: /^Lesson 1:/ }).click();

    for (let lesson = 1; ; lesson++) {
      const dots = page.getByRole('list', { name: 'Steps' }).getByRole('button');
      const steps = await dots.count();
      for (let step = 1; step <= steps; step++) {
        await dots.nth(step - 1).click();
        await expect(page.getByText(new RegExp(`^Step ${step} of ${steps}:`))).toBeVisible();
        await page.waitForTimeout(400);
        await scan(page, `lesson ${lesson} step ${step}`, found);
        if (lesson === 2 && step === 1) {
          await page.getByRole('button', { name: 'bias', exact: true }).first().click();
          const glossary = page.getByRole('dialog', { name: 'bias' });
          await expect(glossary).toBeVisible();
          await scan(page, 'glossary dialog', found);
          await glossary.getByRole('button', { name: 'Close' }).click();
          await expect(glossary).toBeHidden();
        }
      }
      const nextLesson = page.getByRole('button', { name: 'Next lesson' });
      if ((await nextLesson.count()) === 0) break;
      const title = page.getByRole('heading', { level: 2 }).first();
      const before = await title.innerText();
      await nextLesson.click();
      await expect(title).not.toHaveText(before);
    }
    expectClean(found);
  });
}

for (const theme of THEMES) {
  test(`the challenge dialog and banner have no serious axe violations (${theme})`, async ({ page }) => {
    test.setTimeout(240_000);
    const found: Finding[] = [];
    await withoutFilePickers(page);
    await open(page, theme);
    await openLab(page);

    await page.getByRole('button', { name: 'Make a challenge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a challenge' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('checkbox', { name: 'Only these activations in hidden layers:' }).check();
    // A limit the network breaks shows the dialog's warning list as well.
    await dialog.getByRole('spinbutton', { name: 'Most hidden neurons in all' }).fill('5');
    await expect(dialog.getByText(/does not keep these limits yet/)).toBeVisible();
    await scan(page, 'challenge dialog', found);

    const saved = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Make the challenge and save it' }).click();
    await saved;
    const banner = page.getByRole('region', { name: 'Challenge' });
    await expect(banner).toContainText('The network does not keep every limit yet');
    await scan(page, 'lab, challenge banner with a broken limit', found);

    await page.getByRole('button', { name: 'Remove a neuron from layer 1' }).click();
    await expect(banner).not.toContainText('The network does not keep every limit yet');
    await page.getByRole('toolbar', { name: 'Training controls' }).getByRole('button', { name: 'Play' }).click();
    await expect(banner.getByRole('status')).toContainText('Goal met!', { timeout: 90_000 });
    await page.getByRole('toolbar', { name: 'Training controls' }).getByRole('button', { name: 'Pause' }).click();
    await scan(page, 'lab, challenge met', found);
    expectClean(found);
  });

  test(`the welcome, the way back to the course and the example projects have no serious axe violations (${theme})`, async ({ page }) => {
    const found: Finding[] = [];
    await open(page, theme);
    await expect(page.getByRole('region', { name: 'Welcome to Activation Lab' })).toBeVisible();
    await scan(page, 'welcome', found);

    await page.getByRole('button', { name: 'Start the course' }).click();
    await page.getByRole('tab', { name: 'Lab' }).click();
    await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
    await page.reload();
    await expect(page.getByRole('region', { name: 'Where you left the course' })).toBeVisible();
    await scan(page, 'continue offer over the Lab', found);

    await page.getByRole('tab', { name: 'Projects' }).click();
    const cards = page.getByRole('button', { name: /^Open example:/ });
    await expect(cards).toHaveCount(8);
    await page.waitForTimeout(500);
    await scan(page, 'example projects', found);

    // The question before an example replaces unsaved changes.
    await page.getByRole('tab', { name: 'Lab' }).click();
    await page.getByRole('radio', { name: 'Spiral', exact: true }).click();
    await page.getByRole('tab', { name: 'Projects' }).click();
    await cards.first().click();
    await expect(page.getByRole('group', { name: 'Unsaved changes' })).toBeVisible();
    await scan(page, 'example over unsaved changes', found);
    expectClean(found);
  });
}
