/** Loss, accuracy and confusion counts of a model on its training and test sets. */
import type { HistoryPoint } from '../protocol';
import type { DataPoint as Point } from '../config';
import { createWorkspace, forwardBatch, type Workspace } from './kernels';
import { lossSum } from './loss';
import type { Model } from './model';
import { createTally, finishTally, tallyRows, type ActivityTally, type NeuronActivity } from './dead';

export interface SetMetrics {
  /** Mean loss per example (0 for an empty set). */
  loss: number;
  /** Share classified correctly, or null for regression or an empty set. */
  accuracy: number | null;
  /** Rows = true class, columns = predicted; null for regression. */
  confusion: number[][] | null;
}

const CHUNK = 256;
const workspaces = new WeakMap<Model, Workspace>();

function workspace(model: Model): Workspace {
  let ws = workspaces.get(model);
  if (ws === undefined || ws.pre[0].length !== model.topo.sizes[1] * CHUNK) {
    ws = createWorkspace(model.topo, CHUNK);
    workspaces.set(model, ws);
  }
  return ws;
}

/** The class a row of outputs predicts: argmax, or a threshold for a single output. */
export function predictedClass(out: Float64Array, offset: number, k: number, threshold: number): number {
  if (k === 1) return out[offset] > threshold ? 1 : 0;
  let best = 0;
  for (let j = 1; j < k; j++) if (out[offset + j] > out[offset + best]) best = j;
  return best;
}

/**
 * Loss, accuracy and confusion of one set. With a `tally` the hidden neurons' slopes are
 * added to it from the same forward pass (which then runs on the plain path, whose numbers
 * equal the generated forward pass's, because only it keeps every layer's values).
 */
export function measureSet(
  model: Model,
  points: readonly Point[],
  x: Float64Array,
  t: Float64Array,
  tally: ActivityTally | null = null,
): SetMetrics {
  const classification = model.data.problem === 'classification';
  const classes = model.data.classes;
  const confusion = classification ? Array.from({ length: classes }, () => new Array<number>(classes).fill(0)) : null;
  const ws = workspace(model);
  const last = model.topo.depth - 1;
  const k = model.outputs;
  let loss = 0;
  let correct = 0;
  for (let start = 0; start < points.length; start += CHUNK) {
    const rows = Math.min(CHUNK, points.length - start);
    // The generated forward pass (same numbers, less time) where the model has one.
    if (model.fast !== null && tally === null) model.fast.forward(model.params, x, start, rows, ws.pre[last], ws.act[last]);
    else {
      forwardBatch(model.topo, model.params, x, start, rows, ws, model.tanh);
      if (tally !== null) tallyRows(tally, model.topo, ws, rows);
    }
    loss += lossSum(model.lossCode, model.topo.codes[last], ws.pre[last], ws.act[last], t, start, rows, k);
    if (confusion === null) continue;
    for (let r = 0; r < rows; r++) {
      const truth = points[start + r].label;
      const guess = predictedClass(ws.act[last], r * k, k, model.threshold);
      if (guess === truth) correct++;
      if (truth >= 0 && truth < classes) confusion[truth][guess] += 1;
    }
  }
  const n = points.length;
  return {
    loss: n === 0 ? 0 : loss / n,
    accuracy: confusion === null || n === 0 ? null : correct / n,
    confusion,
  };
}

export interface ModelMetrics {
  point: HistoryPoint;
  confusion: number[][] | null;
  /** The hidden neurons' slopes over the training set (dead.ts), when asked for. */
  activity: NeuronActivity | null;
}

/** Measures both sets; with `activity` also the hidden neurons' slopes on the training set, in the same pass. */
export function measure(model: Model, epoch: number, activity = false): ModelMetrics {
  const tally = activity ? createTally(model.topo, CHUNK) : null;
  const train = measureSet(model, model.data.train, model.trainX, model.trainT, tally);
  const test = measureSet(model, model.data.test, model.testX, model.testT);
  return {
    point: { epoch, trainLoss: train.loss, testLoss: test.loss, trainAccuracy: train.accuracy, testAccuracy: test.accuracy },
    confusion: test.confusion,
    activity: tally === null ? null : finishTally(tally, model.topo),
  };
}
