/**
 * The test examples of a table network, kept in the page: the gallery, the confusion of the
 * drawing pad and the Iris plot run the network here on them from a snapshot's parameters.
 * The split is the engine's own (same spec, same seed), so the rows are the ones it tests on.
 */
import type { LabConfig } from '../../../core/config';
import { isTableDataset } from '../../../core/tabular/info';
import { gatherRows, tableSplit } from '../../../core/engine/table-split';
import { tableFor } from '../../../core/tabular/table';

export interface TestSet {
  /** Table rows of the test examples. */
  rows: Int32Array;
  /** rows.length × columns network inputs. */
  x: Float64Array;
  labels: Uint8Array;
}

/** Test rows gathered per task by tableTestSetInSlices: about 200,000 values, a few ms. */
export const TEST_SLICE_ROWS = 250;

/** What decides a test set: two configurations with the same key have the same one. */
export function testSetKey(config: LabConfig): string {
  const { dataset, size, trainRatio } = config.data;
  return `${dataset} ${size} ${trainRatio} ${config.seed}`;
}

/**
 * The same as tableTestSet, gathered TEST_SLICE_ROWS rows per task: the 2,000 test digits
 * are 1.6 million values, one long task when the Lab switched to digits.
 */
export async function tableTestSetInSlices(config: LabConfig, sliceRows = TEST_SLICE_ROWS): Promise<TestSet | null> {
  const dataset = config.data.dataset;
  if (!isTableDataset(dataset)) return null;
  const table = tableFor(dataset);
  if (table === null) return null;
  const rows = tableSplit({ ...config.data, dataset }, config.seed).test;
  const c = table.columns;
  const x = new Float64Array(rows.length * c);
  for (let start = 0; start < rows.length; start += sliceRows) {
    if (start > 0) await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const end = Math.min(rows.length, start + sliceRows);
    gatherRows(table, rows.subarray(start, end), x.subarray(start * c, end * c));
  }
  return { rows, x, labels: Uint8Array.from(rows, (r) => table.labels[r]) };
}

/** The test set `config` names, or null for 2-D data or a table not loaded in the page yet. */
export function tableTestSet(config: LabConfig): TestSet | null {
  const dataset = config.data.dataset;
  if (!isTableDataset(dataset)) return null;
  const table = tableFor(dataset);
  if (table === null) return null;
  const rows = tableSplit({ ...config.data, dataset }, config.seed).test;
  return { rows, x: gatherRows(table, rows), labels: Uint8Array.from(rows, (r) => table.labels[r]) };
}
