/**
 * Project-file timings, printed by `npm run bench` (they were timed assertions in the unit
 * tests, which a busy shared machine made flaky): writing a 784 → 128 → 10 network with
 * Adam's moments piece by piece, and checking a project in memory against writing and
 * re-reading its text. A benchmark: it reports, it never fails.
 */
import {
  checkProject,
  createProject,
  momentCount,
  paramCount,
  parseProject,
  projectPieces,
  serializeProject,
  type Project,
} from '../../core/project';
import { createRandom } from '../../core/engine/rng';
import { digitsConfig } from '../../core/tabular/presets';

export interface FilesBenchResult {
  id: 'project-files';
  label: string;
  characters: number;
  pieces: number;
  /** Milliseconds to write every piece, the median piece and the longest. */
  wholeMs: number;
  medianPieceMs: number;
  longestPieceMs: number;
  /** Median milliseconds to check the project in memory, and through its text. */
  checkInMemoryMs: number;
  checkThroughTextMs: number;
  /** Target of the piecewise writer: a median piece of at most 15 ms on a busy machine. */
  target: string;
  met: boolean;
}

/** A digits project with Adam's moments, every number from a seeded generator (and one a project file accepts). */
function digitsProject(): Project {
  const config = digitsConfig([{ size: 128, activation: 'relu' }]);
  const random = createRandom(3);
  const count = paramCount(config);
  const values = (): number[] => Array.from({ length: count }, () => (random() - 0.5) * 0.2);
  return createProject({
    name: 'digits',
    config,
    // Adam keeps a first moment of any sign and a second (of squared gradients) never below zero.
    state: {
      epoch: 2,
      params: values(),
      optimizer: Array.from({ length: momentCount('adam') }, (_, i) => (i === 0 ? values() : values().map((v) => v * v))),
      step: 500,
    },
    savedAt: new Date(Date.UTC(2026, 10, 28, 23, 0, 0)),
  });
}

const median = (values: number[]): number => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timed(work: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function runFilesBenchmark(): FilesBenchResult {
  const project = digitsProject();
  const times: number[] = [];
  let characters = 0;
  const pieces = projectPieces(project);
  for (;;) {
    const start = performance.now();
    const next = pieces.next();
    times.push(performance.now() - start);
    if (next.done) break;
    characters += next.value.length;
  }
  const checkInMemoryMs = timed(() => {
    if (!checkProject(project).ok) throw new Error('The benchmark project does not check.');
  }, 5);
  const checkThroughTextMs = timed(() => {
    if (!parseProject(serializeProject(project)).ok) throw new Error('The benchmark project does not read back.');
  }, 5);
  const medianPieceMs = median(times);
  return {
    id: 'project-files',
    label: 'project file 784→128→10 with Adam',
    characters,
    pieces: times.length - 1,
    wholeMs: times.reduce((a, b) => a + b, 0),
    medianPieceMs,
    longestPieceMs: Math.max(...times),
    checkInMemoryMs,
    checkThroughTextMs,
    target: 'median piece ≤ 15 ms; checking in memory faster than through text',
    met: medianPieceMs <= 15 && checkInMemoryMs < checkThroughTextMs,
  };
}

/** The result as lines for the table output of run.ts. */
export function describeFiles(r: FilesBenchResult): string[] {
  const ms = (v: number): string => `${v.toFixed(1)} ms`;
  return [
    `${r.label}: ${r.characters.toLocaleString('en-US')} characters in ${r.pieces} pieces, ${ms(r.wholeMs)} in all, ` +
      `median piece ${ms(r.medianPieceMs)}, longest ${ms(r.longestPieceMs)}`,
    `  checked in memory ${ms(r.checkInMemoryMs)}, through its text ${ms(r.checkThroughTextMs)} — ${r.target}: ${r.met ? 'met' : 'NOT met'}`,
  ];
}
