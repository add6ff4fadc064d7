/**
 * One example, forward and backward, in the Lab: the button beside Step goes forward,
 * backward and applies the update, and the figures it shows hang together — the loss is the
 * shown output against the shown target, the output's δ is the loss's slope through tanh,
 * and each weight the update moved most is its old value minus the learning rate times its
 * shown gradient (plain SGD). Screenshots in light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const SHOTS = 'test-results/one-example';

/** A number as the panel writes it (a real minus sign, maybe an exponent). */
function parse(text: string): number {
  return Number(text.trim().replace(/−/g, '-'));
}

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'One example, forward and backward' });
}

async function shown(page: Page, label: 'Output' | 'Target' | 'Loss'): Promise<number> {
  return parse(await panel(page).getByLabel(label, { exact: true }).innerText());
}

/** The cells of a table's rows, as text. */
async function rows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (cell) => cell.textContent ?? '')));
}

/** Serious and critical axe findings (WCAG 2.1 A and AA) in the panel and the diagram. */
async function axeFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include('section.example')
    .include('section.diagram')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The diagram and the panel in both themes (the page is made tall enough to hold the panel whole), each scanned by axe. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 2400 });
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Colour theme').selectOption(theme);
    await page.waitForTimeout(200);
    expect(await axeFindings(page), `${name}, ${theme}`).toEqual([]);
    await page.getByRole('region', { name: 'Network' }).screenshot({ path: `${SHOTS}/${name}-diagram-${theme}.png` });
    await panel(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${name}-${theme}.png` });
  }
  await page.getByLabel('Colour theme').selectOption('light');
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('One example goes forward, backward and trains on that example alone', async ({ page }) => {
  await openLab(page);
  await page.getByLabel('Learning rate', { exact: true }).selectOption('0.3');
  const button = page.getByRole('button', { name: 'One example', exact: true });
  await button.click();

  // Forward: the network's answer for this example, its target and the loss between them.
  await expect(page.getByRole('button', { name: 'Backward', exact: true })).toBeVisible();
  await expect(panel(page).getByText('Training example 1:')).toBeVisible();
  const output = await shown(page, 'Output');
  const target = await shown(page, 'Target');
  const loss = await shown(page, 'Loss');
  expect(Math.abs(target)).toBe(1); // ½·squared error with a tanh output uses −1/+1 targets
  expect(loss).toBeGreaterThan(0);
  expect(Math.abs(loss - 0.5 * (output - target) ** 2)).toBeLessThan(0.002);
  const neurons = panel(page).getByRole('table', { name: 'Neurons for this example' });
  const forward = await rows(neurons);
  expect(forward.map((r) => r[0])).toEqual([
    'layer 1, neuron 1',
    'layer 1, neuron 2',
    'layer 1, neuron 3',
    'layer 1, neuron 4',
    'layer 2, neuron 1',
    'layer 2, neuron 2',
    'the output',
  ]);
  for (const [, z, a] of forward) expect(Math.abs(parse(a) - Math.tanh(parse(z)))).toBeLessThan(0.002);
  expect(parse(forward[6][2])).toBeCloseTo(output, 3);
  // The formula of the first neuron, written out with its numbers.
  await expect(panel(page).getByRole('list', { name: /Formula of layer 1, neuron 1/ })).toContainText('z = w₁·x₁ + w₂·x₂ + b');
  await shoot(page, 'forward');

  // Backward: the output's δ is (a − y)·tanh′(z) = (a − y)·(1 − a²); links get gradients.
  await page.getByRole('button', { name: 'Backward', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Apply update', exact: true })).toBeVisible();
  const backward = await rows(neurons);
  expect(backward[0]).toHaveLength(4);
  const outputDelta = parse(backward[6][3]);
  expect(Math.abs(outputDelta - (output - target) * (1 - output * output))).toBeLessThan(0.002);
  const links = panel(page).getByRole('table', { name: 'Gradients of the links' });
  expect((await rows(links)).length).toBe(8);
  await page.getByRole('button', { name: 'Show all 25 weights and biases' }).click();
  expect((await rows(links)).length).toBe(25);
  // Pick the output neuron on the diagram: its formula shows δ = (a − y)·f′(z).
  await page.getByRole('button', { name: 'Output: show its formula' }).click();
  await expect(panel(page).getByLabel('Formula of', { exact: true })).toHaveValue('2:0');
  await expect(panel(page).getByRole('list', { name: /Formula of the output/ })).toContainText('δ = (a − y)·f′(z)');
  await shoot(page, 'backward');

  // Update: one step of plain SGD on this example; the links that moved most, old → new.
  await page.getByRole('button', { name: 'Apply update', exact: true }).click();
  await expect(page.getByRole('button', { name: 'One example', exact: true })).toBeVisible();
  const changes = await rows(panel(page).getByRole('table', { name: 'Links the update moved most' }));
  expect(changes.length).toBe(5);
  for (const [, , before, gradient, after] of changes) {
    expect(parse(after)).not.toBe(parse(before));
    // Old and new are shown to 4 decimals and the gradient to 3: the rounding bounds the gap.
    expect(Math.abs(parse(after) - (parse(before) - 0.3 * parse(gradient)))).toBeLessThan(3e-4);
  }
  await expect(page.getByLabel('Epoch', { exact: true })).toHaveText('0');
  await shoot(page, 'update');

  // By keyboard: the next example, the next one after it.
  await page.getByRole('button', { name: 'One example', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByText('Training example 2:')).toBeVisible();
  await panel(page).getByLabel('Formula of', { exact: true }).selectOption({ label: 'layer 2, neuron 1' });
  await expect(panel(page).getByRole('list', { name: /Formula of layer 2, neuron 1/ })).toContainText('z = w₁·a₁ + w₂·a₂');
  // Training moves the network on: the numbers of an old example are no longer shown.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('button', { name: 'One example', exact: true })).toBeVisible();
  await expect(panel(page).getByRole('table')).toHaveCount(0);
});
