/**
 * A small picture of a project, drawn from the project itself: nothing trains and no file or
 * image is read. What it shows depends on the data:
 *
 * - 2-D data (circle, spiral, the learner's own points…): the network's decision boundary
 *   (its output over the plane, as the Lab's Output plot shades it) with the training points;
 * - curve fitting: the data points and the network's curve y(x);
 * - Iris: the flowers by petal length and width over the species the network predicts there
 *   (the other two measurements held at their average, as the Lab's Iris plot does);
 * - handwritten digits: what the first layer looks for — the first neurons' 784 incoming
 *   weights laid out as 28 × 28 images (no digit image is needed).
 *
 * The weights are the project's trained ones (`state.params`), or the ones the engine would
 * start from (`initialParams`) when it was never trained. A project the engine would refuse
 * (see `checkConfig`) gets a plain panel. Cost: one forward pass over a 48 × 48 grid (or the
 * Iris grid, or 64 curve points) — a few milliseconds; call it when a list is shown, not per frame.
 *
 * API (also used by the recent-projects list):
 *
 * ```ts
 * import { drawThumbnail, thumbnailUrl, thumbnailLabel, THUMBNAIL_SIZE } from '../projects/thumbnail';
 * drawThumbnail(canvas, project, { size: 96, theme: 'dark' }); // sizes the canvas and draws
 * const src = thumbnailUrl(project, { theme: 'light' });        // a PNG data URL for an <img>
 * const alt = thumbnailLabel(project);                           // "Decision boundary of …", for alt text
 * ```
 *
 * `project` needs only `config` and `state` (a whole `Project` will do). The theme is the
 * palette's ('light' | 'dark'): redraw when it changes. Pixel density is up to the caller:
 * `scale` draws at `size × scale` backing pixels (default 1; e.g. `devicePixelRatio`).
 */
import type { LabConfig } from '../../core/config';
import { checkConfig, createGridEvaluator, curveView, curveXs, generateData, initialParams, isCurveDataset } from '../../core/engine';
import { createPredictor, firstLayerWeights } from '../../core/engine/table-predict';
import { tableSplit } from '../../core/engine/table-split';
import type { EngineState } from '../../core/protocol';
import { DIGIT_SIDE, TABLE_INFO } from '../../core/tabular/info';
import { tableFor } from '../../core/tabular/table';
import { rgbText } from '../ui/color';
import { fillClassHeatmap, fillHeatmap } from '../ui/heatmap';
import { paletteFor, type Palette, type ThemeName } from '../ui/palette';

/** The size a thumbnail is drawn at unless asked otherwise, in CSS pixels (it is square). */
export const THUMBNAIL_SIZE = 96;

/** What a thumbnail needs of a project. */
export interface ThumbnailSource {
  config: LabConfig;
  state: Pick<EngineState, 'params'> | null;
}

export interface ThumbnailOptions {
  /** Width and height in CSS pixels; THUMBNAIL_SIZE when absent. */
  size?: number;
  /** The palette to draw with; 'light' when absent. */
  theme?: ThemeName;
  /** Backing pixels per CSS pixel (1 when absent). */
  scale?: number;
}

/** What the picture shows. */
export type ThumbnailKind = 'boundary' | 'curve' | 'iris' | 'digits';

/** Grid cells a side for the decision boundary (enough for a small picture, cheap to evaluate). */
const GRID = 48;
/** Cells a side of the Iris regions. */
const IRIS_CELLS = 40;
/** Standardised Iris measurements lie within about ±3 (as the Lab's Iris plot). */
const IRIS_EXTENT = 3.2;
/** The Iris plot's columns: petal length across, petal width up. */
const IRIS_AXES = [2, 3] as const;
/** At most this many data points are drawn (evenly picked), so they never hide the boundary. */
const MAX_POINTS = 120;
/** Digits: at most this many weight images (a 4 × 4 grid). */
const DIGIT_TILES = 16;

export function thumbnailKind(config: LabConfig): ThumbnailKind {
  const dataset = config.data.dataset;
  if (dataset === 'digits') return 'digits';
  if (dataset === 'iris') return 'iris';
  return isCurveDataset(dataset) ? 'curve' : 'boundary';
}

/** A sentence for the picture's alt text, e.g. "Decision boundary of the network on the spiral". */
export function thumbnailLabel(source: ThumbnailSource): string {
  const config = source.config;
  switch (thumbnailKind(config)) {
    case 'digits':
      return 'Weights of the first layer’s neurons, drawn as 28 × 28 images';
    case 'iris':
      return 'Iris flowers by petal length and width, over the species the network predicts';
    case 'curve':
      return 'The data points and the curve the network draws through them';
    case 'boundary':
      return `Decision boundary of the network on the ${config.data.dataset === 'custom' ? 'learner’s own points' : `${config.data.dataset} data`}`;
  }
}

