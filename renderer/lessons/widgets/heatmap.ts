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
    const c = mix(base, d > 0 ? above : below, Number.isFinite(d) ? 0.15 + 0.55 * sure : 0);
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
    const c = mix(base, colours[best % colours.length], 0.15 + 0.55 * Math.max(0, Math.min(1, (p - 1 / outputs.length) * 1.5)));
    pixels[4 * i] = c[0];
    pixels[4 * i + 1] = c[1];
    pixels[4 * i + 2] = c[2];
    pixels[4 * i + 3] = 255;
  }
}

/** Paints an RGBA grid image over the whole canvas area, smoothing between cells. */
export function paintGrid(ctx: CanvasRenderingContext2D, pixels: Uint8ClampedArray, res: number, size: number): void {
  const tile = document.createElement('canvas');
  tile.width = res;
  tile.height = res;
  const tctx = tile.getContext('2d');
  if (!tctx) return;
  const image = tctx.createImageData(res, res);
  image.data.set(pixels);
  tctx.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tile, 0, 0, size, size);
}

/** Data points over [−domain, domain]²: training points filled, test points as rings. */
export function drawData(
  ctx: CanvasRenderingContext2D,
  train: readonly DataPoint[],
  test: readonly DataPoint[],
  domain: number,
  size: number,
  colours: string[],
  ring: string,
): void {
  const px = (v: number): number => ((v + domain) / (2 * domain)) * size;
  const py = (v: number): number => size - ((v + domain) / (2 * domain)) * size;
  ctx.lineWidth = 1;
  for (const p of train) {
    ctx.beginPath();
    ctx.arc(px(p.x1), py(p.x2), 3, 0, 2 * Math.PI);
    ctx.fillStyle = colours[p.label % colours.length];
    ctx.fill();
    ctx.strokeStyle = ring;
    ctx.stroke();
  }
  ctx.lineWidth = 1.5;
  for (const p of test) {
    ctx.beginPath();
    ctx.arc(px(p.x1), py(p.x2), 3, 0, 2 * Math.PI);
    ctx.strokeStyle = colours[p.label % colours.length];
    ctx.stroke();
  }
}
