/**
 * Starting configurations for the lessons' networks, built from the Lab's defaults so
 * "Open this in the Lab" hands over something the Lab understands.
 */
import {
  defaultConfig,
  type ActivationName,
  type DataPoint,
  type DatasetName,
  type LabConfig,
  type OutputActivationName,
} from '../../core/config';
import { networkShape } from './engine';
import type { LessonSpeed } from './widgets/speed';
import type { HandNetState, LabHandoff, NeuronState, TrainerControl, TrainerPreset } from './types';

export interface NetOptions {
  dataset: DatasetName;
  hidden: number[];
  activation: ActivationName;
  output?: OutputActivationName;
  learningRate?: number;
  noise?: number;
  seed?: number;
  points?: DataPoint[];
  size?: number;
  trainRatio?: number;
}

export function labConfig(o: NetOptions): LabConfig {
  const config = defaultConfig();
  const output = o.output ?? 'tanh';
  config.data.dataset = o.dataset;
  config.data.noise = o.noise ?? 0;
  config.data.points = o.points ?? [];
  config.data.size = o.size ?? config.data.size;
  config.data.trainRatio = o.trainRatio ?? config.data.trainRatio;
  config.network.hidden = o.hidden.map((size) => ({ size, activation: o.activation }));
  config.network.outputActivation = output;
  config.training.learningRate = o.learningRate ?? 0.03;
  config.training.loss = output === 'softmax' ? 'softmaxCrossEntropy' : output === 'sigmoid' ? 'binaryCrossEntropy' : 'halfSquared';
  config.seed = o.seed ?? 1;
  return config;
}

export interface TrainerOptions {
  controls?: TrainerControl[];
  activationChoices?: ActivationName[];
  datasetChoices?: DatasetName[];
  showCollapse?: boolean;
  raceTarget?: number | null;
  question?: TrainerPreset['question'];
  probePoints?: DataPoint[] | null;
  view?: [number, number] | null;
  speed?: LessonSpeed;
  epochBudget?: number;
  logLoss?: boolean;
  trainAfterPrediction?: boolean;
}

export function trainerPreset(config: LabConfig, o: TrainerOptions = {}): TrainerPreset {
  return {
    config,
    controls: o.controls ?? [],
    activationChoices: o.activationChoices ?? [],
    datasetChoices: o.datasetChoices ?? [],
    showCollapse: o.showCollapse ?? false,
    raceTarget: o.raceTarget ?? null,
    question: o.question ?? null,
    probePoints: o.probePoints ?? null,
    view: o.view ?? null,
    ...(o.speed === undefined ? {} : { speed: o.speed }),
    ...(o.epochBudget === undefined ? {} : { epochBudget: o.epochBudget }),
    ...(o.logLoss === undefined ? {} : { logLoss: o.logLoss }),
    ...(o.trainAfterPrediction === undefined ? {} : { trainAfterPrediction: o.trainAfterPrediction }),
  };
}

/** One neuron as a Lab network with no hidden layer, its weights put where the engine keeps them. */
export function neuronHandoff(s: NeuronState, points: DataPoint[]): LabHandoff {
  const config = labConfig({ dataset: 'custom', hidden: [], activation: 'tanh', points, trainRatio: 0.5 });
  const shape = networkShape(config);
  const params = new Float64Array(shape.paramCount);
  params[shape.weightIndex(0, 0, 0)] = s.w1;
  params[shape.weightIndex(0, 0, 1)] = s.w2;
  params[shape.biasIndex(0, 0)] = s.b;
  return { config, params };
}

/**
 * How steeply the Lab's sigmoid output follows the hand-set network's output y: the Lab gets
 * σ(k·(y − ½)), which is below ½ exactly where y is below ½ and close to 0 or 1 at y = 0 or 1.
 */
export const HAND_NET_SHARPNESS = 10;

/**
 * The hand-set XOR network (two ReLU units, output y = w·h + b, a 1 meaning "class 1") as a Lab
 * network. The Lab offers no plain linear output for two classes and splits a linear output
 * at 0, not at ½, so the network arrives with a sigmoid output of k·(y − ½): the same hidden
 * layer, output weights k·w and bias k·(b − ½), cross-entropy loss. It then gets right in the
 * Lab exactly the points it gets right in the lesson.
 */
export function handNetHandoff(s: HandNetState, points: DataPoint[]): LabHandoff {
  const k = HAND_NET_SHARPNESS;
  const config = labConfig({ dataset: 'custom', hidden: [2], activation: 'relu', output: 'sigmoid', points, trainRatio: 0.8 });
  const shape = networkShape(config);
  const params = new Float64Array(shape.paramCount);
  for (let unit = 0; unit < 2; unit++) {
    params[shape.weightIndex(0, unit, 0)] = s.W[unit * 2];
    params[shape.weightIndex(0, unit, 1)] = s.W[unit * 2 + 1];
    params[shape.biasIndex(0, unit)] = s.c[unit];
    params[shape.weightIndex(1, 0, unit)] = k * s.w[unit];
  }
  params[shape.biasIndex(1, 0)] = k * (s.b - 0.5);
  return { config, params };
}