/** Sizes `canvas` (size × scale backing pixels, size CSS pixels) and draws the project on it. */
export function drawThumbnail(canvas: HTMLCanvasElement, source: ThumbnailSource, options: ThumbnailOptions = {}): void {
  const size = options.size ?? THUMBNAIL_SIZE;
  const scale = options.scale ?? 1;
  const side = Math.max(1, Math.round(size * scale));
  canvas.width = side;
  canvas.height = side;
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  paintThumbnail(ctx, source, size, paletteFor(options.theme ?? 'light'));
}

/** The picture as a PNG data URL (for an `<img>`, or to keep with a recent-projects entry). */
export function thumbnailUrl(source: ThumbnailSource, options: ThumbnailOptions = {}): string {
  const canvas = document.createElement('canvas');
  drawThumbnail(canvas, source, options);
  return canvas.toDataURL('image/png');
}

/** Draws the project onto a context already scaled to `size` × `size` CSS pixels. */
export function paintThumbnail(ctx: CanvasRenderingContext2D, source: ThumbnailSource, size: number, palette: Palette): void {
  ctx.fillStyle = rgbText(palette.panel);
  ctx.fillRect(0, 0, size, size);
  const config = source.config;
  // A table the page has not loaded (the digits' images) is not needed: only the weights are drawn.
  const refusal = thumbnailKind(config) === 'digits' ? null : checkConfig(config);
  if (refusal !== null) return;
  const params = paramsOf(source);
  if (params === null) return;
  switch (thumbnailKind(config)) {
    case 'boundary':
      return paintBoundary(ctx, config, params, size, palette);
    case 'curve':
      return paintCurve(ctx, config, params, size, palette);
    case 'iris':
      return paintIris(ctx, config, params, size, palette);
    case 'digits':
      return paintDigitWeights(ctx, config, params, size, palette);
  }
}

/** The trained weights, or the seed's starting ones; null if they do not fit the network. */
function paramsOf(source: ThumbnailSource): Float64Array | null {
  const start = initialParams(source.config);
  if (source.state === null) return start;
  return source.state.params.length === start.length ? Float64Array.from(source.state.params) : null;
}

/** Pixels of a `side` × `side` image, drawn onto `ctx` scaled to `size` (smoothed). */
function putPixels(
  ctx: CanvasRenderingContext2D,
  fill: (rgba: Uint8ClampedArray) => void,
  side: number,
  x: number,
  y: number,
  size: number,
): void {
  const image = new ImageData(side, side);
  fill(image.data);
  const tile = document.createElement('canvas');
  tile.width = side;
  tile.height = side;
  tile.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tile, x, y, size, size);
}

function dot(ctx: CanvasRenderingContext2D, x: number, y: number, radius: number, color: string, rim: string | null): void {
  ctx.beginPath();
  ctx.arc(x, y, radius, 0, Math.PI * 2);
  ctx.fillStyle = color;
  ctx.fill();
  if (rim !== null) {
    ctx.strokeStyle = rim;
    ctx.lineWidth = 0.5;
    ctx.stroke();
  }
}

function paintBoundary(ctx: CanvasRenderingContext2D, config: LabConfig, params: Float64Array, size: number, palette: Palette): void {
  const grid = createGridEvaluator(config, GRID).evaluate(params);
  const outputs = grid.layers[grid.layers.length - 1];
  const data = generateData(config.data, config.seed);
  const regression = data.problem === 'regression';
  const output = config.network.outputActivation;
  putPixels(
    ctx,
    (rgba) => {
      if (outputs.length > 1) fillClassHeatmap(rgba, outputs, GRID, 1, palette.classes, palette.panel, false);
      else {
        const low = output === 'sigmoid' ? 0 : -1;
        fillHeatmap(rgba, outputs[0], GRID, 1, palette.lut, low, 1, false);
      }
    },
    GRID,
    0,
    0,
    size,
  );
  // A sample of the training points, small: the picture is about the boundary they sit on.
  const radius = Math.max(1, size / 90);
  const every = Math.max(1, Math.ceil(data.train.length / MAX_POINTS));
  for (let i = 0; i < data.train.length; i += every) {
    const point = data.train[i];
    const x = ((point.x1 + 6) / 12) * size;
    const y = ((6 - point.x2) / 12) * size;
    dot(ctx, x, y, radius, pointColor(point.label, regression, palette), 'rgba(255, 255, 255, 0.8)');
  }
}

function pointColor(label: number, regression: boolean, palette: Palette): string {
  if (!regression) return rgbText(palette.classes[label] ?? palette.muted);
  const t = Math.max(0, Math.min(255, Math.round(((label + 1) / 2) * 255))) * 4;
  return `rgb(${palette.lut[t]}, ${palette.lut[t + 1]}, ${palette.lut[t + 2]})`;
}

