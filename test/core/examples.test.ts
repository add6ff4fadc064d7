import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_IDS, EXAMPLES, exampleInfo, isExampleId, type ExampleId } from '../../core/examples';
import { measure } from '../../core/engine/metrics';
import { createModel } from '../../core/engine/model';
import { parseProject, type Project } from '../../core/project';
import { applyState } from '../../core/session/state';
import { decodeDigits, digitsTable } from '../../core/tabular/digits';
import { registerTable } from '../../core/tabular/table';

const root = path.resolve(__dirname, '..', '..');
const folder = path.join(root, 'renderer', 'projects', 'examples');

/** What each example is there to show, as a test accuracy (or loss) its saved weights must give. */
const EXPECT: Record<ExampleId, (accuracy: number | null, loss: number) => boolean> = {
  'linear-collapse': (a) => a !== null && a < 0.7,
  'xor-by-hand': (a) => a === 1,
  'spiral-relu': (a) => a !== null && a >= 0.95,
  'spiral-tanh': (a) => a !== null && a >= 0.95,
  'relu-hinges': (_a, loss) => loss < 0.02,
  'vanishing-sigmoid': (a) => a !== null && a < 0.65,
  iris: (a) => a !== null && a >= 0.9,
  digits: (a) => a !== null && a >= 0.85,
};

function read(id: ExampleId): Project {
  const file = path.join(folder, `${id}.actlab`);
  const parsed = parseProject(readFileSync(file, 'utf8'), { fileName: `${id}.actlab` });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.project;
}

beforeAll(() => {
  // The digits example is measured on the app's own digit images, built as the app builds them.
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'actlab-examples-'));
  try {
    const file = path.join(outdir, 'digits.bin');
    execFileSync(process.execPath, ['scripts/build-digits.mjs', file], { cwd: root, stdio: 'pipe' });
    registerTable(digitsTable(decodeDigits(new Uint8Array(readFileSync(file)))));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});

describe('the bundled example projects', () => {
  it('are exactly the catalogue: one file per example, no others', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.actlab'));
    expect(files.sort()).toEqual(EXAMPLE_IDS.map((id) => `${id}.actlab`).sort());
    expect(EXAMPLES.map((e) => e.id)).toEqual([...EXAMPLE_IDS]);
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(8);
    expect(isExampleId('spiral-relu')).toBe(true);
    expect(isExampleId('nothing-like-it')).toBe(false);
  });

  it('are small enough to bundle', () => {
    for (const id of EXAMPLE_IDS) expect(statSync(path.join(folder, `${id}.actlab`)).size, id).toBeLessThan(128 * 1024);
  });

  it.each(EXAMPLE_IDS)('%s opens with the project reader, named as the catalogue says, with weights', (id) => {
    const project = read(id);
    expect(project.name).toBe(exampleInfo(id).title);
    expect(project.state, 'an example carries its weights').not.toBeNull();
    expect(exampleInfo(id).description.length).toBeGreaterThan(20);
  });

  it.each(EXAMPLE_IDS)('%s: its saved weights do what the example shows, and what its history says', (id) => {
    const project = read(id);
    const model = createModel(project.config, { gradientFlow: false });
    if (!project.state) throw new Error('no state');
    applyState(model, project.state);
    const point = measure(model, project.state.epoch).point;
    expect(EXPECT[id](point.testAccuracy, point.testLoss), `${id}: accuracy ${point.testAccuracy}, loss ${point.testLoss}`).toBe(true);
    const last = project.history.at(-1);
    if (last) {
      expect(last.epoch).toBe(project.state.epoch);
      expect(last.testLoss).toBeCloseTo(point.testLoss, 3);
      if (point.testAccuracy !== null) expect(last.testAccuracy).toBeCloseTo(point.testAccuracy, 3);
    }
  });
});
