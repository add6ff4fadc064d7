/**
 * Every neuron's output over a square grid, for heatmaps. The grid covers [−6, 6]² with
 * `resolution` cells a side, sampled at cell centres, row-major with row 0 at the top
 * (x₂ near +6) and column 0 at the left (x₁ near −6). Work is done layer by layer over
 * whole columns of grid values (four neurons per pass, see grid-kernels.ts), in buffers
 * allocated once per evaluator. Sums are computed in float64; each neuron's output is kept once,
 * in float32 (plenty for a picture, and what the next layer reads), so every value is written
 * once per frame instead of twice.
 */

/** Grid points handled together: small enough that a block of a layer's columns stays in the fast caches. */
const BLOCK = 256;

/** Activation names by their numeric code (hidden activations only). */
const ACTIVATION_BY_CODE = Object.fromEntries(ACTIVATION_NAMES.map((name) => [ACT[name], name])) as Record<
  number,
  (typeof ACTIVATION_NAMES)[number]
>;
import type { LabConfig } from '../config';
import { ACTIVATION_NAMES } from '../config';
import { ACT, ACTIVATIONS, sigmoid, type ActCode } from './activations';
import { DOMAIN } from './data';
import { featureMatrix } from './features';
import { inputFeatures } from './curve-data';
import { requireDrawn, type Unary } from './kernels';
import type { Piecewise } from './drawn';
import { topology } from './shape';
import { fastTanh, fastTanhColumn } from './tanh';
import { sums1x4, sums1x8, sums4x4, sums4x8 } from './grid-kernels';

export interface GridOutputs {
  /** One array per enabled feature, resolution² values each. */
  features: Float32Array[];
  /** [layer][neuron] → resolution² outputs; hidden layers first, the output layer last. */
  layers: Float32Array[][];
}

export interface GridEvaluator {
  resolution: number;
  /** Evaluates the network with these parameters; the returned arrays are reused by the next call. */
  evaluate(params: Float64Array): GridOutputs;
}

/** The (x1, x2) pairs of a grid's cells in the evaluator's order. */
export function gridPoints(resolution: number): Float64Array {
  const xy = new Float64Array(resolution * resolution * 2);
  const step = (2 * DOMAIN) / resolution;
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const p = r * resolution + c;
      xy[2 * p] = -DOMAIN + (c + 0.5) * step;
      xy[2 * p + 1] = DOMAIN - (r + 0.5) * step;
    }
  }
  return xy;
}

/** Columns of a layer's inputs grouped in fours (up to four inputs) or eights, padded with `zero`. */
function groupColumns(columns: Float32Array[], zero: Float32Array): Float32Array[][] {
  const width = columns.length <= 4 ? 4 : 8;
  const groups: Float32Array[][] = [];
  for (let i = 0; i < Math.max(1, columns.length); i += width) {
    groups.push(Array.from({ length: width }, (_, k) => columns[i + k] ?? zero));
  }
  return groups;
}

