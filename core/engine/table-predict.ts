/**
 * Class probabilities for any input rows of a table network, using the engine's own batched
 * forward pass (no copy of its arithmetic): for the gallery, the drawing pad and per-class
 * scores, all computed in the page from a snapshot's parameters.
 */
import type { LabConfig } from '../config';
import { createWorkspace, forwardBatch, type Workspace } from './kernels';
import { layerViews, topology, type Topology } from './shape';
import { fastTanh } from './tanh';

export interface Predictor {
  topo: Topology;
  /** Outputs of the last layer for `rows` rows of `inputs` (rows × outputs, reused by the next call). */
  outputs(params: Float64Array, inputs: Float64Array, rows: number): Float64Array;
}

const CHUNK = 256;

export function createPredictor(config: LabConfig): Predictor {
  const topo = topology(config);
  const k = topo.sizes[topo.depth];
  let ws: Workspace = createWorkspace(topo, CHUNK);
  let out = new Float64Array(0);
  return {
    topo,
    outputs(params, inputs, rows) {
      if (out.length < rows * k) out = new Float64Array(rows * k);
      const last = topo.depth - 1;
      for (let start = 0; start < rows; start += CHUNK) {
        const n = Math.min(CHUNK, rows - start);
        if (ws.capacity < n) ws = createWorkspace(topo, n);
        forwardBatch(topo, params, inputs, start, n, ws, fastTanh);
        out.set(ws.act[last].subarray(0, n * k), start * k);
      }
      return out.subarray(0, rows * k);
    },
  };
}

export interface Classified {
  predicted: Uint8Array;
  /** The output of the predicted class (its probability under softmax). */
  confidence: Float64Array;
}

/** Argmax class of every row of a rows × k output matrix. */
export function classify(outputs: Float64Array, rows: number, k: number): Classified {
  const predicted = new Uint8Array(rows);
  const confidence = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (outputs[r * k + j] > outputs[r * k + best]) best = j;
    predicted[r] = best;
    confidence[r] = outputs[r * k + best];
  }
  return { predicted, confidence };
}

/**
 * Gallery order: wrong answers first, the most confident mistakes leading; then right
 * answers, the least confident first (the ones that nearly went wrong). Returns row positions.
 */
export function galleryOrder(labels: ArrayLike<number>, classified: Classified): number[] {
  const { predicted, confidence } = classified;
  const order = Array.from({ length: predicted.length }, (_, i) => i);
  const wrong = (i: number): number => (predicted[i] !== labels[i] ? 0 : 1);
  return order.sort(
    (a, b) => wrong(a) - wrong(b) || (wrong(a) === 0 ? confidence[b] - confidence[a] : confidence[a] - confidence[b]) || a - b,
  );
}

/** Share right per true class (rows of a confusion matrix); null for a class with no examples. */
export function perClassAccuracy(confusion: readonly (readonly number[])[]): (number | null)[] {
  return confusion.map((row, c) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? null : row[c] / total;
  });
}

/** The first layer's incoming weights of each of its neurons (views, one per neuron, `inputs` long). */
export function firstLayerWeights(topo: Topology, params: Float64Array): Float64Array[] {
  const { weights } = layerViews(topo, params)[0];
  const fanIn = topo.sizes[0];
  return Array.from({ length: topo.sizes[1] }, (_, j) => weights.subarray(j * fanIn, (j + 1) * fanIn));
}
