/**
 * `npm run bench`: the engine's speed on the workloads of issue #3 next to @tensorflow/tfjs
 * (CPU backend) in the same run, printed as a table; `npm run bench -- --json` prints one JSON
 * document instead. A benchmark, not a test: it measures and reports, it never fails a build.
 */
import { cpus, loadavg } from 'node:os';
import { GRID, TRAINING_WORKLOADS, gridMilliseconds, sessionEpochsPerSecond } from './workloads';
import { tfjsEpochsPerSecond, tfjsGridMilliseconds } from './tfjs';

export interface WorkloadResult {
  id: string;
  label: string;
  /** Our engine as the Electron worker runs it (shape-specialised code). */
  epochsPerSecond: number | null;
  /** Our plain path (the browser host when code generation is refused). */
  plainEpochsPerSecond: number | null;
  tfjsEpochsPerSecond: number | null;
  /** Median milliseconds to evaluate every neuron over the grid. */
  gridMs: number | null;
  tfjsGridMs: number | null;
  target: string;
  met: boolean;
}

const json = process.argv.includes('--json');
const say = (line: string): void => {
  if (!json) console.log(line);
};

async function main(): Promise<void> {
  say(`Activation Lab engine benchmark — ${cpus().length} CPU(s), ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0].toFixed(2)}`);
  const loadBefore = loadavg()[0];
  const results: WorkloadResult[] = [];
  for (const w of TRAINING_WORKLOADS) {
    say(`  measuring ${w.label}…`);
    const fast = sessionEpochsPerSecond(w.hidden, true);
    const plain = sessionEpochsPerSecond(w.hidden, false);
    const theirs = await tfjsEpochsPerSecond(w.hidden);
    results.push({
      id: w.id,
      label: w.label,
      epochsPerSecond: fast,
      plainEpochsPerSecond: plain,
      tfjsEpochsPerSecond: theirs,
      gridMs: null,
      tfjsGridMs: null,
      target: `≥ ${w.target.toLocaleString('en-US')} epochs/s`,
      met: fast >= w.target,
    });
  }
  say(`  measuring ${GRID.label}…`);
  const gridMs = gridMilliseconds(GRID.hidden, GRID.resolution);
  const tfjsGridMs = await tfjsGridMilliseconds(GRID.hidden, GRID.resolution);
  results.push({
    id: GRID.id,
    label: GRID.label,
    epochsPerSecond: null,
    plainEpochsPerSecond: null,
    tfjsEpochsPerSecond: null,
    gridMs,
    tfjsGridMs,
    target: `≤ ${GRID.targetMs} ms`,
    met: gridMs <= GRID.targetMs,
  });
  const loadAverage = Math.max(loadBefore, loadavg()[0]);
  if (json) {
    console.log(JSON.stringify({ cpus: cpus().length, loadAverage, workloads: results }, null, 2));
    return;
  }
  const fmt = (v: number | null, unit: string, digits = 0): string => (v === null ? '—' : `${v.toLocaleString('en-US', { maximumFractionDigits: digits })} ${unit}`);
  const rows = results.map((r) => [
    r.label,
    r.gridMs === null ? fmt(r.epochsPerSecond, 'ep/s') : fmt(r.gridMs, 'ms', 2),
    r.gridMs === null ? fmt(r.plainEpochsPerSecond, 'ep/s') : '—',
    r.gridMs === null ? fmt(r.tfjsEpochsPerSecond, 'ep/s') : fmt(r.tfjsGridMs, 'ms', 2),
    r.gridMs === null ? `${((r.epochsPerSecond ?? 0) / (r.tfjsEpochsPerSecond ?? 1)).toFixed(0)}×` : `${((r.tfjsGridMs ?? 0) / r.gridMs).toFixed(0)}×`,
    r.target,
    r.met ? 'met' : 'NOT met',
  ]);
  const head = ['workload', 'ours (generated code)', 'ours (plain)', 'tfjs (cpu)', 'ours vs tfjs', 'target', ''];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ');
  say('');
  say(line(head));
  say(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) say(line(r));
  if (loadAverage > cpus().length * 0.75) say(`\nNote: the load average reached ${loadAverage.toFixed(2)} on ${cpus().length} CPU(s); other processes were competing, so these numbers are low.`);
}

await main();
