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
export function probeYRange(
  fn: ProbeCurve,
  w: number,
  b: number,
  extent: number,
  showDerivative: boolean,
  from = -extent,
): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i <= 200; i++) {
    const t = from + ((extent - from) * i) / 200;
    const v = fn.f(w * t + b);
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  lo = Math.min(lo, -0.2, showDerivative ? -0.2 : lo);
  hi = Math.max(hi, 1.1);
  const pad = (hi - lo) * 0.08;
  return [Math.max(lo - pad, -extent), Math.min(hi + pad, extent)];
}

/**
 * The frame: x over [−extent, extent]; y over what the drawn part of the curve reaches (only
 * x ≥ 0 while the negative side waits), or a fixed −1.2 to 1.2 while no curve is drawn, so the
 * axis gives nothing of the hidden curve away.
 */
export function probeFrame(
  fn: ProbeCurve,
  w: number,
  b: number,
  extent: number,
  showDerivative: boolean,
  width: number,
  height: number,
  shows: ProbeShows = ALL_SHOWN,
): PlotFrame {
  const y: [number, number] =
    shows.curve === 'none' ? [-1.2, 1.2] : probeYRange(fn, w, b, extent, showDerivative, shows.curve === 'right' ? 0 : -extent);
  return plotFrame(width, height, [-extent, extent], y);
}

/**
 * What a probe step's plot keeps back until the prediction is committed (a preset's
 * `untilPredicted`): `negativeSide` draws the curve only for x ≥ 0 (the question is about a
 * negative input, lesson 3); `curve` draws no curve and no numbers up the y axis (the question
 * is about the curve's range or where it crosses zero, lesson 5). Without it the curve is drawn.
 */
export type ProbeHidden = 'negativeSide' | 'curve';

/** What the plot draws. */
export interface ProbeShows {
  /** The function and its slope: over the whole x range, only for x ≥ 0, or not at all. */
  curve: 'all' | 'right' | 'none';
  /** The probe's point on the curve: its height is the output the read-out keeps back. */
  point: boolean;
  /** Numbers up the y axis (only 0 while the curve is hidden). */
  yNumbers: boolean;
  /**
   * The slope inset (with a preset's slopeZoom): 'small' where the slope at the probe is too
   * small to see, with its range and value; 'always' (before the prediction, the curves on show)
   * over the whole x range, without numbers, so the learner can study the slopes near zero.
   */
  zoom: 'small' | 'always' | 'none';
}

const ALL_SHOWN: ProbeShows = { curve: 'all', point: true, yNumbers: true, zoom: 'small' };

export function probeShows(hidden: ProbeHidden | undefined, revealed: boolean): ProbeShows {
  if (revealed) return ALL_SHOWN;
  if (hidden === 'curve') return { curve: 'none', point: false, yNumbers: false, zoom: 'none' };
  return { curve: hidden === 'negativeSide' ? 'right' : 'all', point: false, yNumbers: true, zoom: 'always' };
}

/** The plot's accessible name: the function, what is kept back until the prediction, the probe. */
export function probeLabel(name: string, showDerivative: boolean, x: number, shows: ProbeShows): string {
  const what = `${name}${showDerivative ? ' (solid) and its slope (dashed)' : ''}`;
  const kept =
    shows.curve === 'none'
      ? ', the curves hidden until you commit your prediction'
      : shows.curve === 'right'
        ? ' for x ≥ 0 only (the negative side appears once you commit your prediction)'
        : '';
  return `Plot of ${what}${kept}, with the probe at x = ${x.toFixed(1)}`;
}

/** The inset's title: the slope's magnified range, from the bottom of the box to its top (no numbers before the prediction). */
export function zoomTitle(z: number, numbers = true): string {
  return numbers ? `slope, magnified: −${z} to ${z}` : 'slope, magnified';
}

/** The probe's ticks while the curve is hidden: along y only its 0. */
export const HIDDEN_Y_TICKS: TickCounts = { x: 10, y: 1 };

/** The probe's ticks: every whole number along x up to ±5 (every other beyond), finer along y. */
export const PROBE_TICKS: TickCounts = { x: 10, y: 6 };
