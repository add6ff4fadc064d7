/**
 * Edits of the Lab's configuration as pure functions: each takes a configuration and returns
 * a new one, keeping the network's output activation and loss consistent with the problem.
 */
import {
  LIMITS,
  type ActivationName,
  type DatasetName,
  type FeatureName,
  type Knot,
  type LabConfig,
  type LossName,
  type OutputActivationName,
  type ProblemType,
} from '../../core/config';
import { DATASET_INFO, isCurveDataset } from '../../core/engine';
import { startingCurvePoints, usableCurvePoints } from './curve-points';

function clone(config: LabConfig): LabConfig {
  return structuredClone(config);
}

/** The problem and number of classes the configuration's data has. */
export function problemOf(config: LabConfig): { problem: ProblemType; classes: number } {
  if (config.data.dataset !== 'custom') {
    const info = DATASET_INFO[config.data.dataset];
    return { problem: info.problem, classes: info.classes };
  }
  if (config.data.problem === 'regression') return { problem: 'regression', classes: 1 };
  const top = config.data.points.reduce((m, p) => Math.max(m, p.label), 1);
  return { problem: 'classification', classes: top + 1 };
}

/** Output activations that make sense for a problem. */
export function outputChoices(problem: ProblemType, classes: number): OutputActivationName[] {
  if (problem === 'regression') return ['identity', 'tanh'];
  if (classes > 2) return ['softmax'];
  return ['tanh', 'sigmoid', 'softmax'];
}

/** Losses that fit an output activation. */
export function lossChoices(output: OutputActivationName): LossName[] {
  switch (output) {
    case 'softmax':
      return ['softmaxCrossEntropy'];
    case 'sigmoid':
      return ['binaryCrossEntropy', 'halfSquared'];
    case 'tanh':
      return ['halfSquared', 'binaryCrossEntropy'];
    case 'identity':
      return ['halfSquared'];
  }
}

/** Makes output activation and loss fit the data, changing them only when they do not. */
export function harmonize(config: LabConfig): LabConfig {
  const next = clone(config);
  const { problem, classes } = problemOf(next);
  const outputs = outputChoices(problem, classes);
  if (!outputs.includes(next.network.outputActivation)) next.network.outputActivation = outputs[0];
  const losses = lossChoices(next.network.outputActivation);
  if (!losses.includes(next.training.loss)) next.training.loss = losses[0];
  return next;
}

/**
 * Picks a data set; when the kind of problem changes, the output takes that problem's usual
 * activation. A curve set always gets a linear output (its curve is then exactly the sum of
 * the neurons' contributions and the bias), and one's own curve starts from a few points of
 * the curve on show when there are no curve points to keep.
 */
export function setDataset(config: LabConfig, dataset: DatasetName): LabConfig {
  const before = problemOf(config);
  const next = clone(config);
  next.data.dataset = dataset;
  if (dataset !== 'custom') next.data.problem = DATASET_INFO[dataset].problem;
  const after = problemOf(next);
  if (after.problem !== before.problem || after.classes > 2 !== before.classes > 2) {
    next.network.outputActivation = outputChoices(after.problem, after.classes)[0];
  }
  if (isCurveDataset(dataset) && !isCurveDataset(config.data.dataset)) next.network.outputActivation = 'identity';
  if (dataset === 'ownCurve' && !usableCurvePoints(next.data.points)) next.data.points = startingCurvePoints(config);
  return harmonize(next);
}

/** Problem type of the learner's own points (generated sets know theirs). */
export function setProblem(config: LabConfig, problem: ProblemType): LabConfig {
  const next = clone(config);
  const changed = next.data.problem !== problem;
  next.data.problem = problem;
  if (changed) next.network.outputActivation = outputChoices(problem, problemOf(next).classes)[0];
  if (problem === 'regression') next.data.points = next.data.points.map((p) => ({ ...p, label: p.label >= 1 ? 1 : -1 }));
  else next.data.points = next.data.points.map((p) => ({ ...p, label: p.label > 0 ? 1 : 0 }));
  return harmonize(next);
}

export function toggleFeature(config: LabConfig, feature: FeatureName): LabConfig {
  const next = clone(config);
  const on = next.features.includes(feature);
  if (on && next.features.length === 1) return next; // the network needs at least one input
  next.features = on ? next.features.filter((f) => f !== feature) : [...next.features, feature];
  return next;
}

export function addLayer(config: LabConfig): LabConfig {
  const next = clone(config);
  if (next.network.hidden.length >= LIMITS.maxHiddenLayers) return next;
  const last = next.network.hidden[next.network.hidden.length - 1];
  next.network.hidden.push({ size: last?.size ?? 4, activation: last?.activation ?? 'tanh' });
  return next;
}

export function removeLayer(config: LabConfig): LabConfig {
  const next = clone(config);
  next.network.hidden.pop();
  return next;
}

export function setNeurons(config: LabConfig, layer: number, size: number): LabConfig {
  const next = clone(config);
  const spec = next.network.hidden[layer];
  if (spec) spec.size = Math.max(1, Math.min(LIMITS.maxNeuronsPerLayer, Math.round(size)));
  return next;
}

export function setActivation(config: LabConfig, layer: number, activation: ActivationName): LabConfig {
  const next = clone(config);
  const spec = next.network.hidden[layer];
  if (spec) spec.activation = activation;
  return next;
}

export function setAllActivations(config: LabConfig, activation: ActivationName): LabConfig {
  const next = clone(config);
  for (const spec of next.network.hidden) spec.activation = activation;
  return next;
}

/**
 * The drawn activation's knots (used by every hidden layer set to "Draw your own"). With
 * `useIn`, that layer (or, when it is 'all', every hidden layer) switches to it as well.
 */
export function setDrawn(config: LabConfig, knots: readonly Knot[], useIn?: number | 'all'): LabConfig {
  const next = clone(config);
  next.network.drawn = knots.map((k) => ({ x: k.x, y: k.y }));
  if (useIn === 'all') for (const spec of next.network.hidden) spec.activation = 'drawn';
  else if (useIn !== undefined && next.network.hidden[useIn]) next.network.hidden[useIn].activation = 'drawn';
  return next;
}

export function setOutputActivation(config: LabConfig, output: OutputActivationName): LabConfig {
  const next = clone(config);
  next.network.outputActivation = output;
  return harmonize(next);
}
