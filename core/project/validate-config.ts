/**
 * Checks a LabConfig read from a file, field by field, against the names and limits in
 * core/config.ts, and rebuilds it from the checked values only (unknown fields are dropped).
 * Then the engine's own rules (core/engine/validate.ts) decide whether the settings work
 * together, so a file that loads here also configures the engine.
 */
import {
  ACTIVATION_NAMES,
  DATASET_NAMES,
  FEATURE_NAMES,
  INITIALIZER_NAMES,
  LIMITS,
  LOSS_NAMES,
  OPTIMIZER_NAMES,
  OUTPUT_ACTIVATION_NAMES,
  REGULARIZATION_NAMES,
  TABLE_DATASET_NAMES,
  CURVE_DATASET_NAMES,
  type DataPoint,
  type DataSpec,
  type DatasetName,
  type FeatureName,
  type Knot,
  type LabConfig,
  type LayerSpec,
  type NetworkConfig,
  type ProblemType,
  type TrainingSettings,
} from '../config';
import { checkConfig } from '../engine';
import { checkTrainingFor } from '../engine/validate';
import { CURVE_DOMAIN } from '../engine/curve-data';
import { checkKnots, KNOT_RANGE, MAX_KNOTS, MIN_KNOTS } from '../engine/drawn';
import { isTableDataset } from '../tabular/info';
import { fail, field, finite, integerIn, list, numberIn, oneOf, record } from './read';

const PROBLEMS: readonly ProblemType[] = ['classification', 'regression'];
const ALL_DATASETS: readonly DatasetName[] = [...DATASET_NAMES, ...TABLE_DATASET_NAMES, ...CURVE_DATASET_NAMES];
/** Seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;
export const MAX_LEARNING_RATE = 10;
export const MAX_REGULARIZATION_RATE = 10;
/** Coordinates and regression targets of the learner's own points (as the engine allows). */
export const MAX_POINT_VALUE = 1e6;
/** The learner's own classes are 0, 1 and 2 (as the engine allows). */
export const MAX_CLASS_LABEL = 2;

/** One of the learner's own curve points: x (in x1) within the curve range, x2 = 0, any target y. */
function readCurvePoint(value: unknown, where: string): DataPoint {
  const raw = record(value, where);
  const x1 = numberIn(field(raw, 'x1', where), `${where}.x1`, -CURVE_DOMAIN, CURVE_DOMAIN);
  const x2 = finite(field(raw, 'x2', where), `${where}.x2`);
  if (x2 !== 0) fail(`"${where}.x2" is ${x2}, but a curve point keeps its x in x1 and 0 in x2.`);
  const label = numberIn(field(raw, 'label', where), `${where}.label`, -MAX_POINT_VALUE, MAX_POINT_VALUE);
  return { x1, x2, label };
}

function readPoint(value: unknown, where: string, problem: ProblemType): DataPoint {
  const raw = record(value, where);
  const x1 = numberIn(field(raw, 'x1', where), `${where}.x1`, -MAX_POINT_VALUE, MAX_POINT_VALUE);
  const x2 = numberIn(field(raw, 'x2', where), `${where}.x2`, -MAX_POINT_VALUE, MAX_POINT_VALUE);
  const label =
    problem === 'classification'
      ? integerIn(field(raw, 'label', where), `${where}.label`, 0, MAX_CLASS_LABEL)
      : numberIn(field(raw, 'label', where), `${where}.label`, -MAX_POINT_VALUE, MAX_POINT_VALUE);
  return { x1, x2, label };
}

function readData(value: unknown): DataSpec {
  const where = 'config.data';
  const raw = record(value, where);
  const dataset = oneOf(field(raw, 'dataset', where), `${where}.dataset`, ALL_DATASETS);
  const maxSize = isTableDataset(dataset) ? LIMITS.maxTableRows : LIMITS.maxPoints;
  const noise = numberIn(field(raw, 'noise', where), `${where}.noise`, 0, 50);
  const trainRatio = numberIn(field(raw, 'trainRatio', where), `${where}.trainRatio`, 0.1, 0.9);
  const size = integerIn(field(raw, 'size', where), `${where}.size`, 2, maxSize);
  const problem = oneOf(field(raw, 'problem', where), `${where}.problem`, PROBLEMS);
  const rawPoints = list(field(raw, 'points', where), `${where}.points`, LIMITS.maxPoints);
  const points = rawPoints.map((point, i) =>
    dataset === 'ownCurve' ? readCurvePoint(point, `${where}.points[${i}]`) : readPoint(point, `${where}.points[${i}]`, problem),
  );
  return { dataset, noise, trainRatio, size, points, problem };
}

