/**
 * Every neuron's output over a square grid, for heatmaps. The grid covers [−6, 6]² with
 * `resolution` cells a side, sampled at cell centres, row-major with row 0 at the top
 * (x₂ near +6) and column 0 at the left (x₁ near −6). Work is done neuron by neuron over
 * whole columns of grid values, in buffers allocated once per evaluator. Sums are taken in
 * float64; the outputs (which also feed the next layer) are float32, plenty for a picture.
 */

/** Grid points handled together: small enough that a block of every column fits in the L1 cache. */
const BLOCK = 512;

/** Activation names by their numeric code (hidden activations only). */
const ACTIVATION_BY_CODE = Object.fromEntries(ACTIVATION_NAMES.map((name) => [ACT[name], name])) as Record<number, (typeof ACTIVATION_NAMES)[number]>;
import type { LabConfig } from '../config';
import { ACTIVATION_NAMES } from '../config';
import { ACT, ACTIVATIONS, OUTPUT_ACTIVATIONS, sigmoid, type ActCode } from './activations';
import { DOMAIN } from './data';
import { featureMatrix } from './features';
import type { Unary } from './kernels';
import { topology } from './shape';
import { fastTanh } from './tanh';

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

export function createGridEvaluator(config: LabConfig, resolution: number, tanh: Unary = fastTanh): GridEvaluator {
  const topo = topology(config);
  const n = resolution * resolution;
  const inputs = topo.sizes[0];
  // Features, stored neuron-major: one contiguous column of n values per feature.
  const rowMajor = featureMatrix(config.features, gridPoints(resolution), n, new Float64Array(n * inputs));
  const features: Float32Array[] = [];
  for (let j = 0; j < inputs; j++) {
    const col = new Float32Array(n);
    for (let p = 0; p < n; p++) col[p] = rowMajor[p * inputs + j];
    features.push(col);
  }
  // One pre-activation buffer serves every neuron in turn; a softmax layer needs one per neuron.
  const scratch = new Float64Array(n);
  const softmaxPre = topo.codes[topo.depth - 1] === ACT.softmax ? Array.from({ length: topo.sizes[topo.depth] }, () => new Float64Array(n)) : [];
  const layers = topo.sizes.slice(1).map((s) => Array.from({ length: s }, () => new Float32Array(n)));

  function evaluate(params: Float64Array): GridOutputs {
    // Block by block, so a block's values stay in the processor's fastest cache through all layers.
    for (let from = 0; from < n; from += BLOCK) {
      const to = Math.min(n, from + BLOCK);
      for (let l = 0; l < topo.depth; l++) {
        const fanIn = topo.sizes[l];
        const size = topo.sizes[l + 1];
        const below = l === 0 ? features : layers[l - 1];
        const code = topo.codes[l];
        for (let j = 0; j < size; j++) {
          const z = code === ACT.softmax ? softmaxPre[j] : scratch;
          weightedSum(z, params, topo.weightOffsets[l] + j * fanIn, params[topo.biasOffsets[l] + j], below, fanIn, from, to);
          if (code !== ACT.softmax) activateInto(code, z, layers[l][j], from, to, tanh);
        }
        if (code === ACT.softmax) softmaxColumns(softmaxPre, layers[l], from, to);
      }
    }
    return { features, layers };
  }

  return { resolution, evaluate };
}

/**
 * z[p] = b + Σᵢ w[i]·a[i][p] over whole columns, four inputs per pass so each pass over z does
 * four multiply-adds.
 */
function weightedSum(z: Float64Array, params: Float64Array, w: number, b: number, a: Float32Array[], fanIn: number, from: number, to: number): void {
  let i = fanIn % 4;
  if (i === 0) z.fill(b, from, to);
  else if (i === 1) {
    const w0 = params[w];
    const a0 = a[0];
    for (let p = from; p < to; p++) z[p] = b + w0 * a0[p];
  } else if (i === 2) {
    const w0 = params[w];
    const w1 = params[w + 1];
    const a0 = a[0];
    const a1 = a[1];
    for (let p = from; p < to; p++) z[p] = b + w0 * a0[p] + w1 * a1[p];
  } else {
    const w0 = params[w];
    const w1 = params[w + 1];
    const w2 = params[w + 2];
    const a0 = a[0];
    const a1 = a[1];
    const a2 = a[2];
    for (let p = from; p < to; p++) z[p] = b + w0 * a0[p] + w1 * a1[p] + w2 * a2[p];
  }
  for (; i < fanIn; i += 4) {
    const w0 = params[w + i];
    const w1 = params[w + i + 1];
    const w2 = params[w + i + 2];
    const w3 = params[w + i + 3];
    const a0 = a[i];
    const a1 = a[i + 1];
    const a2 = a[i + 2];
    const a3 = a[i + 3];
    for (let p = from; p < to; p++) z[p] += w0 * a0[p] + w1 * a1[p] + w2 * a2[p] + w3 * a3[p];
  }
}

/** out[p] = f(z[p]); the common activations inline, the rest through the registry. */
function activateInto(code: ActCode, z: Float64Array, out: Float32Array, from: number, to: number, tanh: Unary): void {
  switch (code) {
    case ACT.identity:
      for (let p = from; p < to; p++) out[p] = z[p];
      return;
    case ACT.relu:
      for (let p = from; p < to; p++) out[p] = z[p] > 0 ? z[p] : 0;
      return;
    case ACT.tanh:
      for (let p = from; p < to; p++) out[p] = tanh(z[p]);
      return;
    case ACT.sigmoid:
      for (let p = from; p < to; p++) out[p] = sigmoid(z[p]);
      return;
    default: {
      const f = (code === ACT.softmax ? OUTPUT_ACTIVATIONS.softmax : ACTIVATIONS[ACTIVATION_BY_CODE[code]]).f;
      for (let p = from; p < to; p++) out[p] = f(z[p]);
    }
  }
}

/** Softmax across neurons, point by point, for neuron-major columns. */
function softmaxColumns(pre: Float64Array[], out: Float32Array[], from: number, to: number): void {
  const k = pre.length;
  for (let p = from; p < to; p++) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) if (pre[j][p] > max) max = pre[j][p];
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(pre[j][p] - max);
    for (let j = 0; j < k; j++) out[j][p] = Math.exp(pre[j][p] - max) / sum;
  }
}
