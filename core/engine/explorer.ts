/**
 * The activation explorer's numbers: an activation f and its slope f′ sampled over a range,
 * the value and slope at any x, and the "saturated" regions where |f′| is about 0 — where a
 * neuron's gradient all but vanishes, so the weights feeding it barely learn.
 */
import type { ActivationName, Knot } from '../config';
import { activationFor, type Activation } from './activations';

/** |f′| below this counts as saturated. */
export const SATURATION_SLOPE = 0.01;

export interface Interval {
  from: number;
  to: number;
}

/**
 * A stretch where |f′| is about 0. `flat` when f′ is exactly 0 at every sample in it (a flat
 * piece, such as ReLU's negative side: no slope at all); otherwise the curve only levels off
 * towards a limit (saturates, as sigmoid and tanh do far from 0) and a little slope is left.
 */
export interface SlopeRegion extends Interval {
  flat: boolean;
}

export interface ActivationSamples {
  /** Evenly spaced x from `from` to `to`, both included. */
  x: Float64Array;
  /** f(x) at each sample. */
  f: Float64Array;
  /** f′(x) at each sample (the engine's own derivative, the one training uses). */
  df: Float64Array;
  /**
   * The stretches of [from, to] where |f′| < threshold, in order, their ends found to within
   * 1e-9 between samples, each marked flat or not. A stretch narrower than the sample spacing
   * may be missed.
   */
  saturated: SlopeRegion[];
}

export interface ExploreOptions {
  from?: number;
  to?: number;
  /** Number of samples, at least 2. */
  count?: number;
  /** |f′| below this is saturated (default SATURATION_SLOPE). */
  threshold?: number;
}

/** f(x) and f′(x) of an activation, as training computes them. */
export function valueAt(activation: Activation, x: number): { f: number; df: number } {
  const f = activation.f(x);
  return { f, df: activation.df(x, f) };
}

/** Samples any registry entry (hidden or output activation). */
export function sampleActivation(activation: Activation, options: ExploreOptions = {}): ActivationSamples {
  const from = options.from ?? -6;
  const to = options.to ?? 6;
  const count = Math.max(2, Math.floor(options.count ?? 601));
  const threshold = options.threshold ?? SATURATION_SLOPE;
  if (!(to > from)) throw new RangeError('The explorer needs a range whose end lies right of its start.');
  const x = new Float64Array(count);
  const f = new Float64Array(count);
  const df = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = i === count - 1 ? to : from + ((to - from) * i) / (count - 1);
    const v = valueAt(activation, x[i]);
    f[i] = v.f;
    df[i] = v.df;
  }
  const flat = (t: number): boolean => Math.abs(valueAt(activation, t).df) < threshold;
  /** The point between a (flat = aIn) and b (the other) where flatness changes. */
  const edge = (a: number, b: number, aIn: boolean): number => {
    let lo = a;
    let hi = b;
    for (let k = 0; k < 60 && Math.abs(hi - lo) > 1e-9; k++) {
      const mid = (lo + hi) / 2;
      if (flat(mid) === aIn) lo = mid;
      else hi = mid;
    }
    // The end that lies inside the region.
    return lo;
  };
  const saturated: SlopeRegion[] = [];
  let start: number | null = Math.abs(df[0]) < threshold ? from : null;
  /** Whether every sample in the current stretch so far has a slope of exactly 0. */
  let zero = start !== null && df[0] === 0;
  for (let i = 1; i < count; i++) {
    const inside = Math.abs(df[i]) < threshold;
    if (inside && start === null) {
      start = edge(x[i], x[i - 1], true);
      zero = df[i] === 0;
    } else if (inside) zero &&= df[i] === 0;
    else if (start !== null) {
      saturated.push({ from: start, to: edge(x[i - 1], x[i], true), flat: zero });
      start = null;
    }
  }
  if (start !== null) saturated.push({ from: start, to, flat: zero });
  return { x, f, df, saturated };
}

/** Samples a hidden activation by name; `knots` gives a drawn one its shape (else the default line). */
export function exploreActivation(name: ActivationName, options: ExploreOptions & { knots?: readonly Knot[] } = {}): ActivationSamples {
  return sampleActivation(activationFor(name, options.knots), options);
}
