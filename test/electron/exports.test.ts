/** Saving exports in the desktop app: the dialog offers the kind, a cancel is quiet, real files are written. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExportSaver } from '../../electron/exports';

const folder = mkdtempSync(path.join(tmpdir(), 'actlab-exports-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('saving an export', () => {
  it('asks where with the kind’s filter, writes text or bytes there, and starts the next dialog in that folder', async () => {
    const asked: { defaultPath: string; filters: { extensions: string[] }[] }[] = [];
    const answers = [path.join(folder, 'mine.py'), path.join(folder, 'plot.png')];
    const save = createExportSaver({
      chooseSave: async (options) => {
        asked.push(options);
        return answers.shift() ?? null;
      },
      writeFile: (file, data) => writeFile(file, data),
      startFolder: () => '/start',
    });
    expect(await save({ kind: 'py', name: 'spiral.py', data: 'print("hi")\n' })).toEqual({ ok: true, message: 'Saved mine.py.' });
    expect(readFileSync(path.join(folder, 'mine.py'), 'utf8')).toBe('print("hi")\n');
    expect(asked[0].defaultPath).toBe(path.join('/start', 'spiral.py'));
    expect(asked[0].filters[0].extensions).toEqual(['py']);
    const png = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    expect((await save({ kind: 'png', name: 'plot.png', data: png })).ok).toBe(true);
    expect(asked[1].defaultPath).toBe(path.join(folder, 'plot.png'));
    expect(Array.from(readFileSync(path.join(folder, 'plot.png')))).toEqual(Array.from(png));
    // Cancelled: nothing written, no message.
    expect(await save({ kind: 'csv', name: 'h.csv', data: 'x' })).toEqual({ ok: false, message: '' });
  });

  it('says what went wrong and what to do when the file cannot be written', async () => {
    const save = createExportSaver({
      chooseSave: async () => path.join(folder, 'missing-folder', 'h.csv'),
      writeFile: (file, data) => writeFile(file, data),
      startFolder: () => folder,
    });
    const result = await save({ kind: 'csv', name: 'h.csv', data: 'x' });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^h\.csv could not be saved \(.*ENOENT.*\)\. Choose another folder and try again\.$/);
  });
});
