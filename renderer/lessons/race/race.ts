/**
 * The `race` widget: the same network, data and starting seed trained with two to four hidden
 * activations side by side, each on an engine of its own, with a table of the first epoch each
 * one reaches the target test accuracy. Its state and preset, and the pure rules behind them.
 */
import type { ActivationName, LabConfig } from '../../../core/config';
import type { HistoryPoint } from '../../../core/protocol';
import { ACTIVATIONS } from '../engine';
import type { LessonSpeed } from '../widgets/speed';

export const RACERS_MIN = 2;
export const RACERS_MAX = 4;

export interface RacePreset {
  /** The shared network, data, learning rate and seed; each racer swaps in its hidden activation. */
  config: LabConfig;
  /** The racers, in the order their lanes are drawn. */
  activations: ActivationName[];
  /** The test accuracy (0–1) a racer must reach to finish. */
  target: number;
  /** Each racer's chance: after this many epochs without reaching the target it stops. */
  maxEpochs: number;
  /** How fast the race starts (the learner can change it). */
  speed: LessonSpeed;
}

/** One racer's line of the table. */
export interface Racer {
  activation: ActivationName;
  /** Epochs trained so far. */
  epochs: number;
  /** Test accuracy now (0–1), or null before the first measurement. */
  testAccuracy: number | null;
  /** The first epoch its test accuracy reached the target, or null while it has not. */
  reachedAt: number | null;
}

export interface RaceState {
  racers: Racer[];
  target: number;
  maxEpochs: number;
  /** The leading racer's network, weights, epoch and curve, for "Open this in the Lab". */
  config: LabConfig;
  params: Float64Array | null;
  epoch: number;
  history?: readonly HistoryPoint[];
}

/** A racer's configuration: the shared one with every hidden layer using its activation. */
export function racerConfig(config: LabConfig, activation: ActivationName): LabConfig {
  const next = structuredClone(config);
  for (const layer of next.network.hidden) layer.activation = activation;
  return next;
}

/** Finished (reached the target) or out of chances (trained its epochs without reaching it). */
export function racerDone(racer: Racer, maxEpochs: number): boolean {
  return racer.reachedAt !== null || racer.epochs >= maxEpochs;
}

/** Every racer is done: the race is decided. */
export function raceOver(racers: readonly Racer[], maxEpochs: number): boolean {
  return racers.length > 0 && racers.every((r) => racerDone(r, maxEpochs));
}

/** The racers that reached the target in the fewest epochs (several on a tie; none before one finishes). */
export function leaders(racers: readonly Racer[]): ActivationName[] {
  const reached = racers.filter((r) => r.reachedAt !== null);
  if (reached.length === 0) return [];
  const best = Math.min(...reached.map((r) => r.reachedAt as number));
  return reached.filter((r) => r.reachedAt === best).map((r) => r.activation);
}

/**
 * What a finished race measured, for a prediction the learner's race judges (predict.ts's
 * `judgedByRun`): the names of the racers first to the target (several on a tie, none when no
 * racer got there), or null while the race is not over.
 */
export function raceMeasured(s: RaceState): string[] | null {
  if (!raceOver(s.racers, s.maxEpochs)) return null;
  return leaders(s.racers).map((a) => ACTIVATIONS[a].label);
}

/** Problems with a race preset, for the content test. */
export function racePresetProblems(preset: RacePreset): string[] {
  const problems: string[] = [];
  const n = preset.activations.length;
  if (n < RACERS_MIN || n > RACERS_MAX) problems.push(`a race needs ${RACERS_MIN} to ${RACERS_MAX} racers, not ${n}`);
  if (new Set(preset.activations).size !== n) problems.push('a racer is listed twice');
  if (preset.config.network.hidden.length === 0)
    problems.push('the racers differ by their hidden activation: the network needs a hidden layer');
  if (!(preset.target > 0 && preset.target <= 1)) problems.push('the target is a test accuracy between 0 and 1');
  if (!(Number.isInteger(preset.maxEpochs) && preset.maxEpochs > 0)) problems.push('each racer needs a whole number of epochs');
  return problems;
}
