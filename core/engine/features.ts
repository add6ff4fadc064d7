/** Input features: what the network sees of a point (x₁, x₂), as the Playground offers them. */
import type { FeatureName } from '../config';

export interface FeatureInfo {
  /** Short label, e.g. "x₁²". */
  label: string;
  tex: string;
  f(x1: number, x2: number): number;
}

export const FEATURE_INFO: Record<FeatureName, FeatureInfo> = {
  x1: { label: 'x₁', tex: 'x_1', f: (x1) => x1 },
  x2: { label: 'x₂', tex: 'x_2', f: (_x1, x2) => x2 },
  x1Squared: { label: 'x₁²', tex: 'x_1^2', f: (x1) => x1 * x1 },
  x2Squared: { label: 'x₂²', tex: 'x_2^2', f: (_x1, x2) => x2 * x2 },
  x1x2: { label: 'x₁·x₂', tex: 'x_1 x_2', f: (x1, x2) => x1 * x2 },
  sinX1: { label: 'sin x₁', tex: '\\sin x_1', f: (x1) => Math.sin(x1) },
  sinX2: { label: 'sin x₂', tex: '\\sin x_2', f: (_x1, x2) => Math.sin(x2) },
  cosX1: { label: 'cos x₁', tex: '\\cos x_1', f: (x1) => Math.cos(x1) },
  cosX2: { label: 'cos x₂', tex: '\\cos x_2', f: (_x1, x2) => Math.cos(x2) },
};

/**
 * Fills `out` (n × features.length, row-major) with the features of n points given as
 * (x1, x2) pairs in `xy`.
 */
export function featureMatrix(features: readonly FeatureName[], xy: ArrayLike<number>, n: number, out: Float64Array): Float64Array {
  const k = features.length;
  for (let j = 0; j < k; j++) {
    const f = FEATURE_INFO[features[j]].f;
    for (let p = 0; p < n; p++) out[p * k + j] = f(xy[2 * p], xy[2 * p + 1]);
  }
  return out;
}
