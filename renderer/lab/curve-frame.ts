/**
 * The curve view's geometry and figures: the plot's axes (x from −6 to 6, a y range that
 * holds the data), pixel mapping both ways, how each neuron's thin curve is told apart
 * (a dash pattern and a number, not colour alone), and the probe's table of contributions.
 */
import type { DataPoint } from '../../core/config';
import { CURVE_DOMAIN, type CurveView } from '../../core/engine';

export interface CurveFrame {
  /** The whole canvas, in CSS pixels. */
  width: number;
  height: number;
  /** The plotting area inside the margins (axis labels sit outside it). */
  left: number;
  right: number;
  top: number;
  bottom: number;
  yMin: number;
  yMax: number;
}

/** Margins of the plotting area: room for the y labels on the left and the x labels below. */
const MARGIN = { left: 34, right: 10, top: 10, bottom: 22 };

/**
 * The y range shown: at least −1.5 to 1.5 (the generated curves' −1 to 1 with room), widened
 * to every point's y with a margin, in steps of 0.5 so the axis does not creep.
 */
export function yRange(points: readonly DataPoint[]): { yMin: number; yMax: number } {
  let low = -1.5;
  let high = 1.5;
  for (const p of points) {
    if (!Number.isFinite(p.label)) continue;
    low = Math.min(low, p.label - 0.25);
    high = Math.max(high, p.label + 0.25);
  }
  return { yMin: Math.floor(low * 2) / 2, yMax: Math.ceil(high * 2) / 2 };
}

export function curveFrame(width: number, height: number, points: readonly DataPoint[]): CurveFrame {
  return {
    width,
    height,
    left: MARGIN.left,
    right: width - MARGIN.right,
    top: MARGIN.top,
    bottom: height - MARGIN.bottom,
    ...yRange(points),
  };
}

export function xToPx(f: CurveFrame, x: number): number {
  return f.left + ((x + CURVE_DOMAIN) / (2 * CURVE_DOMAIN)) * (f.right - f.left);
}
export function yToPx(f: CurveFrame, y: number): number {
  return f.bottom - ((y - f.yMin) / (f.yMax - f.yMin)) * (f.bottom - f.top);
}
export function pxToX(f: CurveFrame, px: number): number {
  return ((px - f.left) / (f.right - f.left)) * 2 * CURVE_DOMAIN - CURVE_DOMAIN;
}
export function pxToY(f: CurveFrame, py: number): number {
  return f.yMin + ((f.bottom - py) / (f.bottom - f.top)) * (f.yMax - f.yMin);
}

/** Tick values from `min` to `max` every `step` (the ends rounded to the step). */
export function ticks(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + 1e-9; k++) out.push(Math.round(k * step * 1e6) / 1e6 || 0);
  return out;
}

/**
 * Dash patterns of the neurons' thin curves, in pixels ([] = solid). With the number drawn
 * on each curve they tell the curves apart without colour; past eight they repeat, the numbers do not.
 */
export const NEURON_DASHES: readonly (readonly number[])[] = [
  [],
  [7, 4],
  [2, 3],
  [10, 3, 2, 3],
  [4, 4],
  [1, 5],
  [12, 5],
  [6, 2, 1, 2, 1, 2],
];
/** The output bias's line: long dots. */
export const BIAS_DASH: readonly number[] = [1, 7];

export function neuronDash(j: number): readonly number[] {
  return NEURON_DASHES[j % NEURON_DASHES.length];
}

/** The x where neuron j's number would like to sit: each neuron its own share of the range (curve-tags.ts moves it off another). */
export function labelX(j: number, count: number): number {
  return -CURVE_DOMAIN + ((j + 0.5) / Math.max(1, count)) * 2 * CURVE_DOMAIN;
}

export interface ProbeRow {
  /** "Neuron 3", "Output bias b". */
  name: string;
  /** Neuron index, or -1 for the bias. */
  neuron: number;
  value: number;
}

/** The probe table: each neuron's contribution vⱼ·hⱼ(x) at the probe, then the bias (view at one x). */
export function probeRows(view: CurveView): ProbeRow[] {
  const rows: ProbeRow[] = view.contributions.map((c, j) => ({ name: `Neuron ${j + 1}`, neuron: j, value: c[0] }));
  rows.push({ name: 'Output bias b', neuron: -1, value: view.bias });
  return rows;
}

/** A read-out number: three decimals, a true minus sign, −0 as 0. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const text = value.toFixed(3);
  return text === '-0.000' ? '0.000' : text.replace('-', '−');
}
