import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RECENT, RecentFiles } from '../../../electron/documents/recent';
import { temporaryFolder } from './helpers';

let folder: ReturnType<typeof temporaryFolder>;
let listFile: string;
beforeEach(() => {
  folder = temporaryFolder();
  listFile = path.join(folder.dir, 'user-data', 'recent-projects.json');
});
afterEach(() => folder.remove());

/** Creates real project files (contents do not matter to the list). */
function projects(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(folder.dir, `p${i}.actlab`);
    writeFileSync(file, '{}');
    return file;
  });
}

describe('RecentFiles', () => {
  it('keeps ten, newest first, without repeats, and survives a restart', async () => {
    const files = projects(12);
    const recent = new RecentFiles({ file: listFile });
    await recent.load();
    for (const file of files) await recent.add(file);
    await recent.add(files[5]);
    const expected = [files[5], files[11], files[10], files[9], files[8], files[7], files[6], files[4], files[3], files[2]];
    expect(recent.cached()).toEqual(expected);
    expect(expected).toHaveLength(MAX_RECENT);
    const again = new RecentFiles({ file: listFile });
    expect(await again.load()).toEqual(expected);
  });

  it('drops files that have gone when the list is read', async () => {
    const files = projects(3);
    const recent = new RecentFiles({ file: listFile });
    for (const file of files) await recent.add(file);
    const again = new RecentFiles({ file: listFile, exists: async (file) => file !== files[1] });
    expect(await again.load()).toEqual([files[2], files[0]]);
    expect(JSON.parse(readFileSync(listFile, 'utf8')).files).toEqual([files[2], files[0]]);
  });

  it('survives a damaged list file', async () => {
    mkdirSync(path.dirname(listFile), { recursive: true });
    for (const damaged of ['{"files": [1, null, "relative.actlab", "/x/not-a-project.txt"', '\u0000\u0001garbage', '[]', '{"files": 7}']) {
      writeFileSync(listFile, damaged);
      const recent = new RecentFiles({ file: listFile });
      expect(await recent.load()).toEqual([]);
    }
    const [file] = projects(1);
    const recent = new RecentFiles({ file: listFile });
    await recent.load();
    await recent.add(file);
    expect(JSON.parse(readFileSync(listFile, 'utf8'))).toEqual({ files: [file] });
  });

  it('survives an unreadable list (a folder in its place) and a list it cannot write', async () => {
    mkdirSync(listFile, { recursive: true });
    const recent = new RecentFiles({ file: listFile });
    expect(await recent.load()).toEqual([]);
    const [file] = projects(1);
    await expect(recent.add(file)).resolves.toEqual([file]);
  });

  it('treats paths differing only by case as one where the system does', async () => {
    const recent = new RecentFiles({ file: listFile, caseInsensitive: true, exists: async () => true });
    await recent.add('/Work/Spiral.actlab');
    await recent.add('/work/spiral.ACTLAB');
    expect(recent.cached()).toEqual(['/work/spiral.ACTLAB']);
    await recent.remove('/WORK/SPIRAL.actlab');
    expect(recent.cached()).toEqual([]);
    await recent.add('/a.actlab');
    await recent.clear();
    expect(await new RecentFiles({ file: listFile }).load()).toEqual([]);
  });
});
