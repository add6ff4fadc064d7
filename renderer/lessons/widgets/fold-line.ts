/**
 * The output neuron's line in layer space, w1·h1 + w2·h2 + b = 0, for the folding-space widget:
 * where the view must reach to show it, the piece of it inside the view, and, when it lies too
 * far off to bring into view, which way it is. Pure, so tests check it under Node.
 */
import type { LayerSpaceBox } from '../../lab/layer-space';

export interface OutputLine {
  w1: number;
  w2: number;
  b: number;
}

/**
 * How far the view widens to show the line: up to this many of the grid's half-widths from the
 * grid's centre. Beyond it the grid would shrink too far to read, and an arrow points at the line.
 */
export const LINE_REACH = 3;

/** The point of the line nearest to (x, y), or null when the neuron has no line (both weights 0). */
export function nearestPoint(line: OutputLine, x: number, y: number): [number, number] | null {
  const norm = line.w1 * line.w1 + line.w2 * line.w2;
  if (!(norm > 1e-18) || !Number.isFinite(norm + line.b)) return null;
  const k = (line.w1 * x + line.w2 * y + line.b) / norm;
  return [x - k * line.w1, y - k * line.w2];
}

/**
 * What the view must show besides the grid (x, y pairs for layerSpaceBox): the line's point
 * nearest the grid's centre, when it lies within LINE_REACH half-widths of it; else nothing.
 */
export function lineToShow(line: OutputLine, grid: LayerSpaceBox): number[] {
  const cx = (grid.minX + grid.maxX) / 2;
  const cy = (grid.minY + grid.maxY) / 2;
  const near = nearestPoint(line, cx, cy);
  if (near === null) return [];
  const half = Math.max(grid.maxX - grid.minX, grid.maxY - grid.minY) / 2;
  return Math.hypot(near[0] - cx, near[1] - cy) <= LINE_REACH * half ? near : [];
}

/** The piece of the line inside the box as [x1, y1, x2, y2], or null when it misses the box. */
export function clipToBox(line: OutputLine, box: LayerSpaceBox): [number, number, number, number] | null {
  const { w1, w2, b } = line;
  const found: [number, number][] = [];
  const within = (v: number, lo: number, hi: number) => v >= lo - 1e-9 * (hi - lo) && v <= hi + 1e-9 * (hi - lo);
  if (Math.abs(w2) > 1e-12) {
    for (const x of [box.minX, box.maxX]) {
      const y = -(w1 * x + b) / w2;
      if (within(y, box.minY, box.maxY)) found.push([x, y]);
    }
  }
  if (Math.abs(w1) > 1e-12) {
    for (const y of [box.minY, box.maxY]) {
      const x = -(w2 * y + b) / w1;
      if (within(x, box.minX, box.maxX)) found.push([x, y]);
    }
  }
  let best: [number, number, number, number] | null = null;
  let longest = 0;
  for (let i = 0; i < found.length; i++) {
    for (let j = i + 1; j < found.length; j++) {
      const length = Math.hypot(found[j][0] - found[i][0], found[j][1] - found[i][1]);
      if (length > longest) {
        longest = length;
        best = [found[i][0], found[i][1], found[j][0], found[j][1]];
      }
    }
  }
  return best;
}

/** Which way the line lies from the box's centre (a unit vector), or null when it crosses the box or does not exist. */
export function offViewDirection(line: OutputLine, box: LayerSpaceBox): [number, number] | null {
  if (clipToBox(line, box) !== null) return null;
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  const near = nearestPoint(line, cx, cy);
  if (near === null) return null;
  const d = Math.hypot(near[0] - cx, near[1] - cy);
  return d > 0 ? [(near[0] - cx) / d, (near[1] - cy) / d] : null;
}
