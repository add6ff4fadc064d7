/**
 * The curve widget's network settings as pure functions: a curve set's configuration kept
 * consistent (linear output, squared error, own points to start from), and a preset's
 * starting configuration.
 */
import { defaultConfig, type ActivationName, type CurveDatasetName, type LabConfig } from '../../../core/config';
import { startingCurvePoints, usableCurvePoints } from '../../lab/curve-points';
import type { WidthRecord } from '../types';

/** The configuration with a linear output and ½·squared error, and usable own points when it fits its own. */
export function curveLessonConfig(config: LabConfig): LabConfig {
  const next = structuredClone(config);
  next.data.problem = 'regression';
  next.network.outputActivation = 'identity';
  next.training.loss = 'halfSquared';
  if (next.data.dataset === 'ownCurve' && !usableCurvePoints(next.data.points)) next.data.points = startingCurvePoints(next);
  return next;
}

/** A lesson's curve network: one hidden layer of `width` neurons with `activation`, on `dataset`. */
export function curveNetwork(dataset: CurveDatasetName, activation: ActivationName, width: number, seed = 1): LabConfig {
  const config = defaultConfig();
  config.data = { ...config.data, dataset, size: 120, trainRatio: 0.7, noise: 0, points: [] };
  config.network = { hidden: [{ size: width, activation }], outputActivation: 'identity' };
  config.training = { ...config.training, learningRate: 0.03, batchSize: 10 };
  config.seed = seed;
  return curveLessonConfig(config);
}

/**
 * The width table with one measurement added: the most epochs trained at that width and the
 * lowest finite test loss seen there; widths stay in increasing order.
 */
export function recordWidth(records: readonly WidthRecord[], width: number, epoch: number, testLoss: number): WidthRecord[] {
  const old = records.find((r) => r.width === width);
  const lowest = Number.isFinite(testLoss) ? Math.min(testLoss, old?.lowestTestLoss ?? Infinity) : (old?.lowestTestLoss ?? Infinity);
  const next = { width, epochs: Math.max(epoch, old?.epochs ?? 0), lowestTestLoss: lowest };
  if (old && old.epochs === next.epochs && old.lowestTestLoss === next.lowestTestLoss) return records as WidthRecord[];
  return [...records.filter((r) => r.width !== width), next].sort((a, b) => a.width - b.width);
}
