/**
 * Optimizers. The gradient buffer holds the sum of the batch's per-example gradients; an update
 * divides by the batch size (the mean, as the Playground does), adds the regularization term
 * for weights, moves the parameters and clears the buffer for the next batch.
 */
import type { OptimizerName, RegularizationName } from '../config';

export const MOMENTUM = 0.9;
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-8;

export interface OptimizerState {
  name: OptimizerName;
  /** Momentum: velocity. Adam: first moment m. Empty for SGD. */
  m: Float64Array;
  /** Adam: second moment v. Empty otherwise. */
  v: Float64Array;
  /** Adam's step counter. */
  step: number;
}

export interface UpdateSettings {
  learningRate: number;
  regularization: RegularizationName;
  regularizationRate: number;
}

export function createOptimizerState(name: OptimizerName, paramCount: number): OptimizerState {
  return {
    name,
    m: new Float64Array(name === 'sgd' ? 0 : paramCount),
    v: new Float64Array(name === 'adam' ? paramCount : 0),
    step: 0,
  };
}

/** The moments as the protocol carries them: [] for SGD, [velocity] for momentum, [m, v] for Adam. */
export function momentArrays(state: OptimizerState): Float64Array[] {
  return state.name === 'sgd' ? [] : state.name === 'momentum' ? [state.m] : [state.m, state.v];
}

/** Derivative of the regularization penalty (λ·|w| for L1, λ·½w² for L2) at w. */
export function regularizationGradient(kind: RegularizationName, rate: number, w: number): number {
  if (kind === 'l2') return rate * w;
  if (kind === 'l1') return rate * (w > 0 ? 1 : w < 0 ? -1 : 0);
  return 0;
}

export function applyUpdate(
  params: Float64Array,
  grad: Float64Array,
  count: number,
  isWeight: Uint8Array,
  settings: UpdateSettings,
  state: OptimizerState,
): void {
  const n = params.length;
  const lr = settings.learningRate;
  const reg = settings.regularization;
  const rate = settings.regularizationRate;
  const useReg = reg !== 'none' && rate !== 0;
  if (state.name === 'sgd') {
    for (let k = 0; k < n; k++) {
      let g = grad[k] / count;
      if (useReg && isWeight[k] === 1) g += regularizationGradient(reg, rate, params[k]);
      params[k] -= lr * g;
      grad[k] = 0;
    }
  } else if (state.name === 'momentum') {
    const vel = state.m;
    for (let k = 0; k < n; k++) {
      let g = grad[k] / count;
      if (useReg && isWeight[k] === 1) g += regularizationGradient(reg, rate, params[k]);
      vel[k] = MOMENTUM * vel[k] + g;
      params[k] -= lr * vel[k];
      grad[k] = 0;
    }
  } else {
    state.step += 1;
    const c1 = 1 - Math.pow(ADAM_BETA1, state.step);
    const c2 = 1 - Math.pow(ADAM_BETA2, state.step);
    const m = state.m;
    const v = state.v;
    for (let k = 0; k < n; k++) {
      let g = grad[k] / count;
      if (useReg && isWeight[k] === 1) g += regularizationGradient(reg, rate, params[k]);
      m[k] = ADAM_BETA1 * m[k] + (1 - ADAM_BETA1) * g;
      v[k] = ADAM_BETA2 * v[k] + (1 - ADAM_BETA2) * g * g;
      params[k] -= (lr * (m[k] / c1)) / (Math.sqrt(v[k] / c2) + ADAM_EPSILON);
      grad[k] = 0;
    }
  }
}
