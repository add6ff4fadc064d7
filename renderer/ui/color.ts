/**
 * Colour maths for every canvas: the one RGB type, parsing and mixing colours, CSS text, and
 * lookup tables (LUTs) built once so heatmaps map values to colours with no work per pixel.
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

/** `a` moved towards `b` by `t` (0 = a, 1 = b). */
export function mix(a: Rgb, b: Rgb, t: number): [number, number, number] {
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

/** CSS text for a colour, with alpha when below 1. */
export function rgbText(c: Rgb, alpha = 1): string {
  return alpha >= 1
    ? `rgb(${Math.round(c[0])}, ${Math.round(c[1])}, ${Math.round(c[2])})`
    : `rgba(${Math.round(c[0])}, ${Math.round(c[1])}, ${Math.round(c[2])}, ${alpha})`;
}
