/**
 * Pieces of generated code shared by both fast-path writers: one activation, its derivative
 * and the output error, as JavaScript source. Each mirrors, operation for operation, the plain
 * path's loops in kernels.ts and loss.ts, so both paths compute identical numbers.
 */
import { ACT, LEAKY_SLOPE, type ActCode } from './activations';
import { LOSS, type LossCode } from './loss';
import type { Piecewise } from './drawn';

/** A number as source that reads back as the very same double (−0 included). */
function literal(v: number): string {
  return Object.is(v, -0) ? '(-0)' : `(${String(v)})`;
}

function needDrawn(drawn: Piecewise | null): Piecewise {
  if (drawn === null) throw new Error('A layer uses the drawn activation, but the network has no drawn function.');
  return drawn;
}

/**
 * The drawn activation written out with its knots as constants: a chain of comparisons that
 * picks the segment exactly as Piecewise.f does (the first segment whose right knot is not
 * left of z, else the last), then the same arithmetic, so both paths give the same bits.
 */
export function drawnValueSource(p: Piecewise, z: string): string {
  const { xs, ys, slopes } = p;
  const piece = (i: number): string =>
    `(${z} === ${literal(xs[i + 1])} ? ${literal(ys[i + 1])} : ${literal(ys[i])} + ${literal(slopes[i])} * (${z} - ${literal(xs[i])}))`;
  const last = xs.length - 2;
  let src = piece(last);
  for (let i = last - 1; i >= 0; i--) src = `(${z} <= ${literal(xs[i + 1])} ? ${piece(i)} : ${src})`;
  return src;
}

/** The drawn activation's slope at z, by the same choice of segment (Piecewise.df). */
export function drawnSlopeSource(p: Piecewise, z: string): string {
  const { xs, slopes } = p;
  const last = xs.length - 2;
  let src = literal(slopes[last]);
  for (let i = last - 1; i >= 0; i--) src = `(${z} <= ${literal(xs[i + 1])} ? ${literal(slopes[i])} : ${src})`;
  return src;
}

/** Helper functions the generated code calls, in the order they are passed in. */
export const HELPERS = ['tanh', 'sigmoid', 'softplus', 'gelu', 'geluDerivative'] as const;

/** Source of y = f(z) for one activation; `drawn` is the network's drawn function (for ACT.drawn). */
export function forwardExpr(code: ActCode, z: string, drawn: Piecewise | null = null): string {
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
      return drawnValueSource(needDrawn(drawn), z);
    case ACT.softmax:
      throw new Error('softmax has no single-neuron form');
  }
}

/** Source of s·f′(z) given the incoming sum s, the input z and the cached output y. */
export function derivativeExpr(code: ActCode, s: string, z: string, y: string, drawn: Piecewise | null = null): string {
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
      return `${s} * ${drawnSlopeSource(needDrawn(drawn), z)}`;
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
