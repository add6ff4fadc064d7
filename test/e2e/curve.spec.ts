import { expect, test, type Locator, type Page } from '@playwright/test';

/** A read-out number as the curve view writes it (a true minus sign, three decimals). */
function parse(text: string): number {
  return Number(text.replace('−', '-').trim());
}

async function openLab(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Colour theme').selectOption(theme);
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

/** How many data points the curve plot says it shows. */
async function pointCount(plot: Locator): Promise<number> {
  const label = (await plot.getAttribute('aria-label')) ?? '';
  const match = /over (\d+) data points/.exec(label);
  if (!match) throw new Error(`The curve plot's name gives no point count: ${label}`);
  return Number(match[1]);
}

/** The contributions table: each neuron's value and the bias, and the sum the view gives. */
async function probeFigures(view: Locator): Promise<{ neurons: number[]; bias: number; sum: number }> {
  const table = view.getByRole('table', { name: 'Contributions at the probe' });
  const neurons: number[] = [];
  let bias = Number.NaN;
  let sum = Number.NaN;
  for (const row of await table.getByRole('row').all()) {
    const name = (await row.getByRole('rowheader').allInnerTexts()).join('').trim();
    const cells = await row.getByRole('cell').allInnerTexts();
    if (cells.length === 0) continue;
    if (/^Neuron \d+$/.test(name)) neurons.push(parse(cells[0]));
    else if (name === 'Output bias b') bias = parse(cells[0]);
    else if (name.startsWith('Sum')) sum = parse(cells[0]);
  }
  return { neurons, bias, sum };
}

for (const theme of ['light', 'dark'] as const) {
  test(`a ReLU network fits a curve as a sum of hinges, and own points are added and moved by mouse and keyboard (${theme})`, async ({
    page,
  }) => {
    await openLab(page, theme);
    await page.getByRole('radiogroup', { name: 'Curve to fit' }).getByRole('radio', { name: 'Absolute value |x|' }).click();
    const view = page.getByRole('figure', { name: 'Curve fitting' });
    await expect(view).toBeVisible();
    // The curve sets start with one hidden layer of ReLUs into a linear output.
    await expect(page.getByLabel('Activation of layer 1')).toHaveValue('relu');
    const width = Number(await page.getByLabel('Neurons in layer 1', { exact: true }).innerText());
    expect(width).toBeGreaterThan(1);

    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(async () => parse(await page.getByLabel('Test loss', { exact: true }).innerText()), { timeout: 90_000 })
      .toBeLessThan(0.01);
    await page.getByRole('button', { name: 'Pause' }).click();

    await view.getByRole('checkbox', { name: 'Show each neuron' }).check();
    const figures = await probeFigures(view);
    // One thin curve per neuron of the last hidden layer, and they add up (with the bias) to the network's value.
    expect(figures.neurons).toHaveLength(width);
    const added = figures.neurons.reduce((a, b) => a + b, figures.bias);
    expect(Math.abs(added - figures.sum)).toBeLessThanOrEqual(0.0005 * (width + 2));
    // At the probe (x = 1 to start) the fitted |x|/3 − 1 is near −2/3.
    expect(figures.sum).toBeCloseTo(-2 / 3, 1);
    await page.screenshot({ path: `test-results/curve-relu-${theme}.png`, fullPage: true });

    // Moving the probe changes the figures, and they still add up.
    const slider = view.getByRole('slider', { name: /Probe at x/ });
    await slider.fill('-4');
    await expect(view.getByRole('table', { name: 'Contributions at the probe' })).toContainText('x = −4');
    const far = await probeFigures(view);
    expect(Math.abs(far.neurons.reduce((a, b) => a + b, far.bias) - far.sum)).toBeLessThanOrEqual(0.0005 * (width + 2));
    expect(far.sum).toBeCloseTo(4 / 3 - 1, 1);

    // Own points: the picker starts them from a few points of the curve on show.
    await page.getByRole('radiogroup', { name: 'Curve to fit' }).getByRole('radio', { name: 'Your own curve points' }).click();
    const plot = view.getByRole('application', { name: /Curve plot/ });
    await expect(plot).toHaveAttribute('aria-label', /over 16 data points/);
    const box = (await plot.boundingBox())!;
    // The plot's area: x from −6 to 6 across, y from −1.5 to 1.5 (margins 34 left, 10 right, 10 top, 22 bottom of 360 × 280).
    const at = (x: number, y: number) => ({ x: box.x + 34 + ((x + 6) / 12) * 316, y: box.y + 258 - ((y + 1.5) / 3) * 248 });

    // Mouse: click adds a point there; dragging it moves it.
    const spot = at(-5.5, 1.2);
    await page.mouse.click(spot.x, spot.y);
    await expect.poll(() => pointCount(plot)).toBe(17);
    const status = view.getByRole('status');
    await expect(status).toContainText(/selected: x = −5\.[45]\d\d, y = 1\.[12]\d\d/);
    const target = at(-3, -1.2);
    await page.mouse.move(spot.x, spot.y);
    await page.mouse.down();
    await page.mouse.move((spot.x + target.x) / 2, (spot.y + target.y) / 2, { steps: 4 });
    await page.mouse.move(target.x, target.y, { steps: 4 });
    await page.mouse.up();
    await expect(status).toContainText(/selected: x = −(3\.0|2\.9)\d\d, y = −1\.[12]\d\d/);
    await expect.poll(() => pointCount(plot)).toBe(17);

    // Keyboard: Enter adds at the cross-hair (0, 0), arrows move the selected point, Delete removes it.
    await page.keyboard.press('Escape');
    await plot.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await expect.poll(() => pointCount(plot)).toBe(18);
    await expect(status).toContainText('selected: x = 0.000, y = 0.000');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await expect(status).toContainText('selected: x = 0.500, y = 0.100');
    await page.keyboard.press(']');
    await expect(status).toContainText(/Point \d+ of 18 selected/);
    await page.keyboard.press('Delete');
    await expect.poll(() => pointCount(plot)).toBe(17);
    await page.screenshot({ path: `test-results/curve-own-${theme}.png`, fullPage: true });
  });
}
