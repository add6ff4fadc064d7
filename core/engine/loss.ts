/**
 * Losses, target encoding and the error signal at the output layer.
 * - halfSquared: ½·Σ(y − t)², as TensorFlow Playground computes it, on any output;
 * - binaryCrossEntropy: −[t·ln p + (1 − t)·ln(1 − p)] per output, p = sigmoid output or (tanh + 1)/2;
 * - softmaxCrossEntropy: −Σ t·ln p over a softmax output.
 * Both cross-entropies are computed from the pre-activation z (log-sum-exp, softplus), so they
 * stay finite wherever z is.
 */
import type { DataPoint, LossName, OutputActivationName, ProblemType } from '../config';
import { ACT, softplus, type ActCode } from './activations';

export const LOSS = { halfSquared: 0, binaryCrossEntropy: 1, softmaxCrossEntropy: 2 } as const satisfies Record<LossName, number>;
export type LossCode = (typeof LOSS)[keyof typeof LOSS];

/** The target value that means "not this class": −1 for outputs that can go negative under ½·squared error. */
export function lowTarget(loss: LossName, output: OutputActivationName): number {
  return loss === 'halfSquared' && (output === 'tanh' || output === 'identity') ? -1 : 0;
}

/** Threshold of a single output between class 0 and class 1. */
export function decisionThreshold(output: OutputActivationName): number {
  return output === 'sigmoid' ? 0.5 : 0;
}

/**
 * Targets as rows of `outputs` numbers: the label itself for regression; for classification
 * 1 for the true class and the low target elsewhere (one output: 1 for class 1, low for class 0).
 */
export function encodeTargets(points: readonly DataPoint[], problem: ProblemType, outputs: number, low: number): Float64Array {
  const t = new Float64Array(points.length * outputs);
  points.forEach((p, r) => {
    if (problem === 'regression') t[r] = p.label;
    else if (outputs === 1) t[r] = p.label === 1 ? 1 : low;
    else for (let k = 0; k < outputs; k++) t[r * outputs + k] = p.label === k ? 1 : low;
  });
  return t;
}

/**
 * Sum over `rows` examples of the loss, from the output layer's pre-activations and outputs
 * (rows × k) and the targets starting at row `start`.
 */
export function lossSum(
  loss: LossCode,
  code: ActCode,
  pre: Float64Array,
  out: Float64Array,
  targets: Float64Array,
  start: number,
  rows: number,
  k: number,
): number {
  let sum = 0;
  const t0 = start * k;
  const n = rows * k;
  if (loss === LOSS.halfSquared) {
    for (let i = 0; i < n; i++) {
      const e = out[i] - targets[t0 + i];
      sum += 0.5 * e * e;
    }
  } else if (loss === LOSS.binaryCrossEntropy) {
    // tanh output: p = (tanh z + 1)/2 = sigmoid(2z).
    const scale = code === ACT.tanh ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const z = scale * pre[i];
      sum += softplus(z) - targets[t0 + i] * z;
    }
  } else {
    for (let r = 0; r < rows; r++) {
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, pre[r * k + j]);
      let s = 0;
      let dot = 0;
      for (let j = 0; j < k; j++) {
        s += Math.exp(pre[r * k + j] - max);
        dot += targets[t0 + r * k + j] * pre[r * k + j];
      }
      sum += max + Math.log(s) - dot;
    }
  }
  return sum;
}

/** Fills delta (rows × k) with dLoss/dz for the output layer. */
export function outputDelta(
  loss: LossCode,
  code: ActCode,
  pre: Float64Array,
  out: Float64Array,
  targets: Float64Array,
  start: number,
  rows: number,
  k: number,
  delta: Float64Array,
): void {
  const t0 = start * k;
  const n = rows * k;
  if (loss === LOSS.binaryCrossEntropy) {
    if (code === ACT.tanh) for (let i = 0; i < n; i++) delta[i] = out[i] + 1 - 2 * targets[t0 + i];
    else for (let i = 0; i < n; i++) delta[i] = out[i] - targets[t0 + i];
    return;
  }
  if (loss === LOSS.softmaxCrossEntropy) {
    for (let i = 0; i < n; i++) delta[i] = out[i] - targets[t0 + i];
    return;
  }
  // ½·squared error: dL/dy = y − t, then through the output activation.
  if (code === ACT.softmax) {
    for (let r = 0; r < rows; r++) {
      let dot = 0;
      for (let j = 0; j < k; j++) dot += (out[r * k + j] - targets[t0 + r * k + j]) * out[r * k + j];
      for (let j = 0; j < k; j++) delta[r * k + j] = out[r * k + j] * (out[r * k + j] - targets[t0 + r * k + j] - dot);
    }
    return;
  }
  if (code === ACT.tanh) for (let i = 0; i < n; i++) delta[i] = (out[i] - targets[t0 + i]) * (1 - out[i] * out[i]);
  else if (code === ACT.sigmoid) for (let i = 0; i < n; i++) delta[i] = (out[i] - targets[t0 + i]) * (out[i] * (1 - out[i]));
  else for (let i = 0; i < n; i++) delta[i] = out[i] - targets[t0 + i];
}
