/**
 * The real project worker for the document tests: electron/project-worker.ts bundled by
 * scripts/build-electron.mjs into a scratch folder, behind a real WorkerParser.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { WorkerParser, type ProjectParser, type WorkerParserOptions } from '../../../electron/documents/parse-host';

const root = path.resolve(__dirname, '..', '..', '..');

/** Bundles electron/project-worker.ts; returns the .cjs file and how to remove it again. */
export function buildProjectWorker(): { workerFile: string; remove(): void } {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'actlab-project-worker-'));
  execFileSync(process.execPath, ['scripts/build-electron.mjs', '--only', 'project-worker', '--outdir', outdir], {
    cwd: root,
    stdio: 'pipe',
  });
  return { workerFile: path.join(outdir, 'project-worker.cjs'), remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

/**
 * Bundles the worker before this test file's tests and removes it after. Returns a parser
 * over it (`parser()` for the app's limits, `parser(options)` for others) and the file.
 */
export function projectWorkerForThisFile(): { parser(options?: Partial<WorkerParserOptions>): ProjectParser; workerFile(): string } {
  let built: ReturnType<typeof buildProjectWorker> | null = null;
  beforeAll(() => {
    built = buildProjectWorker();
  }, 60_000);
  afterAll(() => built?.remove());
  const workerFile = () => {
    if (built === null) throw new Error('The project worker is bundled before the tests start.');
    return built.workerFile;
  };
  return { parser: (options = {}) => new WorkerParser({ workerFile: workerFile(), ...options }), workerFile };
}
