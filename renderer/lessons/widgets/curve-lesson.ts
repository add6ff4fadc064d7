/**
 * The curve widget's network settings as pure functions: a curve set's configuration kept
 * consistent (linear output, squared error, own points to start from), and a preset's
 * starting configuration.
 */
import { defaultConfig, type ActivationName, type CurveDatasetName, type LabConfig } from '../../../core/config';
import { startingCurvePoints, usableCurvePoints } from '../../lab/curve-points';

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
