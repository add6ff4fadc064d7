/**
 * Colour helpers for the Lab's canvases: parsing theme colours, building lookup tables
 * (LUTs) once, and filling ImageData from a grid of values with no allocation per pixel.
 */

export type Rgb = readonly [number, number, number];

/** Number of entries in a diverging lookup table. */
export const LUT_SIZE = 256;

/** Parses "#rgb", "#rrggbb" or "rgb(r, g, b)"; returns null for anything else. */
export function parseColor(text: string): Rgb | null {
  const value = text.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) return [parseInt(short[1] + short[1], 16), parseInt(short[2] + short[2], 16), parseInt(short[3] + short[3], 16)];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  if (long) return [parseInt(long[1], 16), parseInt(long[2], 16), parseInt(long[3], 16)];
  const fn = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(value);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return null;
}

function mix(a: Rgb, b: Rgb, t: number): [number, number, number] {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/**
 * A diverging table: entry 0 is `negative`, the middle entry is `middle`, the last entry is
 * `positive`. Four bytes (RGBA) per entry, ready to copy into ImageData.
 */
export function buildDivergingLut(negative: Rgb, middle: Rgb, positive: Rgb, size = LUT_SIZE): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(size * 4);
  const half = (size - 1) / 2;
  for (let i = 0; i < size; i++) {
    const c = i <= half ? mix(negative, middle, i / half) : mix(middle, positive, (i - half) / half);
    lut[i * 4] = Math.round(c[0]);
    lut[i * 4 + 1] = Math.round(c[1]);
    lut[i * 4 + 2] = Math.round(c[2]);
    lut[i * 4 + 3] = 255;
  }
  return lut;
}

/**
 * Maps a value in [min, max] to a table index. Values outside are clamped; NaN maps to the
 * middle (neutral) entry. With `discretize`, only the two ends are used (split at the middle).
 */
export function lutIndex(value: number, min: number, max: number, size: number, discretize: boolean): number {
  if (!(value === value)) return (size - 1) >> 1;
  const mid = (min + max) / 2;
  if (discretize) return value >= mid ? size - 1 : 0;
  let t = (value - min) / (max - min);
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  return Math.round(t * (size - 1));
}

/**
 * Fills `out` (RGBA, `width`×`height`) from `values`, a row-major grid of `gridSize`²
 * values, sampling every `stride`-th grid cell (so a 100² grid can fill a 50² thumbnail).
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
    const base = row * stride * gridSize;
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
      let t = discretize ? 0.75 : ((bestP - floor) / (1 - floor)) * 0.85;
      if (!(t >= 0)) t = 0;
      const c = classColors[best];
      out[o] = background[0] + (c[0] - background[0]) * t;
      out[o + 1] = background[1] + (c[1] - background[1]) * t;
      out[o + 2] = background[2] + (c[2] - background[2]) * t;
      out[o + 3] = 255;
      o += 4;
    }
  }
}

/** Colours the Lab reads from the theme's CSS variables. */
export interface Palette {
  classA: Rgb;
  classB: Rgb;
  classC: Rgb;
  background: Rgb;
  foreground: Rgb;
  muted: Rgb;
  border: Rgb;
  /** Panel colour, used as the neutral middle of heatmaps. */
  panel: Rgb;
  /** classA → panel → classB, for values from −1 to 1. */
  lut: Uint8ClampedArray;
  theme: string;
}

const FALLBACK: Record<string, Rgb> = {
  '--class-a': [232, 113, 10],
  '--class-b': [26, 115, 232],
  '--class-c': [142, 68, 173],
  '--bg': [246, 247, 249],
  '--fg': [29, 35, 48],
  '--muted': [91, 100, 117],
  '--border': [213, 217, 224],
  '--panel': [255, 255, 255],
};

/** Builds a palette from any source of CSS variable values (getComputedStyle in the page). */
export function paletteFrom(read: (name: string) => string, theme: string): Palette {
  const get = (name: string): Rgb => parseColor(read(name)) ?? FALLBACK[name];
  const classA = get('--class-a');
  const classB = get('--class-b');
  const panel = get('--panel');
  return {
    classA,
    classB,
    classC: get('--class-c'),
    background: get('--bg'),
    foreground: get('--fg'),
    muted: get('--muted'),
    border: get('--border'),
    panel,
    lut: buildDivergingLut(classA, panel, classB),
    theme,
  };
}

export function rgbText(c: Rgb, alpha = 1): string {
  return alpha >= 1
    ? `rgb(${Math.round(c[0])}, ${Math.round(c[1])}, ${Math.round(c[2])})`
    : `rgba(${Math.round(c[0])}, ${Math.round(c[1])}, ${Math.round(c[2])}, ${alpha})`;
}
