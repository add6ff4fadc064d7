/**
 * A bounded run of the corrupted-file corpus (fuzz-corpus.ts): seeded mutations of real
 * project files through the worker's decoder, and some through the whole read path (a real
 * file, one handle, the bundled project worker). None may crash, load half a project, or be
 * refused without a clear sentence. test/bench/fuzz-files.ts runs more and prints figures.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeProject } from '../../../electron/documents/decode';
import { readProjectFile } from '../../../electron/documents/files';
import { seeded } from '../../core/project/sample';
import { KINDS, corpus, judge, mutate, originals, type CorpusFile } from './fuzz-corpus';
import { temporaryFolder } from './helpers';
import { projectWorkerForThisFile } from './parser';

const worker = projectWorkerForThisFile();
let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => (folder = temporaryFolder()));
afterEach(() => folder.remove());

describe('corrupted project files', { timeout: 300_000 }, () => {
  it('every mutation kind, from generated seeds, is opened whole or refused clearly', () => {
    const bases = originals();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bases.length - 1 }),
        fc.constantFrom(...KINDS),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (b, kind, seed) => {
          const { bytes, mustRefuse } = mutate(bases[b].text, kind, seeded(seed));
          const file: CorpusFile = { label: `${bases[b].label}, ${kind}`, kind, bytes, mustRefuse };
          const verdict = judge(file, decodeProject(bytes, 'fuzzed.actlab'));
          expect(verdict, file.label).toMatch(/^(opened|refused)$/);
        },
      ),
      { numRuns: 300, seed: 2026 },
    );
  });

  it('through the whole read path: a real file, its handle and the project worker', async () => {
    const parser = worker.parser();
    const file = path.join(folder.dir, 'fuzzed.actlab');
    for (const input of corpus(45, 99)) {
      writeFileSync(file, input.bytes);
      const verdict = judge(input, await readProjectFile(file, parser));
      expect(verdict, input.label).toMatch(/^(opened|refused)$/);
    }
  });
});
