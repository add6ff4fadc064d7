import { expect, test, type Page } from '@playwright/test';

/** Reads a number shown in the Lab's read-out, found by its label. */
async function readNumber(page: Page, label: string): Promise<number> {
  const text = await page.getByLabel(label, { exact: true }).first().innerText();
  const value = Number(text.replace(/[^0-9.eE+-]/g, ''));
  return text.trim() === '—' ? Number.NaN : value;
}

async function openLab(page: Page, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

/** A fingerprint of the output plot's heatmap pixels. */
async function outputPicture(page: Page): Promise<string> {
  return page
    .getByRole('application', { name: /Output plot/ })
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
}

async function growLayer(page: Page, layer: number, size: number): Promise<void> {
  const count = page.getByLabel(`Neurons in layer ${layer}`, { exact: true });
  while (Number(await count.innerText()) < size) {
    const before = await count.innerText();
    await page.getByRole('button', { name: `Add a neuron to layer ${layer}` }).click();
    await expect(count).not.toHaveText(before);
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`spiral with four ReLU layers learns until the test loss is below 0.1 (${colorScheme})`, async ({ page }) => {
    await openLab(page, colorScheme);
    await page.getByRole('radio', { name: 'Spiral', exact: true }).click();
    await expect(page.getByRole('radio', { name: 'Spiral', exact: true })).toHaveAttribute('aria-checked', 'true');
    await page.getByRole('button', { name: 'Add layer' }).click();
    await page.getByRole('button', { name: 'Add layer' }).click();
    await expect(page.getByText('4 hidden layers')).toBeVisible();
    await page.getByLabel('Set all hidden activations').selectOption('relu');
    for (let layer = 1; layer <= 4; layer++) {
      await expect(page.getByLabel(`Activation of layer ${layer}`)).toHaveValue('relu');
      await growLayer(page, layer, 8);
    }
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect.poll(() => readNumber(page, 'Test loss'), { timeout: 90_000 }).toBeLessThan(0.1);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await page.screenshot({ path: `test-results/lab-spiral-relu-${colorScheme}.png`, fullPage: true });
  });
}

test('editing a weight by hand changes the boundary, and the keyboard drives the transport', async ({ page }) => {
  await openLab(page);
  // Wait for the first picture of the untrained network, then change one weight in the table.
  await expect.poll(() => outputPicture(page)).not.toBe('');
  const before = await outputPicture(page);
  await page.getByText(/Weights and biases/).click();
  const weight = page.getByRole('textbox', { name: 'weight from x₁ to layer 1, neuron 1', exact: true });
  await weight.fill('4');
  await weight.press('Enter');
  await expect(weight).toHaveValue('4.0000');
  await expect.poll(() => outputPicture(page)).not.toBe(before);

  // Pointing at a neuron shows its own map in the big plot.
  const edited = await outputPicture(page);
  await page.getByRole('button', { name: 'Layer 1, neuron 1: edit its bias' }).hover();
  await expect(page.getByText('Showing layer 1, neuron 1')).toBeVisible();
  await expect.poll(() => outputPicture(page)).not.toBe(edited);
  await page.mouse.move(0, 0);
  await expect(page.getByText('Showing layer 1, neuron 1')).toHaveCount(0);

  // The same kind of edit from the diagram: click a neuron, type its bias.
  await page.getByRole('button', { name: 'Layer 1, neuron 2: edit its bias' }).click();
  const bias = page.getByRole('textbox', { name: 'New value for the bias of layer 1, neuron 2' });
  await bias.fill('-2.5');
  await bias.press('Enter');
  await expect(page.getByRole('textbox', { name: 'bias of layer 1, neuron 2', exact: true })).toHaveValue('-2.5000');

  // Keyboard shortcuts, away from any field: → steps, Space plays and pauses, R resets.
  await page.getByRole('heading', { name: 'Data', exact: true }).click();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readNumber(page, 'Epoch')).toBe(1);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('heading', { name: 'Data', exact: true }).click();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('r');
  await expect.poll(() => readNumber(page, 'Epoch')).toBe(0);
});

