/**
 * Turns a table into the engine's Dataset: the first `size` rows (all of them if fewer),
 * shuffled with the seed's split stream and cut by `trainRatio`, exactly as the 2-D sets are.
 * Each row also becomes a DataPoint whose (x₁, x₂) are two chosen columns, for plotting.
 */
import type { DataPoint, DataSpec, TableDatasetName } from '../config';
import { createRandom, deriveSeed, shuffle, STREAM } from './rng';
import { notLoadedMessage, tableFor, type Table } from '../tabular/table';

export interface TableSplit {
  /** Row numbers of the training and test examples, in training order. */
  train: Int32Array;
  test: Int32Array;
}

export function splitRows(rows: number, trainRatio: number, seed: number): TableSplit {
  const order = Array.from({ length: rows }, (_, i) => i);
  shuffle(order, createRandom(deriveSeed(seed, STREAM.split)));
  const cut = Math.round(rows * trainRatio);
  return { train: Int32Array.from(order.slice(0, cut)), test: Int32Array.from(order.slice(cut)) };
}

/** The chosen rows' inputs, rows.length × columns, row-major. */
export function gatherRows(table: Table, rows: Int32Array, out = new Float64Array(rows.length * table.columns)): Float64Array {
  const c = table.columns;
  const { values, scale } = table;
  for (let k = 0; k < rows.length; k++) {
    const from = rows[k] * c;
    const to = k * c;
    for (let j = 0; j < c; j++) out[to + j] = values[from + j] * scale;
  }
  return out;
}

/** Rows as points: x₁ and x₂ are columns `plot[0]` and `plot[1]`, the label is the class. */
export function tablePoints(table: Table, rows: Int32Array, plot: readonly [number, number] = [0, 1]): DataPoint[] {
  const c = table.columns;
  return Array.from(rows, (r) => ({
    x1: table.values[r * c + plot[0]] * table.scale,
    x2: table.values[r * c + plot[1]] * table.scale,
    label: table.labels[r],
  }));
}

/** The loaded table a spec names; throws a plain sentence if it is not loaded yet. */
export function requireTable(name: TableDatasetName): Table {
  const table = tableFor(name);
  if (table === null) throw new Error(notLoadedMessage(name));
  return table;
}

/** Rows of the table a spec uses, split with the seed. */
export function tableSplit(data: DataSpec & { dataset: TableDatasetName }, seed: number): TableSplit {
  const table = requireTable(data.dataset);
  return splitRows(Math.min(table.rows, data.size), data.trainRatio, seed);
}
