/**
 * `npm run bench`: the engine's speed on the workloads of issue #3 next to @tensorflow/tfjs
 * (CPU backend) in the same run, printed as a table; `npm run bench -- --json` prints one JSON
 * document instead. Project-file timings (files.ts) follow the engine workloads; the digits
 * benchmark (digits.ts) runs last; `--no-digits` skips it.
 * A benchmark, not a test: it measures and reports, it never fails a build.
 *
 * Each rate is given per second of wall-clock time (what a learner sees) and per second of
 * this process's CPU time (steadier when other programs compete for the processor).
 */
import { cpus, loadavg } from 'node:os';
import { runDigitsBenchmark, type DigitsBenchResult } from './digits';
import { describeFiles, runFilesBenchmark } from './files';
import { tfjsEpochsPerSecond, tfjsGridMilliseconds } from './tfjs';
import { GRID, INSTRUMENTS_WORKLOAD, TRAINING_WORKLOADS, gridMilliseconds, instrumentsCost, sessionEpochsPerSecond } from './workloads';

export interface WorkloadResult {
  id: string;
  label: string;
  /** Our engine as the Electron worker runs it (shape-specialised code), per wall-clock second. */
  epochsPerSecond: number | null;
  epochsPerCpuSecond: number | null;
  /** Our plain path (the browser host, where code generation is refused). */
  plainEpochsPerSecond: number | null;
  tfjsEpochsPerSecond: number | null;
  tfjsEpochsPerCpuSecond: number | null;
  /** Median milliseconds to evaluate every neuron over the grid (wall clock, and CPU). */
  gridMs: number | null;
  gridCpuMs: number | null;
  tfjsGridMs: number | null;
  target: string;
  /** Whether the target is met by the wall-clock figure, and by the CPU-time figure. */
  met: boolean;
  metByCpuTime: boolean;
}

const json = process.argv.includes('--json');
const withDigits = !process.argv.includes('--no-digits');
const say = (line: string): void => {
  if (!json) console.log(line);
};

function table(results: WorkloadResult[]): string[] {
  const n = (v: number | null, digits = 0): string => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));
  const rows = results.map((r) =>
    r.gridMs === null
      ? [
          r.label,
          `${n(r.epochsPerSecond)} ep/s`,
          `${n(r.epochsPerCpuSecond)} ep/s`,
          `${n(r.plainEpochsPerSecond)} ep/s`,
          `${n(r.tfjsEpochsPerSecond, 1)} ep/s`,
          `${n((r.epochsPerSecond ?? 0) / (r.tfjsEpochsPerSecond ?? 1))}×`,
          r.target,
          r.met ? 'met' : r.metByCpuTime ? 'met in CPU time' : 'NOT met',
        ]
      : [
          r.label,
          `${n(r.gridMs, 2)} ms`,
          `${n(r.gridCpuMs, 2)} ms`,
          '—',
          `${n(r.tfjsGridMs, 1)} ms`,
          `${n((r.tfjsGridMs ?? 0) / r.gridMs)}×`,
          r.target,
          r.met ? 'met' : r.metByCpuTime ? 'met in CPU time' : 'NOT met',
        ],
  );
  const head = ['workload', 'ours (wall)', 'ours (CPU time)', 'ours, plain path', 'tfjs cpu (wall)', 'ours vs tfjs', 'target', 'result'];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]))
      .join(' | ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)];
}

