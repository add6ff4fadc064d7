/**
 * The closing challenge's widget types and pure helpers: the smallest network that separates
 * the two-arm spiral to the target test accuracy, from x₁ and x₂ alone.
 */
import type { ActivationName, LabConfig } from '../../../core/config';
import { networkShape } from '../engine';
import type { CapstoneRecord } from '../progress';

export interface CapstoneState {
  /** Neurons per hidden layer, and their activation. */
  hidden: number[];
  activation: ActivationName;
  /** Hidden neurons in all, and weights and biases in all. */
  neurons: number;
  params: number;
  epoch: number;
  testAccuracy: number | null;
  /** The solution of the network shown, in its current run, or null (another network or a new start clears it). */
  solved: CapstoneRecord | null;
  /** The learner's smallest solution ever (kept with their progress), or null. */
  best: CapstoneRecord | null;
  /** The network and its newest weights, for "Open this in the Lab". */
  config: LabConfig;
  weights: Float64Array | null;
}

export interface CapstonePreset {
  /** The spiral network the challenge starts from. */
  config: LabConfig;
  /** Test accuracy that counts as solved (0–1). */
  target: number;
  activationChoices: ActivationName[];
  /** How many hidden layers the learner may use, and neurons per layer. */
  layerChoices: number[];
  sizeChoices: number[];
  learningRates: number[];
}

/** Hidden neurons in all. */
export function neuronCount(config: LabConfig): number {
  return config.network.hidden.reduce((sum, layer) => sum + layer.size, 0);
}

/** Weights and biases in all. */
export function paramCount(config: LabConfig): number {
  return networkShape(config).paramCount;
}

/** The record a network makes when it reaches the target (null when it has not). */
export function capstoneRecord(config: LabConfig, epoch: number, testAccuracy: number | null, target: number): CapstoneRecord | null {
  if (testAccuracy === null || testAccuracy < target || epoch <= 0 || config.network.hidden.length === 0) return null;
  return {
    neurons: neuronCount(config),
    params: paramCount(config),
    hidden: config.network.hidden.map((l) => l.size),
    activation: config.network.hidden[0].activation,
    testAccuracy,
    epoch,
  };
}

/** "2 layers of 3 and 3 sine neurons (25 weights and biases)". */
export function describeRecord(r: CapstoneRecord, label: (activation: string) => string): string {
  const layers = r.hidden.length === 1 ? '1 layer' : `${r.hidden.length} layers`;
  const sizes = r.hidden.length === 1 ? `${r.hidden[0]}` : `${r.hidden.slice(0, -1).join(', ')} and ${r.hidden.at(-1)}`;
  return `${r.neurons} neurons: ${layers} of ${sizes} ${label(r.activation).toLowerCase()} neurons (${r.params} weights and biases)`;
}

/**
 * Whether a record still describes the network on screen: the same layers, activation and
 * size, in the same run (a new network, a new random start or Start over begins again at
 * epoch 0, before the record's epoch). A "Solved" message shows only while it does.
 */
export function describesRun(r: CapstoneRecord, config: LabConfig, epoch: number): boolean {
  const hidden = config.network.hidden;
  return (
    epoch >= r.epoch &&
    hidden.length === r.hidden.length &&
    hidden.every((layer, l) => layer.size === r.hidden[l] && layer.activation === r.activation) &&
    paramCount(config) === r.params
  );
}
