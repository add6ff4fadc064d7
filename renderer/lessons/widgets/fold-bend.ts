/**
 * Where layer space's grid lines turn most, and how: a ReLU crease turns the whole way at one
 * point, a tanh bend a little at each of many points along a round curve. The folding-space
 * widget centres its close-up on the sharpest bend; the lesson's tests measure both. Pure, so
 * tests run it under Node.
 */
import { LINES, type LayerSpaceBox } from '../../lab/layer-space';

export interface Bend {
  /** Where in layer space the grid lines turn most. */
  x: number;
  y: number;
  /** How far they turn there within the arc, in degrees. */
  turn: number;
}

interface Segment {
  angle: number;
  length: number;
  /** Where it starts. */
  x: number;
  y: number;
}

/** The absolute angle between two directions, in radians (0 to π). */
function turnBetween(a: number, b: number): number {
  return Math.abs(((b - a + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
}

/**
 * Each grid line's pieces: `values` holds the hidden values (`layerSize` per point, neurons 0
 * and 1 drawn) of LINES·2 lines of `samples` points each, as layerSpaceInputs orders them.
 * Pieces shorter than `minLength` are left out: where tanh has levelled off the points nearly
 * coincide, and the direction between them means nothing.
 */
function gridSegments(values: Float64Array, layerSize: number, samples: number, minLength: number): Segment[][] {
  const lines: Segment[][] = [];
  for (let line = 0; line < LINES * 2; line++) {
    const segments: Segment[] = [];
    let p = line * samples;
    for (let s = 1; s < samples; s++) {
      const q = line * samples + s;
      const [x0, y0] = [values[p * layerSize], values[p * layerSize + 1]];
      const dx = values[q * layerSize] - x0;
      const dy = values[q * layerSize + 1] - y0;
      const length = Math.hypot(dx, dy);
      if (!Number.isFinite(length) || length < minLength) continue;
      segments.push({ angle: Math.atan2(dy, dx), length, x: x0, y: y0 });
      p = q;
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * The place where the grid lines turn most within `arc` of their length (in layer-space
 * units), or null when no line has two pieces. `minLength` as in gridSegments.
 */
export function sharpestBend(values: Float64Array, layerSize: number, samples: number, arc: number, minLength = arc / 100): Bend | null {
  let best: Bend | null = null;
  for (const segments of gridSegments(values, layerSize, samples, minLength)) {
    for (let i = 0; i + 1 < segments.length; i++) {
      let along = segments[i].length;
      const turns: number[] = [];
      for (let j = i + 1; j < segments.length && along <= arc; j++) {
        turns.push(turnBetween(segments[j - 1].angle, segments[j].angle));
        along += segments[j].length;
      }
      const turn = turns.reduce((a, b) => a + b, 0);
      const degrees = (turn * 180) / Math.PI;
      if (best !== null && degrees <= best.turn) continue;
      // The bend's middle: the point by which the lines have made half the turn.
      let k = 0;
      for (let sum = turns[0]; sum < turn / 2; sum += turns[++k]);
      const at = segments[i + 1 + k];
      best = { x: at.x, y: at.y, turn: degrees };
    }
  }
  return best;
}

/** The most any grid line turns from one drawn piece to the next, in degrees: where a curve would show a corner. */
export function largestCorner(values: Float64Array, layerSize: number, samples: number, minLength: number): number {
  let most = 0;
  for (const segments of gridSegments(values, layerSize, samples, minLength))
    for (let i = 1; i < segments.length; i++) most = Math.max(most, turnBetween(segments[i - 1].angle, segments[i].angle));
  return (most * 180) / Math.PI;
}

/**
 * The square of side `side` a close-up of `bend` shows: centred on the grid points (the first
 * `count` of `values`) that lie within it around the bend, so the arms on either side of the
 * bend fill the picture instead of one corner of it.
 */
export function closeUpBox(values: Float64Array, layerSize: number, count: number, bend: Bend, side: number): LayerSpaceBox {
  const half = side / 2;
  let [sx, sy, n] = [0, 0, 0];
  for (let p = 0; p < count; p++) {
    const x = values[p * layerSize];
    const y = values[p * layerSize + 1];
    if (Math.abs(x - bend.x) > half || Math.abs(y - bend.y) > half) continue;
    [sx, sy, n] = [sx + x, sy + y, n + 1];
  }
  const [cx, cy] = n === 0 ? [bend.x, bend.y] : [sx / n, sy / n];
  return { minX: cx - half, maxX: cx + half, minY: cy - half, maxY: cy + half };
}