test('the learner adds their own points and trains on them', async ({ page }) => {
  await openLab(page);
  await page.getByRole('button', { name: 'Clear points' }).click();
  await expect(page.getByRole('radio', { name: 'Your own points' })).toHaveAttribute('aria-checked', 'true');
  const plot = page.getByRole('application', { name: /Output plot/ });
  await expect(plot).toHaveAccessibleName(/with 0 data points/);
  const box = await plot.boundingBox();
  if (!box) throw new Error('The output plot is not on screen.');
  // Orange points on the left, blue ones on the right (clicks, then a sprayed cloud each).
  const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  await page.getByRole('radio', { name: /Orange \(class A\)/ }).check();
  for (const [fx, fy] of [
    [0.15, 0.2],
    [0.2, 0.5],
    [0.15, 0.8],
    [0.25, 0.35],
    [0.3, 0.65],
  ]) {
    await page.mouse.click(at(fx, fy).x, at(fx, fy).y);
  }
  await page.getByRole('radio', { name: /Blue \(class B\)/ }).check();
  for (const [fx, fy] of [
    [0.85, 0.2],
    [0.8, 0.5],
    [0.85, 0.8],
    [0.75, 0.35],
    [0.7, 0.65],
  ]) {
    await page.mouse.click(at(fx, fy).x, at(fx, fy).y);
  }
  await page.mouse.move(at(0.8, 0.1).x, at(0.8, 0.1).y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(at(0.8, 0.1 + i * 0.1).x, at(0.8, 0.1 + i * 0.1).y, { steps: 2 });
  await page.mouse.up();
  await page.getByRole('radio', { name: /Orange \(class A\)/ }).check();
  await page.mouse.move(at(0.2, 0.1).x, at(0.2, 0.1).y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(at(0.2, 0.1 + i * 0.1).x, at(0.2, 0.1 + i * 0.1).y, { steps: 2 });
  await page.mouse.up();
  await expect(plot).toHaveAccessibleName(/with (\d{2,}) data points/);
  // A modifier-click removes the nearest point.
  const name = (await plot.getAttribute('aria-label')) ?? '';
  const count = Number(/with (\d+) data points/.exec(name)?.[1]);
  await page.keyboard.down('Shift');
  await page.mouse.click(at(0.15, 0.2).x, at(0.15, 0.2).y);
  await page.keyboard.up('Shift');
  await expect(plot).toHaveAccessibleName(new RegExp(`with ${count - 1} data points`));

  await expect.poll(() => readNumber(page, 'Training loss')).toBeGreaterThan(0);
  const start = await readNumber(page, 'Training loss');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(page, 'Epoch')).toBeGreaterThan(100);
  await expect.poll(() => readNumber(page, 'Training loss')).toBeLessThan(start * 0.5);
  await expect.poll(() => readNumber(page, 'Test accuracy')).toBeGreaterThan(90);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: 'test-results/lab-own-points.png' });
});

test('a race of three activations trains side by side', async ({ page }) => {
  await openLab(page);
  const race = page.getByRole('region', { name: 'Activation race' });
  await race.scrollIntoViewIfNeeded();
  // Linear, ReLU and Tanh are chosen to start with; swap Linear for Sine to choose by hand.
  await race.getByRole('checkbox', { name: 'Linear', exact: true }).uncheck();
  await race.getByRole('checkbox', { name: 'Sine', exact: true }).check();
  await race.getByLabel('Race length in epochs').selectOption('300');
  await race.getByRole('button', { name: 'Start race' }).click();
  for (const name of ['ReLU', 'Tanh', 'Sine']) {
    await expect(race.getByRole('listitem', { name: `${name} lane` })).toBeVisible();
    await expect
      .poll(async () => Number(await race.getByLabel(`${name} epoch`).innerText()), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(300);
    await expect.poll(async () => Number(await race.getByLabel(`${name} test loss`).innerText())).toBeLessThan(1);
  }
  await expect(race.getByRole('button', { name: 'Stop race' })).toBeDisabled();
  await race.screenshot({ path: 'test-results/lab-race.png' });
});

test('learning rate 10 makes training blow up, and the Lab says what happened', async ({ page }) => {
  await openLab(page);
  await page.getByRole('radio', { name: 'Plane', exact: true }).click();
  await expect(page.getByLabel('Output activation')).toHaveValue('identity');
  await page.getByLabel('Learning rate', { exact: true }).selectOption('10');
  await page.getByRole('button', { name: 'Play' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/learning rate/i);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.screenshot({ path: 'test-results/lab-diverged.png' });
  // The offered fix sets a smaller rate and clears the message.
  await alert.getByRole('button', { name: /Use learning rate 3/ }).click();
  await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('3');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
