/**
 * Drawing the curve view, layer by layer: the static grid, axes and data points; the live
 * curves (the network's, and with "Show each neuron" every contribution vⱼ·hⱼ(x) and the
 * bias); and the overlay of what the learner is pointing at. Free functions over a context.
 */
import type { DataPoint } from '../../core/config';
import type { CurveView } from '../../core/engine';
import { rgbText, type Rgb } from '../ui/color';
import type { Palette } from '../ui/palette';
import { BIAS_DASH, neuronDash, pxToX, ticks, xToPx, yToPx, type CurveFrame } from './curve-frame';
import { curveTags, type TagBox } from './curve-tags';

/** The network's line, in px: thinner than a data dot (7 px across), so a dot on the line still shows around it. */
export const CURVE_WIDTH = 2;

/** The font of the neurons' numbers on the plot. */
export const TAG_FONT = '10px system-ui, sans-serif';

/** The colour of neuron j's thin curve (the dash pattern and number tell them apart as well). */
export function neuronColor(palette: Palette, j: number): Rgb {
  const cycle = [palette.classB, palette.classA, palette.classC, palette.ok, palette.fg, palette.danger, palette.muted, palette.accent];
  return cycle[j % cycle.length];
}

/** Grid and axes with their numbers (the data is drawn over the curves, by drawCurves). */
export function drawBase(ctx: CanvasRenderingContext2D, f: CurveFrame, palette: Palette): void {
  ctx.fillStyle = rgbText(palette.panel);
  ctx.fillRect(0, 0, f.width, f.height);
  ctx.lineWidth = 1;
  ctx.strokeStyle = rgbText(palette.fg, 0.08);
  ctx.beginPath();
  for (const x of ticks(-6, 6, 1)) {
    ctx.moveTo(Math.round(xToPx(f, x)) + 0.5, f.top);
    ctx.lineTo(Math.round(xToPx(f, x)) + 0.5, f.bottom);
  }
  const yStep = f.yMax - f.yMin > 6 ? 1 : 0.5;
  for (const y of ticks(f.yMin, f.yMax, yStep)) {
    ctx.moveTo(f.left, Math.round(yToPx(f, y)) + 0.5);
    ctx.lineTo(f.right, Math.round(yToPx(f, y)) + 0.5);
  }
  ctx.stroke();
  // The axes through 0, and the frame.
  ctx.strokeStyle = rgbText(palette.fg, 0.35);
  ctx.beginPath();
  ctx.moveTo(Math.round(xToPx(f, 0)) + 0.5, f.top);
  ctx.lineTo(Math.round(xToPx(f, 0)) + 0.5, f.bottom);
  ctx.moveTo(f.left, Math.round(yToPx(f, 0)) + 0.5);
  ctx.lineTo(f.right, Math.round(yToPx(f, 0)) + 0.5);
  ctx.stroke();
  ctx.strokeStyle = rgbText(palette.border);
  ctx.strokeRect(f.left + 0.5, f.top + 0.5, f.right - f.left - 1, f.bottom - f.top - 1);
  ctx.fillStyle = rgbText(palette.muted);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const x of ticks(-6, 6, 2)) ctx.fillText(x < 0 ? `−${-x}` : `${x}`, xToPx(f, x), f.bottom + 5);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of ticks(f.yMin, f.yMax, yStep * 2)) ctx.fillText(y < 0 ? `−${-y}` : `${y}`, f.left - 5, yToPx(f, y));
}

/**
 * Training points: blue dots with a rim of the panel's colour; test points: hollow orange
 * squares (shape tells them apart too). Drawn over the curves, the rim keeps a dot visible
 * where the network's line runs right through it.
 */
