/**
 * Pieces of generated code shared by both fast-path writers: one activation, its derivative
 * and the output error, as JavaScript source. Each mirrors, operation for operation, the plain
 * path's loops in kernels.ts and loss.ts, so both paths compute identical numbers.
 */
import { ACT, LEAKY_SLOPE, type ActCode } from './activations';
import { LOSS, type LossCode } from './loss';

/** Helper functions the generated code calls, in the order they are passed in. */
export const HELPERS = ['tanh', 'sigmoid', 'softplus', 'gelu', 'geluDerivative', 'drawn', 'drawnSlope'] as const;

/** Source of y = f(z) for one activation. */
export function forwardExpr(code: ActCode, z: string): string {
  switch (code) {
    case ACT.identity:
      return z;
    case ACT.relu:
      return `(${z} > 0 ? ${z} : 0)`;
    case ACT.leakyRelu:
      return `(${z} > 0 ? ${z} : ${LEAKY_SLOPE} * ${z})`;
    case ACT.elu:
      return `(${z} > 0 ? ${z} : Math.expm1(${z}))`;
    case ACT.softplus:
      return `softplus(${z})`;
    case ACT.sigmoid:
      return `sigmoid(${z})`;
    case ACT.tanh:
      return `tanh(${z})`;
    case ACT.gelu:
      return `gelu(${z})`;
    case ACT.swish:
      return `${z} * sigmoid(${z})`;
    case ACT.sin:
      return `Math.sin(${z})`;
    case ACT.cos:
      return `Math.cos(${z})`;
    case ACT.drawn:
      return `drawn(${z})`;
    case ACT.softmax:
      throw new Error('softmax has no single-neuron form');
  }
}

/** Source of s·f′(z) given the incoming sum s, the input z and the cached output y. */
export function derivativeExpr(code: ActCode, s: string, z: string, y: string): string {
  switch (code) {
    case ACT.identity:
      return s;
    case ACT.relu:
      return `(${z} > 0 ? ${s} : 0)`;
    case ACT.leakyRelu:
      return `(${z} > 0 ? ${s} : ${s} * ${LEAKY_SLOPE})`;
    case ACT.elu:
      return `(${z} > 0 ? ${s} : ${s} * (${y} + 1))`;
    case ACT.softplus:
      return `${s} * sigmoid(${z})`;
    case ACT.sigmoid:
      return `${s} * (${y} * (1 - ${y}))`;
    case ACT.tanh:
      return `${s} * (1 - ${y} * ${y})`;
    case ACT.gelu:
      return `${s} * geluDerivative(${z})`;
    case ACT.swish:
      return `${s} * (${y} + sigmoid(${z}) * (1 - ${y}))`;
    case ACT.sin:
      return `${s} * Math.cos(${z})`;
    case ACT.cos:
      return `${s} * -Math.sin(${z})`;
    case ACT.drawn:
      return `${s} * drawnSlope(${z})`;
    case ACT.softmax:
      throw new Error('softmax has no single-neuron form');
  }
}

/** Source of dLoss/dz at the single output. */
export function outputDeltaExpr(loss: LossCode, code: ActCode, y: string, t: string): string {
  if (loss === LOSS.binaryCrossEntropy) return code === ACT.tanh ? `${y} + 1 - 2 * ${t}` : `${y} - ${t}`;
  if (code === ACT.tanh) return `(${y} - ${t}) * (1 - ${y} * ${y})`;
  if (code === ACT.sigmoid) return `(${y} - ${t}) * (${y} * (1 - ${y}))`;
  return `${y} - ${t}`;
}
