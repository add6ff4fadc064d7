/** scripts/build-electron.mjs: three CommonJS bundles, the sandboxed preload needing only 'electron'. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
let outdir: string;

beforeAll(() => {
  outdir = mkdtempSync(path.join(os.tmpdir(), 'actlab-build-'));
  execFileSync(process.execPath, ['scripts/build-electron.mjs', '--outdir', outdir], { cwd: root, stdio: 'pipe' });
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function requires(file: string): string[] {
  const code = readFileSync(path.join(outdir, file), 'utf8');
  return [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
}

describe('build-electron', () => {
  it('writes main.cjs, preload.cjs, engine-worker.cjs and project-worker.cjs as CommonJS', () => {
    for (const file of ['main.cjs', 'preload.cjs', 'engine-worker.cjs', 'project-worker.cjs']) {
      const code = readFileSync(path.join(outdir, file), 'utf8');
      expect(code.startsWith('"use strict";')).toBe(true);
      expect(code).not.toMatch(/^\s*(import|export)\s/m);
    }
  });

  it('keeps the preload to one file that needs only electron', () => {
    expect(new Set(requires('preload.cjs'))).toEqual(new Set(['electron']));
    const code = readFileSync(path.join(outdir, 'preload.cjs'), 'utf8');
    expect(code).toContain('exposeInMainWorld("lab"');
    expect(code).not.toMatch(/exposeInMainWorld\("(?!lab")/);
  });

  it('leaves electron external and bundles everything else in main and the worker', () => {
    const builtins = new Set(['electron', 'path', 'fs', 'os', 'worker_threads', 'perf_hooks', 'url', 'events', 'crypto', 'util', 'stream']);
    for (const file of ['main.cjs', 'engine-worker.cjs', 'project-worker.cjs']) {
      const outside = requires(file)
        .map((r) => r.replace(/^node:/, '').split('/')[0])
        .filter((r) => !builtins.has(r));
      expect(outside, file).toEqual([]);
    }
    expect(requires('engine-worker.cjs')).not.toContain('electron');
    expect(requires('project-worker.cjs')).not.toContain('electron');
  });
});
