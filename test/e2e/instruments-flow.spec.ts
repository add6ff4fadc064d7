import { expect, test, type Locator, type Page } from '@playwright/test';
import { ratioIn } from './ratio';

/**
 * The Gradient flow panel and the dead-neuron marks in the Lab, in real Chromium: a deep
 * sigmoid network's first layer gets a vanishing share of the output layer's gradient and a
 * ReLU network's does not; a ReLU pushed too hard, or given a strongly negative bias, has dead
 * neurons, and a Leaky ReLU never does.
 */

async function openLab(page: Page, theme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await page.getByRole('combobox', { name: 'Colour theme' }).selectOption(theme);
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'Gradient flow' });
}

/** The first layer's gradient over the output layer's, read from the panel's table ("×0.00029" → 0.00029). */
async function firstOverLast(page: Page): Promise<number> {
  const row = panel(page).getByRole('row', { name: /^Layer 1\b/ });
  return ratioIn(await row.getByRole('cell').nth(1).innerText());
}

/** Dead neurons per hidden layer, read from the Lab's line "Dead neurons: layer 1: 3 of 8 · …". */
async function deadCounts(page: Page): Promise<number[]> {
  const text = await page
    .getByRole('paragraph')
    .filter({ hasText: /^Dead neurons:/ })
    .innerText();
  return [...text.matchAll(/layer \d+: (\d+) of \d+/g)].map((m) => Number(m[1]));
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

async function growLayer(page: Page, layer: number, size: number): Promise<void> {
  const count = page.getByLabel(`Neurons in layer ${layer}`, { exact: true });
  while (Number(await count.innerText()) < size) {
    const before = await count.innerText();
    await page.getByRole('button', { name: `Add a neuron to layer ${layer}` }).click();
    await expect(count).not.toHaveText(before);
  }
}

/** Six hidden layers of four neurons, all with `activation`, trained `epochs` single steps. */
async function deepNetwork(page: Page, activation: string): Promise<void> {
  for (let l = 0; l < 4; l++) await page.getByRole('button', { name: 'Add layer' }).click();
  await expect(page.getByText('6 hidden layers')).toBeVisible();
  for (let layer = 2; layer <= 6; layer++) await growLayer(page, layer, 4);
  await page.getByLabel('Set all hidden activations').selectOption(activation);
  for (let layer = 1; layer <= 6; layer++) await expect(page.getByLabel(`Activation of layer ${layer}`)).toHaveValue(activation);
}

async function stepEpochs(page: Page, epochs: number): Promise<void> {
  for (let i = 0; i < epochs; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(panel(page).getByRole('table')).toContainText(`epoch ${epochs}`);
}

test('a deep sigmoid network shows a vanishing gradient; ReLU does not; the panel closes and clears', async ({ page }) => {
  await openLab(page);
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).getByText('Train for an epoch')).toBeVisible();
  await deepNetwork(page, 'sigmoid');
  await stepEpochs(page, 5);
  const sigmoid = await firstOverLast(page);
  expect(sigmoid).toBeGreaterThan(0);
  expect(1 / sigmoid).toBeGreaterThan(100);
  await expect(panel(page).getByTestId('gradient-readout')).toContainText('vanishes');
  await panel(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/instruments-flow-sigmoid-light.png', fullPage: true });
  await page.getByRole('combobox', { name: 'Colour theme' }).selectOption('dark');
  await panel(page).screenshot({ path: 'test-results/instruments-flow-sigmoid-dark.png' });
  await page.getByRole('combobox', { name: 'Colour theme' }).selectOption('light');

  // Another network clears the chart and table.
  await page.getByLabel('Set all hidden activations').selectOption('relu');
  await expect(panel(page).getByText('Train for an epoch')).toBeVisible();
  await stepEpochs(page, 5);
  const relu = await firstOverLast(page);
  expect(relu).toBeGreaterThan(1 / 100);
  await expect(panel(page).getByTestId('gradient-readout')).not.toContainText('vanishes');

  // Reset clears it too.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(panel(page).getByText('Train for an epoch')).toBeVisible();

  // Closing hides the figures, opening brings them back.
  const toggle = panel(page).getByRole('button', { name: 'Gradient flow' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel(page).getByRole('table')).toHaveCount(0);
  await toggle.click();
  await expect(panel(page).getByRole('table')).toBeVisible();
});

test('a strongly negative bias kills a ReLU (marked on the diagram) but not a Leaky ReLU', async ({ page }) => {
  await openLab(page);
  await page.getByLabel('Set all hidden activations').selectOption('relu');
  await expect.poll(() => deadCounts(page)).toEqual([0, 0]);
  const neuron = page.getByRole('button', { name: /^Layer 1, neuron 2\b/ });
  await neuron.click();
  const bias = page.getByRole('textbox', { name: 'New value for the bias of layer 1, neuron 2' });
  await bias.fill('-50');
  await bias.press('Enter');
  await expect.poll(async () => (await deadCounts(page))[0]).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Layer 1, neuron 2 (dead): edit its bias' })).toBeVisible();
  await expect(page.getByText('dead', { exact: true })).toBeVisible();
  await page.getByRole('region', { name: 'Network' }).screenshot({ path: 'test-results/instruments-dead-light.png' });

  await page.getByLabel('Activation of layer 1').selectOption('leakyRelu');
  await expect(page.getByLabel('Activation of layer 1')).toHaveValue('leakyRelu');
  await page.getByRole('button', { name: /^Layer 1, neuron 2\b/ }).click();
  await bias.fill('-50');
  await bias.press('Enter');
  await expect(page.getByRole('textbox', { name: 'bias of layer 1, neuron 2', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => deadCounts(page)).toHaveLength(2);
  expect((await deadCounts(page))[0]).toBe(0);
  await expect(page.getByRole('button', { name: /\(dead\)/ })).toHaveCount(0);
});

for (const [activation, dies] of [
  ['relu', true],
  ['leakyRelu', false],
] as const) {
  test(`a learning rate that is too big ${dies ? 'kills ReLUs' : 'kills no Leaky ReLU'}`, async ({ page }) => {
    await openLab(page, 'dark');
    await page.getByLabel('Set all hidden activations').selectOption(activation);
    await page.getByLabel('Learning rate', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Play' }).click();
    if (dies) {
      await expect.poll(async () => sum(await deadCounts(page)), { timeout: 60_000 }).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Pause' }).click();
      await panel(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/instruments-flow-relu-dead-dark.png', fullPage: true });
    } else {
      // Train well past the point where the ReLU network lost its neurons.
      await expect
        .poll(
          () =>
            page
              .getByLabel('Epoch', { exact: true })
              .innerText()
              .then((t) => Number(t.replace(/,/g, ''))),
          {
            timeout: 60_000,
          },
        )
        .toBeGreaterThan(300);
      await page.getByRole('button', { name: 'Pause' }).click();
      expect(sum(await deadCounts(page))).toBe(0);
    }
  });
}
