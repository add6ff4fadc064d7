/**
 * Drawing a trained network's view of the plane: the output over a grid as a tinted image,
 * and the data points on top. Pure pixel work: colours come in as [r, g, b] triples.
 */
import type { DataPoint } from '../../../core/config';

export type Rgb = [number, number, number];

/** Blends `colour` over `base` by `amount` in 0–1. */
function mix(base: Rgb, colour: Rgb, amount: number): Rgb {
  return [
    base[0] + (colour[0] - base[0]) * amount,
    base[1] + (colour[1] - base[1]) * amount,
    base[2] + (colour[2] - base[2]) * amount,
  ];
}

/**
 * Fills `pixels` (RGBA, res × res) from one output per cell: class 1 above `threshold`,
 * class 0 below, stronger the further from the threshold (`spread` is the distance that
 * counts as fully sure).
 */
export function fillBinary(
  pixels: Uint8ClampedArray,
  values: ArrayLike<number>,
  threshold: number,
  spread: number,
  base: Rgb,
  below: Rgb,
  above: Rgb,
): void {
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - threshold;
    const sure = Math.min(1, Math.abs(d) / spread);
    const c = mix(base, d > 0 ? above : below, Number.isNaN(d) ? 0 : 0.12 + 0.38 * sure);
    pixels[4 * i] = c[0];
    pixels[4 * i + 1] = c[1];
    pixels[4 * i + 2] = c[2];
    pixels[4 * i + 3] = 255;
  }
}

/** Fills `pixels` from several class probabilities per cell: the likeliest class's colour. */
export function fillClasses(pixels: Uint8ClampedArray, outputs: ArrayLike<number>[], base: Rgb, colours: Rgb[]): void {
  const n = outputs[0]?.length ?? 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < outputs.length; k++) if (outputs[k][i] > outputs[best][i]) best = k;
    const p = outputs[best][i];
    const c = mix(base, colours[best % colours.length], 0.12 + 0.38 * Math.max(0, Math.min(1, (p - 1 / outputs.length) * 1.5)));
    pixels[4 * i] = c[0];
    pixels[4 * i + 1] = c[1];
    pixels[4 * i + 2] = c[2];
    pixels[4 * i + 3] = 255;
  }
}

let tile: HTMLCanvasElement | null = null;

/** Paints an RGBA grid image over the whole canvas area, smoothing between cells. */
export function paintGrid(ctx: CanvasRenderingContext2D, pixels: Uint8ClampedArray, res: number, size: number): void {
  tile ??= document.createElement('canvas');
  if (tile.width !== res || tile.height !== res) {
    tile.width = res;
    tile.height = res;
  }
  const tctx = tile.getContext('2d');
  if (!tctx) return;
  const image = new ImageData(pixels.slice(0, res * res * 4), res, res);
  tctx.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tile, 0, 0, size, size);
}

/** Data points over [low, high]²: training points filled, test points as rings on the panel colour. */
export function drawData(
  ctx: CanvasRenderingContext2D,
  train: readonly DataPoint[],
  test: readonly DataPoint[],
  view: [number, number],
  size: number,
  colours: string[],
  ink: string,
  panel: string,
): void {
  const [low, high] = view;
  const px = (v: number): number => ((v - low) / (high - low)) * size;
  const py = (v: number): number => size - ((v - low) / (high - low)) * size;
  ctx.lineWidth = 1;
  for (const p of train) {
    ctx.beginPath();
    ctx.arc(px(p.x1), py(p.x2), 3.2, 0, 2 * Math.PI);
    ctx.fillStyle = colours[p.label % colours.length];
    ctx.fill();
    ctx.strokeStyle = ink;
    ctx.stroke();
  }
  ctx.lineWidth = 2;
  for (const p of test) {
    ctx.beginPath();
    ctx.arc(px(p.x1), py(p.x2), 3, 0, 2 * Math.PI);
    ctx.fillStyle = panel;
    ctx.fill();
    ctx.strokeStyle = colours[p.label % colours.length];
    ctx.stroke();
  }
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
