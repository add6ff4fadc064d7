/**
 * The plain path's inner loops: a batched forward pass layer by layer and the matching
 * backward pass, over contiguous row-major buffers (one row per example). Each activation is
 * computed once per neuron per example and kept; derivatives read the cached output.
 */
import { ACT, geluDerivative, LEAKY_SLOPE, sigmoid, softplus, gelu, type ActCode } from './activations';
import type { Topology } from './shape';
import type { Piecewise } from './drawn';

export type Unary = (x: number) => number;

/**
 * out[i] = f(pre[i]) for `rows` rows of `size` values; softmax normalises each row. `drawn`
 * is the network's drawn activation (needed only for ACT.drawn).
 */
export function activate(
  code: ActCode,
  pre: Float64Array,
  out: Float64Array,
  rows: number,
  size: number,
  tanh: Unary,
  drawn: Piecewise | null = null,
): void {
  const n = rows * size;
  switch (code) {
    case ACT.identity:
      for (let i = 0; i < n; i++) out[i] = pre[i];
      return;
    case ACT.relu:
      for (let i = 0; i < n; i++) out[i] = pre[i] > 0 ? pre[i] : 0;
      return;
    case ACT.leakyRelu:
      for (let i = 0; i < n; i++) out[i] = pre[i] > 0 ? pre[i] : LEAKY_SLOPE * pre[i];
      return;
    case ACT.elu:
      for (let i = 0; i < n; i++) out[i] = pre[i] > 0 ? pre[i] : Math.expm1(pre[i]);
      return;
    case ACT.softplus:
      for (let i = 0; i < n; i++) out[i] = softplus(pre[i]);
      return;
    case ACT.sigmoid:
      for (let i = 0; i < n; i++) out[i] = sigmoid(pre[i]);
      return;
    case ACT.tanh:
      for (let i = 0; i < n; i++) out[i] = tanh(pre[i]);
      return;
    case ACT.gelu:
      for (let i = 0; i < n; i++) out[i] = gelu(pre[i]);
      return;
    case ACT.swish:
      for (let i = 0; i < n; i++) out[i] = pre[i] * sigmoid(pre[i]);
      return;
    case ACT.sin:
      for (let i = 0; i < n; i++) out[i] = Math.sin(pre[i]);
      return;
    case ACT.cos:
      for (let i = 0; i < n; i++) out[i] = Math.cos(pre[i]);
      return;
    case ACT.softmax:
      for (let r = 0; r < rows; r++) softmaxRow(pre, out, r * size, size);
      return;
    case ACT.drawn: {
      const f = requireDrawn(drawn).f;
      for (let i = 0; i < n; i++) out[i] = f(pre[i]);
      return;
    }
  }
}

/** The drawn function of a layer coded ACT.drawn; its absence is a bug in the caller. */
export function requireDrawn(drawn: Piecewise | null): Piecewise {
  if (drawn === null) throw new Error('A layer uses the drawn activation, but the network has no drawn function.');
  return drawn;
}

/** Softmax of one row, shifted by its maximum so no exponential overflows. */
export function softmaxRow(pre: ArrayLike<number>, out: Float64Array, start: number, size: number): void {
  let max = -Infinity;
  for (let k = 0; k < size; k++) if (pre[start + k] > max) max = pre[start + k];
  let sum = 0;
  for (let k = 0; k < size; k++) {
    const e = Math.exp(pre[start + k] - max);
    out[start + k] = e;
    sum += e;
  }
  for (let k = 0; k < size; k++) out[start + k] /= sum;
}

/** Softmax of a short list of scores (a lesson's handful): probabilities that sum to 1. */
export function softmax(scores: ArrayLike<number>): number[] {
  const out = new Float64Array(scores.length);
  softmaxRow(scores, out, 0, scores.length);
  return Array.from(out);
}

/**
 * delta[i] *= f′(pre[i]) with y = out[i] the cached output: turns dLoss/dOutput into
 * dLoss/dPreActivation. Not used for softmax (the loss handles that layer).
 */
