/** Looking inside a network: outputs of every layer for chosen points, and the collapsed map. */
import type { ActivationName, LabConfig } from '../config';
import { networkKnots, straightLine } from './drawn';
import { featureMatrix } from './features';
import { inputFeatures } from './curve-data';
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
  const x = featureMatrix(inputFeatures(config), points, n, new Float64Array(n * topo.sizes[0]));
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
 * The straight line a hidden activation is, f(z) = slope·z + intercept, or null when it bends:
 * the identity is (1, 0); a drawn activation is straight when all its segments have one slope
 * (see straightLine in drawn.ts).
 */
export function activationLine(config: LabConfig, name: ActivationName): { slope: number; intercept: number } | null {
  if (name === 'identity') return { slope: 1, intercept: 0 };
  if (name === 'drawn') return straightLine(networkKnots(config.network.drawn));
  return null;
}

/**
 * When every hidden activation is a straight line (the identity, or a drawn function that is
 * straight), the network is one affine map from the enabled features to the output layer's
 * pre-activation: z = W·x + b. Returns that W (outputs × inputs) and b, or null when some
 * hidden layer bends its input.
 */
export function collapse(config: LabConfig, params: Float64Array): { W: number[][]; b: number[] } | null {
  const lines = config.network.hidden.map((h) => activationLine(config, h.activation));
  if (lines.some((line) => line === null)) return null;
  const topo = topology(config);
  const inputs = topo.sizes[0];
  // Start from the identity map on the inputs and push it through each layer.
  let W: number[][] = Array.from({ length: inputs }, (_, r) => Array.from({ length: inputs }, (_, c) => (r === c ? 1 : 0)));
  let b: number[] = new Array<number>(inputs).fill(0);
  for (let l = 0; l < topo.depth; l++) {
    const fanIn = topo.sizes[l];
    const size = topo.sizes[l + 1];
    const w0 = topo.weightOffsets[l];
    const line = l < lines.length ? lines[l] : null;
    // The identity is applied as it is, so an all-identity network gives the same numbers as before.
    const bends = line !== null && (line.slope !== 1 || line.intercept !== 0);
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
      if (bends) {
        for (let c = 0; c < inputs; c++) row[c] *= line.slope;
        bias = line.slope * bias + line.intercept;
      }
      nextW.push(row);
      nextB.push(bias);
    }
    W = nextW;
    b = nextB;
  }
  return { W, b };
}
