/**
 * Curve-fitting data: one input x in [−6, 6] and a real target y of about [−1, 1]. A point of
 * such a set is a DataPoint with x in `x1`, 0 in `x2` and y in `label`, so the rest of the
 * engine (split, targets, metrics) treats it like any regression set; the network's one input
 * is x. Generation is deterministic in the seed, like the 2-D sets.
 */
import { CURVE_DATASET_NAMES, type CurveDatasetName, type DataPoint, type DatasetName, type FeatureName, type LabConfig } from '../config';
import { normal, uniform, type Random } from './rng';

/** Half the width of the x range (the 2-D sets' DOMAIN). */
export const CURVE_DOMAIN = 6;

export function isCurveDataset(name: DatasetName | unknown): name is CurveDatasetName {
  return (CURVE_DATASET_NAMES as readonly unknown[]).includes(name);
}

export interface CurveShape {
  label: string;
  /** The noiseless target at x. */
  y(x: number): number;
  /** Standard deviation of the noise added to y at noise 0 (the noisy line has its own). */
  baseNoise: number;
}

/** The generated curves; `ownCurve` (the learner's points) has none. */
export const CURVE_SHAPES: Record<Exclude<CurveDatasetName, 'ownCurve'>, CurveShape> = {
  sine: { label: 'Sine wave', y: (x) => Math.sin(x), baseNoise: 0 },
  step: { label: 'Step', y: (x) => (x < 0 ? -0.8 : 0.8), baseNoise: 0 },
  absolute: { label: 'Absolute value |x|', y: (x) => Math.abs(x) / 3 - 1, baseNoise: 0 },
  parabola: { label: 'Parabola', y: (x) => (x * x) / 18 - 1, baseNoise: 0 },
  noisyLine: { label: 'Noisy line', y: (x) => x / 8, baseNoise: 0.15 },
};

export const CURVE_LABELS: Record<CurveDatasetName, string> = {
  ...Object.fromEntries(Object.entries(CURVE_SHAPES).map(([name, shape]) => [name, shape.label])),
  ownCurve: 'Your own curve points',
} as Record<CurveDatasetName, string>;

/**
 * n points with x uniform in [−6, 6] and y = shape(x) + noise, where `noise` (0–0.5, the
 * percent slider over 100) is the standard deviation added to the shape's own.
 */
export function curvePoints(name: Exclude<CurveDatasetName, 'ownCurve'>, n: number, noise: number, random: Random): DataPoint[] {
  const shape = CURVE_SHAPES[name];
  const sd = shape.baseNoise + noise;
  const points: DataPoint[] = [];
  for (let i = 0; i < n; i++) {
    const x = uniform(random, -CURVE_DOMAIN, CURVE_DOMAIN);
    points.push({ x1: x, x2: 0, label: shape.y(x) + (sd > 0 ? normal(random) * sd : 0) });
  }
  return points;
}

/** The learner's own 1-D point (x, y) as a data point. */
export function curvePoint(x: number, y: number): DataPoint {
  return { x1: x, x2: 0, label: y };
}

const X_ONLY: readonly FeatureName[] = ['x1'];

/** The features a 2-D view feeds the network: x alone (as x₁) for a curve set, else the enabled ones. */
export function inputFeatures(config: LabConfig): readonly FeatureName[] {
  return isCurveDataset(config.data.dataset) ? X_ONLY : config.features;
}
