/**
 * How big a table network (digits, iris) may be: what one pass over its examples costs.
 *
 * Measured (issue 13, item 5): digits with 8 hidden layers of 256 passed every other check,
 * but measuring it once took about 9 s and one epoch about a minute, and the engine worker,
 * busy that long, missed the host's 5-second heartbeat again and again. Training goes in
 * slices (and so does an epoch step), but measuring the loss on every example is one piece
 * of work, and it is done on configure, reset, pause and each setting changed. So a network
 * is accepted when one forward pass over its examples stays within `MAX_PASS_WORK`
 * multiply-adds: measured here, 784→256→10 on all 10,000 digits (about 410 million) takes
 * 1.3 s of CPU, and an epoch of it about 3 s; 784→256→256→10 (1.1 billion) 2.5 s and 5 s.
 *
 * With 64 or more inputs the first layer skips inputs that are zero (kernels.ts), so its
 * work is scaled by the share of non-zero values in the table (about a fifth of a digit's
 * pixels are inked).
 */
import type { LabConfig } from '../config';
import { requireTable } from './table-split';
import type { Table } from '../tabular/table';
import { SPARSE_INPUTS } from './kernels';
import { topology } from './shape';

/** Most multiply-adds one forward pass over a table network's examples may need (1.5 s of CPU here at most). */
export const MAX_PASS_WORK = 500e6;

const densities = new WeakMap<Table, number>();

/** Share of a table's values that are not zero (computed once per table). */
export function nonzeroShare(table: Table): number {
  let share = densities.get(table);
  if (share === undefined) {
    let count = 0;
    const n = table.rows * table.columns;
    for (let i = 0; i < n; i++) if (table.values[i] !== 0) count += 1;
    share = n === 0 ? 1 : count / n;
    densities.set(table, share);
  }
  return share;
}

/**
 * Records a table's share of non-zero values counted elsewhere (the page counts the digits
 * in slices as they load, rather than in one long task the first time a check needs it).
 */
export function rememberNonzeroShare(table: Table, share: number): void {
  densities.set(table, share);
}

/** Multiply-adds of one forward pass of a table network over all its examples. */
export function passWork(config: LabConfig & { data: { dataset: 'iris' | 'digits' } }): number {
  const table = requireTable(config.data.dataset);
  const topo = topology(config);
  const rows = Math.min(table.rows, config.data.size);
  let perExample = 0;
  for (let l = 1; l <= topo.depth; l++) {
    const weights = topo.sizes[l - 1] * topo.sizes[l];
    perExample += l === 1 && topo.sizes[0] >= SPARSE_INPUTS ? weights * nonzeroShare(table) : weights;
  }
  return rows * perExample;
}

function amount(x: number): string {
  return x >= 1e9 ? `${(x / 1e9).toFixed(1)} billion` : `${Math.round(x / 1e6)} million`;
}

/** Null when the network is small enough, else one sentence saying what to change. */
export function checkPassWork(config: LabConfig & { data: { dataset: 'iris' | 'digits' } }): string | null {
  const work = passWork(config);
  if (work <= MAX_PASS_WORK) return null;
  const rows = Math.min(requireTable(config.data.dataset).rows, config.data.size);
  return (
    `This network is too big to train here: one pass over its ${rows.toLocaleString('en-US')} examples needs about ` +
    `${amount(work)} multiplications, and the Lab allows ${amount(MAX_PASS_WORK)} so that training ` +
    `and every button stay responsive. Use fewer or narrower hidden layers, or fewer examples.`
  );
}
