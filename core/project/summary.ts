/**
 * A project described in a line, without running its network: the Projects area shows
 * this for an open project and for a backup found after a reload, whatever the data (a
 * digits network is never evaluated over a 2-D grid just to be previewed).
 */
import type { LabConfig } from '../config';
import { DATASET_INFO, networkShape } from '../engine';
import { isTableDataset } from '../tabular/info';
import type { HistoryPoint } from '../protocol';
import { momentCount, paramCount } from './shape';

/** What kind of picture fits the project's data: a 2-D plane, or a table of examples. */
export type DataKind = 'plane' | 'digits' | 'iris';

export interface ProjectSummary {
  kind: DataKind;
  /** The data set's name for people: "Spiral", "Handwritten digits". */
  data: string;
  /** Neurons per layer, inputs first: "784 → 64 → 10". */
  layers: string;
  /** Every weight and bias. */
  parameters: number;
  /** "784 → 64 → 10, handwritten digits". */
  line: string;
}

export function summarize(config: LabConfig): ProjectSummary {
  const shape = networkShape(config);
  const dataset = config.data.dataset;
  const data = DATASET_INFO[dataset].label;
  const layers = [shape.inputs, ...shape.layers.map((layer) => layer.size)].join(' → ');
  return {
    kind: isTableDataset(dataset) ? dataset : 'plane',
    data,
    layers,
    parameters: shape.paramCount,
    line: `${layers}, ${data.charAt(0).toLowerCase()}${data.slice(1)}`,
  };
}

/** The newest test accuracy (0–1) in a history, or null (regression, never trained). */
export function latestAccuracy(history: readonly HistoryPoint[]): number | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const accuracy = history[i].testAccuracy;
    if (accuracy !== null) return accuracy;
  }
  return null;
}

/** Roughly how big the saved file will be: the state's numbers dominate (~20 characters each). */
export function estimatedFileBytes(config: LabConfig, trained: boolean): number {
  const numbers = trained ? paramCount(config) * (1 + momentCount(config.training.optimizer)) : 0;
  return 2000 + config.data.points.length * 60 + numbers * 20;
}

/** "6.1 MB", "840 KB", "2 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
