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

/**
 * Points along each grid line in layer space. The Lab's 32 drew tanh's bend as a few straight
 * pieces meeting at visible corners (13° each), so it read as a crease; at 160 no piece turns
 * more than about 3° from the one before, and the bend is drawn as the curve it is.
 */
export const FOLD_SAMPLES = 160;

/** The close-up shows a square this many times narrower than layer space's picture, around its sharpest bend. */
export const CLOSE_UP = 3;
