/**
 * How many numbers a configuration's network holds, computed from the configuration alone,
 * so a project file's parameters can be checked without building the network.
 */
import type { DataSpec, LabConfig, OptimizerName } from '../config';

/** Generated data sets whose points carry three classes; the other generated sets have two. */
const THREE_CLASS_SETS: ReadonlySet<string> = new Set(['spiral3', 'blobs3']);

/** Whether the data is regression: the learner's own regression points, or the plane and multi-Gaussian sets. */
export function isRegression(data: DataSpec): boolean {
  if (data.dataset === 'custom') return data.problem === 'regression';
  return data.dataset === 'plane' || data.dataset === 'multiGaussian';
}

/** Number of classes of a classification data set (1 + the largest label for the learner's own points). */
export function classCount(data: DataSpec): number {
  if (data.dataset === 'custom') {
    let largest = 0;
    for (const point of data.points) largest = Math.max(largest, point.label);
    return largest + 1;
  }
  return THREE_CLASS_SETS.has(data.dataset) ? 3 : 2;
}

/** Output neurons: one for regression or two classes, one per class otherwise. */
export function outputCount(data: DataSpec): number {
  if (isRegression(data)) return 1;
  const classes = classCount(data);
  return classes <= 2 ? 1 : classes;
}

/** Neurons per layer, from the inputs (one per enabled feature) to the outputs. */
export function layerSizes(config: LabConfig): number[] {
  return [config.features.length, ...config.network.hidden.map((layer) => layer.size), outputCount(config.data)];
}

/** Weights plus biases of every layer. */
export function paramCount(config: LabConfig): number {
  const sizes = layerSizes(config);
  let count = 0;
  for (let i = 1; i < sizes.length; i++) count += sizes[i - 1] * sizes[i] + sizes[i];
  return count;
}

/** How many moment arrays an optimizer keeps: none for SGD, a velocity for momentum, m and v for Adam. */
export function momentCount(optimizer: OptimizerName): number {
  switch (optimizer) {
    case 'sgd':
      return 0;
    case 'momentum':
      return 1;
    case 'adam':
      return 2;
  }
}
