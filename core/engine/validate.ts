/**
 * Deep checks of a configuration arriving from outside (the UI, a project file). Each check
 * returns null when all is well, or one plain sentence saying what is wrong.
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
  type DataPoint,
  type LabConfig,
  type OutputActivationName,
  type ProblemType,
  type TableDatasetName,
  type TrainingSettings,
} from '../config';
import { dataKind } from './data';
import { checkPassWork } from './work';
import { CURVE_DOMAIN, isCurveDataset } from './curve-data';
import { checkKnots } from './drawn';
import { isTableDataset } from '../tabular/info';
import { notLoadedMessage, tableFor } from '../tabular/table';

type Problem = string | null;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf(list: readonly string[], v: unknown): boolean {
  return typeof v === 'string' && list.includes(v);
}

function inRange(v: unknown, low: number, high: number): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= low && v <= high;
}

function intInRange(v: unknown, low: number, high: number): v is number {
  return Number.isInteger(v) && (v as number) >= low && (v as number) <= high;
}

const MAX_LEARNING_RATE = 10;
const MAX_REGULARIZATION_RATE = 10;
/** Highest class label a custom data set may use (three classes: 0, 1, 2). */
const MAX_CUSTOM_CLASS = 2;

/** Table sets (iris, digits): loaded, and a sensible number of rows. */
function checkTableData(data: Record<string, unknown>): Problem {
  const name = data.dataset as TableDatasetName;
  if (!inRange(data.trainRatio, 0.1, 0.9)) return 'The training share must be between 0.1 and 0.9.';
  if (!intInRange(data.size, 2, LIMITS.maxTableRows))
    return `The number of examples must be a whole number from 2 to ${LIMITS.maxTableRows}.`;
  const table = tableFor(name);
  if (table === null) return notLoadedMessage(name);
  return checkSplit(Math.min(table.rows, data.size), data.trainRatio, 'examples');
}

function checkData(data: unknown): Problem {
  if (!isRecord(data)) return 'The data settings are missing.';
  if (isTableDataset(data.dataset)) return checkTableData(data);
  if (!oneOf(DATASET_NAMES, data.dataset) && !isCurveDataset(data.dataset))
    return `There is no data set called ${JSON.stringify(data.dataset)}.`;
  if (!inRange(data.noise, 0, 50)) return 'Noise must be a number from 0 to 50.';
  if (!inRange(data.trainRatio, 0.1, 0.9)) return 'The training share must be between 0.1 and 0.9.';
  if (!intInRange(data.size, 2, LIMITS.maxPoints)) return `The number of points must be a whole number from 2 to ${LIMITS.maxPoints}.`;
  if (data.problem !== 'classification' && data.problem !== 'regression') return 'The problem must be classification or regression.';
  if (!Array.isArray(data.points)) return 'The list of your own points is missing.';
  if (data.points.length > LIMITS.maxPoints) return `At most ${LIMITS.maxPoints} points of your own fit in one data set.`;
  for (const p of data.points as unknown[]) {
    if (!isRecord(p) || !inRange(p.x1, -1e6, 1e6) || !inRange(p.x2, -1e6, 1e6) || !inRange(p.label, -1e6, 1e6)) {
      return 'Each of your points needs finite numbers x1, x2 and label.';
    }
    if (data.dataset === 'custom' && data.problem === 'classification' && !intInRange(p.label, 0, MAX_CUSTOM_CLASS)) {
      return 'For classification, each point of your own needs a class of 0, 1 or 2.';
    }
  }
  const own = data.dataset === 'custom' || data.dataset === 'ownCurve';
  if (own && data.points.length < 2) return 'Add at least two points of your own before training.';
  if (data.dataset === 'ownCurve') {
    const curveProblem = checkCurvePoints(data.points as DataPoint[]);
    if (curveProblem) return curveProblem;
  }
  return checkSplit(own ? data.points.length : (data.size as number), data.trainRatio as number, 'points');
}

/** The learner's own curve points: x within the plotted range, x2 unused (0). */
function checkCurvePoints(points: readonly DataPoint[]): Problem {
  for (const p of points) {
    if (p.x2 !== 0 || Math.abs(p.x1) > CURVE_DOMAIN) {
      return `Each of your curve points needs an x from −${CURVE_DOMAIN} to ${CURVE_DOMAIN} (kept in x1) and x2 = 0.`;
    }
  }
  return null;
}

/**
 * Both sets must hold at least one example: the points are split by rounding
 * count × trainRatio (data.ts, table-split.ts), so two points at a 10 % share leave nothing
 * to train on, and two at 90 % nothing to test on.
 */
export function checkSplit(count: number, trainRatio: number, noun: 'points' | 'examples'): Problem {
  const train = Math.round(count * trainRatio);
  const share = `${Math.round(trainRatio * 100)} %`;
  if (train === 0)
    return `With ${count} ${noun} and a training share of ${share}, no example is left to train on: add more ${noun} or raise the training share.`;
  if (train === count)
    return `With ${count} ${noun} and a training share of ${share}, no example is left to test on: add more ${noun} or lower the training share.`;
  return null;
}

