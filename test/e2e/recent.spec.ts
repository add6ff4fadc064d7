/**
 * Recent projects in the browser: a project saved and one opened appear in the Projects area
 * with a picture and the network in a line, stay there after a reload (IndexedDB), reopen
 * from the list (asking first when the Lab has unsaved changes), and one whose kept copy has
 * gone leaves the list with a message. A damaged store does not stop the page. Screenshots of
 * the list in light and dark go to test-results/recent/, and axe scans the area in both.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { installFakeDesktop } from './fake-desktop';
import { withoutFilePickers } from './file-pickers';

// These journeys save by download and open through the file chooser, as Firefox and Safari do.
test.beforeEach(({ page }) => withoutFilePickers(page));

const SHOTS = 'test-results/recent';

async function readNumber(page: Page, label: string): Promise<number> {
  return Number((await page.getByLabel(label, { exact: true }).first().innerText()).replace(/[^0-9.eE+-]/g, ''));
}

async function steps(page: Page, count: number): Promise<void> {
  await page.getByRole('tab', { name: 'Lab' }).click();
  const start = await readNumber(page, 'Epoch');
  for (let i = 1; i <= count; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByLabel('Epoch', { exact: true })).toHaveText(String(start + i));
  }
}

async function axeClean(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include('#panel-projects').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Writes raw records into the recent store, as a damaged or older store might hold them. */
function putRaw(page: Page, store: 'entries' | 'texts', records: { key?: string; value: unknown }[]): Promise<void> {
  return page.evaluate(
    ({ store, records }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('activation-lab-recent');
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          for (const r of records) {
            if (r.key === undefined) tx.objectStore(store).put(r.value);
            else tx.objectStore(store).put(r.value, r.key);
          }
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, records },
  );
}

