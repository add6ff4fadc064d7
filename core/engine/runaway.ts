/**
 * Runaway training: telling a blow-up from ordinary training long before a number overflows.
 * A learning rate far too big (spiral3, 2→8 ReLU, softmax, rate 10) throws the weights to
 * 1e29 in two epochs and 1e113 soon after while every value stays finite; waiting for NaN or
 * Infinity lets them grow astronomic. Two signs catch it early:
 *
 * - **Parameter magnitude.** Ordinary training on these inputs keeps every weight and bias
 *   within a few tens (measured: at most about 20 over 3,000 epochs of the Playground's sets,
 *   sigmoid and cross-entropy on separable data included); a parameter beyond
 *   `PARAM_LIMIT`, or a hundred times the largest one training started from, has run away.
 *   Checked after every epoch (every batch for networks trained batch by batch), in the same
 *   pass that used to look only for NaN.
 * - **Loss growth.** A training loss more than `LOSS_GROWTH` times the loss training started
 *   from (and at least `LOSS_GROWTH` itself, so a nearly perfect start is not held to a tiny
 *   bound) is not noise. Checked whenever the metrics are measured.
 *
 * "Started from" is the state at the last point the learner set things up: configure, reset,
 * loading a state, editing a weight, changing a training setting.
 */

/** Largest parameter magnitude ordinary training reaches (with room to spare). */
export const PARAM_LIMIT = 1e4;
/** How many times the starting loss (or 1, if more) counts as a blow-up. */
export const LOSS_GROWTH = 10;

/** The largest |value|, or NaN when any value is NaN. */
export function largestMagnitude(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a !== a) return NaN;
    if (a > max) max = a;
  }
  return max;
}

/** True when every value is a number no larger than `limit` in magnitude (one cheap pass). */
export function withinLimit(values: Float64Array, limit: number): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v <= limit && v >= -limit)) return false;
  }
  return true;
}

/** The bounds a run is held to, from the state it started from. */
export interface RunawayLimits {
  /** Largest parameter magnitude allowed. */
  param: number;
  /** Largest training loss allowed. */
  loss: number;
  /** The training loss training started from (for the message). */
  startLoss: number;
  /** The largest parameter magnitude training started from (for the message). */
  startMagnitude: number;
}

export function runawayLimits(startLoss: number, params: Float64Array): RunawayLimits {
  const magnitude = largestMagnitude(params);
  const finiteLoss = Number.isFinite(startLoss) ? startLoss : 0;
  const finiteMagnitude = Number.isFinite(magnitude) ? magnitude : 0;
  return {
    param: Math.max(PARAM_LIMIT, 100 * finiteMagnitude),
    loss: LOSS_GROWTH * Math.max(1, finiteLoss),
    startLoss: finiteLoss,
    startMagnitude: finiteMagnitude,
  };
}

/** What went wrong, as measured when it was caught. */
export type Runaway = { kind: 'weights'; magnitude: number } | { kind: 'loss'; set: 'training' | 'test'; loss: number };

/**
 * The runaway measured losses show, or null when they are within bounds: a training loss
 * beyond the limit, or either loss no longer a finite number.
 */
export function lossRunaway(trainLoss: number, testLoss: number, limits: RunawayLimits): Runaway | null {
  if (!(trainLoss <= limits.loss)) return { kind: 'loss', set: 'training', loss: trainLoss };
  if (!Number.isFinite(testLoss)) return { kind: 'loss', set: 'test', loss: testLoss };
  return null;
}

/** Short number for messages: 0.693, 12.5, 3.3e+29. */
export function formatNumber(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(1) : x.toPrecision(3);
}

/** One sentence on what happened at `epoch`. */
export function runawayCause(runaway: Runaway, epoch: number, limits: RunawayLimits): string {
  if (runaway.kind === 'weights') {
    if (Number.isNaN(runaway.magnitude)) return `Training blew up at epoch ${epoch}: the weights stopped being numbers.`;
    if (!Number.isFinite(runaway.magnitude)) return `Training blew up at epoch ${epoch}: the weights became infinite.`;
    return (
      `Training ran away at epoch ${epoch}: a weight or bias reached ${formatNumber(runaway.magnitude)} ` +
      `(the largest was ${formatNumber(limits.startMagnitude)} when training started).`
    );
  }
  if (Number.isNaN(runaway.loss)) return `Training blew up at epoch ${epoch}: the ${runaway.set} loss stopped being a number.`;
  if (!Number.isFinite(runaway.loss)) return `Training blew up at epoch ${epoch}: the ${runaway.set} loss became infinite.`;
  return `Training ran away at epoch ${epoch}: the training loss grew to ${formatNumber(runaway.loss)} from ${formatNumber(limits.startLoss)} when training started.`;
}

/**
 * The whole message: what happened, which weights are back (those with the lowest training
 * loss before the blow-up — said plainly, without calling them good), and what to try. The
 * epoch is said as the epoch read-outs say it: "back at epoch 1" is what the read-out then shows.
 */
export function runawayMessage(cause: string, restoredEpoch: number, restoredLoss: number, rate: number): string {
  const where =
    restoredEpoch === 0
      ? 'back at epoch 0: the weights it started with'
      : `back at epoch ${restoredEpoch}, where the training loss was lowest before the blow-up: the weights of epoch ${restoredEpoch}`;
  return (
    `${cause} Training is paused and ${where} (training loss ${formatNumber(restoredLoss)}) are back. ` +
    `Try a smaller learning rate, such as ${rate}.`
  );
}
