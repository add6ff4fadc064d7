/**
 * The activation the learner draws: a piecewise-linear function through 5–9 knots
 * (x strictly increasing), continued beyond the first and last knot by the slope of the end
 * segments. So a drawing of y = x is the identity everywhere and the absolute-value preset is
 * |x| everywhere.
 *
 * Convention at a knot: the value is exactly the knot's y; the slope is that of the
 * segment to the knot's left — as the engine's ReLU has slope 0 at 0. At the first knot that
 * left segment is the extension of the first segment, so its slope is the first segment's.
 */
import type { Knot } from '../config';

/** A drawn activation ready for inner loops. */
export interface Piecewise {
  /** Knot positions, strictly increasing. */
  xs: Float64Array;
  /** Knot values. */
  ys: Float64Array;
  /** slopes[i]: slope of the segment from knot i to knot i + 1 (one fewer than knots). */
  slopes: Float64Array;
  f(x: number): number;
  /** Slope at x (left segment at a knot, see the file's comment). */
  df(x: number): number;
}

export const MIN_KNOTS = 5;
export const MAX_KNOTS = 9;
/** Knots lie within ±KNOT_RANGE on both axes. */
export const KNOT_RANGE = 10;
/** Closest two knots may be along x (keeps every slope finite and readable). */
export const MIN_KNOT_GAP = 0.1;

export type DrawnPresetName = 'identity' | 'stepLike' | 'absolute' | 'sawtooth';

const grid7 = [-3, -2, -1, 0, 1, 2, 3];
const knotsOf = (xs: readonly number[], ys: readonly number[]): Knot[] => xs.map((x, i) => ({ x, y: ys[i] }));

/** Shapes to start drawing from. */
export const DRAWN_PRESETS: Record<DrawnPresetName, { label: string; knots: Knot[] }> = {
  identity: { label: 'Straight line', knots: knotsOf(grid7, grid7) },
  stepLike: { label: 'Step-like', knots: knotsOf([-3, -2, -0.5, 0, 0.5, 2, 3], [-1, -1, -1, 0, 1, 1, 1]) },
  absolute: { label: 'Absolute value', knots: knotsOf(grid7, grid7.map(Math.abs)) },
  // Ramps of slope 1 from −0.9 to 0.9, each followed by a steep drop; the outer ramps continue.
  sawtooth: { label: 'Sawtooth', knots: knotsOf([-2.9, -1.1, -0.9, 0.9, 1.1, 2.9], [-0.9, 0.9, -0.9, 0.9, -0.9, 0.9]) },
};

/** The knots used when a network names `drawn` without giving any: the straight line y = x. */
export const DEFAULT_KNOTS: readonly Knot[] = DRAWN_PRESETS.identity.knots;

/** A fresh copy of a preset's knots. */
export function presetKnots(name: DrawnPresetName): Knot[] {
  return DRAWN_PRESETS[name].knots.map((k) => ({ ...k }));
}

/** Null when the knots make a drawn activation, else one sentence saying what is wrong and what to do. */
export function checkKnots(knots: unknown): string | null {
  if (!Array.isArray(knots)) return 'The drawn activation needs a list of knots.';
  if (knots.length < MIN_KNOTS || knots.length > MAX_KNOTS) {
    return `A drawn activation needs from ${MIN_KNOTS} to ${MAX_KNOTS} knots; this one has ${knots.length}.`;
  }
  for (let i = 0; i < knots.length; i++) {
    const k: unknown = knots[i];
    const ok = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= KNOT_RANGE;
    if (typeof k !== 'object' || k === null || !ok((k as Knot).x) || !ok((k as Knot).y)) {
      return `Each knot of the drawn activation needs numbers x and y from −${KNOT_RANGE} to ${KNOT_RANGE}.`;
    }
    if (i > 0 && (k as Knot).x - (knots[i - 1] as Knot).x < MIN_KNOT_GAP) {
      return `The knots of the drawn activation must go from left to right, at least ${MIN_KNOT_GAP} apart: move knot ${i + 1} to the right of knot ${i}.`;
    }
  }
  return null;
}

/** Index of the segment used at x: the one to x's left at a knot, the end segments beyond the knots. */
function segment(xs: Float64Array, x: number): number {
  let i = 0;
  const last = xs.length - 2;
  // Knots are few (at most nine): a scan is as quick as a search. Written as "not ≤" so NaN
  // lands in the last segment, as in the generated code (codegen.ts, drawnValueSource).
  while (i < last && !(x <= xs[i + 1])) i++;
  return i;
}

/** Builds the function from checked knots (see checkKnots). */
export function piecewise(knots: readonly Knot[]): Piecewise {
  const n = knots.length;
  const xs = Float64Array.from(knots, (k) => k.x);
  const ys = Float64Array.from(knots, (k) => k.y);
  const slopes = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) slopes[i] = (ys[i + 1] - ys[i]) / (xs[i + 1] - xs[i]);
  return {
    xs,
    ys,
    slopes,
    f: (x) => {
      const i = segment(xs, x);
      // Exactly the knot's value at the knot on the segment's right end.
      return x === xs[i + 1] ? ys[i + 1] : ys[i] + slopes[i] * (x - xs[i]);
    },
    df: (x) => slopes[segment(xs, x)],
  };
}

/** The knots a network's drawn layers use: its own, or the default straight line. */
export function networkKnots(drawn: readonly Knot[] | undefined): readonly Knot[] {
  return drawn ?? DEFAULT_KNOTS;
}

/**
 * When the drawn function is one straight line (every segment has the same slope, to within
 * rounding), its slope and intercept: f(x) = slope·x + intercept. Else null.
 */
export function straightLine(knots: readonly Knot[]): { slope: number; intercept: number } | null {
  const p = piecewise(knots);
  const s = p.slopes[0];
  for (let i = 1; i < p.slopes.length; i++) {
    if (Math.abs(p.slopes[i] - s) > 1e-9 * Math.max(1, Math.abs(s))) return null;
  }
  // Least rounding: the intercept from the knot nearest zero.
  let best = 0;
  for (let i = 1; i < p.xs.length; i++) if (Math.abs(p.xs[i]) < Math.abs(p.xs[best])) best = i;
  return { slope: s, intercept: p.ys[best] - s * p.xs[best] };
}
