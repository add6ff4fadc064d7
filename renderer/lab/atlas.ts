/**
 * Many small heatmaps (the network diagram's neuron thumbnails) in one pixel buffer: each
 * is filled into its own tile, the whole buffer reaches its canvas with a single
 * putImageData per frame, and each tile is then copied out with one drawImage. Tiles are
 * stacked top to bottom, so tile k is one contiguous run of bytes in the buffer.
 */
import { fillHeatmap } from '../ui/heatmap';
import type { Palette } from '../ui/palette';

/** Where tile `index` of `side`×`side` RGBA pixels starts and ends in the buffer (bytes). */
export function tileBytes(index: number, side: number): { start: number; end: number } {
  const bytes = side * side * 4;
  return { start: index * bytes, end: (index + 1) * bytes };
}

/** How many tiles to make room for: the count asked, rounded up to a multiple of 16. */
export function tileCapacity(count: number): number {
  return Math.max(16, Math.ceil(count / 16) * 16);
}

export class HeatmapAtlas {
  private capacity = 0;
  private image: ImageData | null = null;
  private tiles: Uint8ClampedArray[] = [];
  private canvas: HTMLCanvasElement | OffscreenCanvas | null = null;
  private context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null = null;

  constructor(readonly side: number) {}

  /** Makes room for `count` tiles; allocates only when the network outgrows the buffer. */
  reserve(count: number): void {
    if (count <= this.capacity && this.context) return;
    const capacity = tileCapacity(count);
    const height = capacity * this.side;
    this.image = new ImageData(this.side, height);
    const data = this.image.data;
    this.tiles = [];
    for (let k = 0; k < capacity; k++) {
      const { start, end } = tileBytes(k, this.side);
      this.tiles.push(data.subarray(start, end));
    }
    this.canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(this.side, height) : document.createElement('canvas');
    this.canvas.width = this.side;
    this.canvas.height = height;
    const context = this.canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!context) throw new Error('This browser cannot draw on a canvas.');
    this.context = context;
    this.capacity = capacity;
  }

  /** Fills tile `index` from a grid of values, as HeatmapBuffer.fill does for one heatmap. */
  fill(index: number, values: ArrayLike<number>, gridSize: number, palette: Palette, min: number, max: number, discretize: boolean): void {
    const tile = this.tiles[index];
    if (!tile) throw new Error(`Heatmap tile ${index} is outside the ${this.capacity} reserved.`);
    fillHeatmap(tile, values, gridSize, gridSize / this.side, palette.lut, min, max, discretize);
  }

  /** Sends every tile's pixels to the atlas canvas at once (call after filling, before drawing). */
  upload(): void {
    if (this.context && this.image) this.context.putImageData(this.image, 0, 0);
  }

  /** Copies tile `index` onto `target`, scaled to the rectangle given, without smoothing. */
  drawTile(target: CanvasRenderingContext2D, index: number, x: number, y: number, width: number, height: number): void {
    if (!this.canvas) return;
    target.imageSmoothingEnabled = false;
    target.drawImage(this.canvas, 0, index * this.side, this.side, this.side, x, y, width, height);
  }
}