export function drawPointSet(
  ctx: CanvasRenderingContext2D,
  f: CurveFrame,
  palette: Palette,
  points: readonly DataPoint[],
  test: boolean,
): void {
  if (test) {
    ctx.lineWidth = 1.6;
    ctx.strokeStyle = rgbText(palette.classA);
    ctx.beginPath();
    for (const p of points) ctx.rect(xToPx(f, p.x1) - 3, yToPx(f, p.label) - 3, 6, 6);
    ctx.stroke();
    return;
  }
  // All the rims first, then all the dots (a dense set's rims never cut into a neighbour): each
  // rim is 3 px wide, half of it under its dot, so 1.5 px of it shows around the dot.
  ctx.lineWidth = 3;
  ctx.strokeStyle = rgbText(palette.panel);
  ctx.fillStyle = rgbText(palette.classB);
  for (const pass of ['rim', 'dot'] as const) {
    for (const p of points) {
      ctx.beginPath();
      ctx.arc(xToPx(f, p.x1), yToPx(f, p.label), 3.5, 0, Math.PI * 2);
      if (pass === 'rim') ctx.stroke();
      else ctx.fill();
    }
  }
}

function clipToPlot(ctx: CanvasRenderingContext2D, f: CurveFrame): void {
  ctx.beginPath();
  ctx.rect(f.left, f.top, f.right - f.left, f.bottom - f.top);
  ctx.clip();
}

function tracePath(ctx: CanvasRenderingContext2D, f: CurveFrame, xs: Float64Array, ys: Float64Array): void {
  // Far-off values are drawn at the edge of a generous band, so a steep line still leaves the plot cleanly.
  const span = f.bottom - f.top;
  ctx.beginPath();
  for (let i = 0; i < xs.length; i++) {
    const py = Math.max(f.top - span, Math.min(f.bottom + span, yToPx(f, ys[i])));
    if (i === 0) ctx.moveTo(xToPx(f, xs[i]), py);
    else ctx.lineTo(xToPx(f, xs[i]), py);
  }
  ctx.stroke();
}

/**
 * A small number in its placed box, framed in the curve's colour, with a short leader to the
 * curve when the box sits beside it. The number itself is in the text colour: the curve colours
 * are made for lines (3:1), too faint for 10 px digits (crimson on the dark panel, orange on white).
 */
function tag(ctx: CanvasRenderingContext2D, palette: Palette, text: string, box: TagBox, color: Rgb, alpha: number): void {
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  ctx.setLineDash([]);
  ctx.lineWidth = 1;
  if (!box.onCurve) {
    const ex = Math.max(box.left, Math.min(box.left + box.width, box.anchorX));
    const ey = Math.max(box.top, Math.min(box.top + box.height, box.anchorY));
    ctx.strokeStyle = rgbText(color, 0.8 * alpha);
    ctx.beginPath();
    ctx.moveTo(ex, ey);
    ctx.lineTo(box.anchorX, box.anchorY);
    ctx.stroke();
  }
  ctx.fillStyle = rgbText(palette.panel, 0.92);
  ctx.fillRect(box.left, box.top, box.width, box.height);
  ctx.strokeStyle = rgbText(color, alpha);
  ctx.strokeRect(box.left + 0.5, box.top + 0.5, box.width - 1, box.height - 1);
  ctx.fillStyle = rgbText(palette.fg, alpha);
  ctx.fillText(text, cx, cy + 0.5);
}

/**
 * How strongly neuron j's curve is drawn: all alike when none is picked; the picked one
 * thicker and the others faded when the learner points at (or selects) one neuron.
 */
export function neuronEmphasis(j: number, focus: number | null): { alpha: number; lineWidth: number } {
  if (focus === null) return { alpha: 0.9, lineWidth: 1.4 };
  return j === focus ? { alpha: 1, lineWidth: 2.6 } : { alpha: 0.18, lineWidth: 1.2 };
}

/** The sample nearest to x. */
function sampleAt(view: CurveView, x: number): number {
  const xs = view.x;
  const t = (x - xs[0]) / (xs[xs.length - 1] - xs[0]);
  return Math.max(0, Math.min(xs.length - 1, Math.round(t * (xs.length - 1))));
}

/**
 * The live layer: with `eachNeuron`, every neuron's contribution as a thin dashed curve (the
 * `focus` neuron, if any, thick and the others faded) and the bias as a dotted line; then the
 * network's curve; then the data points over them, so the fitted line never hides the dots it
 * is compared with; then the neurons' numbers (and b), placed so that no two overlap, over the
 * dots so a dense set never hides them; then the probe.
 */
