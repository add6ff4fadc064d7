/**
 * A teacher's challenge, kept in a project file as its optional `challenge` field: a goal to
 * reach on the test data and limits on the network that may reach it. The rules that use
 * these (is the goal met, which change breaks a limit) are in core/challenge/.
 */
import { ACTIVATION_NAMES, LIMITS, type ActivationName, type FeatureName, type LayerSpec } from '../config';

/** What the goal measures: the share of test points classified right, or the loss on them. */
export const CHALLENGE_METRICS = ['testAccuracy', 'testLoss'] as const;
export type ChallengeMetric = (typeof CHALLENGE_METRICS)[number];

export interface ChallengeGoal {
  metric: ChallengeMetric;
  /** testAccuracy: at least this share, above 0 and at most 1. testLoss: at most this loss, above 0. */
  target: number;
}

export interface ChallengeLimits {
  /** Most hidden layers (0–8); absent, any number. */
  maxLayers?: number;
  /** Most neurons in all hidden layers together (1–MAX_CHALLENGE_NEURONS); absent, any number. */
  maxNeurons?: number;
  /** The activations the hidden layers may use (one or more, no repeats); absent, any. */
  activations?: ActivationName[];
  /** The data (data set, noise, training share, size, points, seed) stays as the file has it. */
  lockData: boolean;
  /** The network's inputs (`config.features`) stay as the file has them. */
  lockFeatures: boolean;
}

/** When and how the goal was first met. */
export interface ChallengeSolution {
  /** The epoch at which the goal was met. */
  epoch: number;
  /** The goal's measure at that epoch (an accuracy 0–1, or a loss). */
  value: number;
  /** The hidden layers of the network that met it. */
  hidden: LayerSpec[];
  /** The inputs of the network that met it. */
  features: FeatureName[];
  /** ISO 8601 time it was met. */
  solvedAt: string;
}

export interface Challenge {
  /** The teacher's words to the learner (may be empty), at most MAX_CHALLENGE_NOTE characters. */
  note: string;
  goal: ChallengeGoal;
  limits: ChallengeLimits;
  /** Null until the goal is met within the limits. */
  solved: ChallengeSolution | null;
}

export const MAX_CHALLENGE_NOTE = 500;
/** Loss targets stay below this; far above any loss a project's data gives. */
export const MAX_CHALLENGE_LOSS = 1e6;
/** Every hidden layer of a table network at its widest. */
export const MAX_CHALLENGE_NEURONS = LIMITS.maxHiddenLayers * LIMITS.maxTableNeurons;
export const MAX_CHALLENGE_ACTIVATIONS = ACTIVATION_NAMES.length;

/** The challenge with its fields in the order files write them, whatever order they were set in. */
export function canonicalChallenge(challenge: Challenge): Challenge {
  const { limits, goal, solved } = challenge;
  const ordered: ChallengeLimits = {
    ...(limits.maxLayers !== undefined ? { maxLayers: limits.maxLayers } : {}),
    ...(limits.maxNeurons !== undefined ? { maxNeurons: limits.maxNeurons } : {}),
    ...(limits.activations !== undefined ? { activations: [...limits.activations] } : {}),
    lockData: limits.lockData,
    lockFeatures: limits.lockFeatures,
  };
  return {
    note: challenge.note,
    goal: { metric: goal.metric, target: goal.target },
    limits: ordered,
    solved:
      solved === null
        ? null
        : {
            epoch: solved.epoch,
            value: solved.value,
            hidden: solved.hidden.map((layer) => ({ size: layer.size, activation: layer.activation })),
            features: [...solved.features],
            solvedAt: solved.solvedAt,
          },
  };
}
