import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgressStore } from '../../../electron/documents/progress';
import { temporaryFolder } from './helpers';

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => (folder = temporaryFolder()));
afterEach(() => folder.remove());

describe('lesson progress store', () => {
  it('reads "" before anything is saved, then what was saved last', async () => {
    const file = path.join(folder.dir, 'user-data', 'lesson-progress.json');
    const store = createProgressStore(file);
    expect(await store.load()).toBe('');
    await Promise.all([store.save('{"a":1}'), store.save('{"a":2}'), store.save('{"a":3}')]);
    expect(await store.load()).toBe('{"a":3}');
    expect(readFileSync(file, 'utf8')).toBe('{"a":3}');
    expect(readdirSync(path.dirname(file))).toEqual(['lesson-progress.json']);
  });

  it('reads "" when the file cannot be read, and reports a save that fails', async () => {
    const file = path.join(folder.dir, 'lesson-progress.json');
    mkdirSync(file);
    const store = createProgressStore(file);
    expect(await store.load()).toBe('');
    await expect(store.save('{}')).rejects.toThrow(/could not be saved|folder/);
    await expect(createProgressStore(path.join(folder.dir, 'ok.json')).save('{}')).resolves.toBeUndefined();
  });
});