export function readFeatures(value: unknown, where = 'config.features'): FeatureName[] {
  const raw = list(value, where, FEATURE_NAMES.length);
  if (raw.length === 0) fail(`"${where}" is empty; the network needs at least one input.`);
  const features = raw.map((name, i) => oneOf(name, `${where}[${i}]`, FEATURE_NAMES));
  if (new Set(features).size !== features.length) fail(`"${where}" names the same input twice.`);
  return features;
}

export function readLayer(value: unknown, where: string, widest: number): LayerSpec {
  const raw = record(value, where);
  return {
    size: integerIn(field(raw, 'size', where), `${where}.size`, 1, widest),
    activation: oneOf(field(raw, 'activation', where), `${where}.activation`, ACTIVATION_NAMES),
  };
}

function readNetwork(value: unknown, widest: number): NetworkConfig {
  const where = 'config.network';
  const raw = record(value, where);
  const hidden = list(field(raw, 'hidden', where), `${where}.hidden`, LIMITS.maxHiddenLayers).map((layer, i) =>
    readLayer(layer, `${where}.hidden[${i}]`, widest),
  );
  const outputActivation = oneOf(field(raw, 'outputActivation', where), `${where}.outputActivation`, OUTPUT_ACTIVATION_NAMES);
  if (!Object.prototype.hasOwnProperty.call(raw, 'drawn')) return { hidden, outputActivation };
  return { hidden, outputActivation, drawn: readKnots(raw.drawn, `${where}.drawn`) };
}

/** The drawn activation's knots: 5–9 of { x, y }, left to right (the engine's checkKnots decides the rest). */
function readKnots(value: unknown, where: string): Knot[] {
  const raw = list(value, where, MAX_KNOTS);
  if (raw.length < MIN_KNOTS) fail(`"${where}" has ${raw.length} knots; a drawn activation needs from ${MIN_KNOTS} to ${MAX_KNOTS}.`);
  const knots = raw.map((knot, i) => {
    const at = `${where}[${i}]`;
    const k = record(knot, at);
    return {
      x: numberIn(field(k, 'x', at), `${at}.x`, -KNOT_RANGE, KNOT_RANGE),
      y: numberIn(field(k, 'y', at), `${at}.y`, -KNOT_RANGE, KNOT_RANGE),
    };
  });
  const problem = checkKnots(knots);
  if (problem) fail(`"${where}" is not a drawable function. ${problem}`);
  return knots;
}

function readTraining(value: unknown): TrainingSettings {
  const where = 'config.training';
  const raw = record(value, where);
  const learningRate = numberIn(field(raw, 'learningRate', where), `${where}.learningRate`, 0, MAX_LEARNING_RATE);
  if (learningRate === 0) fail(`"${where}.learningRate" is 0; it must be above 0 or the network never learns.`);
  return {
    learningRate,
    batchSize: integerIn(field(raw, 'batchSize', where), `${where}.batchSize`, 1, LIMITS.maxBatchSize),
    loss: oneOf(field(raw, 'loss', where), `${where}.loss`, LOSS_NAMES),
    optimizer: oneOf(field(raw, 'optimizer', where), `${where}.optimizer`, OPTIMIZER_NAMES),
    regularization: oneOf(field(raw, 'regularization', where), `${where}.regularization`, REGULARIZATION_NAMES),
    regularizationRate: numberIn(field(raw, 'regularizationRate', where), `${where}.regularizationRate`, 0, MAX_REGULARIZATION_RATE),
    initializer: oneOf(field(raw, 'initializer', where), `${where}.initializer`, INITIALIZER_NAMES),
  };
}

/** The whole configuration, checked and copied; throws `Invalid` with a sentence. */
export function readConfig(value: unknown): LabConfig {
  const raw = record(value, 'config');
  const data = readData(field(raw, 'data', 'config'));
  const widest = isTableDataset(data.dataset) ? LIMITS.maxTableNeurons : LIMITS.maxNeuronsPerLayer;
  const config: LabConfig = {
    data,
    features: readFeatures(field(raw, 'features', 'config')),
    network: readNetwork(field(raw, 'network', 'config'), widest),
    training: readTraining(field(raw, 'training', 'config')),
    seed: integerIn(field(raw, 'seed', 'config'), 'config.seed', 0, MAX_SEED),
  };
  // Table sets are checked without their rows, which may not be loaded in this process yet.
  const problem = isTableDataset(data.dataset) ? checkTrainingFor(config, config.training) : checkConfig(config);
  if (problem) fail(`its settings do not work together. ${problem}`);
  return config;
}
