/**
 * The folding-space widget's types: a small network trained live on XOR's corners, shown as the
 * input plane and as the plane its hidden layer makes (layer space), with the output neuron's
 * straight line drawn there.
 */
import type { ActivationName, LabConfig } from '../../../core/config';
import type { LessonSpeed } from './speed';

export interface FoldSpaceState {
  activation: ActivationName;
  epoch: number;
  /** Share of the training points on the right side (0–1), or null before the first measurement. */
  trainAccuracy: number | null;
}

export interface FoldSpacePreset {
  /** The network (two hidden neurons, so layer space is a plane) and its data. */
  config: LabConfig;
  /** Activations the learner may pick from; one entry hides the picker. */
  activationChoices: ActivationName[];
  /** The square [low, high]² whose grid lines layer space carries through the network. */
  view: [number, number];
  /** How fast it trains at first (speed.ts); absent: full speed. */
  speed?: LessonSpeed;
}
