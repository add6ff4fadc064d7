/**
 * A configured network ready to train: its layout, parameters, optimizer state, the data as
 * feature and target matrices, and the buffers the passes reuse. Training walks the training
 * rows in their (seeded, shuffled) order, one batch at a time.
 */
import type { LabConfig, TrainingSettings } from '../config';
import { gatherRows, requireTable } from './table-split';
import { isTableDataset } from '../tabular/info';
import { generateData, type Dataset } from './data';
import { featureMatrix } from './features';
import { inputFeatures } from './curve-data';
import { initializeParams, weightMask } from './init';
import { backwardBatch, createWorkspace, forwardBatch, type Unary, type Workspace } from './kernels';
import { decisionThreshold, encodeTargets, LOSS, lowTarget, outputDelta, type LossCode } from './loss';
import { applyUpdate, createOptimizerState, type OptimizerState } from './optimizer';
import { createRandom, deriveSeed, STREAM } from './rng';
import { topology, type Topology } from './shape';
import { fastTanh } from './tanh';
import { compileEpoch, type CompiledEpoch } from './fastpath';
import { addBatch, closeEpoch, createGradientFlow, resetGradientFlow, type GradientFlow } from './gradient-flow';

export interface ModelOptions {
  /** Use code generated for this network's shape (needs `new Function`). */
  fastPath?: boolean;
  /** Use Math.tanh instead of the cheaper approximation (for tests and comparisons). */
  exactTanh?: boolean;
  /** Collect gradient flow while training (gradient-flow.ts); on unless false. */
  gradientFlow?: boolean;
}

export interface Model {
  config: LabConfig;
  topo: Topology;
  data: Dataset;
  /** Every parameter, in layout order. */
  params: Float64Array;
  /** Sum of the current batch's per-example dLoss/dParam (cleared by each update). */
  grad: Float64Array;
  isWeight: Uint8Array;
  optimizer: OptimizerState;
  settings: TrainingSettings;
  lossCode: LossCode;
  outputs: number;
  threshold: number;
  /** Feature rows of the training set (nTrain × inputs) and their targets (nTrain × outputs). */
  trainX: Float64Array;
  trainT: Float64Array;
  testX: Float64Array;
  testT: Float64Array;
  /** Next training row of the current epoch (0 = at an epoch boundary). */
  cursor: number;
  /** Buffers for one training batch. */
  batchWs: Workspace;
  tanh: Unary;
  /** The shape-specialised epoch, or null on the plain path. */
  fast: CompiledEpoch | null;
  /** Gradient flow collected while training, or null when it is off. */
  flow: GradientFlow | null;
}

function features(config: LabConfig, points: Dataset['train'], rows?: Int32Array): Float64Array {
  // Table sets (iris, digits): the inputs are the chosen rows' own columns.
  if (isTableDataset(config.data.dataset) && rows !== undefined) return gatherRows(requireTable(config.data.dataset), rows);
  const xy = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    xy[2 * i] = p.x1;
    xy[2 * i + 1] = p.x2;
  });
  return featureMatrix(inputFeatures(config), xy, points.length, new Float64Array(points.length * inputFeatures(config).length));
}

export function createModel(config: LabConfig, options: ModelOptions = {}): Model {
  const topo = topology(config);
  const data = generateData(config.data, config.seed);
  const outputs = topo.sizes[topo.depth];
  const low = lowTarget(config.training.loss, config.network.outputActivation);
  const model: Model = {
    config,
    topo,
    data,
    params: new Float64Array(topo.paramCount),
    grad: new Float64Array(topo.paramCount),
    isWeight: weightMask(topo),
    optimizer: createOptimizerState(config.training.optimizer, topo.paramCount),
    settings: { ...config.training },
    lossCode: LOSS[config.training.loss],
    outputs,
    threshold: decisionThreshold(config.network.outputActivation),
    trainX: features(config, data.train, data.rows?.train),
    trainT: encodeTargets(data.train, data.problem, outputs, low),
    testX: features(config, data.test, data.rows?.test),
    testT: encodeTargets(data.test, data.problem, outputs, low),
    cursor: 0,
    batchWs: createWorkspace(topo, Math.max(1, config.training.batchSize)),
    tanh: options.exactTanh ? Math.tanh : fastTanh,
    fast: null,
    flow: options.gradientFlow === false ? null : createGradientFlow(topo),
  };
  if (options.fastPath) model.fast = compileEpoch(model);
  initializeModel(model);
  return model;
}

/** Fresh weights from the seed, cleared optimizer state, back to the start of an epoch. */
export function initializeModel(model: Model): void {
  initializeParams(model.topo, model.settings.initializer, createRandom(deriveSeed(model.config.seed, STREAM.init)), model.params);
  model.grad.fill(0);
  model.optimizer = createOptimizerState(model.settings.optimizer, model.topo.paramCount);
  model.cursor = 0;
  if (model.flow !== null) resetGradientFlow(model.flow);
}

/** Changes training settings in place; a new loss or optimizer restarts the optimizer's moments. */
export function updateSettings(model: Model, training: TrainingSettings): void {
  const lossChanged = training.loss !== model.settings.loss;
  const optimizerChanged = training.optimizer !== model.settings.optimizer;
  model.settings = { ...training };
  if (training.batchSize > model.batchWs.capacity) model.batchWs = createWorkspace(model.topo, training.batchSize);
  if (lossChanged) {
    model.lossCode = LOSS[training.loss];
    const low = lowTarget(training.loss, model.config.network.outputActivation);
    model.trainT = encodeTargets(model.data.train, model.data.problem, model.outputs, low);
    model.testT = encodeTargets(model.data.test, model.data.problem, model.outputs, low);
  }
  if (lossChanged || optimizerChanged) model.optimizer = createOptimizerState(training.optimizer, model.topo.paramCount);
  model.config = { ...model.config, training: { ...training } };
  if (lossChanged && model.fast !== null) model.fast = compileEpoch(model);
}

function trainRows(model: Model): number {
  return model.data.train.length;
}

/** Trains one batch from the cursor; returns true when that batch ended an epoch. */
export function trainBatch(model: Model): boolean {
  const n = trainRows(model);
  if (n === 0) return true;
  const start = model.cursor;
  const rows = Math.min(model.settings.batchSize, n - start);
  const ws = model.batchWs;
  const last = model.topo.depth - 1;
  forwardBatch(model.topo, model.params, model.trainX, start, rows, ws, model.tanh);
  outputDelta(model.lossCode, model.topo.codes[last], ws.pre[last], ws.act[last], model.trainT, start, rows, model.outputs, ws.delta[last]);
  backwardBatch(model.topo, model.params, model.trainX, start, rows, ws, model.grad);
  if (model.flow !== null) addBatch(model.flow, model.topo, model.grad, rows);
  applyUpdate(model.params, model.grad, rows, model.isWeight, model.settings, model.optimizer);
  model.cursor = start + rows >= n ? 0 : start + rows;
  if (model.cursor !== 0) return false;
  if (model.flow !== null) closeEpoch(model.flow, model.topo);
  return true;
}

/** Trains the rest of the current epoch (a whole epoch when at a boundary). */
export function trainEpoch(model: Model): void {
  if (model.fast !== null && model.data.train.length > 0) {
    model.fast(model);
    model.cursor = 0;
    if (model.flow !== null) closeEpoch(model.flow, model.topo);
    return;
  }
  while (!trainBatch(model)) {
    /* each call trains one batch */
  }
}
