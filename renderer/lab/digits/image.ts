/**
 * Paints 28 × 28 images into canvases through the kit's heatmap painter: digits as ink on the
 * panel colour, weights on the palette's diverging table (negative towards class A's colour,
 * positive towards class B's, zero the panel colour).
 */
import { DIGIT_SIDE } from '../../../core/tabular/info';
import type { Rgb } from '../../ui/color';
import { fillHeatmap, rampLut } from '../../ui/heatmap';

const PIXELS = DIGIT_SIDE * DIGIT_SIDE;

function paint(canvas: HTMLCanvasElement, fill: (rgba: Uint8ClampedArray) => void): void {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return;
  const image = ctx.createImageData(DIGIT_SIDE, DIGIT_SIDE);
  fill(image.data);
  ctx.putImageData(image, 0, 0);
}

/** A digit: value 0 = background, 1 = full ink. `values` from `offset` are 784 numbers in [0, 1] (or bytes with scale 1/255). */
export function paintDigit(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  offset: number,
  scale: number,
  background: Rgb,
  ink: Rgb,
): void {
  paint(canvas, (rgba) => fillHeatmap(rgba, values, DIGIT_SIDE, 1, rampLut(background, ink), 0, 1 / scale, false, offset));
}

const shown = new Float64Array(PIXELS);

/** Weights of one neuron on a diverging table, scaled so the largest magnitude gets the full colour. */
export function paintWeights(
  canvas: HTMLCanvasElement,
  weights: Float64Array,
  lut: Uint8ClampedArray,
  used: Uint8Array | null = null,
): void {
  let max = 1e-12;
  for (let i = 0; i < PIXELS; i++) {
    // A pixel that is blank in every image never changes an answer: its weight is left plain.
    shown[i] = used === null || used[i] === 1 ? weights[i] : 0;
    max = Math.max(max, Math.abs(shown[i]));
  }
  paint(canvas, (rgba) => fillHeatmap(rgba, shown, DIGIT_SIDE, 1, lut, -max, max, false));
}
