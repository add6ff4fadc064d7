import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { withoutFilePickers } from './file-pickers';

// These journeys save by download and open through the file chooser, as Firefox and Safari do.
test.beforeEach(({ page }) => withoutFilePickers(page));

/** Reads a number shown in the Lab's read-out, found by its label. */
async function readNumber(page: Page, label: string): Promise<number> {
  const text = await page.getByLabel(label, { exact: true }).first().innerText();
  return Number(text.replace(/[^0-9.eE+-]/g, ''));
}

/** The output plot's heatmap pixels: the decision boundary as drawn. */
async function boundary(page: Page): Promise<string> {
  return page
    .getByRole('application', { name: /Output plot/ })
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
}

/** Trains a little and pauses; returns the epoch reached. */
async function trainAndPause(page: Page): Promise<number> {
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
  await page.getByRole('radio', { name: 'Spiral', exact: true }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => readNumber(page, 'Epoch')).toBeGreaterThan(40);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const epoch = await readNumber(page, 'Epoch');
  await page.waitForTimeout(300);
  expect(await readNumber(page, 'Epoch')).toBe(epoch);
  return epoch;
}

/**
 * The description of the browser backup (IndexedDB "activation-lab"), or null when there is
 * none. Never creates the database: an upgrade it would need is cancelled.
 */
function backupInfo(page: Page): Promise<{ epoch: number; summary: string; name: string } | null> {
  return page.evaluate(
    () =>
      new Promise<{ epoch: number; summary: string; name: string } | null>((resolve) => {
        const open = indexedDB.open('activation-lab');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('unsaved-project')) {
            db.close();
            resolve(null);
            return;
          }
          const get = db.transaction('unsaved-project').objectStore('unsaved-project').get('info');
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { epoch: number; summary: string; name: string } | undefined) ?? null);
          };
          get.onerror = () => resolve(null);
        };
      }),
  );
}

async function openChosenFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(file);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`save, reload, open: the same epoch and boundary (${colorScheme})`, async ({ page }, info) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    const epoch = await trainAndPause(page);
    const picture = await boundary(page);

    await page.getByRole('tab', { name: 'Projects' }).click();
    await page.getByRole('textbox', { name: 'Project name' }).fill('my spiral');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('my spiral.actlab');
    const file = info.outputPath('my spiral.actlab');
    await saved.saveAs(file);
    await expect(page.getByRole('status', { name: 'Project status' })).toHaveText('Saved as my spiral.actlab in your downloads.');
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'activation-lab-project', version: 3, name: 'my spiral', state: { epoch } });
    await page.screenshot({ path: `test-results/projects-saved-${colorScheme}.png`, fullPage: true });

    await page.reload();
    await page.getByRole('tab', { name: 'Lab' }).click();
    await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
    expect(await readNumber(page, 'Epoch')).toBe(0);

    await page.getByRole('tab', { name: 'Projects' }).click();
    await openChosenFile(page, file);
    // Opening shows the project in the Lab.
    await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => readNumber(page, 'Epoch')).toBe(epoch);
    await expect(page.getByRole('radio', { name: 'Spiral', exact: true })).toHaveAttribute('aria-checked', 'true');
    await expect.poll(() => boundary(page)).toBe(picture);
    await page.screenshot({ path: `test-results/projects-reopened-${colorScheme}.png`, fullPage: true });
  });
}

test('a damaged file shows a message and changes nothing', async ({ page }, info) => {
  await page.goto('/');
  const epoch = await trainAndPause(page);
  const picture = await boundary(page);
  await page.getByRole('tab', { name: 'Projects' }).click();

  const broken = info.outputPath('broken.actlab');
  writeFileSync(broken, '{"format": "activation-lab-project", "version": 2, "name": "cut');
  await openChosenFile(page, broken);
  await expect(page.getByRole('alert', { name: 'Project problem' })).toHaveText(
    'The file is cut off — it may not have finished downloading or saving. Ask for the file again.',
  );
  await page.screenshot({ path: 'test-results/projects-damaged-file.png', fullPage: true });

  const future = info.outputPath('future.actlab');
  writeFileSync(future, JSON.stringify({ format: 'activation-lab-project', version: 7 }));
  await openChosenFile(page, future);
  await expect(page.getByRole('alert', { name: 'Project problem' })).toHaveText(
    'This file was made by a newer version of Activation Lab (format version 7). Update the app to open it.',
  );

  // Hostile files: millions of tiny values (read in the parse worker), another text encoding.
  const junk = info.outputPath('junk.actlab');
  writeFileSync(junk, `{"format":"activation-lab-project","version":2,"junk":[${'{},'.repeat(2_500_000)}{}]}`);
  await openChosenFile(page, junk);
  await expect(page.getByRole('alert', { name: 'Project problem' })).toHaveText(
    /^This file holds more than [\d,]+ values, more than the largest network a project can describe\./,
  );
  await page.screenshot({ path: 'test-results/projects-tiny-values-file.png', fullPage: true });
  const utf16 = info.outputPath('utf16.actlab');
  // Without a byte order mark (with one, the browser itself decodes UTF-16 correctly).
  writeFileSync(utf16, Buffer.from('{"format":"activation-lab-project","version":2}', 'utf16le'));
  await openChosenFile(page, utf16);
  await expect(page.getByRole('alert', { name: 'Project problem' })).toHaveText(/saved in another text encoding .* save it as UTF-8/);

  await page.getByRole('tab', { name: 'Lab' }).click();
  expect(await readNumber(page, 'Epoch')).toBe(epoch);
  expect(await boundary(page)).toBe(picture);
});

