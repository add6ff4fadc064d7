/**
 * Recent projects kept as File System Access handles, in real Chromium
 * (renderer/projects/fileAccess.ts). Playwright cannot answer the system's file dialogs, so
 * the pickers here hand out files of the origin-private file system: genuine
 * FileSystemFileHandle objects, which the app reads, writes and keeps in IndexedDB exactly as
 * it does a file picked on disk. Screenshots of the list in light and dark go to
 * test-results/recent/.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const SHOTS = 'test-results/recent';

/** Pickers that give files of the origin-private file system: Save makes `__saveName` or else its suggested name; Open gives `__openName`. */
async function privateFilePickers(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const win = window as unknown as Record<string, unknown> & {
      __pickers: { open: number; save: number };
      __openName: string;
      __saveName?: string;
    };
    win.__pickers = { open: 0, save: 0 };
    win.showSaveFilePicker = async (options: { suggestedName: string }) => {
      win.__pickers.save++;
      return (await navigator.storage.getDirectory()).getFileHandle(win.__saveName ?? options.suggestedName, { create: true });
    };
    win.showOpenFilePicker = async () => {
      win.__pickers.open++;
      return [await (await navigator.storage.getDirectory()).getFileHandle(win.__openName)];
    };
  });
}

function pickerCalls(page: Page): Promise<{ open: number; save: number }> {
  return page.evaluate(() => (window as unknown as { __pickers: { open: number; save: number } }).__pickers);
}

/** A file of the origin-private file system, as text ('' when it is not there). */
function privateFile(page: Page, name: string): Promise<string> {
  return page.evaluate(async (name) => {
    const folder = await navigator.storage.getDirectory();
    try {
      return await (await (await folder.getFileHandle(name)).getFile()).text();
    } catch {
      return '';
    }
  }, name);
}

