/**
 * The browser's recent-projects store (renderer/projects/recentStore.ts) against Chromium's
 * real IndexedDB and, for File System Access handles, its origin-private file system (whose
 * handles are the same kind as a picked or dropped file's). The module is bundled as it is
 * and run in a page of the app's origin that loads nothing else.
 */
import { buildSync } from 'esbuild';
import { expect, test, type Page } from '@playwright/test';

const bundle = buildSync({
  entryPoints: ['renderer/projects/recentStore.ts'],
  bundle: true,
  format: 'iife',
  globalName: '__recentStore',
  write: false,
  target: 'es2022',
}).outputFiles[0].text;

/** A PNG data URL: the smallest valid-looking one is enough for the store's checks. */
const PICTURE = { light: 'data:image/png;base64,iVBORw0KGgo=', dark: 'data:image/png;base64,iVBORw0KGgoA', label: 'Decision boundary' };

type StoreModule = typeof import('../../renderer/projects/recentStore');

async function blankPage(page: Page): Promise<void> {
  await page.route('**/recent-store-test.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>store test</title></html>' }),
  );
  await page.goto('/recent-store-test.html');
  await page.addScriptTag({ content: bundle });
}

test('keeps ten, newest first, replaces a name saved again, and gives the text back', async ({ page }) => {
  await blankPage(page);
  const result = await page.evaluate(async (picture) => {
    const { indexedDbRecentStore } = (window as unknown as { __recentStore: StoreModule }).__recentStore;
    const store = indexedDbRecentStore(indexedDB);
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    for (let i = 0; i < 12; i++) {
      await store.remember({ name: `p${i}.actlab`, summary: `2 → ${i} → 1, spiral`, picture, at: at(i), text: `{"n":${i}}` });
    }
    // The same name again (another case): one entry, now at the top.
    await store.remember({ name: 'P5.actlab', summary: 'changed', picture: null, at: at(30), text: '{"n":"again"}' });
    const list = await store.list();
    const read = await store.read('p5.actlab');
    const dropped = await store.read('p0.actlab');
    return { names: list.map((e) => e.name), first: list[0], read, dropped };
  }, PICTURE);
  expect(result.names).toEqual([
    'P5.actlab',
    'p11.actlab',
    'p10.actlab',
    'p9.actlab',
    'p8.actlab',
    'p7.actlab',
    'p6.actlab',
    'p4.actlab',
    'p3.actlab',
    'p2.actlab',
  ]);
  expect(result.first).toMatchObject({ id: 'p5.actlab', summary: 'changed', picture: null, source: 'text' });
  expect(result.read).toEqual({ ok: true, text: '{"n":"again"}', name: 'P5.actlab' });
  expect(result.dropped).toMatchObject({ ok: false, missing: true });
});

test('stays within its text budget, oldest first, and refuses a text larger than all of it', async ({ page }) => {
  await blankPage(page);
  const result = await page.evaluate(async () => {
    const { indexedDbRecentStore } = (window as unknown as { __recentStore: StoreModule }).__recentStore;
    const store = indexedDbRecentStore(indexedDB, { maxTextChars: 1000 });
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    const kept = [];
    for (let i = 0; i < 4; i++)
      kept.push(await store.remember({ name: `big${i}.actlab`, summary: '', picture: null, at: at(i), text: 'x'.repeat(400) }));
    const tooBig = await store.remember({ name: 'huge.actlab', summary: '', picture: null, at: at(9), text: 'x'.repeat(1001) });
    return { kept, tooBig, names: (await store.list()).map((e) => e.name) };
  });
  expect(result.kept).toEqual([true, true, true, true]);
  expect(result.tooBig).toBe(false);
  expect(result.names).toEqual(['big3.actlab', 'big2.actlab']);
});