function checkCombination(problem: ProblemType, output: OutputActivationName, loss: string): Problem {
  if (problem === 'regression') {
    if (output === 'softmax') return 'Softmax picks between classes; for a regression data set choose a linear, tanh or sigmoid output.';
    if (loss !== 'halfSquared') return 'Cross-entropy compares class probabilities; for a regression data set use squared error.';
    return null;
  }
  if (loss === 'binaryCrossEntropy' && output !== 'sigmoid' && output !== 'tanh') {
    return 'Binary cross-entropy needs outputs between 0 and 1: choose a sigmoid (or tanh) output.';
  }
  if (loss === 'softmaxCrossEntropy' && output !== 'softmax') return 'Softmax cross-entropy needs a softmax output layer.';
  return null;
}

/** Checks every field of a partial set of training settings that is present. */
export function checkTraining(training: Record<string, unknown>): Problem {
  const t = training;
  if ('learningRate' in t && !(inRange(t.learningRate, 0, MAX_LEARNING_RATE) && (t.learningRate as number) > 0)) {
    return `The learning rate must be above 0 and at most ${MAX_LEARNING_RATE}.`;
  }
  if ('batchSize' in t && !intInRange(t.batchSize, 1, LIMITS.maxBatchSize))
    return `The batch size must be a whole number from 1 to ${LIMITS.maxBatchSize}.`;
  if ('loss' in t && !oneOf(LOSS_NAMES, t.loss)) return `There is no loss called ${JSON.stringify(t.loss)}.`;
  if ('optimizer' in t && !oneOf(OPTIMIZER_NAMES, t.optimizer)) return `There is no optimizer called ${JSON.stringify(t.optimizer)}.`;
  if ('regularization' in t && !oneOf(REGULARIZATION_NAMES, t.regularization)) return 'Regularization must be none, L1 or L2.';
  if ('regularizationRate' in t && !inRange(t.regularizationRate, 0, MAX_REGULARIZATION_RATE)) {
    return `The regularization rate must be from 0 to ${MAX_REGULARIZATION_RATE}.`;
  }
  if ('initializer' in t && !oneOf(INITIALIZER_NAMES, t.initializer))
    return `There is no initializer called ${JSON.stringify(t.initializer)}.`;
  return null;
}

const TRAINING_KEYS: (keyof TrainingSettings)[] = [
  'learningRate',
  'batchSize',
  'loss',
  'optimizer',
  'regularization',
  'regularizationRate',
  'initializer',
];

/** Checks a whole configuration. */
export function checkConfig(config: unknown): Problem {
  if (!isRecord(config)) return 'The configuration must be an object.';
  const dataProblem = checkData(config.data);
  if (dataProblem) return dataProblem;
  const features = config.features;
  if (!Array.isArray(features) || features.length === 0) return 'Turn on at least one input feature.';
  for (const f of features) if (!oneOf(FEATURE_NAMES, f)) return `There is no input feature called ${JSON.stringify(f)}.`;
  if (new Set(features).size !== features.length) return 'Each input feature can be used only once.';
  const network = config.network;
  if (!isRecord(network) || !Array.isArray(network.hidden)) return 'The network settings are missing.';
  if (network.hidden.length > LIMITS.maxHiddenLayers) return `A network can have at most ${LIMITS.maxHiddenLayers} hidden layers.`;
  const widest = isTableDataset((config.data as Record<string, unknown>).dataset) ? LIMITS.maxTableNeurons : LIMITS.maxNeuronsPerLayer;
  for (const layer of network.hidden as unknown[]) {
    if (!isRecord(layer) || !intInRange(layer.size, 1, widest)) {
      return `Each hidden layer needs from 1 to ${widest} neurons.`;
    }
    if (!oneOf(ACTIVATION_NAMES, layer.activation)) return `There is no activation called ${JSON.stringify(layer.activation)}.`;
  }
  if (network.drawn !== undefined) {
    const knotProblem = checkKnots(network.drawn);
    if (knotProblem) return knotProblem;
  }
  if (!oneOf(OUTPUT_ACTIVATION_NAMES, network.outputActivation))
    return `There is no output activation called ${JSON.stringify(network.outputActivation)}.`;
  const training = config.training;
  if (!isRecord(training)) return 'The training settings are missing.';
  for (const key of TRAINING_KEYS) if (!(key in training)) return `The training settings need a ${key}.`;
  const trainingProblem = checkTraining(training);
  if (trainingProblem) return trainingProblem;
  if (!Number.isInteger(config.seed) || (config.seed as number) < 0 || (config.seed as number) > 0xffffffff) {
    return 'The seed must be a whole number from 0 to 4294967295.';
  }
  const valid = config as unknown as LabConfig;
  const combination = checkCombination(dataKind(valid.data).problem, valid.network.outputActivation, valid.training.loss);
  if (combination !== null) return combination;
  const dataset = valid.data.dataset;
  return dataset === 'iris' || dataset === 'digits' ? checkPassWork({ ...valid, data: { ...valid.data, dataset } }) : null;
}

/** Checks that new training settings fit the configured network and data. */
export function checkTrainingFor(config: LabConfig, training: TrainingSettings): Problem {
  return checkCombination(dataKind(config.data).problem, config.network.outputActivation, training.loss);
}
