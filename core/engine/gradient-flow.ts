/**
 * Gradient flow: how large the gradient of each layer's weights is, collected while training
 * (no extra pass over the data). For every batch, each layer adds the mean over its weights of
 * |∂L/∂w| (the batch-mean gradient of the data loss, regularization left out); when an epoch
 * ends, dividing by the number of batches gives the epoch's mean. Vanishing gradients show as
 * early layers orders of magnitude below the last.
 *
 * Both training paths add to the same running sums, layer by layer, in the same order:
 * `addBatch` here for the plain path, and the same sums written into the generated code of
 * the fast path (codegen-example.ts, codegen-layer.ts; see `flowSource`).
 */
import type { Topology } from './shape';

export interface GradientFlow {
  /**
   * Running sums of the epoch in progress: entry l (one per layer, the output layer last) adds
   * Σ|gradient sum of each weight| / batch size for every batch; entry `depth` counts batches.
   */
  running: Float64Array;
  /**
   * Mean |∂L/∂w| per layer over the last complete epoch (empty before the first). It always
   * describes the latest epoch completed: whatever moves training to another epoch (reset,
   * load-state, going back after a runaway) resets it.
   */
  last: Float64Array;
}

export function createGradientFlow(topo: Topology): GradientFlow {
  return { running: new Float64Array(topo.depth + 1), last: new Float64Array(0) };
}

/** Forgets the epoch in progress (training went back to an epoch boundary). */
export function clearRunning(flow: GradientFlow): void {
  flow.running.fill(0);
}

/** Forgets everything (a new or re-initialised network). */
export function resetGradientFlow(flow: GradientFlow): void {
  flow.running.fill(0);
  flow.last = new Float64Array(0);
}

/**
 * Adds one batch: `grad` holds the sum over the batch's `count` examples of each parameter's
 * gradient (what the optimizer is about to use).
 */
export function addBatch(flow: GradientFlow, topo: Topology, grad: Float64Array, count: number): void {
  const running = flow.running;
  for (let l = 0; l < topo.depth; l++) {
    let s = 0;
    for (let k = topo.weightOffsets[l]; k < topo.biasOffsets[l]; k++) s += Math.abs(grad[k]);
    running[l] += s / count;
  }
  running[topo.depth] += 1;
}

/** Closes the epoch that just ended: its means become `last`, the sums start again. */
export function closeEpoch(flow: GradientFlow, topo: Topology): void {
  const batches = flow.running[topo.depth];
  if (batches === 0) return;
  const last = new Float64Array(topo.depth);
  for (let l = 0; l < topo.depth; l++) {
    const weights = topo.biasOffsets[l] - topo.weightOffsets[l];
    last[l] = flow.running[l] / (batches * weights);
  }
  flow.last = last;
  flow.running.fill(0);
}

/**
 * Source for generated code: adds one batch to the running sums in F (null when gradient flow
 * is off), given the name of each weight's gradient sum and the batch size's name. Terms are
 * added in layout order, as `addBatch` does.
 */
export function flowSource(layer: number, gradNames: string[], count: string): string {
  return `F[${layer}] += (${gradNames.map((g) => `Math.abs(${g})`).join(' + ')}) / ${count};`;
}