export function createGridEvaluator(config: LabConfig, resolution: number, tanh: Unary = fastTanh): GridEvaluator {
  const topo = topology(config);
  const n = resolution * resolution;
  const inputs = topo.sizes[0];
  // Features, stored neuron-major: one contiguous column of n values per feature.
  const rowMajor = featureMatrix(inputFeatures(config), gridPoints(resolution), n, new Float64Array(n * inputs));
  const features: Float32Array[] = [];
  for (let j = 0; j < inputs; j++) {
    const col = new Float32Array(n);
    for (let p = 0; p < n; p++) col[p] = rowMajor[p * inputs + j];
    features.push(col);
  }
  const widest = Math.max(...topo.sizes.slice(1));
  // Pre-activations of the layer in hand (one column per neuron, plus spares up to a multiple of four).
  const pre = Array.from({ length: Math.ceil(widest / 4) * 4 }, () => new Float64Array(n));
  const preGroups = Array.from({ length: pre.length / 4 }, (_, g) => pre.slice(4 * g, 4 * g + 4));
  const layers = topo.sizes.slice(1).map((s) => Array.from({ length: s }, () => new Float32Array(n)));
  const zero = new Float32Array(n);
  const inputGroups = topo.sizes.slice(1).map((_, l) => groupColumns(l === 0 ? features : layers[l - 1], zero));
  // Four neurons' biases and weights for one group of input columns, zero where padded.
  const b = new Float64Array(4);
  const W = new Float64Array(32);

  /** Loads the weights of neurons j…j+3 of layer l from input column `from` on, `width` columns. */
  function loadWeights(params: Float64Array, l: number, j: number, from: number, width: number): void {
    const fanIn = topo.sizes[l];
    const size = topo.sizes[l + 1];
    for (let k = 0; k < 4; k++) {
      const real = j + k < size;
      b[k] = real ? params[topo.biasOffsets[l] + j + k] : 0;
      for (let i = 0; i < width; i++)
        W[k * width + i] = real && from + i < fanIn ? params[topo.weightOffsets[l] + (j + k) * fanIn + from + i] : 0;
    }
  }

  function evaluate(params: Float64Array): GridOutputs {
    // Block by block, so a block's values stay in the processor's fast caches through all layers.
    for (let from = 0; from < n; from += BLOCK) {
      const to = Math.min(n, from + BLOCK);
      for (let l = 0; l < topo.depth; l++) {
        const size = topo.sizes[l + 1];
        const groups = inputGroups[l];
        // Four neurons at a time, then any left over one at a time.
        const fours = size - (size % 4);
        for (let j = 0; j < size; j += j < fours ? 4 : 1) {
          const many = j < fours;
          for (let g = 0; g < groups.length; g++) {
            const width = groups[g].length;
            loadWeights(params, l, j, g * width, width);
            if (many && width === 4) sums4x4(preGroups[j / 4], b, W, groups[g], from, to);
            else if (many) sums4x8(preGroups[j / 4], b, W, groups[g], from, to, g === 0);
            else if (width === 4) sums1x4(pre[j], b[0], W, groups[g], from, to);
            else sums1x8(pre[j], b[0], W, groups[g], from, to, g === 0);
          }
        }
        const code = topo.codes[l];
        if (code === ACT.softmax) softmaxColumns(pre, layers[l], from, to);
        else for (let j = 0; j < size; j++) activateInto(code, pre[j], layers[l][j], from, to, tanh, topo.drawn);
      }
    }
    return { features, layers };
  }

  return { resolution, evaluate };
}

/**
 * out[p] = f(z[p]), for the caller and the layer above. The common activations are inline;
 * the engine's tanh is written out so the loop makes no call.
 */
function activateInto(
  code: ActCode,
  z: Float64Array,
  out: Float32Array,
  from: number,
  to: number,
  tanh: Unary,
  drawn: Piecewise | null,
): void {
  switch (code) {
    case ACT.identity:
      for (let p = from; p < to; p++) out[p] = z[p];
      return;
    case ACT.relu:
      for (let p = from; p < to; p++) out[p] = z[p] > 0 ? z[p] : 0;
      return;
    case ACT.tanh:
      if (tanh === fastTanh) fastTanhColumn(z, out, from, to);
      else for (let p = from; p < to; p++) out[p] = tanh(z[p]);
      return;
    case ACT.sigmoid:
      for (let p = from; p < to; p++) out[p] = sigmoid(z[p]);
      return;
    case ACT.drawn: {
      // The network's own drawing (the registry's entry is only the default one).
      const f = requireDrawn(drawn).f;
      for (let p = from; p < to; p++) out[p] = f(z[p]);
      return;
    }
    default: {
      const f = ACTIVATIONS[ACTIVATION_BY_CODE[code]].f;
      for (let p = from; p < to; p++) out[p] = f(z[p]);
    }
  }
}

/** Softmax across neurons, point by point, for neuron-major columns. */
function softmaxColumns(pre: Float64Array[], out: Float32Array[], from: number, to: number): void {
  const k = out.length;
  for (let p = from; p < to; p++) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) if (pre[j][p] > max) max = pre[j][p];
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(pre[j][p] - max);
    for (let j = 0; j < k; j++) out[j][p] = Math.exp(pre[j][p] - max) / sum;
  }
}
