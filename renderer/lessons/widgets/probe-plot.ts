/**
 * The probe's plot: a function of one variable (and, from the step that explains it, its
 * slope) drawn in the Lab's plot frame, so its axes are labelled as the activation explorer's.
 */
import { plotFrame, type PlotFrame, type TickCounts } from '../../lab/function-plot';

export interface ProbeCurve {
  f: (z: number) => number;
  /** The slope of f at z, given f(z). */
  df: (z: number, y: number) => number;
}

/**
 * The plotted ranges: x over [−extent, extent]; y over what the curve w·x + b → f reaches
 * there, with at least 0 to 1 (and a little below 0 where the slope is drawn), padded by 8 %,
 * never beyond ±extent.
 */
export function probeYRange(fn: ProbeCurve, w: number, b: number, extent: number, showDerivative: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i <= 200; i++) {
    const t = -extent + (2 * extent * i) / 200;
    const v = fn.f(w * t + b);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  lo = Math.min(lo, -0.2, showDerivative ? -0.2 : lo);
  hi = Math.max(hi, 1.1);
  const pad = (hi - lo) * 0.08;
  return [Math.max(lo - pad, -extent), Math.min(hi + pad, extent)];
}

export function probeFrame(
  fn: ProbeCurve,
  w: number,
  b: number,
  extent: number,
  showDerivative: boolean,
  width: number,
  height: number,
): PlotFrame {
  return plotFrame(width, height, [-extent, extent], probeYRange(fn, w, b, extent, showDerivative));
}

/** The inset's title: the slope's magnified range, from the bottom of the box to its top. */
export function zoomTitle(z: number): string {
  return `slope, magnified: −${z} to ${z}`;
}

/** The probe's ticks: every whole number along x up to ±5 (every other beyond), finer along y. */
export const PROBE_TICKS: TickCounts = { x: 10, y: 6 };