test('save and open a project, see it with its picture, reopen it from the list; a gone copy leaves with a message', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Projects' }).click();
  const list = page.getByRole('list', { name: 'Recent projects' });
  await expect(page.getByText('Projects you open or save in this browser appear here, with a picture of each.')).toBeVisible();
  // No File System Access here (as in Firefox and Safari): Save downloads, Open… uses the file input, no Save As….
  expect(await page.evaluate(() => 'showOpenFilePicker' in window || 'showSaveFilePicker' in window)).toBe(false);
  await expect(page.getByText('In the browser, Save downloads the file and Open… reads one from your computer.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save As…' })).toHaveCount(0);

  // A spiral, trained a little and saved.
  await steps(page, 1);
  await page.getByRole('radio', { name: 'Spiral', exact: true }).click();
  await steps(page, 4);
  const savedEpoch = await readNumber(page, 'Epoch');
  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.getByRole('textbox', { name: 'Project name' }).fill('my spiral');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = `${SHOTS}/my spiral.actlab`;
  await (await download).saveAs(saved);
  const spiralCard = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Open my spiral.actlab' }) });
  await expect(spiralCard.getByRole('img', { name: 'Decision boundary of the network on the spiral data' })).toBeVisible();
  await expect(spiralCard.getByText(/^Network: 2 → .*, spiral$/)).toBeVisible();
  await expect(spiralCard.getByText('Opens the copy kept in this browser')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Project status' })).toHaveText('Saved as my spiral.actlab in your downloads.');

  // The same file opened under another name: a second entry, at the top.
  const copy = `${SHOTS}/copy-of-spiral.actlab`;
  copyFileSync(saved, copy);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(copy);
  // A project opens where it was saved from: the Lab.
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(page.getByRole('status', { name: 'Project status' })).toHaveText('Opened copy-of-spiral.actlab.');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first().getByRole('button')).toHaveAccessibleName('Open copy-of-spiral.actlab');

  // Kept across a reload (the crash-restore offer aside, nothing is unsaved here).
  await page.reload();
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const picture = spiralCard.getByRole('img', { name: 'Decision boundary of the network on the spiral data' });
  await expect(picture).toBeVisible();
  // A real picture: decoded, its full size, and not a blank panel.
  const pixels = await picture.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { width: img.naturalWidth, colours: colours.size };
  });
  expect(pixels.width).toBe(192);
  expect(pixels.colours).toBeGreaterThan(50);
  await page.locator('.recent').screenshot({ path: `${SHOTS}/recent-list-light.png` });
  await axeClean(page, 'light');

  // Unsaved changes: reopening asks first; Keep working changes nothing.
  await steps(page, 2);
  const changedEpoch = await readNumber(page, 'Epoch');
  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'Open my spiral.actlab' }).click();
  const question = page.getByRole('group', { name: 'Unsaved changes' });
  await expect(question).toContainText('Open “my spiral.actlab” anyway?');
  await page.screenshot({ path: `${SHOTS}/recent-asks-light.png` });
  await question.getByRole('button', { name: 'Keep working' }).click();
  await expect(question).toBeHidden();
  await page.getByRole('tab', { name: 'Lab' }).click();
  expect(await readNumber(page, 'Epoch')).toBe(changedEpoch);
  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'Open my spiral.actlab' }).click();
  await question.getByRole('button', { name: 'Discard changes and open my spiral.actlab' }).click();
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => readNumber(page, 'Epoch')).toBe(savedEpoch);
  await expect(page.getByRole('radio', { name: 'Spiral', exact: true })).toBeChecked();

  // The reopened project is now the newest entry.
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(page.getByRole('status', { name: 'Project status' })).toHaveText('Opened my spiral.actlab.');
  await expect(page.getByRole('textbox', { name: 'Project name' })).toHaveValue('my spiral');
  await expect(list.getByRole('listitem').first().getByRole('button')).toHaveAccessibleName('Open my spiral.actlab');

  // Dark: the pictures follow the theme.
  await page.getByLabel('Colour theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(picture).toHaveAttribute('src', /^data:image\/png;base64,/);
  const darkSrc = await picture.getAttribute('src');
  await page.getByLabel('Colour theme').selectOption('light');
  expect(await picture.getAttribute('src')).not.toBe(darkSrc);
  await page.getByLabel('Colour theme').selectOption('dark');
  await page.locator('.recent').screenshot({ path: `${SHOTS}/recent-list-dark.png` });
  await axeClean(page, 'dark');

  // The copy this browser kept of the other project is lost: opening it says so and it leaves the list.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('activation-lab-recent');
        open.onsuccess = () => {
          const tx = open.result.transaction('texts', 'readwrite');
          tx.objectStore('texts').delete('copy-of-spiral.actlab');
          tx.oncomplete = () => (open.result.close(), resolve());
        };
      }),
  );
  await page.getByRole('button', { name: 'Open copy-of-spiral.actlab' }).click();
  await expect(page.getByRole('alert', { name: 'Project problem' })).toHaveText(
    "The copy of “copy-of-spiral.actlab” this browser kept is gone (the browser's storage may have been cleared). It has been removed from your recent projects; use Open… to choose the file again.",
  );
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/recent-removed-dark.png` });
  // The Lab still holds what it had.
  await page.getByRole('tab', { name: 'Lab' }).click();
  expect(await readNumber(page, 'Epoch')).toBe(savedEpoch);
});

test('a damaged recent store does not stop the page: the good entries still show', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Projects' }).click();
  // Make a good entry through the app, then damage the store around it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await download;
  const list = page.getByRole('list', { name: 'Recent projects' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await putRaw(page, 'entries', [
    { value: { id: 'broken.actlab', name: 'broken.actlab', summary: 7, at: 'never', source: 'text', chars: 5 } },
    {
      value: {
        id: 'evil.actlab',
        name: 'evil.actlab',
        summary: 's',
        at: new Date().toISOString(),
        picture: { light: 'javascript:alert(1)' },
        source: 'nowhere',
        chars: 1,
      },
    },
    { value: { id: 'x' } },
  ]);
  await putRaw(page, 'texts', [{ key: 'orphan.actlab', value: 42 }]);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.reload();
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('button', { name: 'Open untitled.actlab' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('desktop: main’s recent files show with their pictures, and files that have gone are named once', async ({ page }) => {
  await installFakeDesktop(page);
  // Main's answer: one file with the picture it kept, one without yet, and one found gone.
  await page.addInitScript(() => {
    const lab = (window as unknown as { lab: { project: { recent(): Promise<unknown> } } }).lab;
    let asked = 0;
    lab.project.recent = async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 96;
      canvas.height = 96;
      const ctx = canvas.getContext('2d')!;
      const gradient = ctx.createLinearGradient(0, 0, 96, 96);
      gradient.addColorStop(0, '#e08a3c');
      gradient.addColorStop(1, '#3c7be0');
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, 96, 96);
      const url = canvas.toDataURL('image/png');
      asked++;
      return {
        projects: [
          {
            path: '/home/ana/spiral.actlab',
            details: {
              summary: '2 → 8 → 1, spiral',
              picture: { light: url, dark: url, label: 'Decision boundary of the network on the spiral data' },
              at: '2026-12-01T10:00:00.000Z',
            },
          },
          { path: '/home/ana/xor.actlab', details: null },
        ],
        removed: asked === 1 ? ['/home/ana/old/moved.actlab'] : [],
      };
    };
  });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(page.getByRole('status', { name: 'Recent projects notice' })).toHaveText(
    '“moved.actlab” is not where it was (it may have been moved, renamed or deleted), so it was taken off your recent projects. Use Open… to find it again.',
  );
  const list = page.getByRole('list', { name: 'Recent projects' });
  await expect(list.getByRole('button', { name: 'Open spiral.actlab from /home/ana' })).toBeVisible();
  await expect(list.getByRole('img', { name: 'Decision boundary of the network on the spiral data' })).toBeVisible();
  await expect(list.getByRole('img', { name: 'No picture yet: it is made when the project is next opened or saved' })).toBeVisible();
  await expect(list.getByText('Network: 2 → 8 → 1, spiral')).toBeVisible();
  await page.locator('.recent').screenshot({ path: `${SHOTS}/recent-desktop-light.png` });
  await axeClean(page, 'desktop light');
});