async function main(): Promise<void> {
  const loads = [loadavg()[0]];
  say(`Activation Lab engine benchmark — ${cpus().length} CPU(s), ${cpus()[0]?.model ?? 'unknown CPU'}`);
  // Our numbers first, as close as one process gets to the app's own: the renderer draws the
  // grid in a process that never trains, and the engine worker never runs tfjs (in trials here
  // our rates came out lower when measured after tfjs had built its large heap).
  say(`  measuring ${GRID.label}…`);
  const grid = gridMilliseconds(GRID.hidden, GRID.resolution);
  loads.push(loadavg()[0]);
  const ours = TRAINING_WORKLOADS.map((w) => {
    say(`  measuring ${w.label}…`);
    const fast = sessionEpochsPerSecond(w.hidden, true);
    const plain = sessionEpochsPerSecond(w.hidden, false);
    loads.push(loadavg()[0]);
    return { w, fast, plain };
  });
  say(`  measuring ${INSTRUMENTS_WORKLOAD.label} with the instruments on and off…`);
  const instruments = instrumentsCost();
  loads.push(loadavg()[0]);
  say('  measuring tfjs on the same workloads…');
  const results: WorkloadResult[] = [];
  for (const { w, fast, plain } of ours) {
    const theirs = await tfjsEpochsPerSecond(w.hidden);
    loads.push(loadavg()[0]);
    results.push({
      id: w.id,
      label: w.label,
      epochsPerSecond: fast.wall,
      epochsPerCpuSecond: fast.cpu,
      plainEpochsPerSecond: plain.wall,
      tfjsEpochsPerSecond: theirs.wall,
      tfjsEpochsPerCpuSecond: theirs.cpu,
      gridMs: null,
      gridCpuMs: null,
      tfjsGridMs: null,
      target: `≥ ${w.target.toLocaleString('en-US')} epochs/s`,
      met: fast.wall >= w.target,
      metByCpuTime: fast.cpu >= w.target,
    });
  }
  const tfjsGrid = await tfjsGridMilliseconds(GRID.hidden, GRID.resolution);
  loads.push(loadavg()[0]);
  results.push({
    id: GRID.id,
    label: GRID.label,
    epochsPerSecond: null,
    epochsPerCpuSecond: null,
    plainEpochsPerSecond: null,
    tfjsEpochsPerSecond: null,
    tfjsEpochsPerCpuSecond: null,
    gridMs: grid.wall,
    gridCpuMs: grid.cpu,
    tfjsGridMs: tfjsGrid.wall,
    target: `≤ ${GRID.targetMs} ms`,
    met: grid.wall <= GRID.targetMs,
    metByCpuTime: grid.cpu <= GRID.targetMs,
  });
  say('  measuring project files…');
  const files = runFilesBenchmark();
  let digits: DigitsBenchResult | null = null;
  if (withDigits) {
    say('  measuring digits (784→128→10)…');
    digits = await runDigitsBenchmark();
    loads.push(loadavg()[0]);
  }
  const loadAverage = Math.max(...loads);
  const instrumentsFigure = {
    id: 'instruments-2-8x6-1',
    onEpochsPerSecond: instruments.on.wall,
    offEpochsPerSecond: instruments.off.wall,
    onEpochsPerCpuSecond: instruments.on.cpu,
    offEpochsPerCpuSecond: instruments.off.cpu,
    /** How much slower training is with the instruments on (CPU time; 0.05 = 5 %). */
    cost: 1 - instruments.on.cpu / instruments.off.cpu,
    target: '≤ 5 % slower',
  };
  if (json) {
    console.log(
      JSON.stringify(
        { cpus: cpus().length, loadAverage, workloads: [...results, instrumentsFigure, files, ...(digits ? [digits] : [])] },
        null,
        2,
      ),
    );
    return;
  }
  say('');
  for (const l of table(results)) say(l);
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  say(
    `\ninstruments (gradient flow, dead neurons) on ${INSTRUMENTS_WORKLOAD.label}: ` +
      `${Math.round(instruments.on.wall).toLocaleString('en-US')} ep/s on vs ${Math.round(instruments.off.wall).toLocaleString('en-US')} off ` +
      `(per CPU second ${Math.round(instruments.on.cpu).toLocaleString('en-US')} vs ${Math.round(instruments.off.cpu).toLocaleString('en-US')}): ` +
      `${pct(instrumentsFigure.cost)} slower in CPU time, ${pct(1 - instruments.on.wall / instruments.off.wall)} by the clock; target ≤ 5 % — ` +
      `${instrumentsFigure.cost <= 0.05 ? 'met' : 'NOT met'}`,
  );
  say('');
  for (const l of describeFiles(files)) say(l);
  if (digits) {
    say(
      `\ndigits 784→128→10: ${Math.round(digits.examplesPerSecond).toLocaleString('en-US')} examples/s ` +
        `(tfjs cpu ${Math.round(digits.tfjsExamplesPerSecond).toLocaleString('en-US')}); test accuracy ${(digits.testAccuracy * 100).toFixed(1)} % after ${digits.epochs} epochs`,
    );
  }
  if (loadAverage > cpus().length * 0.75) {
    say(
      `\nNote: the load average reached ${loadAverage.toFixed(1)} on ${cpus().length} CPU(s): other programs were competing for the processor, so the wall-clock figures are low.`,
    );
  }
}

await main();
