/**
 * The fast path: when a network is configured, write a training loop specialised to its exact
 * shape and compile it with `new Function`. Two writers: example by example with everything
 * in local variables (codegen-example.ts, for playground-size networks) and layer by layer
 * with short loops over the batch (codegen-layer.ts, for larger ones). Both perform the same
 * arithmetic in the same order as the plain path (kernels.ts, loss.ts), so all three give the
 * same numbers; tests hold them equal bit for bit.
 *
 * Covers networks with one output (identity, tanh or sigmoid) under ½·squared error or binary
 * cross-entropy — every two-class and regression set — with any hidden activation, the drawn
 * one included (its knots are written into the code as constants, see drawnValueSource). Others (softmax, three classes) use the
 * plain path. Only used where code generation is allowed (the engine worker); a page's
 * Content-Security-Policy makes `new Function` throw, and the session then falls back.
 */
import { ACT, gelu, geluDerivative, sigmoid, softplus } from './activations';
import { HELPERS } from './codegen';
import { exampleSource } from './codegen-example';
import { forwardSource, layerSource } from './codegen-layer';
import { LOSS, type LossCode } from './loss';
import type { Model } from './model';
import { applyUpdate } from './optimizer';
import type { Topology } from './shape';
import { fastTanh } from './tanh';

/**
 * Runs the network on rows [start, start + rows) of X (row-major inputs), leaving the single
 * output's input z and output y of row start + k at z[k] and y[k].
 */
export type CompiledForward = (P: Float64Array, X: Float64Array, start: number, rows: number, z: Float64Array, y: Float64Array) => void;

/**
 * Trains the rest of the current epoch of `model` (from its cursor to the last training row);
 * `forward` is the matching generated forward pass, for measuring loss and accuracy.
 */
export type CompiledEpoch = ((model: Model) => void) & { forward: CompiledForward };

/** `sgdRate`: the learning rate when the update is plain SGD (the code may do it inline), else −1. */
type RawEpoch = (
  P: Float64Array,
  G: Float64Array,
  X: Float64Array,
  T: Float64Array,
  start: number,
  end: number,
  batch: number,
  update: (count: number) => void,
  sgdRate: number,
  /** Gradient flow's running sums (gradient-flow.ts), or null when it is off. */
  F: Float64Array | null,
) => void;

/**
 * Which writer suits a network, as measured on the Playground's workloads: example by example
 * is faster (by about a third on 2→8→8→1) as long as V8 still optimises its one big function;
 * past roughly 60 KB of source it no longer does, and the code runs fifteen times slower.
 * So the example-wise source is used while it stays below this size, the layer-wise otherwise.
 */
export const EXAMPLE_STYLE_MAX_SOURCE = 50_000;

export type FastPathStyle = 'example' | 'layer';

/** The epoch's source in the given style, or in the style that suits the network. */
export function epochSource(topo: Topology, loss: LossCode, style?: FastPathStyle, inlineTanh = true): string {
  if (style === 'layer') return layerSource(topo, loss, inlineTanh);
  const example = exampleSource(topo, loss, inlineTanh);
  return style === 'example' || example.length <= EXAMPLE_STYLE_MAX_SOURCE ? example : layerSource(topo, loss, inlineTanh);
}

/** Widest input layer the writers unroll (the 2-D features); table data sets are wider and use the plain path. */
export const MAX_FAST_INPUTS = 16;
/** Largest network compiled; the biggest 2-D network the lab allows has about 2,100 parameters. */
export const MAX_FAST_PARAMS = 5000;

export function fastPathSupports(topo: Topology, loss: LossCode): boolean {
  const out = topo.codes[topo.depth - 1];
  return (
    topo.sizes[0] <= MAX_FAST_INPUTS &&
    topo.paramCount <= MAX_FAST_PARAMS &&
    topo.sizes[topo.depth] === 1 &&
    loss !== LOSS.softmaxCrossEntropy &&
    (out === ACT.identity || out === ACT.tanh || out === ACT.sigmoid)
  );
}

/** Compiles the specialised epoch for the model's network, or returns null if the shape is not covered. Throws where code generation is forbidden. */
export function compileEpoch(model: Model, style?: FastPathStyle): CompiledEpoch | null {
  if (!fastPathSupports(model.topo, model.lossCode)) return null;
  const inlineTanh = model.tanh === fastTanh;
  const factory = new Function(...HELPERS, epochSource(model.topo, model.lossCode, style, inlineTanh)) as (
    ...helpers: unknown[]
  ) => RawEpoch;
  const raw = factory(model.tanh, sigmoid, softplus, gelu, geluDerivative);
  const forwardFactory = new Function(...HELPERS, forwardSource(model.topo, inlineTanh)) as (...helpers: unknown[]) => CompiledForward;
  const forward = forwardFactory(model.tanh, sigmoid, softplus, gelu, geluDerivative);
  // Bound once: a module bundler may turn every use of an imported name into a property read.
  const apply = applyUpdate;
  let current = model;
  const update = (count: number): void => apply(current.params, current.grad, count, current.isWeight, current.settings, current.optimizer);
  const epoch = (m: Model): void => {
    current = m;
    const s = m.settings;
    const plainSgd = m.optimizer.name === 'sgd' && (s.regularization === 'none' || s.regularizationRate === 0);
    raw(
      m.params,
      m.grad,
      m.trainX,
      m.trainT,
      m.cursor,
      m.data.train.length,
      s.batchSize,
      update,
      plainSgd ? s.learningRate : -1,
      m.flow === null ? null : m.flow.running,
    );
  };
  return Object.assign(epoch, { forward });
}
