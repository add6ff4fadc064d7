/**
 * Which square of (w, b) the "one step downhill" map shows. The whole map is wide enough for
 * every path a slider start allows, but then the steps from the middle span a few pixels, so the
 * map zooms to the start and the path so far (with a margin), widening as the path grows. The
 * sides come from a short list of round sizes, so the tick values stay round, and a view is kept
 * while everything still fits in it, so the map does not jump under the dot at every move.
 */

/** A square of the (w, b) plane: from (w0, b0) across and up by `side`, with ticks every `tick`. */
export interface MapView {
  w0: number;
  b0: number;
  side: number;
  tick: number;
  /** True for the whole map (the square of half-width `extent`). */
  whole: boolean;
}

/** The sides a zoomed view can have, smallest first. */
export const VIEW_SIDES = [1, 2, 3, 4, 6, 8, 12] as const;

/** The share of the side kept free at each edge, so the dot and the arrow stay off the labels. */
export const VIEW_MARGIN = 0.12;

/** Round tick spacing for a side: three to seven ticks across. */
export function tickFor(side: number): number {
  if (side <= 1) return 0.25;
  if (side <= 3) return 0.5;
  if (side <= 6) return 1;
  if (side <= 12) return 2;
  return 4;
}

/** The whole map: the square of half-width `extent` around (0, 0). */
export function wholeView(extent: number): MapView {
  return { w0: -extent, b0: -extent, side: 2 * extent, tick: tickFor(2 * extent), whole: true };
}

/**
 * True if every point lies inside the view, at least the view's margin away from its edges
 * (no margin at an edge that is the whole map's edge, of half-width `extent`: a path near it
 * cannot be given one).
 */
export function fits(view: MapView, points: readonly { w: number; b: number }[], extent: number): boolean {
  const margin = VIEW_MARGIN * view.side;
  const from = (edge: number) => (Math.abs(edge + extent) < 1e-9 ? edge : edge + margin);
  const to = (edge: number) => (Math.abs(edge - extent) < 1e-9 ? edge : edge - margin);
  const [w0, w1, b0, b1] = [from(view.w0), to(view.w0 + view.side), from(view.b0), to(view.b0 + view.side)];
  return points.every((q) => q.w >= w0 - 1e-9 && q.w <= w1 + 1e-9 && q.b >= b0 - 1e-9 && q.b <= b1 + 1e-9);
}

/**
 * Where a view of `side` starts along one axis so that [lo, hi] fits with the margin: as near
 * centred on it as a round start allows (a multiple of the tick, or of half a tick if the path
 * only just fits), moved inside the whole map; null if no round start fits.
 */
function placeAlong(lo: number, hi: number, side: number, tick: number, extent: number): number | null {
  const margin = VIEW_MARGIN * side;
  const least = hi + margin - side - 1e-9;
  const most = lo - margin + 1e-9;
  const centred = (lo + hi) / 2 - side / 2;
  for (const grain of [tick, tick / 2]) {
    const start = Math.min(
      Math.max(Math.round(centred / grain) * grain, Math.ceil(least / grain) * grain),
      Math.floor(most / grain) * grain,
    );
    if (start >= least && start <= most) return Math.min(Math.max(start, -extent), extent - side);
  }
  return null;
}

/**
 * The smallest round view that holds every point with its margin, inside the whole map of
 * half-width `extent` (the whole map if none does). `previous` is kept if it has the same side
 * and still holds every point, so small moves of the start do not shift the map.
 */
export function fitView(points: readonly { w: number; b: number }[], extent: number, previous?: MapView): MapView {
  let [wLo, wHi, bLo, bHi] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const q of points) [wLo, wHi, bLo, bHi] = [Math.min(wLo, q.w), Math.max(wHi, q.w), Math.min(bLo, q.b), Math.max(bHi, q.b)];
  for (const side of VIEW_SIDES) {
    if (side >= 2 * extent) break;
    const room = side * (1 - 2 * VIEW_MARGIN);
    if (wHi - wLo > room || bHi - bLo > room) continue;
    const tick = tickFor(side);
    const w0 = placeAlong(wLo, wHi, side, tick, extent);
    const b0 = placeAlong(bLo, bHi, side, tick, extent);
    if (w0 === null || b0 === null) continue;
    if (previous !== undefined && !previous.whole && previous.side === side && fits(previous, points, extent)) return previous;
    return { w0, b0, side, tick, whole: false };
  }
  return wholeView(extent);
}

/** The round values (multiples of the view's tick) inside [from, from + side]. */
export function ticksIn(from: number, view: MapView): number[] {
  const first = Math.ceil((from - 1e-9) / view.tick);
  const last = Math.floor((from + view.side + 1e-9) / view.tick);
  const out: number[] = [];
  for (let k = first; k <= last; k++) out.push(k * view.tick === 0 ? 0 : k * view.tick);
  return out;
}
