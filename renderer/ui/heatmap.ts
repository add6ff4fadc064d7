/**
 * The one heatmap painter: a grid of values becomes RGBA pixels through a lookup table (or,
 * for several classes, the likeliest class's colour), and a reusable buffer draws them onto
 * any canvas at any size. Nothing here allocates per pixel.
 */
import { buildDivergingLut, mix, type Rgb } from './color';

/**
 * Fills `out` (RGBA, `width`×`height`) from `values`, a row-major grid of `gridSize`²
 * values starting at `offset`, sampling every `stride`-th grid cell (so a 100² grid can fill a
 * 50² thumbnail).
 */
export function fillHeatmap(
  out: Uint8ClampedArray,
  values: ArrayLike<number>,
  gridSize: number,
  stride: number,
  lut: Uint8ClampedArray,
  min: number,
  max: number,
  discretize: boolean,
  offset = 0,
): void {
  const size = lut.length >> 2;
  const top = size - 1;
  const middle = top >> 1;
  const split = (min + max) / 2;
  const span = max - min;
  // Whole pixels are copied as 32-bit words (byte order kept, so any endianness works), and
  // lutIndex is worked out inline (the same clamping, rounding and NaN rule): this runs for
  // every pixel of every heatmap in every frame. The alpha byte comes from the table.
  const pixels = words(out);
  const colors = words(lut);
  const side = Math.floor(gridSize / stride);
  let o = 0;
  for (let row = 0; row < side; row++) {
    const base = offset + row * stride * gridSize;
    for (let col = 0; col < side; col++) {
      const v = values[base + col * stride];
      let k: number;
      if (!(v === v)) k = middle;
      else if (discretize) k = v >= split ? top : 0;
      else {
        const t = ((v - min) / span) * top;
        k = t <= 0 ? 0 : t >= top ? top : Math.round(t);
      }
      pixels[o++] = colors[k];
    }
  }
}

/** The same bytes seen as 32-bit words, one per RGBA pixel; made once per array and kept. */
const wordViews = new WeakMap<Uint8ClampedArray, Uint32Array>();
function words(bytes: Uint8ClampedArray): Uint32Array {
  let view = wordViews.get(bytes);
  if (!view) {
    view = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
    wordViews.set(bytes, view);
  }
  return view;
}

/** How far a sure cell moves from the background towards its class colour. */
export const CLASS_STRENGTH = 0.85;

/**
 * Multi-class view: each cell takes the colour of its most likely class, blended with the
 * background by the confidence (the winning probability), so unsure regions look pale.
 * `probabilities[k]` is the grid of class k's probability.
 */
export function fillClassHeatmap(
  out: Uint8ClampedArray,
  probabilities: readonly ArrayLike<number>[],
  gridSize: number,
  stride: number,
  classColors: readonly Rgb[],
  background: Rgb,
  discretize: boolean,
  strength = CLASS_STRENGTH,
): void {
  const side = Math.floor(gridSize / stride);
  const classes = probabilities.length;
  // The lowest possible winning probability is 1/classes: map that to no colour at all.
  const floor = 1 / classes;
  let o = 0;
  for (let row = 0; row < side; row++) {
    const base = row * stride * gridSize;
    for (let col = 0; col < side; col++) {
      const cell = base + col * stride;
      let best = 0;
      let bestP = -1;
      for (let k = 0; k < classes; k++) {
        const p = probabilities[k][cell];
        if (p > bestP) {
          bestP = p;
          best = k;
        }
      }
      let t = discretize ? 0.75 : ((bestP - floor) / (1 - floor)) * strength;
      if (!(t >= 0)) t = 0;
      const c = classColors[best % classColors.length];
      out[o] = background[0] + (c[0] - background[0]) * t;
      out[o + 1] = background[1] + (c[1] - background[1]) * t;
      out[o + 2] = background[2] + (c[2] - background[2]) * t;
      out[o + 3] = 255;
      o += 4;
    }
  }
}

/** A reusable pixel buffer and a canvas holding it, for drawing a heatmap at any size. */
export class HeatmapBuffer {
  readonly image: ImageData;
  private readonly canvas: HTMLCanvasElement | OffscreenCanvas;
  private readonly context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  /** True when the pixels changed since they last went to the canvas. */
  private stale = true;

  constructor(readonly side: number) {
    this.image = new ImageData(side, side);
    this.canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(side, side) : document.createElement('canvas');
    this.canvas.width = side;
    this.canvas.height = side;
    const context = this.canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    this.context = context;
  }

  /** Values of a `gridSize`² grid through `lut` (see fillHeatmap). */
  fill(values: ArrayLike<number>, gridSize: number, lut: Uint8ClampedArray, min: number, max: number, discretize = false): this {
    fillHeatmap(this.image.data, values, gridSize, gridSize / this.side, lut, min, max, discretize);
    this.stale = true;
    return this;
  }

  /** Class probabilities of a `gridSize`² grid (see fillClassHeatmap). */
  fillClasses(
    probabilities: readonly ArrayLike<number>[],
    gridSize: number,
    colors: readonly Rgb[],
    background: Rgb,
    discretize = false,
    strength = CLASS_STRENGTH,
  ): this {
    fillClassHeatmap(this.image.data, probabilities, gridSize, gridSize / this.side, colors, background, discretize, strength);
    this.stale = true;
    return this;
  }

  /** Copies the pixels onto `target`, scaled to the rectangle given (a heatmap that never changes is uploaded once). */
  drawTo(target: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, smooth = true): void {
    if (this.stale) this.context.putImageData(this.image, 0, 0);
    this.stale = false;
    target.imageSmoothingEnabled = smooth;
    target.drawImage(this.canvas, x, y, width, height);
  }

  /** Puts the pixels straight onto a canvas of the buffer's own size (no scaling). */
  putTo(target: CanvasRenderingContext2D): void {
    target.putImageData(this.image, 0, 0);
  }
}

const ramps = new Map<string, Uint8ClampedArray>();

/** A table from `from` (value 0) to `to` (value 1) in a straight line, built once per pair. */
export function rampLut(from: Rgb, to: Rgb): Uint8ClampedArray {
  const key = `${from.join()}>${to.join()}`;
  let lut = ramps.get(key);
  if (!lut) {
    lut = buildDivergingLut(from, mix(from, to, 0.5), to);
    ramps.set(key, lut);
  }
  return lut;
}