function writePrivateFile(page: Page, name: string, text: string): Promise<void> {
  return page.evaluate(
    async ({ name, text }) => {
      const handle = await (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
    },
    { name, text },
  );
}

/** What the recent store holds for an entry: its source, and the kind and name of its handle. */
function storedEntry(page: Page, id: string): Promise<{ source: string; handle: string | null; chars: number } | null> {
  return page.evaluate(
    (id) =>
      new Promise((resolve) => {
        const open = indexedDB.open('activation-lab-recent');
        open.onsuccess = () => {
          const get = open.result.transaction('entries').objectStore('entries').get(id);
          get.onsuccess = () => {
            open.result.close();
            const entry = get.result as { source: string; handle: FileSystemFileHandle | null; chars: number } | undefined;
            resolve(
              entry
                ? {
                    source: entry.source,
                    handle: entry.handle instanceof FileSystemFileHandle ? `${entry.handle.kind}:${entry.handle.name}` : null,
                    chars: entry.chars,
                  }
                : null,
            );
          };
        };
      }),
    id,
  );
}

async function steps(page: Page, count: number): Promise<number> {
  await page.getByRole('tab', { name: 'Lab' }).click();
  const epoch = page.getByLabel('Epoch', { exact: true }).first();
  const start = Number(await epoch.innerText());
  for (let i = 1; i <= count; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(epoch).toHaveText(String(start + i));
  }
  await page.getByRole('tab', { name: 'Projects' }).click();
  return start + count;
}

const savedEpoch = (text: string): number => (JSON.parse(text) as { state: { epoch: number } }).state.epoch;

test('Save and Open go through file handles: kept in the list, reopened from the file as it is now, written back, and a removed file leaves with a message', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await privateFilePickers(page);
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(
    page.getByText("Open… and Save As… use your computer's file dialogs, and Save writes back to the file you opened or saved last."),
  ).toBeVisible();
  const status = page.getByRole('status', { name: 'Project status' });
  const list = page.getByRole('list', { name: 'Recent projects' });

  // Save asks where (the Save dialog), writes the file through its handle and keeps the handle.
  await page.getByRole('tab', { name: 'Lab' }).click();
  await page.getByRole('radio', { name: 'Spiral', exact: true }).click();
  const first = await steps(page, 3);
  await page.getByRole('textbox', { name: 'Project name' }).fill('disk spiral');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status).toHaveText('Saved disk spiral.actlab.');
  await expect(page.getByText('Save writes to disk spiral.actlab on your computer')).toBeVisible();
  expect(savedEpoch(await privateFile(page, 'disk spiral.actlab'))).toBe(first);
  expect(await storedEntry(page, 'disk spiral.actlab')).toMatchObject({ source: 'handle', handle: 'file:disk spiral.actlab' });
  const card = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Open disk spiral.actlab' }) });
  await expect(card.getByRole('img', { name: 'Decision boundary of the network on the spiral data' })).toBeVisible();
  await expect(card.getByText(/^Network: 2 → .*, spiral$/)).toBeVisible();
  await expect(card.getByText('Opens the file on your computer')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/recent-handles-saved-light.png` });

  // Save again writes back to the same file: no dialog, no download.
  const second = await steps(page, 2);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status).toHaveText('Saved disk spiral.actlab.');
  expect(savedEpoch(await privateFile(page, 'disk spiral.actlab'))).toBe(second);
  expect(await pickerCalls(page)).toEqual({ open: 0, save: 1 });

  // The file changes on disk; reopening it from the list reads it as it is now, not the copy kept.
  const edited = JSON.parse(await privateFile(page, 'disk spiral.actlab')) as { name: string };
  edited.name = 'edited elsewhere';
  await writePrivateFile(page, 'disk spiral.actlab', JSON.stringify(edited));
  await page.reload();
  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'Open disk spiral.actlab' }).click();
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Epoch', { exact: true }).first()).toHaveText(String(second));
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(status).toHaveText('Opened disk spiral.actlab.');
  await expect(page.getByRole('textbox', { name: 'Project name' })).toHaveValue('edited elsewhere');

  // Save after reopening writes back through the kept handle.
  const third = await steps(page, 1);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status).toHaveText('Saved disk spiral.actlab.');
  const written = JSON.parse(await privateFile(page, 'disk spiral.actlab')) as { name: string; state: { epoch: number } };
  expect([written.name, written.state.epoch]).toEqual(['edited elsewhere', third]);

  // Open… through the Open dialog: another file, kept with its handle at the top of the list.
  await writePrivateFile(page, 'from a friend.actlab', JSON.stringify({ ...written, name: 'a friend’s spiral' }));
  await page.evaluate(() => ((window as unknown as { __openName: string }).__openName = 'from a friend.actlab'));
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(status).toHaveText('Opened from a friend.actlab.');
  await expect(list.getByRole('listitem').first().getByRole('button')).toHaveAccessibleName('Open from a friend.actlab');
  expect(await storedEntry(page, 'from a friend.actlab')).toMatchObject({ source: 'handle', handle: 'file:from a friend.actlab' });
  // Since the reload, Save has written through the reopened file's handle without asking where.
  expect(await pickerCalls(page)).toEqual({ open: 1, save: 0 });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await page.locator('.recent').screenshot({ path: `${SHOTS}/recent-handles-light.png` });
  await page.getByLabel('Colour theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator('.recent').screenshot({ path: `${SHOTS}/recent-handles-dark.png` });

  // The learner does not let the page at the file: Save downloads a copy and reopening uses the copy kept, with no error.
  await page.evaluate(() => {
    const proto = FileSystemHandle.prototype as unknown as Record<string, unknown>;
    (window as unknown as Record<string, unknown>).__permissions = [proto.queryPermission, proto.requestPermission];
    proto.queryPermission = async () => 'prompt';
    proto.requestPermission = async () => 'denied';
  });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status).toHaveText('Saved as a friend’s spiral.actlab in your downloads.');
  expect(downloads).toEqual(['a friend’s spiral.actlab']);
  await writePrivateFile(page, 'disk spiral.actlab', JSON.stringify({ ...written, name: 'changed again' }));
  await page.getByRole('button', { name: 'Open disk spiral.actlab' }).click();
  await page.getByRole('tab', { name: 'Projects' }).click();
  await expect(status).toHaveText('Opened disk spiral.actlab.');
  await expect(page.getByRole('alert', { name: 'Project problem' })).toHaveText('');
  await expect(page.getByRole('textbox', { name: 'Project name' })).toHaveValue('edited elsewhere');
  await expect(page.getByText(/^Save writes to/)).toHaveCount(0);
  await page.evaluate(() => {
    const proto = FileSystemHandle.prototype as unknown as Record<string, unknown>;
    [proto.queryPermission, proto.requestPermission] = (window as unknown as { __permissions: unknown[] }).__permissions;
  });

  // The file is deleted: opening it says so and it leaves the list; the Lab keeps what it had.
  await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('from a friend.actlab'));
  await page.getByRole('button', { name: 'Open from a friend.actlab' }).click();
  await expect(page.getByRole('alert', { name: 'Project problem' })).toHaveText(
    '“from a friend.actlab” is not where it was: it may have been moved, renamed or deleted. It has been removed from your recent projects; use Open… to choose it again.',
  );
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('button', { name: 'Open from a friend.actlab' })).toHaveCount(0);
  expect(await storedEntry(page, 'from a friend.actlab')).toBeNull();
  await expect(page.getByRole('textbox', { name: 'Project name' })).toHaveValue('edited elsewhere');
  await page.screenshot({ path: `${SHOTS}/recent-handles-removed-dark.png` });

  // Save As… always asks where; the project takes the new file's name, and Save then writes there.
  await page.evaluate(() => ((window as unknown as { __saveName: string }).__saveName = 'second copy.actlab'));
  await page.getByRole('button', { name: 'Save As…' }).click();
  await expect(status).toHaveText('Saved second copy.actlab.');
  await expect(page.getByRole('textbox', { name: 'Project name' })).toHaveValue('second copy');
  expect((JSON.parse(await privateFile(page, 'second copy.actlab')) as { name: string }).name).toBe('second copy');
  expect(await storedEntry(page, 'second copy.actlab')).toMatchObject({ source: 'handle', handle: 'file:second copy.actlab' });
  expect(await pickerCalls(page)).toEqual({ open: 1, save: 1 });
  expect(downloads).toEqual(['a friend’s spiral.actlab']);
});

test("Chromium's own dialogs are used: closing the Save dialog saves nothing and downloads nothing", async ({ page }) => {
  // Headless Chromium closes a real picker at once, as Cancel would.
  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await page.goto('/');
  await page.getByRole('tab', { name: 'Projects' }).click();
  expect(await page.evaluate(() => typeof (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker)).toBe('function');
  await page.getByRole('button', { name: 'Save As…' }).click();
  await expect(page.getByRole('status', { name: 'Project status' })).toHaveText('Not saved: no file was chosen.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Project status' })).toHaveText('Not saved: no file was chosen.');
  await expect(page.getByRole('list', { name: 'Recent projects' })).toHaveCount(0);
  expect(downloads).toEqual([]);
});
