/**
 * One example, forward and backward: every number the engine computes for one training
 * example — each neuron's weighted sum z and activation a, the output, the loss, each neuron's
 * error δ = ∂L/∂z and each parameter's gradient — and the update that trains on that example
 * alone (a batch of one). Both run the engine's own kernels (kernels.ts, loss.ts,
 * optimizer.ts) on that one row, so the numbers are exactly the ones training uses.
 */
import type { DataPoint } from '../config';
import { backwardBatch, createWorkspace, forwardBatch } from './kernels';
import { lossSum, outputDelta } from './loss';
import type { Model } from './model';
import { applyUpdate } from './optimizer';
import type { Topology } from './shape';
import { addBatch, closeEpoch } from './gradient-flow';

export interface ExampleTrace {
  /** The training row (0-based, in the seeded training order). */
  row: number;
  /** The data point of that row. */
  point: DataPoint;
  /** Every parameter the numbers were computed with, in the layout order (core/engine/shape.ts). */
  params: Float64Array;
  /** What the network is fed (the enabled features, a table row, or x for a curve set). */
  inputs: Float64Array;
  /** z[l][j]: weighted sum of neuron j of layer l (hidden layers first, the output layer last). */
  z: Float64Array[];
  /** a[l][j]: that neuron's activation f(z); the last layer's is the network's output. */
  a: Float64Array[];
  /** The target(s) the loss compares the output with (encoded as training encodes them). */
  target: Float64Array;
  /** This example's loss (the same measure as the loss chart's, for one example). */
  loss: number;
  /** delta[l][j] = ∂L/∂z of neuron j of layer l. */
  delta: Float64Array[];
  /**
   * ∂L/∂θ of every parameter for this example, in the layout order (core/engine/shape.ts):
   * a weight's gradient is δ of the neuron it feeds times the activation it carries; a bias's is δ.
   */
  gradient: Float64Array;
}

/** Forward and backward for training row `row` with the model's current parameters; changes nothing. */
export function traceExample(model: Model, row: number): ExampleTrace {
  const n = model.data.train.length;
  if (!Number.isInteger(row) || row < 0 || row >= n)
    throw new RangeError(`There is no training example ${row}: the training set has ${n}.`);
  const topo = model.topo;
  const last = topo.depth - 1;
  const k = model.outputs;
  const ws = createWorkspace(topo, 1);
  const gradient = new Float64Array(topo.paramCount);
  forwardBatch(topo, model.params, model.trainX, row, 1, ws, model.tanh);
  outputDelta(model.lossCode, topo.codes[last], ws.pre[last], ws.act[last], model.trainT, row, 1, k, ws.delta[last]);
  backwardBatch(topo, model.params, model.trainX, row, 1, ws, gradient);
  const inputs = model.trainX.slice(row * topo.sizes[0], (row + 1) * topo.sizes[0]);
  return {
    row,
    point: { ...model.data.train[row] },
    params: model.params.slice(),
    inputs,
    z: ws.pre.map((p) => p.slice()),
    a: ws.act.map((p) => p.slice()),
    target: model.trainT.slice(row * k, (row + 1) * k),
    loss: lossSum(model.lossCode, topo.codes[last], ws.pre[last], ws.act[last], model.trainT, row, 1, k),
    // The first layer's backward step leaves no δ below it; the hidden ones are all filled.
    delta: ws.delta.map((d) => d.slice()),
    gradient,
  };
}

export interface ExampleStep {
  /** The training row that was trained on. */
  row: number;
  /** Every parameter before and after the update. */
  before: Float64Array;
  after: Float64Array;
  /** True when that row was the last of the epoch (the next example starts a new epoch). */
  epochEnded: boolean;
}

/**
 * Trains on the next training example alone — the row at the model's cursor, as a batch of
 * one, with the model's optimizer and regularization — and moves the cursor on by one. The
 * same arithmetic as `trainBatch` with a batch size of 1.
 */
export function trainExample(model: Model): ExampleStep {
  const row = model.cursor;
  const trace = traceExample(model, row);
  const before = model.params.slice();
  model.grad.set(trace.gradient);
  // A batch of one for the gradient flow too (gradient-flow.ts), as trainBatch adds its batches.
  if (model.flow !== null) addBatch(model.flow, model.topo, model.grad, 1);
  applyUpdate(model.params, model.grad, 1, model.isWeight, model.settings, model.optimizer);
  model.cursor = row + 1 >= model.data.train.length ? 0 : row + 1;
  if (model.cursor === 0 && model.flow !== null) closeEpoch(model.flow, model.topo);
  return { row, before, after: model.params.slice(), epochEnded: model.cursor === 0 };
}

/** Indexes of the `count` parameters that moved most (largest |after − before|), largest first. */
export function largestChanges(before: ArrayLike<number>, after: ArrayLike<number>, count: number): number[] {
  const order = Array.from({ length: before.length }, (_, i) => i);
  order.sort((i, j) => Math.abs(after[j] - before[j]) - Math.abs(after[i] - before[i]) || i - j);
  return order.slice(0, Math.max(0, count));
}

/** One neuron's sum written out: z = b + Σᵢ wᵢ·aᵢ with the live numbers, for the formula view. */
export interface NeuronSum {
  bias: number;
  /** One term per incoming link, in order: the weight and the activation (or input) it carries. */
  terms: { weight: number; input: number }[];
  z: number;
  a: number;
  /** δ = ∂L/∂z of this neuron. */
  delta: number;
}

/** The written-out sum of neuron `neuron` of layer `layer` (0 = first hidden) in a trace. */
export function neuronSum(topo: Topology, params: Float64Array, trace: ExampleTrace, layer: number, neuron: number): NeuronSum {
  const fanIn = topo.sizes[layer];
  const below = layer === 0 ? trace.inputs : trace.a[layer - 1];
  const w0 = topo.weightOffsets[layer] + neuron * fanIn;
  const terms = Array.from({ length: fanIn }, (_, i) => ({ weight: params[w0 + i], input: below[i] }));
  return {
    bias: params[topo.biasOffsets[layer] + neuron],
    terms,
    z: trace.z[layer][neuron],
    a: trace.a[layer][neuron],
    delta: trace.delta[layer][neuron],
  };
}