export function multiplyDerivative(
  code: ActCode,
  pre: Float64Array,
  out: Float64Array,
  delta: Float64Array,
  n: number,
  drawn: Piecewise | null = null,
): void {
  switch (code) {
    case ACT.identity:
    case ACT.softmax:
      return;
    case ACT.relu:
      for (let i = 0; i < n; i++) delta[i] = pre[i] > 0 ? delta[i] : 0;
      return;
    case ACT.leakyRelu:
      for (let i = 0; i < n; i++) delta[i] = pre[i] > 0 ? delta[i] : delta[i] * LEAKY_SLOPE;
      return;
    case ACT.elu:
      for (let i = 0; i < n; i++) delta[i] = pre[i] > 0 ? delta[i] : delta[i] * (out[i] + 1);
      return;
    case ACT.softplus:
      for (let i = 0; i < n; i++) delta[i] *= sigmoid(pre[i]);
      return;
    case ACT.sigmoid:
      for (let i = 0; i < n; i++) delta[i] *= out[i] * (1 - out[i]);
      return;
    case ACT.tanh:
      for (let i = 0; i < n; i++) delta[i] *= 1 - out[i] * out[i];
      return;
    case ACT.gelu:
      for (let i = 0; i < n; i++) delta[i] *= geluDerivative(pre[i]);
      return;
    case ACT.swish:
      for (let i = 0; i < n; i++) delta[i] *= out[i] + sigmoid(pre[i]) * (1 - out[i]);
      return;
    case ACT.sin:
      for (let i = 0; i < n; i++) delta[i] *= Math.cos(pre[i]);
      return;
    case ACT.cos:
      for (let i = 0; i < n; i++) delta[i] *= -Math.sin(pre[i]);
      return;
    case ACT.drawn: {
      const df = requireDrawn(drawn).df;
      for (let i = 0; i < n; i++) delta[i] *= df(pre[i]);
      return;
    }
  }
}

/** Buffers for a batch of up to `capacity` examples; index l = layer l (0 = first hidden). */
export interface Workspace {
  capacity: number;
  /** Pre-activations z = W·a + b of each layer, rows × size. */
  pre: Float64Array[];
  /** Outputs a = f(z) of each layer, rows × size. */
  act: Float64Array[];
  /** dLoss/dz of each layer (the error signal before the weights), rows × size. */
  delta: Float64Array[];
  /** Scratch for the positions of one example's non-zero inputs (wide inputs only). */
  nonzero: Int32Array;
  /** Scratch for those inputs' values, in the same order. */
  nonzeroValues: Float64Array;
}

/**
 * From this many inputs on (pixels, say) the first layer skips inputs that are exactly zero:
 * a zero input adds nothing to a sum or a gradient, so the numbers stay the same, but most of
 * a digit image is blank and the work shrinks to its inked pixels.
 */
export const SPARSE_INPUTS = 64;

/** Writes the positions and values of the non-zero entries of row [a, a + n) of `src`; returns how many. */
function nonzeroPositions(src: Float64Array, a: number, n: number, into: Int32Array, values: Float64Array): number {
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = src[a + i];
    if (v !== 0) {
      into[count] = i;
      values[count++] = v;
    }
  }
  return count;
}

export function createWorkspace(topo: Topology, capacity: number): Workspace {
  const make = (): Float64Array[] => topo.sizes.slice(1).map((s) => new Float64Array(s * capacity));
  const wide = topo.sizes[0] >= SPARSE_INPUTS ? topo.sizes[0] : 0;
  return { capacity, pre: make(), act: make(), delta: make(), nonzero: new Int32Array(wide), nonzeroValues: new Float64Array(wide) };
}

/**
 * Forward pass for `rows` examples whose inputs are rows [start, start + rows) of `inputs`
 * (row-major, sizes[0] columns). Fills ws.pre and ws.act.
 */
