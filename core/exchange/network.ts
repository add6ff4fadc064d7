/**
 * What every exporter reads from the Lab: the network's layers with their weights as
 * matrices, what its inputs are, and the data in the engine's training order.
 */
import type { ActivationName, DataPoint, FeatureName, Knot, LabConfig, OutputActivationName, ProblemType } from '../config';
import type { HistoryPoint } from '../protocol';
import { DATASET_INFO, generateData } from '../engine/data';
import { CURVE_LABELS, inputFeatures, isCurveDataset } from '../engine/curve-data';
import { networkKnots } from '../engine/drawn';
import { topology } from '../engine/shape';
import { isTableDataset, TABLE_INFO } from '../tabular/info';
import { requireTable } from '../engine/table-split';
import type { Table } from '../tabular/table';

/** What the Lab hands an exporter. */
export interface ExportSource {
  config: LabConfig;
  /** Every parameter in the engine's layout order (a snapshot's params). */
  params: ArrayLike<number>;
  /** The epoch the parameters belong to. */
  epoch: number;
  /** Optimizer moments in the engine's layout ([] for SGD, [velocity], or [m, v]) and Adam's step. */
  moments?: { arrays: ArrayLike<number>[]; step: number } | null;
  /** The app's latest measurement of these parameters, shown beside the script's own. */
  metrics?: HistoryPoint | null;
}

export interface ExportLayer {
  /** Neurons in the layer below (or inputs) and in this layer. */
  fanIn: number;
  size: number;
  activation: ActivationName | OutputActivationName;
  /** weights[to][from]: row j holds the weights into neuron j (PyTorch's nn.Linear layout). */
  weights: number[][];
  biases: number[];
  /** Offset of the first weight and of the first bias in the flat parameter array. */
  weightOffset: number;
  biasOffset: number;
}

/** The layers, hidden first and the output layer last, cut out of the flat parameters. */
export function exportLayers(config: LabConfig, params: ArrayLike<number>): ExportLayer[] {
  const topo = topology(config);
  if (params.length !== topo.paramCount) {
    throw new Error(
      `The network has ${topo.paramCount} parameters but ${params.length} were given: train or reset once, then export again.`,
    );
  }
  const names = [...config.network.hidden.map((h) => h.activation), config.network.outputActivation];
  return names.map((activation, l) => {
    const fanIn = topo.sizes[l];
    const size = topo.sizes[l + 1];
    const w0 = topo.weightOffsets[l];
    const b0 = topo.biasOffsets[l];
    const weights = Array.from({ length: size }, (_, to) => Array.from({ length: fanIn }, (_, from) => params[w0 + to * fanIn + from]));
    const biases = Array.from({ length: size }, (_, j) => params[b0 + j]);
    return { fanIn, size, activation, weights, biases, weightOffset: w0, biasOffset: b0 };
  });
}

/** The drawn activation's knots when a hidden layer uses it, else null. */
export function usedKnots(config: LabConfig): readonly Knot[] | null {
  return config.network.hidden.some((h) => h.activation === 'drawn') ? networkKnots(config.network.drawn) : null;
}

/** What the network's inputs are. */
export type ExportInputs =
  | { kind: 'plane'; features: readonly FeatureName[] }
  | { kind: 'curve'; features: readonly FeatureName[] }
  | { kind: 'table'; table: Table; columnLabels: readonly string[]; classLabels: readonly string[] };

export function exportInputs(config: LabConfig): ExportInputs {
  const dataset = config.data.dataset;
  if (isTableDataset(dataset)) {
    const info = TABLE_INFO[dataset];
    return { kind: 'table', table: requireTable(dataset), columnLabels: info.columnLabels, classLabels: info.classLabels };
  }
  return { kind: isCurveDataset(dataset) ? 'curve' : 'plane', features: inputFeatures(config) };
}

/** The data as the engine trains on it: training points in training order, then the test points. */
export interface ExportData {
  problem: ProblemType;
  classes: number;
  train: DataPoint[];
  test: DataPoint[];
  /** Table sets: which table row each training and test example is. */
  rows?: { train: Int32Array; test: Int32Array };
}

export function exportData(config: LabConfig): ExportData {
  const data = generateData(config.data, config.seed);
  return { problem: data.problem, classes: data.classes, train: data.train, test: data.test, rows: data.rows };
}

/** The data set's name as the Lab shows it. */
export function dataLabel(config: LabConfig): string {
  const dataset = config.data.dataset;
  if (isTableDataset(dataset)) return TABLE_INFO[dataset].label;
  if (isCurveDataset(dataset)) return CURVE_LABELS[dataset];
  return DATASET_INFO[dataset].label;
}
