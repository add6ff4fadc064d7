/**
 * What the drawn-activation editor (KnotEditor.svelte) shows, apart from its controls: the
 * function and its slope drawn on the plot, the knot a press on the plot grabs, and the
 * words that read a knot out.
 */
import type { Knot } from '../../core/config';
import { checkKnots, piecewise } from '../../core/engine';
import type { ThemeColors } from '../ui/palette';
import { drawAxes, drawCurve, type PlotFrame } from './function-plot';

/**
 * The slope as line pieces, one per stretch between knots, split by NaN so each is drawn on
 * its own: the first and last reach out to the view's ends (x0, x1), as the function does.
 */
export function slopePieces(xs: ArrayLike<number>, slopes: ArrayLike<number>, x0: number, x1: number): { xs: number[]; ys: number[] } {
  const sx: number[] = [];
  const sy: number[] = [];
  for (let i = 0; i < slopes.length; i++) {
    const a = i === 0 ? x0 : xs[i];
    const b = i === slopes.length - 1 ? x1 : xs[i + 1];
    sx.push(a, b, Number.NaN);
    sy.push(slopes[i], slopes[i], Number.NaN);
  }
  return { xs: sx, ys: sy };
}

/** Draws the axes and, for a valid drawing, the function (solid) and its slope (dashed). */
export function drawKnotPlot(
  ctx: CanvasRenderingContext2D,
  frame: PlotFrame,
  knots: readonly Knot[],
  css: Pick<ThemeColors, 'border' | 'muted' | 'classA' | 'classB'>,
): void {
  drawAxes(ctx, frame, { grid: css.border, axis: css.muted, text: css.muted });
  if (checkKnots(knots) !== null) return;
  const p = piecewise(knots);
  // Straight pieces: the ends of the view and every knot are enough for f.
  const fx = [frame.x0, ...p.xs, frame.x1];
  drawCurve(ctx, frame, fx, fx.map(p.f), { color: css.classB, width: 2.5, dash: [] });
  // The slope is constant on each piece: draw each piece on its own, dashed.
  const slope = slopePieces(p.xs, p.slopes, frame.x0, frame.x1);
  drawCurve(ctx, frame, slope.xs, slope.ys, { color: css.classA, width: 2, dash: [6, 4] });
}

/**
 * The knot a press at (px, py) (CSS pixels on the plot) grabs: the one whose centre is nearest
 * on screen, not whichever disc is drawn on top, since knots closer than a disc's width (a
 * staircase's riser) overlap. The first of equally near knots wins; `pressed` if there are none.
 */
export function grabbedKnot(knots: readonly Knot[], frame: Pick<PlotFrame, 'sx' | 'sy'>, px: number, py: number, pressed: number): number {
  let best = pressed;
  let bestDistance = Number.POSITIVE_INFINITY;
  knots.forEach((k, j) => {
    const d = Math.hypot(frame.sx(k.x) - px, frame.sy(k.y) - py);
    if (d < bestDistance) {
      best = j;
      bestDistance = d;
    }
  });
  return best;
}

/** A number as the editor writes it: at most two decimals, with a true minus sign. */
export function knotNumber(v: number): string {
  return String(Number(v.toFixed(2))).replace('-', '−');
}

/** A knot's accessible name and read-out: "Knot 2 of 7: x = −2, y = 2". */
export function knotName(knots: readonly Knot[], i: number): string {
  return `Knot ${i + 1} of ${knots.length}: x = ${knotNumber(knots[i].x)}, y = ${knotNumber(knots[i].y)}`;
}

/** The slopes either side of knot i (at the ends, the one piece it has on both), or null for an invalid drawing. */
export function slopesAround(knots: readonly Knot[], i: number): { left: number; right: number } | null {
  if (checkKnots(knots) !== null || !knots[i]) return null;
  const p = piecewise(knots);
  const left = p.slopes[Math.max(0, i - 1)];
  const right = p.slopes[Math.min(p.slopes.length - 1, i)];
  return { left, right };
}
