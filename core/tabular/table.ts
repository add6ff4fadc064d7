/**
 * A table data set in memory: one row of numbers per example and a class label per row.
 * Iris is small and built in; the digit images are large and arrive at run time (read from
 * the bundled file by the page or a benchmark), so they are registered here once loaded and
 * the engine finds them by name.
 */
import type { TableDatasetName } from '../config';
import { TABLE_INFO } from './info';
import { irisTable } from './iris';

export interface Table {
  name: TableDatasetName;
  rows: number;
  columns: number;
  classes: number;
  /** rows × columns, row-major; the network's input is value × scale. */
  values: ArrayLike<number>;
  scale: number;
  /** Class index of each row. */
  labels: Uint8Array;
}

const loaded = new Map<TableDatasetName, Table>();

/** Makes a loaded table available to the engine (replacing any earlier one of that name). */
export function registerTable(table: Table): void {
  loaded.set(table.name, table);
}

/** What a learner reads when a network needs a table the engine has not been given yet. */
export function notLoadedMessage(name: TableDatasetName): string {
  return `The ${TABLE_INFO[name].label.toLowerCase()} are not loaded yet. They load when you pick them under "Data with many inputs": wait until the progress bar is full, then try again.`;
}

/** The table of that name, or null while it has not been loaded. */
export function tableFor(name: TableDatasetName): Table | null {
  if (name === 'iris' && !loaded.has('iris')) loaded.set('iris', irisTable());
  return loaded.get(name) ?? null;
}
