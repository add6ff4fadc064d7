/**
 * Drawing on the lessons' square planes: scales, grid and axes, data points, and the grid of
 * cell centres a network is evaluated on. Colours come from the theme's palette as CSS text;
 * tints go through the kit's heatmap painter (renderer/ui).
 */
import type { DataPoint } from '../../../core/config';
import { drawDataPoint } from '../../ui/data-points';
import type { ThemeColors } from '../../ui/palette';
import { TICK_FONT, tickLabel } from '../../lab/function-plot';

/** Maps a value range onto a pixel range. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/**
 * The stretch of values a square plane shows on both axes: [low, high], or a number e for
 * [−e, e].
 */
export type PlaneView = number | readonly [number, number];

function bounds(view: PlaneView): [number, number] {
  return typeof view === 'number' ? [-view, view] : [view[0], view[1]];
}

/** Light grid lines and the two axes (where zero is in view) of a square plane. */
export function drawAxes(ctx: CanvasRenderingContext2D, size: number, view: PlaneView, p: Readonly<ThemeColors>): void {
  const [low, high] = bounds(view);
  const s = scale(low, high, 0, size);
  ctx.lineWidth = 1;
  ctx.strokeStyle = p.border;
  const step = high - low > 6 ? 1 : 0.5;
  for (let v = Math.ceil(low / step) * step; v <= high; v += step) {
    ctx.beginPath();
    ctx.moveTo(s(v), 0);
    ctx.lineTo(s(v), size);
    ctx.moveTo(0, size - s(v));
    ctx.lineTo(size, size - s(v));
    ctx.stroke();
  }
  if (low > 0 || high < 0) return;
  ctx.strokeStyle = p.muted;
  ctx.beginPath();
  ctx.moveTo(s(0), 0);
  ctx.lineTo(s(0), size);
  ctx.moveTo(0, size - s(0));
  ctx.lineTo(size, size - s(0));
  ctx.stroke();
}

/** The values a square plane labels on its axes: the whole numbers, every other one on a wide plane. */
export function planeTicks(view: PlaneView): { value: number; label: string }[] {
  const [low, high] = bounds(view);
  const step = high - low > 6 ? 2 : 1;
  const ticks: { value: number; label: string }[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high; v += step) ticks.push({ value: v, label: tickLabel(v) });
  return ticks;
}

/**
 * The axes' numbers and names, inside the plane: x₁'s along the bottom edge, x₂'s along the left
 * one (each number just above its grid line, so the line does not strike it through), each on
 * a halo of the panel's colour so it reads over any tint. Labels the plane's edge would cut are
 * left out.
 */
export function drawPlaneLabels(ctx: CanvasRenderingContext2D, size: number, view: PlaneView, p: Readonly<ThemeColors>): void {
  const s = scale(...bounds(view), 0, size);
  ctx.save();
  ctx.font = TICK_FONT;
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = p.panel;
  ctx.fillStyle = p.fg;
  const text = (label: string, x: number, y: number): void => {
    ctx.strokeText(label, x, y);
    ctx.fillText(label, x, y);
  };
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'center';
  for (const { value, label } of planeTicks(view)) {
    const x = s(value);
    if (x > 12 && x < size - 30) text(label, x, size - 3);
  }
  ctx.textAlign = 'right';
  text('x₁', size - 4, size - 3);
  ctx.textAlign = 'left';
  for (const { value, label } of planeTicks(view)) {
    const y = size - s(value) - 2;
    if (y > 30 && y < size - 18) text(label, 4, y);
  }
  text('x₂', 4, 17);
  ctx.restore();
}

/** A data point: filled with its class colour and ringed so it shows on any tint. */
export function drawPoint(ctx: CanvasRenderingContext2D, x: number, y: number, fill: string, ring: string, r = 4.5): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = ring;
  ctx.stroke();
}

/**
 * Data points over [low, high]², the way every plane draws them (renderer/ui/data-points.ts),
 * outlined in `edge` (the palette's pointEdge) so they stand out from the tint under them, with
 * the given radius in CSS pixels.
 */
export function drawData(
  ctx: CanvasRenderingContext2D,
  train: readonly DataPoint[],
  test: readonly DataPoint[],
  view: [number, number],
  size: number,
  colours: string[],
  panel: string,
  edge?: string,
  radius = 3.5,
): void {
  const [low, high] = view;
  const px = (v: number): number => ((v - low) / (high - low)) * size;
  const py = (v: number): number => size - ((v - low) / (high - low)) * size;
  for (const p of train) drawDataPoint(ctx, px(p.x1), py(p.x2), 'train', colours[p.label % colours.length], panel, radius, edge);
  for (const p of test) drawDataPoint(ctx, px(p.x1), py(p.x2), 'test', colours[p.label % colours.length], panel, radius, edge);
}

/** Cell centres of a res × res grid over [low, high]², row 0 at the top, as (x1, x2) pairs. */
export function viewGrid(res: number, view: [number, number]): Float64Array {
  const [low, high] = view;
  const step = (high - low) / res;
  const xy = new Float64Array(res * res * 2);
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      const i = r * res + c;
      xy[2 * i] = low + (c + 0.5) * step;
      xy[2 * i + 1] = high - (r + 0.5) * step;
    }
  }
  return xy;
}

/** Splits row-major outputs (n rows of k) into k arrays of n. */
export function splitColumns(out: Float64Array, k: number): Float64Array[] {
  const n = out.length / k;
  return Array.from({ length: k }, (_, j) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = out[i * k + j];
    return col;
  });
}
