import { expect, test, type Page } from '@playwright/test';

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

/** How much ink the "what the network sees" preview holds (sum of its pixels' distance from the background). */
async function previewInk(page: Page): Promise<number> {
  return page
    .getByRole('img', { name: "Your drawing as the network's 28 by 28 input" })
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const data = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, 28, 28).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += Math.abs(data[i] - data[0]);
      return sum;
    });
}

test('the digit pad draws by keyboard: a cursor, a pen key, and Delete to clear', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await page.getByRole('radio', { name: 'Handwritten digits' }).click();
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  const pad = page.getByRole('application', { name: /Drawing pad/ });
  const clear = page.getByRole('button', { name: 'Clear the pad' });
  await expect(clear).toBeDisabled();
  await pad.focus();
  // Moving with the pen up draws nothing.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(clear).toBeDisabled();
  // Pen down, a stroke down the middle (a one), pen up.
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Pen down' })).toBeAttached();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'Pen up' })).toBeAttached();
  await expect(clear).toBeEnabled();
  await expect.poll(() => previewInk(page)).toBeGreaterThan(1000);
  await page.screenshot({ path: 'test-results/a11y-digit-pad-keyboard.png', clip: (await pad.boundingBox()) ?? undefined });
  // The pad kept focus throughout, and no Lab shortcut fired (Space did not start training).
  await expect(pad).toBeFocused();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(clear).toBeDisabled();
  await expect.poll(() => previewInk(page)).toBe(0);
});

test('a link weight is edited from the diagram by keyboard', async ({ page }) => {
  await openLab(page);
  const neuron = page.getByRole('button', { name: 'Layer 1, neuron 1: edit its bias and weights' });
  await neuron.focus();
  await page.keyboard.press('Enter');
  const which = page.getByRole('combobox', { name: 'Parameter to edit' });
  await expect(which).toBeVisible();
  await which.selectOption({ label: 'weight from x₁ to layer 1, neuron 1' });
  const field = page.getByRole('textbox', { name: 'New value for the weight from x₁ to layer 1, neuron 1' });
  await expect(field).toBeVisible();
  await field.fill('2.5');
  await field.press('Enter');
  await expect(neuron).toBeFocused();
  // Open it again: the weight holds the new value (the engine has it).
  await page.keyboard.press('Enter');
  await which.selectOption({ label: 'weight from x₁ to layer 1, neuron 1' });
  await expect(field).toHaveValue('2.5');
  await page.keyboard.press('Escape');
  await expect(neuron).toBeFocused();
});

test("a neuron's hover card shows on keyboard focus and describes the button", async ({ page }) => {
  await openLab(page);
  const neuron = page.getByRole('button', { name: 'Layer 1, neuron 2: edit its bias and weights' });
  await neuron.focus();
  const card = page.getByRole('tooltip');
  await expect(card).toBeVisible();
  await expect(card).toContainText(/bias of layer 1, neuron 2: -?\d+\.\d{4}/);
  await expect(card).toContainText('Enter to edit its bias and weights');
  await expect(neuron).toHaveAccessibleDescription(/bias of layer 1, neuron 2: -?\d+\.\d{4}/);
  await page.keyboard.press('Tab');
  await expect(card).toContainText('layer 1, neuron 3');
  // Keyboard focus: the ring and the card, in both themes.
  const clip = { x: 0, y: 0, width: 1440, height: 700 };
  await page.screenshot({ path: 'test-results/a11y-focus-neuron-light.png', clip });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/a11y-focus-neuron-dark.png', clip });
});

/**
 * The times of the animation frames in which the Lab drew a picture (a canvas drawImage),
 * during `ms` of training.
 */
async function drawnFramesWhileTraining(page: Page, ms: number): Promise<number[]> {
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.waitForTimeout(500);
  await page.evaluate(() => ((window as unknown as { __frames: number[] }).__frames.length = 0));
  await page.waitForTimeout(ms);
  const frames = await page.evaluate(() => [...(window as unknown as { __frames: number[] }).__frames]);
  await page.getByRole('button', { name: 'Pause' }).click();
  return frames;
}

test('reduced motion lowers the redraw rate and turns transitions off', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __frames: number[] };
    w.__frames = [];
    const original = CanvasRenderingContext2D.prototype.drawImage;
    CanvasRenderingContext2D.prototype.drawImage = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      const time = Number(document.timeline.currentTime);
      if (w.__frames[w.__frames.length - 1] !== time) w.__frames.push(time);
      return (original as (...a: unknown[]) => void).apply(this, args);
    } as typeof original;
  });
  await openLab(page);
  const full = await drawnFramesWhileTraining(page, 2000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const reduced = await drawnFramesWhileTraining(page, 2000);
  const gaps = reduced.slice(1).map((t, i) => t - reduced[i]);
  console.log(
    `Frames drawn in 2 s of training: ${full.length} with motion, ${reduced.length} with reduced motion ` +
      `(gaps ${gaps.map((g) => g.toFixed(0)).join(' ')} ms)`,
  );
  // Still moving, but no more than ten pictures a second.
  expect(reduced.length).toBeGreaterThan(3);
  expect(reduced.length).toBeLessThanOrEqual(21);
  // Frames are about 100 ms apart (a frame's time stamp can sit a little earlier in its frame than the moment it drew).
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)];
  expect(median).toBeGreaterThanOrEqual(95);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60);

  const duration = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.transition = 'opacity 1s';
    probe.style.animation = 'none 2s';
    document.body.append(probe);
    const style = getComputedStyle(probe);
    const result = `${style.transitionDuration} ${style.animationDuration}`;
    probe.remove();
    return result;
  });
  expect(duration).toBe('0s 0s');
});