export function drawCurves(
  ctx: CanvasRenderingContext2D,
  f: CurveFrame,
  palette: Palette,
  data: { train: readonly DataPoint[]; test: readonly DataPoint[] },
  view: CurveView | null,
  eachNeuron: boolean,
  probeX: number | null,
  focus: number | null = null,
): void {
  ctx.clearRect(0, 0, f.width, f.height);
  ctx.save();
  clipToPlot(ctx, f);
  ctx.lineJoin = 'round';
  const n = view?.contributions.length ?? 0;
  const picked = focus !== null && focus < n ? focus : null;
  if (view && eachNeuron) {
    // The picked neuron last, on top of the others.
    const order = Array.from({ length: n }, (_, j) => j).filter((j) => j !== picked);
    if (picked !== null) order.push(picked);
    for (const j of order) {
      const look = neuronEmphasis(j, picked);
      ctx.strokeStyle = rgbText(neuronColor(palette, j), look.alpha);
      ctx.lineWidth = look.lineWidth;
      ctx.setLineDash(neuronDash(j) as number[]);
      tracePath(ctx, f, view.x, view.contributions[j]);
    }
    ctx.strokeStyle = rgbText(palette.fg, picked === null ? 0.75 : 0.3);
    ctx.lineWidth = 2;
    ctx.setLineDash(BIAS_DASH as number[]);
    ctx.beginPath();
    ctx.moveTo(f.left, yToPx(f, view.bias));
    ctx.lineTo(f.right, yToPx(f, view.bias));
    ctx.stroke();
  }
  ctx.setLineDash([]);
  if (view) {
    ctx.strokeStyle = rgbText(palette.panel, 0.85);
    ctx.lineWidth = CURVE_WIDTH + 2;
    tracePath(ctx, f, view.x, view.output);
    ctx.strokeStyle = rgbText(palette.fg);
    ctx.lineWidth = CURVE_WIDTH;
    tracePath(ctx, f, view.x, view.output);
  }
  drawPointSet(ctx, f, palette, data.train, false);
  drawPointSet(ctx, f, palette, data.test, true);
  if (view && eachNeuron) {
    ctx.font = TAG_FONT;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const t of curveTags(f, view, picked, (text) => ctx.measureText(text).width)) {
      const color = t.neuron < 0 ? palette.fg : neuronColor(palette, t.neuron);
      const alpha = t.neuron < 0 || picked === null || t.neuron === picked ? 1 : 0.35;
      tag(ctx, palette, t.text, t.box, color, alpha);
    }
  }
  if (probeX !== null) {
    const px = Math.round(xToPx(f, probeX)) + 0.5;
    ctx.strokeStyle = rgbText(palette.accent, 0.8);
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(px, f.top);
    ctx.lineTo(px, f.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    if (view) {
      ctx.fillStyle = rgbText(palette.accent);
      ctx.beginPath();
      ctx.arc(px, yToPx(f, view.output[sampleAt(view, probeX)]), 4, 0, Math.PI * 2);
      ctx.fill();
    }
  }
  ctx.restore();
}

/** What the learner points at: the selected point ringed, the keyboard's cross-hair. */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  f: CurveFrame,
  palette: Palette,
  selected: DataPoint | null,
  cursor: { x: number; y: number } | null,
): void {
  ctx.clearRect(0, 0, f.width, f.height);
  ctx.strokeStyle = rgbText(palette.fg);
  if (selected) {
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(xToPx(f, selected.x1), yToPx(f, selected.label), 8, 0, Math.PI * 2);
    ctx.stroke();
  }
  if (cursor) {
    const px = xToPx(f, cursor.x);
    const py = yToPx(f, cursor.y);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(px - 9, py);
    ctx.lineTo(px - 3, py);
    ctx.moveTo(px + 3, py);
    ctx.lineTo(px + 9, py);
    ctx.moveTo(px, py - 9);
    ctx.lineTo(px, py - 3);
    ctx.moveTo(px, py + 3);
    ctx.lineTo(px, py + 9);
    ctx.stroke();
  }
}

/** The x under a pixel column, kept within the plot. */
export function xAt(f: CurveFrame, px: number): number {
  return Math.max(-6, Math.min(6, pxToX(f, px)));
}
