/**
 * The learner's own curve points (data set `ownCurve`): one x within ±6 (kept in x1, x2 = 0)
 * and any y. Adding, moving and removing are pure functions returning a new list; the
 * keyboard walks the points in order of x.
 */
import { LIMITS, type DataPoint, type LabConfig } from '../../core/config';
import { CURVE_DOMAIN, curvePoint, generateData, isCurveDataset } from '../../core/engine';

/** How many points "Your own curve points" starts with when there are none to keep. */
export const STARTING_POINTS = 16;

/** x kept within the plotted range. */
export function clampX(x: number): number {
  return Math.max(-CURVE_DOMAIN, Math.min(CURVE_DOMAIN, x));
}

/** True when every point is a valid curve point (x within ±6, x2 = 0, finite y) and there are at least two. */
export function usableCurvePoints(points: readonly DataPoint[]): boolean {
  return points.length >= 2 && points.every((p) => p.x2 === 0 && Math.abs(p.x1) <= CURVE_DOMAIN && Number.isFinite(p.label));
}

/**
 * Points for starting one's own curve: the points of the curve set on show (or the sine wave),
 * fewer of them, so each can be picked and moved.
 */
export function startingCurvePoints(config: LabConfig): DataPoint[] {
  const shown = config.data.dataset;
  const dataset = isCurveDataset(shown) && shown !== 'ownCurve' ? shown : 'sine';
  const data = generateData({ ...config.data, dataset, size: STARTING_POINTS, points: [], problem: 'regression' }, config.seed);
  return [...data.train, ...data.test].map((p) => curvePoint(p.x1, p.label)).sort((a, b) => a.x1 - b.x1);
}

/** A new list with (x, y) added (x clamped; the list never grows past LIMITS.maxPoints). */
export function addCurvePoint(points: readonly DataPoint[], x: number, y: number): DataPoint[] {
  if (points.length >= LIMITS.maxPoints) return points.slice();
  return [...points, curvePoint(clampX(x), y)];
}

/** A new list with point `index` moved to (x, y). */
export function moveCurvePoint(points: readonly DataPoint[], index: number, x: number, y: number): DataPoint[] {
  return points.map((p, i) => (i === index ? curvePoint(clampX(x), y) : p));
}

/** A new list without point `index`. */
export function removeCurvePoint(points: readonly DataPoint[], index: number): DataPoint[] {
  return points.filter((_, i) => i !== index);
}

/**
 * The index of the point nearest to pixel (px, py) within `reach` pixels, or -1; `toPixel`
 * maps a point to the plot's pixels.
 */
export function pointAt(
  points: readonly DataPoint[],
  px: number,
  py: number,
  toPixel: (p: DataPoint) => { px: number; py: number },
  reach: number,
): number {
  let best = -1;
  let bestDistance = reach * reach;
  for (let i = 0; i < points.length; i++) {
    const at = toPixel(points[i]);
    const d = (at.px - px) ** 2 + (at.py - py) ** 2;
    if (d <= bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

/** Indices of the points in order of x (ties in list order). */
export function orderByX(points: readonly DataPoint[]): number[] {
  return points.map((_, i) => i).sort((a, b) => points[a].x1 - points[b].x1 || a - b);
}

/**
 * The point after (`step` 1) or before (−1) point `index` in order of x, wrapping round; with
 * nothing selected (−1), the first or the last. −1 for an empty list.
 */
export function neighbour(points: readonly DataPoint[], index: number, step: 1 | -1): number {
  if (points.length === 0) return -1;
  const order = orderByX(points);
  const at = order.indexOf(index);
  if (at < 0) return step === 1 ? order[0] : order[order.length - 1];
  return order[(at + step + order.length) % order.length];
}

/** Where point `index` comes in order of x, from 1 (for "point 3 of 12"). */
export function rankOf(points: readonly DataPoint[], index: number): number {
  return orderByX(points).indexOf(index) + 1;
}
