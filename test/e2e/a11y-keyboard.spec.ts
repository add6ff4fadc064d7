import { expect, test, type Page } from '@playwright/test';
import { installFakeDesktop, menuCommand, sentCommands } from './fake-desktop';

/** The epoch the Lab's read-out shows. */
async function epoch(page: Page): Promise<number> {
  return Number((await page.getByLabel('Epoch', { exact: true }).innerText()).replace(/[^0-9]/g, ''));
}

async function openLab(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

/** One epoch by the Step button: the read-out then shows exactly `expected`. */
async function stepTo(page: Page, expected: number): Promise<void> {
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => epoch(page)).toBe(expected);
}

test('Space on the Weights and biases summary opens it and does not start training', async ({ page }) => {
  await openLab(page);
  const summary = page.getByText(/^Weights and biases/);
  await summary.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('group').filter({ has: summary })).toHaveAttribute('open', '');
  // A play sent before this step would leave training running.
  await stepTo(page, 1);
  await page.waitForTimeout(300);
  expect(await epoch(page)).toBe(1);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('nothing fires behind the Keyboard shortcuts dialog', async ({ page }) => {
  await openLab(page);
  await stepTo(page, 1);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('r');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // → would have made it 2 (and this step 3); R would have reset it to 0 (and this step 1).
  await stepTo(page, 2);
});

test('the shortcuts still act from the page and from controls that do not use the key', async ({ page }) => {
  await openLab(page);
  // → on a button (buttons use Space and Enter, not arrows) steps.
  await page.getByRole('button', { name: 'Reset' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => epoch(page)).toBe(1);
  // Space with focus on the page itself plays and pauses.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test.describe('desktop accelerators', () => {
  test.beforeEach(async ({ page }) => {
    await installFakeDesktop(page);
    await page.goto('/');
  });

  test('Ctrl+Enter does not train while the Lessons area is shown, and says where it works', async ({ page }) => {
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await menuCommand(page, 'play-pause');
    await menuCommand(page, 'step');
    await menuCommand(page, 'reset');
    await expect(page.getByRole('status', { name: 'Notices' })).toContainText('Training commands work in the Lab');
    const sent = await sentCommands(page);
    expect(sent).not.toContain('play');
    expect(sent).not.toContain('step');
    expect(sent).not.toContain('reset');

    await menuCommand(page, 'show-lab');
    await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
    await menuCommand(page, 'play-pause');
    await menuCommand(page, 'step');
    await expect.poll(() => sentCommands(page)).toEqual(expect.arrayContaining(['play', 'step']));
  });

  test('no menu command acts behind the Keyboard shortcuts dialog', async ({ page }) => {
    await page.getByRole('tab', { name: 'Lab' }).click();
    await menuCommand(page, 'show-shortcuts');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await menuCommand(page, 'play-pause');
    await menuCommand(page, 'show-lessons');
    expect(await sentCommands(page)).not.toContain('play');
    await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await menuCommand(page, 'play-pause');
    await expect.poll(() => sentCommands(page)).toContain('play');
  });
});