export function forwardBatch(
  topo: Topology,
  params: Float64Array,
  inputs: Float64Array,
  start: number,
  rows: number,
  ws: Workspace,
  tanh: Unary,
): void {
  for (let l = 0; l < topo.depth; l++) {
    const fanIn = topo.sizes[l];
    const size = topo.sizes[l + 1];
    const src = l === 0 ? inputs : ws.act[l - 1];
    const srcStart = l === 0 ? start * fanIn : 0;
    const w0 = topo.weightOffsets[l];
    const b0 = topo.biasOffsets[l];
    const pre = ws.pre[l];
    if (l === 0 && fanIn >= SPARSE_INPUTS) {
      const nz = ws.nonzero;
      const xs = ws.nonzeroValues;
      for (let r = 0; r < rows; r++) {
        const count = nonzeroPositions(src, srcStart + r * fanIn, fanIn, nz, xs);
        for (let j = 0; j < size; j++) {
          const w = w0 + j * fanIn;
          let z = params[b0 + j];
          for (let k = 0; k < count; k++) z += params[w + nz[k]] * xs[k];
          pre[r * size + j] = z;
        }
      }
      activate(topo.codes[l], pre, ws.act[l], rows, size, tanh, topo.drawn);
      continue;
    }
    for (let r = 0; r < rows; r++) {
      const a = srcStart + r * fanIn;
      for (let j = 0; j < size; j++) {
        const w = w0 + j * fanIn;
        let z = params[b0 + j];
        for (let i = 0; i < fanIn; i++) z += params[w + i] * src[a + i];
        pre[r * size + j] = z;
      }
    }
    activate(topo.codes[l], pre, ws.act[l], rows, size, tanh, topo.drawn);
  }
}

/**
 * Backward pass. Expects ws.delta[last] = dLoss/dz of the output layer for every row; adds
 * each example's gradient to `grad` (in example order) and leaves the hidden deltas in ws.
 */
export function backwardBatch(
  topo: Topology,
  params: Float64Array,
  inputs: Float64Array,
  start: number,
  rows: number,
  ws: Workspace,
  grad: Float64Array,
): void {
  for (let l = topo.depth - 1; l >= 0; l--) {
    const fanIn = topo.sizes[l];
    const size = topo.sizes[l + 1];
    const src = l === 0 ? inputs : ws.act[l - 1];
    const srcStart = l === 0 ? start * fanIn : 0;
    const w0 = topo.weightOffsets[l];
    const b0 = topo.biasOffsets[l];
    const delta = ws.delta[l];
    if (l === 0 && fanIn >= SPARSE_INPUTS) {
      const nz = ws.nonzero;
      const xs = ws.nonzeroValues;
      for (let r = 0; r < rows; r++) {
        const count = nonzeroPositions(src, srcStart + r * fanIn, fanIn, nz, xs);
        for (let j = 0; j < size; j++) {
          const d = delta[r * size + j];
          if (d === 0) continue;
          const w = w0 + j * fanIn;
          for (let k = 0; k < count; k++) grad[w + nz[k]] += d * xs[k];
          grad[b0 + j] += d;
        }
      }
      break;
    }
    for (let r = 0; r < rows; r++) {
      const a = srcStart + r * fanIn;
      for (let j = 0; j < size; j++) {
        const d = delta[r * size + j];
        const w = w0 + j * fanIn;
        for (let i = 0; i < fanIn; i++) grad[w + i] += d * src[a + i];
        grad[b0 + j] += d;
      }
    }
    if (l === 0) break;
    const below = ws.delta[l - 1];
    for (let r = 0; r < rows; r++) {
      for (let i = 0; i < fanIn; i++) {
        let s = 0;
        for (let j = 0; j < size; j++) s += params[w0 + j * fanIn + i] * delta[r * size + j];
        below[r * fanIn + i] = s;
      }
    }
    multiplyDerivative(topo.codes[l - 1], ws.pre[l - 1], ws.act[l - 1], below, rows * fanIn, topo.drawn);
  }
}
