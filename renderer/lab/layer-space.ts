/**
 * Layer space, the drawing: the input plane's grid lines and the training points, carried
 * through the network, drawn where two neurons of one hidden layer put them. Shared by the
 * Lab's panel (LayerSpace.svelte) and the lessons' folding-space widget.
 */
import type { DataPoint } from '../../core/config';
import { rgbText } from '../ui/color';
import type { Palette } from '../ui/palette';

/** Grid lines x1 = const and x2 = const across the input square, each sampled finely. */
export const LINES = 13;
export const SAMPLES = 32;

export interface LayerSpaceInputs {
  /** The grid lines' samples first (LINES·2 lines of `samples` points), then the training points, as x1, x2 pairs. */
  xy: Float64Array;
  gridCount: number;
  /** Points along each grid line. */
  samples: number;
  train: readonly DataPoint[];
}

/**
 * The points to send through the network: grid lines over [low, high]², then the training
 * points. `samples` points along each line: more keep a tight bend drawn as a curve, not as a
 * few straight pieces meeting at a corner.
 */
export function layerSpaceInputs(train: readonly DataPoint[], low = -6, high = 6, samples = SAMPLES): LayerSpaceInputs {
  const gridCount = LINES * samples * 2;
  const xy = new Float64Array((gridCount + train.length) * 2);
  const span = high - low;
  let k = 0;
  for (let line = 0; line < LINES; line++) {
    const c = low + (span * line) / (LINES - 1);
    for (let s = 0; s < samples; s++) {
      const t = low + (span * s) / (samples - 1);
      xy[k++] = c; // vertical line x1 = c
      xy[k++] = t;
    }
    for (let s = 0; s < samples; s++) {
      const t = low + (span * s) / (samples - 1);
      xy[k++] = t; // horizontal line x2 = c
      xy[k++] = c;
    }
  }
  for (const p of train) {
    xy[k++] = p.x1;
    xy[k++] = p.x2;
  }
  return { xy, gridCount, samples, train };
}

/** Where a layer-space value lands on the canvas, and the square of layer space the canvas shows. */
export interface LayerSpaceView {
  px: (v: number) => number;
  py: (v: number) => number;
  box: LayerSpaceBox;
}

export interface LayerSpaceBox {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/**
 * The square of layer space a drawing shows: centred on the first `count` points (neuron `xi`
 * across, `yi` up; −1: 0) and on `alsoShow` (x, y pairs), 10 % wider than the larger of their
 * two spans; null when no point is finite.
 */
export function layerSpaceBox(
  values: Float64Array,
  layerSize: number,
  xi: number,
  yi: number,
  count: number,
  alsoShow: readonly number[] = [],
): LayerSpaceBox | null {
  const at = (p: number, j: number) => (j < 0 ? 0 : values[p * layerSize + j]);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const take = (x: number, y: number) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  };
  for (let p = 0; p < count; p++) take(at(p, xi), at(p, yi));
  if (!Number.isFinite(minX)) return null;
  for (let i = 0; i + 1 < alsoShow.length; i += 2) take(alsoShow[i], alsoShow[i + 1]);
  const span = Math.max(maxX - minX, maxY - minY, 1e-6) * 1.1;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return { minX: cx - span / 2, maxX: cx + span / 2, minY: cy - span / 2, maxY: cy + span / 2 };
}

/**
 * Draws one hidden layer's outputs (`values`, `layerSize` per point) with neuron `xi` across and
 * `yi` up (−1: none, everything on one line). The view is fitted to the transformed grid and
 * `alsoShow` (layerSpaceBox); it is
 * returned so a caller can draw more in the same coordinates, or null when nothing could be drawn.
 */
export function drawLayerSpace(
  ctx: CanvasRenderingContext2D,
  size: number,
  inputs: LayerSpaceInputs,
  values: Float64Array,
  layerSize: number,
  xi: number,
  yi: number,
  palette: Palette,
  regression: boolean,
  /** Side of a training point's square in pixels; above 3 points are drawn as dots with a halo in the panel colour. */
  pointSize = 3,
  /** More layer-space points (x, y pairs) the view must show besides the grid, e.g. a line's nearest point. */
  alsoShow: readonly number[] = [],
): LayerSpaceView | null {
  const box = layerSpaceBox(values, layerSize, xi, yi, inputs.xy.length / 2, alsoShow);
  if (box === null) return null;
  return drawLayerSpaceIn(ctx, size, inputs, values, layerSize, xi, yi, palette, regression, pointSize, box);
}

/** As drawLayerSpace, but showing the square `box` of layer space, e.g. a close-up of one part. */
export function drawLayerSpaceIn(
  ctx: CanvasRenderingContext2D,
  size: number,
  inputs: LayerSpaceInputs,
  values: Float64Array,
  layerSize: number,
  xi: number,
  yi: number,
  palette: Palette,
  regression: boolean,
  pointSize: number,
  box: LayerSpaceBox,
): LayerSpaceView {
  const at = (p: number, j: number) => (j < 0 ? 0 : values[p * layerSize + j]);
  const span = box.maxX - box.minX;
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  const px = (v: number) => ((v - cx) / span + 0.5) * size;
  const py = (v: number) => (0.5 - (v - cy) / span) * size;
  const samples = inputs.samples;
  ctx.strokeStyle = rgbText(palette.fg, 0.35);
  ctx.lineWidth = 1;
  for (let line = 0; line < LINES * 2; line++) {
    ctx.beginPath();
    for (let s = 0; s < samples; s++) {
      const p = line * samples + s;
      if (s === 0) ctx.moveTo(px(at(p, xi)), py(at(p, yi)));
      else ctx.lineTo(px(at(p, xi)), py(at(p, yi)));
    }
    ctx.stroke();
  }
  const colors = palette.classes;
  for (let i = 0; i < inputs.train.length; i++) {
    const p = inputs.gridCount + i;
    const label = inputs.train[i].label;
    ctx.fillStyle = regression ? rgbText(label >= 0 ? palette.classB : palette.classA) : rgbText(colors[label] ?? palette.muted);
    if (pointSize <= 3) {
      ctx.fillRect(px(at(p, xi)) - pointSize / 2, py(at(p, yi)) - pointSize / 2, pointSize, pointSize);
      continue;
    }
    // A halo in the panel's colour, not a dark ring: a ring in the text colour darkened small
    // dots until orange read as brown in the light theme; the halo keeps them apart instead.
    ctx.beginPath();
    ctx.arc(px(at(p, xi)), py(at(p, yi)), pointSize / 2, 0, 2 * Math.PI);
    ctx.strokeStyle = palette.css.panel;
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.fill();
  }
  return { px, py, box };
}
