import { expect, test, type Locator, type Page } from '@playwright/test';

/** Reads a number shown in the Lab's read-out, found by its label. */
async function readNumber(page: Page, label: string): Promise<number> {
  const text = await page.getByLabel(label, { exact: true }).first().innerText();
  return text.trim() === '—' ? Number.NaN : Number(text.replace(/[^0-9.eE+-]/g, ''));
}

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.getByLabel('Colour theme').selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** The flat and saturated stretches the explorer lists, as [from, to] pairs. */
async function saturatedRegions(explorer: Locator): Promise<[number, number][]> {
  const text = (await explorer.getByRole('note', { name: 'Flat and saturated regions' }).innerText()).replace(/−/g, '-');
  return [...text.matchAll(/from (-?\d+(?:\.\d+)?) to (-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

test('a drawn straight line collapses the network; absolute value learns the circle', async ({ page }) => {
  await openLab(page);
  const collapseNote = page.getByText('This network collapses to a straight line.');
  // Tanh layers: no collapse.
  await expect(collapseNote).toHaveCount(0);

  // Choosing "Draw your own" for a layer opens the editor.
  await page.getByLabel('Activation of layer 1').selectOption('drawn');
  const editor = page.getByRole('region', { name: 'Draw your own' });
  await expect(editor).toBeVisible();
  await editor.getByRole('button', { name: 'Identity (y = x)' }).click();
  await editor.getByRole('button', { name: 'Use it in every hidden layer' }).click();
  await expect(page.getByLabel('Activation of layer 2')).toHaveValue('drawn');
  await expect(collapseNote).toBeVisible();
  await expect(page.getByText(/one affine map: z = −?\d\.\d\d·x₁ [+−] \d\.\d\d·x₂ [+−] \d\.\d\d/)).toBeVisible();
  await expect(editor.getByRole('status')).toHaveText(/^Straight \(y = 1·x \+ 0\)/);
  await page.getByRole('region', { name: 'Network' }).screenshot({ path: 'test-results/drawn-collapse-light.png' });

  // Bending the line by keyboard: knot 4 (at 0, 0) up by 0.1 — no longer a collapse.
  const knot = editor.getByRole('button', { name: /^Knot 4 of 7: x = 0, y = 0$/ });
  await knot.focus();
  await page.keyboard.press('ArrowUp');
  await expect(editor.getByRole('button', { name: /^Knot 4 of 7: x = 0, y = 0\.1$/ })).toBeFocused();
  await expect(collapseNote).toHaveCount(0);
  await expect(editor.getByRole('status')).toHaveText(/^Bent/);
  // Keys add and remove knots; below five the editor says what to do and changes nothing.
  await page.keyboard.press('+');
  await expect(editor.getByRole('button', { name: /^Knot \d of 8/ })).toHaveCount(8);
  for (let n = 8; n > 5; n--) await page.keyboard.press('Delete');
  await expect(editor.getByRole('button', { name: /^Knot \d of 5/ })).toHaveCount(5);
  await page.keyboard.press('Delete');
  await expect(editor.getByRole('alert')).toHaveText(/needs at least 5 knots: add one before removing another/);
  await expect(editor.getByRole('button', { name: /^Knot \d of 5/ })).toHaveCount(5);

  // Dragging a knot with the mouse: the Lab gets the shape once, on release.
  await editor.getByRole('button', { name: 'Identity (y = x)' }).click();
  await expect(collapseNote).toBeVisible();
  const box = (await editor.getByRole('button', { name: /^Knot 5 of 7/ }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 60, { steps: 8 });
  await page.mouse.up();
  await expect(editor.getByRole('button', { name: /^Knot 5 of 7: x = 1, y = −/ })).toBeVisible();
  await expect(collapseNote).toHaveCount(0);

  // Absolute value: a network that a straight line cannot be, on data a line cannot split.
  await editor.getByRole('button', { name: 'Absolute value' }).click();
  await expect(editor.getByRole('status')).toHaveText(/^Bent/);
  await expect(collapseNote).toHaveCount(0);
  await page.getByLabel('Learning rate', { exact: true }).selectOption('0.1');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(page, 'Test accuracy'), { timeout: 90_000 }).toBeGreaterThanOrEqual(95);
  await page.getByRole('button', { name: 'Pause' }).click();

  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await page.getByRole('region', { name: 'Network' }).screenshot({ path: `test-results/drawn-editor-${theme}.png` });
  }
});

test('the activation explorer reads sigmoid at 0 by keyboard and shades saturation', async ({ page }) => {
  await openLab(page);
  const explorer = page.getByRole('region', { name: 'Activation explorer' });
  await explorer.scrollIntoViewIfNeeded();
  await expect(explorer.getByLabel('Activation to explore')).toHaveValue('sigmoid');
  await expect(explorer.locator('.katex')).toBeVisible();

  const cursor = explorer.getByRole('slider', { name: 'Read-out cursor on Sigmoid' });
  await cursor.focus();
  await expect(explorer.getByRole('status')).toHaveText('x = 1.00: f(x) = 0.7311, f′(x) = 0.1966');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect(explorer.getByRole('status')).toHaveText('x = 0.00: f(x) = 0.5000, f′(x) = 0.2500');
  await expect(cursor).toHaveAttribute('aria-valuenow', '0');

  // Sigmoid saturates on both sides (|f′| < 0.01 beyond about ±4.6).
  const sigmoid = await saturatedRegions(explorer);
  expect(sigmoid).toHaveLength(2);
  expect(sigmoid[0][0]).toBe(-6);
  expect(sigmoid[0][1]).toBeCloseTo(-4.6, 1);
  expect(sigmoid[1][0]).toBeCloseTo(4.6, 1);
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await explorer.screenshot({ path: `test-results/drawn-explorer-sigmoid-${theme}.png` });
  }

  // ReLU: flat left of 0, never on its positive side.
  await explorer.getByLabel('Activation to explore').selectOption('relu');
  const relu = await saturatedRegions(explorer);
  expect(relu).toEqual([[-6, 0]]);
  await explorer.getByRole('slider', { name: 'Read-out cursor on ReLU' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(explorer.getByRole('status')).toHaveText('x = 0.10: f(x) = 0.1000, f′(x) = 1.0000');
  await explorer.screenshot({ path: 'test-results/drawn-explorer-relu-dark.png' });

  // The drawn activation shows the Lab's own drawing.
  await explorer.getByLabel('Activation to explore').selectOption('drawn');
  await expect(explorer.getByRole('note', { name: 'Flat and saturated regions' })).toHaveText(/^Not saturated or flat anywhere/);
});
