/**
 * The activation race's decisions as plain functions: each lane's configuration and what a
 * lane's engine should be told after each snapshot so that it stops at the finish.
 */
import type { ActivationName, LabConfig } from '../../core/config';
import type { Speed } from '../../core/protocol';

export const RACE_MIN = 2;
export const RACE_MAX = 4;
/** The most epochs a lane trains per frame (about as fast as the engine goes anyway). */
export const RACE_MAX_EPOCHS_PER_FRAME = 1000;

/** The lane configuration: the Lab's, with every hidden layer using `activation`. */
export function laneConfig(config: LabConfig, activation: ActivationName): LabConfig {
  const next = structuredClone(config);
  for (const layer of next.network.hidden) layer.activation = activation;
  return next;
}

/** The pace a lane starts at. */
export function startSpeed(target: number): Speed {
  return { mode: 'epochsPerFrame', epochs: Math.max(1, Math.min(RACE_MAX_EPOCHS_PER_FRAME, target)) };
}

/** After a snapshot: pause at the finish, slow down just before it, otherwise carry on. */
export function nextMove(epoch: number, target: number): { type: 'pause' } | { type: 'speed'; speed: Speed } | null {
  const remaining = target - epoch;
  if (remaining <= 0) return { type: 'pause' };
  if (remaining < RACE_MAX_EPOCHS_PER_FRAME) return { type: 'speed', speed: { mode: 'epochsPerFrame', epochs: remaining } };
  return null;
}

/** Checks a choice of activations; returns a sentence for the learner when it cannot race. */
export function raceProblem(config: LabConfig, activations: readonly ActivationName[]): string | null {
  if (config.network.hidden.length === 0) return 'The race changes the hidden layers’ activation: add a hidden layer first.';
  if (activations.length < RACE_MIN || activations.length > RACE_MAX) return `Choose ${RACE_MIN} to ${RACE_MAX} activations.`;
  if (new Set(activations).size !== activations.length) return 'Choose each activation once.';
  return null;
}
