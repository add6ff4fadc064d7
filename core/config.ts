/**
 * The lab's configuration: everything needed to rebuild the same data, network and
 * training run from scratch. Shared by the engine, the protocol, the UI and project files.
 */

export const ACTIVATION_NAMES = [
  'identity',
  'relu',
  'leakyRelu',
  'elu',
  'softplus',
  'sigmoid',
  'tanh',
  'gelu',
  'swish',
  'sin',
  'cos',
  'drawn',
] as const;
/**
 * `drawn` is the learner's own piecewise-linear function: its knots are `network.drawn`
 * (DEFAULT_KNOTS when absent), shared by every hidden layer that uses it (core/engine/drawn.ts).
 */
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

export const OUTPUT_ACTIVATION_NAMES = ['identity', 'tanh', 'sigmoid', 'softmax'] as const;
export type OutputActivationName = (typeof OUTPUT_ACTIVATION_NAMES)[number];

export const LOSS_NAMES = ['halfSquared', 'binaryCrossEntropy', 'softmaxCrossEntropy'] as const;
export type LossName = (typeof LOSS_NAMES)[number];

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export const REGULARIZATION_NAMES = ['none', 'l1', 'l2'] as const;
export type RegularizationName = (typeof REGULARIZATION_NAMES)[number];

/**
 * How a fresh network's weights start (core/engine/init.ts). `large` and `equal` are there to
 * be seen failing: weights too big to train (saturation) and weights that keep every neuron of
 * a layer a clone of the others (symmetry).
 */
export const INITIALIZER_NAMES = ['playground', 'glorot', 'he', 'large', 'equal'] as const;
export type InitializerName = (typeof INITIALIZER_NAMES)[number];

export const FEATURE_NAMES = ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2', 'cosX1', 'cosX2'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export const DATASET_NAMES = [
  'circle',
  'xor',
  'gaussian',
  'spiral',
  'moons',
  'checkerboard',
  'spiral3',
  'blobs3',
  'plane',
  'multiGaussian',
  'custom',
] as const;
/**
 * Data sets whose inputs are their own columns (four flower measurements, 784 pixels) rather
 * than features of a 2-D point; a config naming one ignores `features`. Kept apart from
 * DATASET_NAMES so the Lab's 2-D picker does not list them.
 */
export const TABLE_DATASET_NAMES = ['iris', 'digits'] as const;
export type TableDatasetName = (typeof TABLE_DATASET_NAMES)[number];
/**
 * Curve-fitting sets: one input x in [−6, 6] and a real target y (regression). Their points
 * keep x in `x1`, 0 in `x2` and y in `label`; the network's one input is x (`features` is
 * ignored). `ownCurve` is the learner's own points, taken from `data.points`. Kept apart from
 * DATASET_NAMES so the Lab's 2-D picker does not list them.
 */
export const CURVE_DATASET_NAMES = ['sine', 'step', 'absolute', 'parabola', 'noisyLine', 'ownCurve'] as const;
export type CurveDatasetName = (typeof CURVE_DATASET_NAMES)[number];
export type DatasetName = (typeof DATASET_NAMES)[number] | TableDatasetName | CurveDatasetName;

export type ProblemType = 'classification' | 'regression';

/** One data point in the 2-D input plane; `label` is a class index (0, 1, 2…) or a real target. */
export interface DataPoint {
  x1: number;
  x2: number;
  label: number;
}

export interface DataSpec {
  dataset: DatasetName;
  /** Noise in percent, 0–50, as the Playground's slider. */
  noise: number;
  /** Share of the points used for training, 0.1–0.9. */
  trainRatio: number;
  /** Number of points generated (ignored for `custom`). */
  size: number;
  /** The learner's own points, used when `dataset` is `custom`. */
  points: DataPoint[];
  /** For `custom`: classification or regression. Generated sets know their own. */
  problem: ProblemType;
}

export interface LayerSpec {
  size: number;
  activation: ActivationName;
}

/** One knot of a drawn activation: the function passes through (x, y). */
export interface Knot {
  x: number;
  y: number;
}

export interface NetworkConfig {
  hidden: LayerSpec[];
  outputActivation: OutputActivationName;
  /**
   * The knots of the drawn activation (5–9, x strictly increasing), used by every hidden layer
   * whose activation is `drawn`; absent means DEFAULT_KNOTS (a straight line, y = x). Kept
   * while no layer uses it, so the learner's drawing survives switching away and back.
   */
  drawn?: Knot[];
}

export interface TrainingSettings {
  learningRate: number;
  batchSize: number;
  loss: LossName;
  optimizer: OptimizerName;
  regularization: RegularizationName;
  regularizationRate: number;
  initializer: InitializerName;
}

export interface LabConfig {
  data: DataSpec;
  features: FeatureName[];
  network: NetworkConfig;
  training: TrainingSettings;
  /** Seeds data generation, the train/test split, initial weights and batch order. */
  seed: number;
}

/** The Playground's learning rates, offered as presets. */
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

export const LIMITS = {
  maxHiddenLayers: 8,
  maxNeuronsPerLayer: 16,
  maxBatchSize: 100,
  maxPoints: 5000,
  /** Table data sets (iris, digits): widest hidden layer and most rows used. */
  maxTableNeurons: 256,
  maxTableRows: 10000,
} as const;

/** The Playground's defaults: circle, x1 and x2, two hidden tanh layers of 4 and 2. */
export function defaultConfig(): LabConfig {
  return {
    data: {
      dataset: 'circle',
      noise: 0,
      trainRatio: 0.5,
      size: 500,
      points: [],
      problem: 'classification',
    },
    features: ['x1', 'x2'],
    network: {
      hidden: [
        { size: 4, activation: 'tanh' },
        { size: 2, activation: 'tanh' },
      ],
      outputActivation: 'tanh',
    },
    training: {
      learningRate: 0.03,
      batchSize: 10,
      loss: 'halfSquared',
      optimizer: 'sgd',
      regularization: 'none',
      regularizationRate: 0,
      initializer: 'playground',
    },
    seed: 1,
  };
}
