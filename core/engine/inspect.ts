/** Looking inside a network: outputs of every layer for chosen points, and the collapsed map. */
import type { LabConfig } from '../config';
import { featureMatrix } from './features';
import { createWorkspace, forwardBatch } from './kernels';
import { topology } from './shape';
import { fastTanh } from './tanh';

export interface PointEvaluator {
  /** How many points it runs. */
  count: number;
  /**
   * Outputs of every layer for these parameters (hidden layers first, the output layer last),
   * each count × size, row-major: neuron j of point p at p·size + j. The arrays are reused by
   * the next call, so a view that redraws often allocates nothing.
   */
  evaluate(params: Float64Array): Float64Array[];
}

/**
 * Prepares fixed points, given as (x1, x2) pairs in `points` (length 2n), to be run through
 * networks of this configuration's shape again and again: features and buffers are made once.
 */
export function createPointEvaluator(config: LabConfig, points: Float64Array): PointEvaluator {
  const topo = topology(config);
  const n = Math.floor(points.length / 2);
  const x = featureMatrix(config.features, points, n, new Float64Array(n * topo.sizes[0]));
  const ws = createWorkspace(topo, Math.max(1, n));
  const views = ws.act.map((a, l) => a.subarray(0, n * topo.sizes[l + 1]));
  return {
    count: n,
    evaluate(params: Float64Array): Float64Array[] {
      if (n > 0) forwardBatch(topo, params, x, 0, n, ws, fastTanh);
      return views;
    },
  };
}

/** Runs points through the network once; the arrays returned are the caller's to keep. */
export function forwardPoints(config: LabConfig, params: Float64Array, points: Float64Array): Float64Array[] {
  return createPointEvaluator(config, points)
    .evaluate(params)
    .map((a) => a.slice());
}

/**
 * When every hidden activation is the identity, the network is one affine map from the
 * enabled features to the output layer's pre-activation: z = W·x + b. Returns that W
 * (outputs × inputs) and b, or null when some hidden layer bends its input.
 */
export function collapse(config: LabConfig, params: Float64Array): { W: number[][]; b: number[] } | null {
  if (config.network.hidden.some((h) => h.activation !== 'identity')) return null;
  const topo = topology(config);
  const inputs = topo.sizes[0];
  // Start from the identity map on the inputs and push it through each layer.
  let W: number[][] = Array.from({ length: inputs }, (_, r) => Array.from({ length: inputs }, (_, c) => (r === c ? 1 : 0)));
  let b: number[] = new Array<number>(inputs).fill(0);
  for (let l = 0; l < topo.depth; l++) {
    const fanIn = topo.sizes[l];
    const size = topo.sizes[l + 1];
    const w0 = topo.weightOffsets[l];
    const nextW: number[][] = [];
    const nextB: number[] = [];
    for (let j = 0; j < size; j++) {
      const row = new Array<number>(inputs).fill(0);
      let bias = params[topo.biasOffsets[l] + j];
      for (let i = 0; i < fanIn; i++) {
        const w = params[w0 + j * fanIn + i];
        for (let c = 0; c < inputs; c++) row[c] += w * W[i][c];
        bias += w * b[i];
      }
      nextW.push(row);
      nextB.push(bias);
    }
    W = nextW;
    b = nextB;
  }
  return { W, b };
}