function paintCurve(ctx: CanvasRenderingContext2D, config: LabConfig, params: Float64Array, size: number, palette: Palette): void {
  const data = generateData(config.data, config.seed);
  let low = -1.5;
  let high = 1.5;
  for (const p of data.train) {
    low = Math.min(low, p.label - 0.25);
    high = Math.max(high, p.label + 0.25);
  }
  const pad = size * 0.06;
  const px = (x: number) => pad + ((x + 6) / 12) * (size - 2 * pad);
  const py = (y: number) => size - pad - ((y - low) / (high - low)) * (size - 2 * pad);
  // The axes, faint.
  ctx.strokeStyle = rgbText(palette.fg, 0.2);
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(pad, py(0));
  ctx.lineTo(size - pad, py(0));
  ctx.moveTo(px(0), pad);
  ctx.lineTo(px(0), size - pad);
  ctx.stroke();
  for (const p of data.train) dot(ctx, px(p.x1), py(p.label), Math.max(1.2, size / 70), rgbText(palette.classA, 0.85), null);
  const view = curveView(config, params, curveXs(64));
  ctx.strokeStyle = rgbText(palette.classB);
  ctx.lineWidth = Math.max(1.5, size / 40);
  ctx.lineJoin = 'round';
  ctx.beginPath();
  view.x.forEach((x, i) => {
    const y = Math.max(low, Math.min(high, view.output[i]));
    if (i === 0) ctx.moveTo(px(x), py(y));
    else ctx.lineTo(px(x), py(y));
  });
  ctx.stroke();
}

function paintIris(ctx: CanvasRenderingContext2D, config: LabConfig, params: Float64Array, size: number, palette: Palette): void {
  const table = tableFor('iris');
  if (table === null) return;
  const columns = TABLE_INFO.iris.columns;
  const [across, up] = IRIS_AXES;
  const cells = IRIS_CELLS * IRIS_CELLS;
  const inputs = new Float64Array(cells * columns);
  for (let gy = 0; gy < IRIS_CELLS; gy++) {
    for (let gx = 0; gx < IRIS_CELLS; gx++) {
      const r = gy * IRIS_CELLS + gx;
      inputs[r * columns + across] = -IRIS_EXTENT + ((gx + 0.5) / IRIS_CELLS) * 2 * IRIS_EXTENT;
      inputs[r * columns + up] = IRIS_EXTENT - ((gy + 0.5) / IRIS_CELLS) * 2 * IRIS_EXTENT;
    }
  }
  const out = createPredictor(config).outputs(params, inputs, cells);
  const species = [0, 1, 2].map((k) => Float64Array.from({ length: cells }, (_, r) => out[r * 3 + k]));
  putPixels(
    ctx,
    (rgba) => fillClassHeatmap(rgba, species, IRIS_CELLS, 1, palette.classes, palette.panel, false, 0.45),
    IRIS_CELLS,
    0,
    0,
    size,
  );
  const toPx = (v: number) => ((v + IRIS_EXTENT) / (2 * IRIS_EXTENT)) * size;
  const split = tableSplit({ ...config.data, dataset: 'iris' }, config.seed);
  for (const row of split.train) {
    const x = toPx(table.values[row * columns + across] * table.scale);
    const y = size - toPx(table.values[row * columns + up] * table.scale);
    dot(ctx, x, y, Math.max(1.5, size / 56), rgbText(palette.classes[table.labels[row]]), 'rgba(255, 255, 255, 0.9)');
  }
}

function paintDigitWeights(ctx: CanvasRenderingContext2D, config: LabConfig, params: Float64Array, size: number, palette: Palette): void {
  const weights = firstLayerWeights(createPredictor(config).topo, params);
  const count = Math.min(DIGIT_TILES, weights.length);
  const across = Math.ceil(Math.sqrt(count));
  const gap = Math.max(1, Math.round(size / 48));
  const tile = (size - gap * (across + 1)) / across;
  const shown = new Float64Array(DIGIT_SIDE * DIGIT_SIDE);
  for (let j = 0; j < count; j++) {
    let max = 1e-12;
    for (let i = 0; i < shown.length; i++) {
      shown[i] = weights[j][i];
      max = Math.max(max, Math.abs(shown[i]));
    }
    const x = gap + (j % across) * (tile + gap);
    const y = gap + Math.floor(j / across) * (tile + gap);
    putPixels(ctx, (rgba) => fillHeatmap(rgba, shown, DIGIT_SIDE, 1, palette.lut, -max, max, false), DIGIT_SIDE, x, y, tile);
  }
}
