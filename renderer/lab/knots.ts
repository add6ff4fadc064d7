/**
 * Editing a drawn activation's knots as pure functions: each takes knots and returns new
 * ones that still pass core's checkKnots (5–9 knots, within ±KNOT_RANGE, x increasing and at
 * least MIN_KNOT_GAP apart), so the editor can never hand the Lab a shape the engine refuses.
 */
import type { Knot } from '../../core/config';
import { MAX_KNOTS, MIN_KNOTS, straightLine } from '../../core/engine';

/** Knots the editor places lie within ±EDIT_RANGE (the engine allows ±10; the editor shows ±5 and never less). */
export const EDIT_RANGE = 5;
/** Positions are kept to this step (0.01), so read-outs and saved files stay short. */
const STEP = 100;
/** The gap the editor keeps between neighbours: the engine's 0.1 plus one step, so rounding never breaks it. */
export const EDIT_GAP = 0.11;
/** One arrow-key press moves a knot by this much (ten times with Shift). */
export const KEY_STEP = 0.1;

const round = (v: number): number => Math.round(v * STEP) / STEP;
const roundUp = (v: number): number => Math.ceil(v * STEP - 1e-9) / STEP;
const roundDown = (v: number): number => Math.floor(v * STEP + 1e-9) / STEP;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The half-width of the square the editor shows: ±5, or more when a saved drawing reaches further. */
export function viewExtent(knots: readonly Knot[]): number {
  let far = EDIT_RANGE;
  for (const k of knots) far = Math.max(far, Math.abs(k.x), Math.abs(k.y));
  return Math.ceil(far);
}

/** Where knot i may go along x: right of its left neighbour, left of its right one, inside the view. */
export function xLimits(knots: readonly Knot[], i: number, extent = viewExtent(knots)): { min: number; max: number } {
  const min = i > 0 ? roundUp(knots[i - 1].x + EDIT_GAP) : -extent;
  const max = i < knots.length - 1 ? roundDown(knots[i + 1].x - EDIT_GAP) : extent;
  return { min, max };
}

/**
 * Knot i moved towards (x, y): x held between its neighbours (so the order never changes and
 * no two knots meet), both kept inside the view and rounded to 0.01. Other knots stay put.
 */
export function moveKnot(knots: readonly Knot[], i: number, x: number, y: number, extent = viewExtent(knots)): Knot[] {
  const next = knots.map((k) => ({ ...k }));
  if (i < 0 || i >= knots.length || !Number.isFinite(x) || !Number.isFinite(y)) return next;
  const { min, max } = xLimits(knots, i, extent);
  // A knot already nearer a neighbour than the editor's gap (a lesson's staircase, a hand-edited
  // file) may stay where it is: a move up or down never shifts it sideways, only further off does.
  const own = knots[i].x;
  const lo = Math.min(min, own);
  const hi = Math.max(max, own);
  next[i].x = lo <= hi ? clamp(round(x), lo, hi) : own;
  next[i].y = clamp(round(y), -extent, extent);
  return next;
}

/** Knot i nudged by (dx, dy), as the arrow keys do. */
export function nudgeKnot(knots: readonly Knot[], i: number, dx: number, dy: number): Knot[] {
  const k = knots[i];
  return k ? moveKnot(knots, i, k.x + dx, k.y + dy) : knots.map((c) => ({ ...c }));
}

/**
 * A new knot on the function (so its shape does not change until the knot is moved): in the
 * middle of the gap right of knot `after`, else the one left of it, else the widest gap.
 * Returns the knots and the new knot's index, or null when there are MAX_KNOTS already or no
 * gap is wide enough.
 */
export function addKnot(knots: readonly Knot[], after: number): { knots: Knot[]; index: number } | null {
  if (knots.length >= MAX_KNOTS) return null;
  const fits = (i: number): boolean => i >= 0 && i < knots.length - 1 && knots[i + 1].x - knots[i].x >= 2 * EDIT_GAP + 0.02;
  let gap = fits(after) ? after : fits(after - 1) ? after - 1 : -1;
  if (gap < 0) {
    for (let i = 0; i < knots.length - 1; i++) {
      if (fits(i) && (gap < 0 || knots[i + 1].x - knots[i].x > knots[gap + 1].x - knots[gap].x)) gap = i;
    }
  }
  if (gap < 0) return null;
  const a = knots[gap];
  const b = knots[gap + 1];
  const x = clamp(round((a.x + b.x) / 2), roundUp(a.x + EDIT_GAP), roundDown(b.x - EDIT_GAP));
  const y = round(a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x));
  const next = knots.map((k) => ({ ...k }));
  next.splice(gap + 1, 0, { x, y });
  return { knots: next, index: gap + 1 };
}

/** Knot i taken out, or null when only MIN_KNOTS remain. */
export function removeKnot(knots: readonly Knot[], i: number): Knot[] | null {
  if (knots.length <= MIN_KNOTS || i < 0 || i >= knots.length) return null;
  return knots.filter((_, j) => j !== i).map((k) => ({ ...k }));
}

/** The knot nearest to (x, y) within `reach` (in the same units), or −1. */
export function nearestKnot(knots: readonly Knot[], x: number, y: number, reach: number): number {
  let best = -1;
  let bestDistance = reach;
  knots.forEach((k, i) => {
    const d = Math.hypot(k.x - x, k.y - y);
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** A plain sentence about the drawing's shape: straight (and so no better than no activation) or bent. */
export function describeShape(knots: readonly Knot[]): string {
  const line = straightLine(knots);
  if (line === null) return 'Bent: the slope changes at a knot, so a network with it can draw curved boundaries.';
  const sign = line.intercept < 0 ? '−' : '+';
  const text = `y = ${round(line.slope)}·x ${sign} ${Math.abs(round(line.intercept))}`;
  return `Straight (${text}): a network using only this activation collapses to one straight-line map.`;
}

/** Equal knots, for skipping edits that change nothing. */
export function sameKnots(a: readonly Knot[], b: readonly Knot[]): boolean {
  return a.length === b.length && a.every((k, i) => k.x === b[i].x && k.y === b[i].y);
}
