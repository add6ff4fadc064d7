/**
 * Paints 28 × 28 images into canvases in the theme's colours: digits as ink on the panel
 * colour, weights as a diverging map (negative towards class A's colour, positive towards
 * class B's, zero the panel colour).
 */
import { DIGIT_SIDE } from '../../../core/tabular/info';

export type Rgb = [number, number, number];

/** Reads a theme colour (e.g. "--fg") from the page as RGB. */
export function themeColor(element: Element, name: string): Rgb {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  element.appendChild(probe);
  const text = getComputedStyle(probe).color;
  probe.remove();
  const m = text.match(/\d+(\.\d+)?/g);
  return m === null ? [128, 128, 128] : [Number(m[0]), Number(m[1]), Number(m[2])];
}

function mix(a: Rgb, b: Rgb, t: number, out: Uint8ClampedArray, at: number): void {
  out[at] = a[0] + (b[0] - a[0]) * t;
  out[at + 1] = a[1] + (b[1] - a[1]) * t;
  out[at + 2] = a[2] + (b[2] - a[2]) * t;
  out[at + 3] = 255;
}

/** A digit: value 0 = background, 1 = full ink. `values` are 784 numbers in [0, 1] (or bytes with scale 1/255). */
export function paintDigit(canvas: HTMLCanvasElement, values: ArrayLike<number>, offset: number, scale: number, background: Rgb, ink: Rgb): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const image = ctx.createImageData(DIGIT_SIDE, DIGIT_SIDE);
  for (let i = 0; i < DIGIT_SIDE * DIGIT_SIDE; i++) mix(background, ink, Math.min(1, values[offset + i] * scale), image.data, i * 4);
  ctx.putImageData(image, 0, 0);
}

/** Weights of one neuron, scaled so the largest magnitude gets the full colour. */
export function paintWeights(canvas: HTMLCanvasElement, weights: Float64Array, zero: Rgb, negative: Rgb, positive: Rgb, used: Uint8Array | null = null): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  let max = 1e-12;
  for (let i = 0; i < weights.length; i++) if (used === null || used[i] === 1) max = Math.max(max, Math.abs(weights[i]));
  const image = ctx.createImageData(DIGIT_SIDE, DIGIT_SIDE);
  for (let i = 0; i < DIGIT_SIDE * DIGIT_SIDE; i++) {
    // A pixel that is blank in every image never changes an answer: its weight is left plain.
    const w = used === null || used[i] === 1 ? weights[i] / max : 0;
    mix(zero, w < 0 ? negative : positive, Math.abs(w), image.data, i * 4);
  }
  ctx.putImageData(image, 0, 0);
}
