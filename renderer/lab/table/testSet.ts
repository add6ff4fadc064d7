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

/** The test set `config` names, or null for 2-D data or a table not loaded in the page yet. */
export function tableTestSet(config: LabConfig): TestSet | null {
  const dataset = config.data.dataset;
  if (!isTableDataset(dataset)) return null;
  const table = tableFor(dataset);
  if (table === null) return null;
  const rows = tableSplit({ ...config.data, dataset }, config.seed).test;
  return { rows, x: gatherRows(table, rows), labels: Uint8Array.from(rows, (r) => table.labels[r]) };
}