test('a kept text that has gone, or a file moved away from its handle, leaves the list with a message', async ({ page }) => {
  await blankPage(page);
  const result = await page.evaluate(async (picture) => {
    const { indexedDbRecentStore } = (window as unknown as { __recentStore: StoreModule }).__recentStore;
    const store = indexedDbRecentStore(indexedDB);
    const at = new Date().toISOString();
    // A real file handle from the origin-private file system.
    const folder = await navigator.storage.getDirectory();
    const handle = await folder.getFileHandle('on-disk.actlab', { create: true });
    const writable = await handle.createWritable();
    await writable.write('{"from":"disk"}');
    await writable.close();
    await store.remember({ name: 'on-disk.actlab', summary: 's', picture, at, handle });
    await store.remember({ name: 'kept.actlab', summary: 's', picture, at, text: '{"from":"store"}' });
    const read = await store.read('on-disk.actlab');
    const fromDisk = read.ok ? { text: read.text, name: read.name, handle: read.handle?.kind } : read;
    const sources = (await store.list()).map((e) => `${e.name}:${e.source}`);

    await folder.removeEntry('on-disk.actlab');
    const moved = await store.read('on-disk.actlab');
    // The kept text lost (as when the browser clears part of its storage).
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('activation-lab-recent');
      open.onsuccess = () => {
        const tx = open.result.transaction('texts', 'readwrite');
        tx.objectStore('texts').delete('kept.actlab');
        tx.oncomplete = () => (open.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    const lost = await store.read('kept.actlab');
    return { fromDisk, sources, moved, lost, after: (await store.list()).map((e) => e.name) };
  }, PICTURE);
  expect(result.fromDisk).toEqual({ text: '{"from":"disk"}', name: 'on-disk.actlab', handle: 'file' });
  expect(result.sources.sort()).toEqual(['kept.actlab:text', 'on-disk.actlab:handle']);
  expect(result.moved).toMatchObject({ ok: false, missing: true });
  expect(result.moved.ok === false && result.moved.message).toContain('“on-disk.actlab” is not where it was');
  expect(result.lost.ok === false && result.lost.message).toContain('The copy of “kept.actlab” this browser kept is gone');
  expect(result.after).toEqual([]);
});

test('a damaged store reads as what is still good, and one that cannot be used as empty', async ({ page }) => {
  await blankPage(page);
  const result = await page.evaluate(async (picture) => {
    const { indexedDbRecentStore } = (window as unknown as { __recentStore: StoreModule }).__recentStore;
    const store = indexedDbRecentStore(indexedDB);
    const at = new Date().toISOString();
    await store.remember({ name: 'good.actlab', summary: 's', picture, at, text: '{}' });
    const damaged = [
      { id: 'nothing' },
      { id: 'x.actlab', name: 'x.actlab', summary: 's', at: 'not a date', picture: null, source: 'text', chars: 2 },
      {
        id: 'y.actlab',
        name: 'y.actlab',
        summary: 's',
        at,
        picture: { light: 'javascript:alert(1)', dark: '', label: '' },
        source: 'text',
        chars: 2,
      },
      { id: 'z.actlab', name: 'z.actlab', summary: 's', at, picture: null, source: 'handle', handle: { kind: 'file' }, chars: 0 },
      { id: 'other.actlab', name: 'different.actlab', summary: 's', at, picture: null, source: 'text', chars: 2 },
    ];
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('activation-lab-recent');
      open.onsuccess = () => {
        const tx = open.result.transaction('entries', 'readwrite');
        for (const item of damaged) tx.objectStore('entries').put(item);
        tx.oncomplete = () => (open.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    const fresh = indexedDbRecentStore(indexedDB);
    const listed = (await fresh.list()).map((e) => [e.name, e.picture?.label ?? null]);
    const count = await new Promise<number>((resolve) => {
      const open = indexedDB.open('activation-lab-recent');
      open.onsuccess = () => {
        const get = open.result.transaction('entries').objectStore('entries').count();
        get.onsuccess = () => (open.result.close(), resolve(get.result));
      };
    });
    // A database of that name without the stores (another program's, or half made): empty, no error.
    await new Promise<void>((resolve) => {
      const del = indexedDB.deleteDatabase('activation-lab-recent');
      del.onsuccess = () => resolve();
    });
    await new Promise<void>((resolve) => {
      const open = indexedDB.open('activation-lab-recent', 1);
      open.onsuccess = () => (open.result.close(), resolve());
    });
    const broken = indexedDbRecentStore(indexedDB);
    return {
      listed,
      count,
      brokenList: await broken.list(),
      brokenRemember: await broken.remember({ name: 'a.actlab', summary: '', picture: null, at, text: '{}' }),
    };
  }, PICTURE);
  // A bad picture alone is dropped; the entries that do not look right are deleted.
  expect(result.listed.sort()).toEqual([
    ['good.actlab', 'Decision boundary'],
    ['y.actlab', null],
  ]);
  expect(result.count).toBe(2);
  expect(result.brokenList).toEqual([]);
  expect(result.brokenRemember).toBe(false);
});

test('a handle entry keeps a copy of the text for when the page may not read the file, and loses only the copy past the budget', async ({
  page,
}) => {
  await blankPage(page);
  const result = await page.evaluate(async (picture) => {
    const { indexedDbRecentStore } = (window as unknown as { __recentStore: StoreModule }).__recentStore;
    const store = indexedDbRecentStore(indexedDB, { maxTextChars: 1000 });
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    const folder = await navigator.storage.getDirectory();
    const handle = await folder.getFileHandle('mine.actlab', { create: true });
    const writable = await handle.createWritable();
    await writable.write('{"from":"disk"}');
    await writable.close();
    await store.remember({ name: 'mine.actlab', summary: 's', picture, at: at(0), handle, text: '{"from":"copy"}' });
    const granted = await store.read('mine.actlab');

    // The learner refuses the page the file: the copy comes back, marked as one, and the entry keeps its handle.
    const proto = FileSystemHandle.prototype as unknown as Record<string, unknown>;
    const [query, request] = [proto.queryPermission, proto.requestPermission];
    proto.queryPermission = async () => 'prompt';
    proto.requestPermission = async () => 'denied';
    const denied = await store.read('mine.actlab');
    proto.queryPermission = query;
    proto.requestPermission = request;

    // Newer texts fill the budget: the handle entry stays, without its copy.
    await store.remember({ name: 'a.actlab', summary: '', picture: null, at: at(1), text: 'x'.repeat(500) });
    await store.remember({ name: 'b.actlab', summary: '', picture: null, at: at(2), text: 'x'.repeat(490) });
    const listed = (await store.list()).map((e) => `${e.name}:${e.source}`);
    proto.queryPermission = async () => 'prompt';
    proto.requestPermission = async () => 'denied';
    const deniedNoCopy = await store.read('mine.actlab');
    proto.queryPermission = query;
    proto.requestPermission = request;
    const strip = (r: Awaited<ReturnType<typeof store.read>>) => (r.ok ? { ...r, handle: r.handle?.name } : r);
    return { granted: strip(granted), denied: strip(denied), listed, deniedNoCopy, after: await store.read('mine.actlab') };
  }, PICTURE);
  expect(result.granted).toEqual({ ok: true, text: '{"from":"disk"}', name: 'mine.actlab', handle: 'mine.actlab' });
  expect(result.denied).toEqual({ ok: true, text: '{"from":"copy"}', name: 'mine.actlab', handle: 'mine.actlab', copy: true });
  expect(result.listed).toEqual(['b.actlab:text', 'a.actlab:text', 'mine.actlab:handle']);
  expect(result.deniedNoCopy).toEqual({
    ok: false,
    missing: false,
    message: 'The browser was not allowed to read “mine.actlab”. Use Open… to choose the file again.',
  });
  expect(result.after).toMatchObject({ ok: true, text: '{"from":"disk"}' });
});
