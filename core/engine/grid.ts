/**
 * Every neuron's output over a square grid, for heatmaps. The grid covers [−6, 6]² with
 * `resolution` cells a side, sampled at cell centres, row-major with row 0 at the top
 * (x₂ near +6) and column 0 at the left (x₁ near −6). Work is done neuron by neuron over
 * whole rows of the grid, in buffers allocated once per evaluator.
 */
import type { LabConfig } from '../config';
import { ACT } from './activations';
import { DOMAIN } from './data';
import { featureMatrix } from './features';
import { activate, type Unary } from './kernels';
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
  const featureColumns: Float64Array[] = [];
  for (let j = 0; j < inputs; j++) {
    const col = new Float64Array(n);
    for (let p = 0; p < n; p++) col[p] = rowMajor[p * inputs + j];
    featureColumns.push(col);
  }
  const features = featureColumns.map((col) => Float32Array.from(col));
  // Per layer and neuron: the pre-activation sum and the output, in float64 for the next layer.
  const pre = topo.sizes.slice(1).map((s) => Array.from({ length: s }, () => new Float64Array(n)));
  const act = topo.sizes.slice(1).map((s) => Array.from({ length: s }, () => new Float64Array(n)));
  const layers = topo.sizes.slice(1).map((s) => Array.from({ length: s }, () => new Float32Array(n)));

  function evaluate(params: Float64Array): GridOutputs {
    for (let l = 0; l < topo.depth; l++) {
      const fanIn = topo.sizes[l];
      const size = topo.sizes[l + 1];
      const below = l === 0 ? featureColumns : act[l - 1];
      const code = topo.codes[l];
      for (let j = 0; j < size; j++) {
        const z = pre[l][j];
        z.fill(params[topo.biasOffsets[l] + j]);
        const w0 = topo.weightOffsets[l] + j * fanIn;
        for (let i = 0; i < fanIn; i++) {
          const w = params[w0 + i];
          if (w === 0) continue;
          const a = below[i];
          for (let p = 0; p < n; p++) z[p] += w * a[p];
        }
        if (code !== ACT.softmax) activate(code, z, act[l][j], 1, n, tanh);
      }
      if (code === ACT.softmax) softmaxColumns(pre[l], act[l], n);
      for (let j = 0; j < size; j++) layers[l][j].set(act[l][j]);
    }
    return { features, layers };
  }

  return { resolution, evaluate };
}

/** Softmax across neurons, point by point, for neuron-major columns. */
function softmaxColumns(pre: Float64Array[], out: Float64Array[], n: number): void {
  const k = pre.length;
  for (let p = 0; p < n; p++) {
    let max = -Infinity;
    for (let j = 0; j < k; j++) if (pre[j][p] > max) max = pre[j][p];
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp(pre[j][p] - max);
      out[j][p] = e;
      sum += e;
    }
    for (let j = 0; j < k; j++) out[j][p] /= sum;
  }
}