test('unsaved work comes back after a reload', async ({ page }) => {
  await page.goto('/');
  const epoch = await trainAndPause(page);
  // The backup is written in idle time soon after the pause.
  // One may already have been written while training ran: wait for the one of the paused network.
  await expect.poll(async () => (await backupInfo(page))?.epoch, { timeout: 10_000 }).toBe(epoch);
  await page.reload();
  const prompt = page.getByRole('region', { name: 'Unsaved work found' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText(`at epoch ${epoch}`);
  await expect(prompt).toContainText('2 → 4 → 2 → 1, spiral');
  // A notice where the learner left off, not a detour: the Lab is still on show and works.
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/projects-restore-prompt-${colorScheme}.png` });
  }
  await page.getByRole('button', { name: 'Restore unsaved work' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => readNumber(page, 'Epoch')).toBe(epoch);

  // Discarding it means it is gone for good.
  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('button', { name: 'Discard changes and start a new project' }).click();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Unsaved work found' })).toHaveCount(0);
});

test('unsaved digits work is backed up while it trains and comes back after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Lab' }).click();
  await page.getByRole('radiogroup', { name: 'Data with many inputs' }).getByRole('radio', { name: 'Handwritten digits' }).click();
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  const toolbar = page.getByRole('toolbar', { name: 'Training controls' });
  await toolbar.getByRole('button', { name: 'Play' }).click();
  // Backups come at most every few seconds while training, in idle time.
  await expect.poll(async () => (await backupInfo(page))?.summary, { timeout: 30_000 }).toBe('784 → 64 → 10, handwritten digits');
  await toolbar.getByRole('button', { name: 'Pause' }).click();
  await expect(toolbar.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.waitForTimeout(500);
  const epoch = Number((await page.getByLabel('Epoch', { exact: true }).innerText()).replace(/[^0-9]/g, ''));
  await expect.poll(async () => (await backupInfo(page))?.epoch, { timeout: 15_000 }).toBe(epoch);

  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(page.getByLabel("The open project's network")).toContainText('784 → 64 → 10, handwritten digits');
  await page.reload();
  const prompt = page.getByRole('region', { name: 'Unsaved work found' });
  await expect(prompt).toContainText('784 → 64 → 10, handwritten digits');
  await page.screenshot({ path: 'test-results/projects-restore-digits.png', fullPage: true });
  await page.getByRole('button', { name: 'Restore unsaved work' }).click();
  await expect(prompt).toBeHidden();
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByText('10,000 digit images loaded')).toBeVisible({ timeout: 60_000 });
  // The Lab puts the network back once the images are in the engine too.
  await expect.poll(() => readNumber(page, 'Epoch'), { timeout: 30_000 }).toBe(epoch);
});

test("lesson progress travels with the project whose Lab got the lesson's network", async ({ page }, info) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();

  // Lesson 7, step 1: solve it, then hand its neuron to the Lab.
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: /^Lesson 7:/ }).click();
  const predict = page.getByRole('region', { name: 'Predict first' });
  await predict.getByRole('radio', { name: '3', exact: true }).check();
  await predict.getByRole('button', { name: 'Commit my prediction' }).click();
  for (const [name, value] of [
    ['w₁', 1],
    ['w₂', 1],
    ['b', -0.5],
  ] as const) {
    await page.getByRole('slider', { name, exact: true }).fill(String(value));
  }
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'well done' })).toBeVisible();
  await page.getByRole('button', { name: 'Open this in the Lab' }).click();
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.getByRole('textbox', { name: 'Project name' }).fill('xor homework');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = info.outputPath('xor homework.actlab');
  await (await download).saveAs(saved);
  const file = JSON.parse(readFileSync(saved, 'utf8')) as { lessons: unknown };
  // Only the lesson whose network went to the Lab, counted by step position.
  expect(file.lessons).toEqual({ '07-xor': { stepsDone: [0], completed: false } });

  // Another browser (no progress of its own) opens the project: the step counts as done there too.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.getByRole('button', { name: /^Lesson 7: .* — Not started$/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Projects' }).click();
  await openChosenFile(page, saved);
  // The project reopens where it was saved from: the Lab.
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.getByRole('button', { name: /^Lesson 7: .* — In progress$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Lesson 2: .* — Not started$/ })).toBeVisible();

  // A new project carries no lessons.
  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const second = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const empty = info.outputPath('untitled.actlab');
  await (await second).saveAs(empty);
  expect((JSON.parse(readFileSync(empty, 'utf8')) as { lessons: unknown }).lessons).toEqual({});
});
