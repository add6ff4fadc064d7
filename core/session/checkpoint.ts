/**
 * Checkpoints of a training session: the parameters and optimizer moments a runaway goes
 * back to (core/session.ts keeps the best one), and the learning rate it then suggests.
 */
import { LEARNING_RATES } from '../config';
import type { Model } from '../engine/model';
import { resetGradientFlow } from '../engine/gradient-flow';

/** Saved parameters and optimizer moments to go back to. */
export interface Checkpoint {
  params: Float64Array;
  /** Copies of the optimizer's m and v (empty when it has none). */
  m: Float64Array;
  v: Float64Array;
  step: number;
  epoch: number;
  /** The training loss measured at these parameters. */
  loss: number;
}

/** A learning rate to suggest after a blow-up: the largest preset at most a tenth of the current one. */
export function smallerLearningRate(current: number): number {
  const target = current / 10;
  let best = LEARNING_RATES[0];
  for (const r of LEARNING_RATES) if (r <= target * (1 + 1e-9)) best = r;
  return best;
}

/** Copies `from` into `into`, replacing `into` when the length differs; returns the copy. */
function copyInto(into: Float64Array, from: Float64Array): Float64Array {
  if (into.length !== from.length) return from.slice();
  into.set(from);
  return into;
}

/** A checkpoint of the model as it is now, at epoch `at`, with no loss measured yet. */
export function checkpointOf(m: Model, at: number): Checkpoint {
  return {
    params: m.params.slice(),
    m: m.optimizer.m.slice(),
    v: m.optimizer.v.slice(),
    step: m.optimizer.step,
    epoch: at,
    loss: Number.POSITIVE_INFINITY,
  };
}

/** Runs before every epoch, so it only copies (no allocation once the sizes settle). */
export function saveCheckpoint(into: Checkpoint, model: Model, epoch: number, loss: number): void {
  into.params = copyInto(into.params, model.params);
  into.m = copyInto(into.m, model.optimizer.m);
  into.v = copyInto(into.v, model.optimizer.v);
  into.step = model.optimizer.step;
  into.epoch = epoch;
  into.loss = loss;
}

/** Puts the model back to a checkpoint; returns the checkpoint's epoch. */
export function restoreCheckpoint(model: Model, from: Checkpoint): number {
  model.params.set(from.params);
  const opt = model.optimizer;
  if (from.m.length === opt.m.length && from.v.length === opt.v.length) {
    opt.m.set(from.m);
    opt.v.set(from.v);
    opt.step = from.step;
  }
  model.grad.fill(0);
  model.cursor = 0;
  if (model.flow !== null) resetGradientFlow(model.flow);
  return from.epoch;
}
