/**
 * Canvas drawing shared by the Lab's views. Heatmaps go through one reusable ImageData
 * per view and an offscreen canvas scaled up by drawImage; nothing here allocates per pixel.
 */
import type { DataPoint } from '../../core/config';
import { fillClassHeatmap, fillHeatmap, rgbText, type Palette, type Rgb } from './color';
import { toPixel } from './points';

/** Value range a neuron's heatmap spans, by what the neuron can output. */
export function valueRange(activation: string): { min: number; max: number } {
  return activation === 'sigmoid' || activation === 'softmax' ? { min: 0, max: 1 } : { min: -1, max: 1 };
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

  fill(values: ArrayLike<number>, gridSize: number, palette: Palette, min: number, max: number, discretize: boolean): this {
    fillHeatmap(this.image.data, values, gridSize, gridSize / this.side, palette.lut, min, max, discretize);
    this.stale = true;
    return this;
  }

  fillClasses(probabilities: readonly ArrayLike<number>[], gridSize: number, colors: readonly Rgb[], palette: Palette, discretize: boolean): this {
    fillClassHeatmap(this.image.data, probabilities, gridSize, gridSize / this.side, colors, palette.panel, discretize);
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
}

/** Class colours in label order. */
export function classColors(palette: Palette): Rgb[] {
  return [palette.classA, palette.classB, palette.classC];
}

/** The colour of a data point: its class, or for regression its value on the diverging scale. */
export function pointColor(point: DataPoint, regression: boolean, palette: Palette): string {
  if (!regression) return rgbText(classColors(palette)[point.label] ?? palette.muted);
  const t = Math.max(0, Math.min(255, Math.round(((point.label + 1) / 2) * 255))) * 4;
  return `rgb(${palette.lut[t]}, ${palette.lut[t + 1]}, ${palette.lut[t + 2]})`;
}

/** Draws points as dots of their colour: training points with a white rim, test points with a dark one. */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  points: readonly DataPoint[],
  size: number,
  regression: boolean,
  palette: Palette,
  test: boolean,
  radius = 3.5,
  outlined = true,
): void {
  ctx.lineWidth = test ? 1.6 : 1.2;
  ctx.strokeStyle = test ? 'rgba(10, 12, 16, 0.95)' : 'rgba(255, 255, 255, 0.95)';
  for (const point of points) {
    const { px, py } = toPixel(point.x1, point.x2, size);
    ctx.beginPath();
    ctx.arc(px, py, radius, 0, Math.PI * 2);
    ctx.fillStyle = pointColor(point, regression, palette);
    ctx.fill();
    if (outlined) ctx.stroke();
  }
}

/** Sets a canvas's backing store to its CSS size times the device pixel ratio; returns the CSS size. */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

