/**
 * Checks a project's optional `challenge` field and rebuilds it from checked values only.
 * A limit the saved network already breaks is NOT refused here: the file opens, and the Lab
 * shows which limits the network breaks (core/challenge/rules.ts), so a challenge can never
 * lock a learner out of their own work. What is refused is a challenge that makes no sense
 * (an accuracy goal for data that has no classes, a limit of no neurons, no activations).
 */
import { ACTIVATION_NAMES, LIMITS, type ActivationName, type LabConfig } from '../config';
import { DATASET_INFO } from '../engine';
import { isTableDataset } from '../tabular/info';
import {
  CHALLENGE_METRICS,
  MAX_CHALLENGE_ACTIVATIONS,
  MAX_CHALLENGE_LOSS,
  MAX_CHALLENGE_NEURONS,
  MAX_CHALLENGE_NOTE,
  type Challenge,
  type ChallengeGoal,
  type ChallengeLimits,
  type ChallengeSolution,
} from './challenge';
import { bool, fail, field, integerIn, isoTime, list, numberIn, oneOf, record, text, type Json } from './read';
import { readFeatures, readLayer } from './validate-config';

/** Whether the project's data is a regression (a number to predict), which has no accuracy. */
export function isRegression(config: LabConfig): boolean {
  const dataset = config.data.dataset;
  return dataset === 'custom' ? config.data.problem === 'regression' : DATASET_INFO[dataset].problem === 'regression';
}

function readGoal(value: unknown, config: LabConfig): ChallengeGoal {
  const where = 'challenge.goal';
  const raw = record(value, where);
  const metric = oneOf(field(raw, 'metric', where), `${where}.metric`, CHALLENGE_METRICS);
  if (metric === 'testAccuracy') {
    if (isRegression(config)) {
      fail(
        `"${where}.metric" asks for a test accuracy, but this project's data is a regression (a number to predict), which has no accuracy. ` +
          'Use "testLoss" instead.',
      );
    }
    const target = numberIn(field(raw, 'target', where), `${where}.target`, 0, 1);
    if (target === 0) fail(`"${where}.target" is 0, which any network reaches before training; give a share above 0, such as 0.95.`);
    return { metric, target };
  }
  const target = numberIn(field(raw, 'target', where), `${where}.target`, 0, MAX_CHALLENGE_LOSS);
  if (target === 0) fail(`"${where}.target" is 0, a loss no network reaches on noisy data; give a loss above 0, such as 0.05.`);
  return { metric, target };
}

function readActivations(value: unknown): ActivationName[] {
  const where = 'challenge.limits.activations';
  const raw = list(value, where, MAX_CHALLENGE_ACTIVATIONS);
  if (raw.length === 0) fail(`"${where}" is empty, so no hidden layer could have an activation; list at least one, or leave it out.`);
  const names = raw.map((name, i) => oneOf(name, `${where}[${i}]`, ACTIVATION_NAMES));
  if (new Set(names).size !== names.length) fail(`"${where}" names the same activation twice.`);
  return names;
}

function readLimits(value: unknown): ChallengeLimits {
  const where = 'challenge.limits';
  const raw = record(value, where);
  // In the order files write them (canonicalChallenge), so a read challenge writes back the same text.
  const limits: Partial<ChallengeLimits> = {};
  if (has(raw, 'maxLayers')) limits.maxLayers = integerIn(raw.maxLayers, `${where}.maxLayers`, 0, LIMITS.maxHiddenLayers);
  if (has(raw, 'maxNeurons')) limits.maxNeurons = integerIn(raw.maxNeurons, `${where}.maxNeurons`, 1, MAX_CHALLENGE_NEURONS);
  if (has(raw, 'activations')) limits.activations = readActivations(raw.activations);
  const lockData = bool(field(raw, 'lockData', where), `${where}.lockData`);
  const lockFeatures = bool(field(raw, 'lockFeatures', where), `${where}.lockFeatures`);
  return { ...limits, lockData, lockFeatures };
}

function readSolution(value: unknown, config: LabConfig, goal: ChallengeGoal): ChallengeSolution | null {
  if (value === null) return null;
  const where = 'challenge.solved';
  const raw = record(value, where);
  const widest = isTableDataset(config.data.dataset) ? LIMITS.maxTableNeurons : LIMITS.maxNeuronsPerLayer;
  const hidden = list(field(raw, 'hidden', where), `${where}.hidden`, LIMITS.maxHiddenLayers).map((layer, i) =>
    readLayer(layer, `${where}.hidden[${i}]`, widest),
  );
  return {
    epoch: integerIn(field(raw, 'epoch', where), `${where}.epoch`, 0, 1e12),
    value: numberIn(field(raw, 'value', where), `${where}.value`, 0, goal.metric === 'testAccuracy' ? 1 : Number.MAX_VALUE),
    hidden,
    features: readFeatures(field(raw, 'features', where), `${where}.features`),
    solvedAt: isoTime(field(raw, 'solvedAt', where), `${where}.solvedAt`),
  };
}

function has(raw: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(raw, key);
}

/** The `challenge` field, checked and copied; throws `Invalid` with a sentence. */
export function readChallenge(value: unknown, config: LabConfig): Challenge {
  const raw = record(value, 'challenge');
  const note = text(field(raw, 'note', 'challenge'), 'challenge.note', MAX_CHALLENGE_NOTE);
  const goal = readGoal(field(raw, 'goal', 'challenge'), config);
  const limits = readLimits(field(raw, 'limits', 'challenge'));
  return { note, goal, limits, solved: readSolution(field(raw, 'solved', 'challenge'), config, goal) };
}
