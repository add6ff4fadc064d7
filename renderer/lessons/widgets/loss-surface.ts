/**
 * The "one step downhill" widget's maths and types: one sigmoid neuron y = σ(w·x + b) with one
 * input, its mean squared-error loss over a few points, the gradient, and a step of gradient
 * descent. Small enough to compute in the page for every pixel of the surface.
 */
import { ACTIVATIONS } from '../engine';

const sigmoid = ACTIVATIONS.sigmoid;

/** One training example: an input and the output wanted for it. */
export interface SurfacePoint {
  x: number;
  t: number;
}

export interface LossSurfaceState {
  w: number;
  b: number;
  loss: number;
  /** ∂L/∂w and ∂L/∂b at (w, b). */
  gradW: number;
  gradB: number;
  /** The mean activation slope σ′(z) over the points at (w, b): the multiplier in the gradient. */
  slope: number;
  /** Steps of gradient descent taken since the learner last placed the starting point. */
  steps: number;
  /** The loss where those steps started. */
  startLoss: number;
  /** The length of the first step from where the steps started (learning rate × gradient's length there). */
  startStep: number;
  /** The first step count at which the loss fell below the preset's `bottom`, or null (not yet, or no `bottom`). */
  bottomAfter: number | null;
}

export interface LossSurfacePreset {
  points: SurfacePoint[];
  /** Where (w, b) starts. */
  start: { w: number; b: number };
  learningRate: number;
  /** Half-width of the square of (w, b) the start can be placed in with the sliders. */
  extent: number;
  /**
   * Half-width of the map, at least `extent`: wide enough that every path of steps from a start
   * the sliders allow stays on it (lesson 9 checks this), so no part of a path is drawn off the map.
   */
  mapExtent: number;
  /** A loss that counts as "at the bottom": the widget then shows after how many steps the path got below it. */
  bottom?: number;
}

export interface LossAndGradient {
  loss: number;
  gradW: number;
  gradB: number;
  slope: number;
}

/** Mean of ½(σ(wx + b) − t)² over the points, its gradient and the mean slope σ′(z). */
export function lossAt(points: readonly SurfacePoint[], w: number, b: number): LossAndGradient {
  let loss = 0;
  let gradW = 0;
  let gradB = 0;
  let slope = 0;
  for (const p of points) {
    const z = w * p.x + b;
    const y = sigmoid.f(z);
    const d = sigmoid.df(z, y);
    const error = y - p.t;
    loss += 0.5 * error * error;
    gradW += error * d * p.x;
    gradB += error * d;
    slope += d;
  }
  const n = Math.max(1, points.length);
  return { loss: loss / n, gradW: gradW / n, gradB: gradB / n, slope: slope / n };
}

/** One step of gradient descent: (w, b) moves against the gradient by the learning rate. */
export function descend(points: readonly SurfacePoint[], w: number, b: number, learningRate: number): { w: number; b: number } {
  const g = lossAt(points, w, b);
  return { w: w - learningRate * g.gradW, b: b - learningRate * g.gradB };
}

/** The length of the step gradient descent takes from (w, b): the learning rate times the gradient's length. */
export function stepLength(points: readonly SurfacePoint[], w: number, b: number, learningRate: number): number {
  const g = lossAt(points, w, b);
  return learningRate * Math.hypot(g.gradW, g.gradB);
}

/** Steps of gradient descent from (w, b) until the loss is below `target` (at most `limit`). */
export function stepsToTarget(
  points: readonly SurfacePoint[],
  start: { w: number; b: number },
  learningRate: number,
  target: number,
  limit = 100_000,
): number {
  let { w, b } = start;
  for (let k = 0; k < limit; k++) {
    if (lossAt(points, w, b).loss < target) return k;
    ({ w, b } = descend(points, w, b, learningRate));
  }
  return limit;
}

/** The lesson's points: five inputs whose targets a sigmoid with w = 1.5, b = −0.5 hits exactly. */
export const SURFACE_POINTS: SurfacePoint[] = [-2, -1, 0, 1, 2].map((x) => ({ x, t: sigmoid.f(1.5 * x - 0.5) }));
/** Where the loss is 0 for SURFACE_POINTS. */
export const SURFACE_MINIMUM = { w: 1.5, b: -0.5 };
