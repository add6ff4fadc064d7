/**
 * The recent list's pictures (electron/documents/previews.ts) in a real temporary user-data
 * folder: kept per file, only for files on the list, at most ten, and a damaged store reads
 * as no pictures without stopping anything.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecentPreviews } from '../../../electron/documents/previews';
import { MAX_RECENT } from '../../../electron/documents/recent';
import { temporaryFolder } from './helpers';

let folder: ReturnType<typeof temporaryFolder>;
let store: string;
beforeEach(() => {
  folder = temporaryFolder();
  store = path.join(folder.dir, 'user-data', 'recent-previews.json');
});
afterEach(() => folder.remove());

const picture = (n: number) => ({
  light: `data:image/png;base64,iVBORw0KGgo${'A'.repeat(n)}`,
  dark: `data:image/png;base64,iVBORw0KGgo${'B'.repeat(n)}`,
  label: `Decision boundary ${n}`,
});
const details = (n: number) => ({
  summary: `2 → ${n} → 1, spiral`,
  picture: picture(n),
  at: new Date(Date.UTC(2026, 0, 1, n)).toISOString(),
});

describe('RecentPreviews', () => {
  it('keeps a picture per file on the list, survives a restart, and forgets files that leave the list', async () => {
    const files = Array.from({ length: 12 }, (_, i) => path.join(folder.dir, `p${i}.actlab`));
    const previews = new RecentPreviews({ file: store });
    for (let i = 0; i < files.length; i++) await previews.set(files[i], details(i), files.slice(Math.max(0, i - 9), i + 1).reverse());
    const again = new RecentPreviews({ file: store });
    await again.load();
    expect(again.get(files[11])).toEqual(details(11));
    expect(again.get(files[2])).toEqual(details(2));
    // Pushed off the list of ten: their pictures went with them.
    expect(again.get(files[1])).toBeNull();
    expect(Object.keys(JSON.parse(readFileSync(store, 'utf8')).previews)).toHaveLength(MAX_RECENT);

    await again.keepOnly([files[11]]);
    const third = new RecentPreviews({ file: store });
    await third.load();
    expect(third.get(files[11])).toEqual(details(11));
    expect(third.get(files[10])).toBeNull();
  });

  it('does not keep a picture for a file that is not on the list', async () => {
    const previews = new RecentPreviews({ file: store });
    await previews.set(path.join(folder.dir, 'not-listed.actlab'), details(1), [path.join(folder.dir, 'other.actlab')]);
    expect(previews.get(path.join(folder.dir, 'not-listed.actlab'))).toBeNull();
  });

  it('matches paths without case where the system does', async () => {
    const previews = new RecentPreviews({ file: store, caseInsensitive: true });
    const file = path.join(folder.dir, 'Spiral.actlab');
    await previews.set(file, details(3), [file.toUpperCase()]);
    expect(previews.get(file.toLowerCase())).toEqual(details(3));
  });

  it('reads a damaged store as no pictures (or only the good ones) and never throws', async () => {
    mkdirSync(path.dirname(store), { recursive: true });
    const good = path.join(folder.dir, 'good.actlab');
    for (const damaged of ['{"previews": {"/a.actlab": 1', '\u0000garbage', '[]', '{"previews": []}', '{"previews": "x"}', 'null']) {
      writeFileSync(store, damaged);
      const previews = new RecentPreviews({ file: store });
      await expect(previews.load()).resolves.toBeUndefined();
      expect(previews.get('/a.actlab')).toBeNull();
    }
    writeFileSync(
      store,
      JSON.stringify({
        previews: {
          [good]: details(4),
          '/bad-date.actlab': { ...details(5), at: 'soon' },
          '/bad-picture.actlab': { ...details(6), picture: { light: 'https://example.org/x.png', dark: '', label: '' } },
          '/too-long.actlab': { ...details(7), summary: 'x'.repeat(1000) },
        },
      }),
    );
    const previews = new RecentPreviews({ file: store });
    await previews.load();
    expect(previews.get(good)).toEqual(details(4));
    expect(previews.get('/bad-date.actlab')).toBeNull();
    // A bad picture alone is dropped; the summary stays.
    expect(previews.get('/bad-picture.actlab')).toEqual({ ...details(6), picture: null });
    expect(previews.get('/too-long.actlab')).toBeNull();
  });

  it('a store that cannot be written is no error: the pictures stay for this run', async () => {
    mkdirSync(store, { recursive: true }); // a folder where the file should be
    const previews = new RecentPreviews({ file: store });
    const file = path.join(folder.dir, 'a.actlab');
    await expect(previews.set(file, details(1), [file])).resolves.toBeUndefined();
    expect(previews.get(file)).toEqual(details(1));
  });
});
