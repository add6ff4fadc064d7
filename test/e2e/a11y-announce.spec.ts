import { expect, test, type Page } from '@playwright/test';

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

test('the Lab says how training stands after a step, every few seconds while training, and on pause', async ({ page }) => {
  await openLab(page);
  const summary = page.getByRole('status', { name: 'Training summary' });
  await expect(summary).toHaveText('');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(summary).toHaveText(/^Epoch 1, test accuracy \d+ %, test loss \d/);

  await page.getByRole('button', { name: 'Play' }).click();
  // While it trains, the summary moves on by itself (every 5 s), without a pause.
  await expect(summary).toHaveText(/^Epoch (\d{2,}|[2-9]|\d{1,3}(,\d{3})+), test accuracy/, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(summary).toHaveText(/^Paused\. Epoch [\d,]+, test accuracy \d+ %, test loss \d/);
});

test('the output plot and each neuron say in words what they show', async ({ page }) => {
  await openLab(page);
  const plot = page.getByRole('application', { name: /Output plot/ });
  await expect(plot).toHaveAccessibleDescription(/^The network predicts orange \(class A\) on \d+ % of the plane.*blue \(class B\)/);
  // Trained on the circle, the network puts blue in the middle: its words say so, with the accuracy.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(async () => Number((await page.getByLabel('Test accuracy', { exact: true }).innerText()).replace(/[^0-9.]/g, '')), {
      timeout: 60_000,
    })
    .toBeGreaterThan(95);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(plot).toHaveAccessibleDescription(
    /blue \(class B\) on \d+ % of the plane, near the centre, in one region.*Test accuracy (9\d|100) %/,
  );

  const neuron = page.getByRole('button', { name: 'Layer 1, neuron 1: edit its bias and weights' });
  await expect(neuron).toHaveAccessibleDescription(/^Its heatmap: (high (where|towards|near|far|in)|a mixed pattern|about)/);
  const input = page.getByRole('button', { name: 'Input x₁', exact: true });
  await expect(input).toBeVisible();
});

test('every Lab panel has a heading, and no plain span or div carries an aria-label', async ({ page }) => {
  await openLab(page);
  for (const name of ['Data', 'Training settings', 'Network', 'Output', 'Loss', 'Weights', 'Layer space', 'Activation race']) {
    await expect(page.getByRole('heading', { name, level: 2, exact: true })).toHaveCount(1);
  }
  const labelled = await page
    .getByRole('tabpanel', { name: 'Lab' })
    .evaluate((panel) =>
      [...panel.querySelectorAll('span[aria-label], div[aria-label], p[aria-label]')]
        .filter((el) => !el.getAttribute('role'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
  expect(labelled).toEqual([]);
});

test('the race says who won when it ends', async ({ page }) => {
  await openLab(page);
  const race = page.getByRole('region', { name: 'Activation race' });
  await race.getByLabel('Race length in epochs').selectOption('100');
  await race.getByRole('button', { name: 'Start race' }).click();
  await expect(race.getByRole('status', { name: 'Race summary' })).toHaveText(
    /^Race over\. \w+: epoch \d+, test loss [\d.e+-]+; .*\. Lowest test loss: (Linear|ReLU|Tanh)\.$/,
    { timeout: 60_000 },
  );
});

test('a lesson trainer says how training stands on pause', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: /^Lesson \d+: Training a real boundary — / }).click();
  // Step 1 is the race (it waits for a prediction); step 2 is a live trainer.
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Training summary' })).toHaveText(
    /^Paused\. Epoch [\d,]+, test accuracy \d+ %, test loss \d/,
  );
});
