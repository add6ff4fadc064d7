/**
 * Dead and saturated neurons, from each hidden neuron's activation slope |f′(z)| over the
 * whole training set. A neuron is **dead** when its slope is below `SLOPE_FLOOR` for every
 * training example (a ReLU whose input is never positive: output zero, slope zero, so no
 * gradient ever reaches its weights again). A layer's **low-slope share** is the share of its
 * neurons whose mean slope over the training set is below `SLOPE_FLOOR` (dead or saturated:
 * a sigmoid pinned near 0 or 1 passes almost no gradient either). A layer's **mean slope** is
 * |f′(z)| averaged over its neurons and the training set: the factor the gradient is multiplied
 * by, on average, on its way back through the layer (at most 0.25 for a sigmoid). A neuron is
 * **inactive** when its input z is not above 0 for any training example: where a ReLU would be
 * dead. A Leaky ReLU there still has slope 0.01, so it is inactive but not dead, and can recover.
 *
 * Collected from the forward pass that measures the training loss anyway (metrics.ts), chunk
 * by chunk, with the plain path's own derivative code (`multiplyDerivative`), so the slopes
 * are exactly the ones backpropagation multiplies by.
 */
import { multiplyDerivative, type Workspace } from './kernels';
import type { Topology } from './shape';

/** Slopes below this count as no slope at all. */
export const SLOPE_FLOOR = 1e-3;

/** What the instruments show about the hidden neurons (one entry per hidden layer). */
export interface NeuronActivity {
  /** Share (0–1) of each hidden layer's neurons whose mean slope over the training set is below SLOPE_FLOOR. */
  lowSlope: number[];
  /** How many of each hidden layer's neurons are dead. */
  deadCount: number[];
  /** Per hidden layer, per neuron: 1 when dead, else 0. */
  dead: number[][];
  /** Per hidden layer: |f′(z)| averaged over its neurons and the training set. */
  meanSlope: number[];
  /** How many of each hidden layer's neurons are inactive (input z ≤ 0 for every training example). */
  inactiveCount: number[];
  /** Per hidden layer, per neuron: 1 when inactive, else 0. */
  inactive: number[][];
}

/** Sums built while the training set goes through the network. */
export interface ActivityTally {
  /** Per hidden neuron (layers one after another): Σ |f′(z)| over the examples so far. */
  slopeSum: Float64Array;
  /** Per hidden neuron: 1 once some example gave it a slope of at least SLOPE_FLOOR. */
  alive: Uint8Array;
  /** Per hidden neuron: 1 once some example gave it an input z above 0. */
  active: Uint8Array;
  rows: number;
  /** Scratch for one chunk's slopes (rows × widest hidden layer). */
  scratch: Float64Array;
}

function hiddenCount(topo: Topology): number {
  let n = 0;
  for (let l = 1; l < topo.depth; l++) n += topo.sizes[l];
  return n;
}

export function createTally(topo: Topology, chunkRows: number): ActivityTally {
  const n = hiddenCount(topo);
  const widest = Math.max(0, ...topo.sizes.slice(1, topo.depth));
  return {
    slopeSum: new Float64Array(n),
    alive: new Uint8Array(n),
    active: new Uint8Array(n),
    rows: 0,
    scratch: new Float64Array(widest * chunkRows),
  };
}

/** Adds `rows` examples whose forward pass fills `ws` (pre-activations and outputs of every layer). */
export function tallyRows(tally: ActivityTally, topo: Topology, ws: Workspace, rows: number): void {
  const slope = tally.scratch;
  let base = 0;
  for (let l = 0; l < topo.depth - 1; l++) {
    const size = topo.sizes[l + 1];
    const n = rows * size;
    slope.fill(1, 0, n);
    multiplyDerivative(topo.codes[l], ws.pre[l], ws.act[l], slope, n, topo.drawn);
    const pre = ws.pre[l];
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < size; j++) {
        const s = Math.abs(slope[r * size + j]);
        tally.slopeSum[base + j] += s;
        if (s >= SLOPE_FLOOR) tally.alive[base + j] = 1;
        if (pre[r * size + j] > 0) tally.active[base + j] = 1;
      }
    }
    base += size;
  }
  tally.rows += rows;
}

/** The tally as the snapshot carries it. */
export function finishTally(tally: ActivityTally, topo: Topology): NeuronActivity {
  const activity: NeuronActivity = { lowSlope: [], deadCount: [], dead: [], meanSlope: [], inactiveCount: [], inactive: [] };
  let base = 0;
  for (let l = 0; l < topo.depth - 1; l++) {
    const size = topo.sizes[l + 1];
    const dead: number[] = [];
    const inactive: number[] = [];
    let low = 0;
    let slopeSum = 0;
    for (let j = 0; j < size; j++) {
      const isDead = tally.rows > 0 && tally.alive[base + j] === 0;
      dead.push(isDead ? 1 : 0);
      inactive.push(tally.rows > 0 && tally.active[base + j] === 0 ? 1 : 0);
      if (tally.rows > 0 && tally.slopeSum[base + j] / tally.rows < SLOPE_FLOOR) low += 1;
      slopeSum += tally.slopeSum[base + j];
    }
    activity.dead.push(dead);
    activity.deadCount.push(dead.reduce((a, b) => a + b, 0));
    activity.lowSlope.push(low / size);
    activity.meanSlope.push(tally.rows > 0 && size > 0 ? slopeSum / (tally.rows * size) : 0);
    activity.inactive.push(inactive);
    activity.inactiveCount.push(inactive.reduce((a, b) => a + b, 0));
    base += size;
  }
  return activity;
}
