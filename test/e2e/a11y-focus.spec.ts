import { expect, test, type Page } from '@playwright/test';
import { withoutFilePickers } from './file-pickers';

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

/** The page's Tab stops in order (role and name of each): Tab from where focus is until it comes back round. */
async function tabStops(page: Page): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < 400; i++) {
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      if (el.dataset.tabSeen) return null;
      el.dataset.tabSeen = '1';
      return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}`;
    });
    if (stop === null) break;
    if (stop !== '') stops.push(stop);
    await page.keyboard.press('Tab');
  }
  return stops;
}

test('a skip link is the first Tab stop and lands on the training controls; the Lab has far fewer Tab stops', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the training controls' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.screenshot({ path: 'test-results/a11y-skip-link-light.png', clip: { x: 0, y: 0, width: 700, height: 160 } });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/a11y-skip-link-dark.png', clip: { x: 0, y: 0, width: 700, height: 160 } });
  await page.emulateMedia({ colorScheme: 'light' });

  const stops = await tabStops(page);
  console.log(`Tab stops on the page with the Lab shown: ${stops.length}`);
  // Before this work the 13 data-set radios were 13 stops (82 on the page in all, no skip link).
  expect(stops[0]).toBe('a: Skip to the training controls');
  expect(stops.filter((stop) => stop.startsWith('radio:'))).toEqual(['radio: Circle']);

  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();
});

test('the data-set radios are one group: one Tab stop, arrow keys move and pick', async ({ page }) => {
  await openLab(page);
  const circle = page.getByRole('radio', { name: 'Circle', exact: true });
  const xor = page.getByRole('radio', { name: 'Exclusive or', exact: true });
  await expect(circle).toHaveAttribute('aria-checked', 'true');
  // Tab from the control before the group lands on the checked radio, and the next Tab leaves the group.
  await page.getByRole('combobox', { name: 'Loss' }).focus();
  await page.keyboard.press('Tab');
  await expect(circle).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(xor).toBeFocused();
  await expect(xor).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(circle).toBeFocused();
  await page.keyboard.press('End');
  // The digits bring other panels (the controls are drawn anew): focus stays on their radio.
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('application', { name: /Drawing pad/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Handwritten digits' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(circle).toBeFocused();
  await expect(circle).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('slider', { name: 'Share of points used for training' })).toBeFocused();
  // The arrows picked data; they did not train (→ is the step shortcut elsewhere).
  await expect(page.getByLabel('Epoch', { exact: true })).toHaveText('0');
});

test('opening lessons moves focus to the new page’s heading', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: /^Lesson 1:/ }).focus();
  await page.keyboard.press('Enter');
  const first = page.getByRole('heading', { level: 2 }).first();
  await expect(first).toBeFocused();
  const title = await first.innerText();

  // Last step, then "Next lesson": focus on lesson 2's heading.
  await page.getByRole('list', { name: 'Steps' }).getByRole('button').last().click();
  await page.getByRole('button', { name: 'Next lesson' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Lesson 2 of')).toBeVisible();
  const second = page.getByRole('heading', { level: 2 }).first();
  await expect(second).toBeFocused();
  expect(await second.innerText()).not.toBe(title);

  // "← All lessons": focus on the overview's heading.
  await page.getByRole('button', { name: '← All lessons' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Lessons', level: 2 })).toBeFocused();
});

test('the current step dot shows a focus ring', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: /^Lesson 1:/ }).click();
  const current = page.getByRole('list', { name: 'Steps' }).locator('[aria-current="step"]');
  const ring = () => current.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineColor);
  const before = await ring();
  await current.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(current).toBeFocused();
  const after = await ring();
  expect(after).not.toBe(before);
  expect(after.startsWith('solid')).toBe(true);
  const box = await page.getByRole('list', { name: 'Steps' }).boundingBox();
  const clip = box ? { x: box.x - 12, y: box.y - 12, width: box.width + 24, height: box.height + 24 } : undefined;
  await page.screenshot({ path: 'test-results/a11y-step-dot-focus-light.png', clip });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/a11y-step-dot-focus-dark.png', clip });
});

test('the bias editor gives focus back to its neuron, so Tab goes on to the next one', async ({ page }) => {
  await openLab(page);
  const first = page.getByRole('button', { name: 'Layer 1, neuron 1: edit its bias and weights' });
  const second = page.getByRole('button', { name: 'Layer 1, neuron 2: edit its bias and weights' });
  await first.focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: /^New value for the bias of layer 1, neuron 1/ });
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(field).toBeHidden();
  await expect(first).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('0.5');
  await page.keyboard.press('Enter');
  await expect(second).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Layer 1, neuron 3: edit its bias and weights' })).toBeFocused();
});

test('a button that disables itself hands focus to the one beside it', async ({ page }) => {
  await openLab(page);
  const remove = page.getByRole('button', { name: 'Remove a neuron from layer 2' });
  const count = page.getByLabel('Neurons in layer 2', { exact: true });
  await expect(count).toHaveText('2');
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('1');
  await expect(remove).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add a neuron to layer 2' })).toBeFocused();

  const removeLayer = page.getByRole('button', { name: 'Remove layer' });
  await removeLayer.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByText('0 hidden layers')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add layer' })).toBeFocused();
});

test('opening a project shows the Lab with focus in it, and says so', async ({ page }, info) => {
  await withoutFilePickers(page);
  await openLab(page);
  await page.getByRole('tab', { name: 'Projects' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const file = info.outputPath('focus.actlab');
  await (await download).saveAs(file);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Lab' })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Showing the Lab.' })).toBeAttached();
  // The next Tab goes into the Lab, not to the top of the page.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();
});
