/**
 * The decision boundary of a plane's heatmap: where a grid of outputs crosses the level that
 * splits the two classes (0.5 for a sigmoid, 0 otherwise). Drawn as a line, it stays visible
 * when the outputs are all near that level and the tints fade to almost nothing.
 */

/**
 * Segments where `values` (res × res, row 0 at the top, one value per cell centre) cross
 * `level`, by marching squares with linear interpolation: [x0, y0, x1, y1, …] in cell units,
 * the centre of cell (row r, column c) at (c + 0.5, r + 0.5).
 */
export function levelSegments(values: ArrayLike<number>, res: number, level: number): number[] {
  const out: number[] = [];
  const at = (r: number, c: number): number => values[r * res + c] - level;
  for (let r = 0; r + 1 < res; r++) {
    for (let c = 0; c + 1 < res; c++) {
      // Corners clockwise from the top left, and the edges between them.
      const v = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c)];
      const p = [
        [c, r],
        [c + 1, r],
        [c + 1, r + 1],
        [c, r + 1],
      ];
      const cuts: number[] = [];
      for (let e = 0; e < 4; e++) {
        const a = v[e];
        const b = v[(e + 1) % 4];
        if (!Number.isFinite(a) || !Number.isFinite(b) || a >= 0 === b >= 0) continue;
        const t = a / (a - b);
        const [xa, ya] = p[e];
        const [xb, yb] = p[(e + 1) % 4];
        cuts.push(xa + t * (xb - xa) + 0.5, ya + t * (yb - ya) + 0.5);
      }
      // Two crossings make one segment; four (a saddle) make two.
      for (let k = 0; k + 3 < cuts.length; k += 4) out.push(cuts[k], cuts[k + 1], cuts[k + 2], cuts[k + 3]);
    }
  }
  return out;
}

/** Strokes the boundary of `values` over a square canvas `side` pixels wide: a halo, then the line, so it shows on any tint. */
export function drawBoundary(
  ctx: CanvasRenderingContext2D,
  values: ArrayLike<number>,
  res: number,
  level: number,
  side: number,
  colours: { line: string; halo: string },
): void {
  const segments = levelSegments(values, res, level);
  if (segments.length === 0) return;
  const k = side / res;
  ctx.save();
  ctx.lineCap = 'round';
  ctx.setLineDash([]);
  for (const [colour, width] of [
    [colours.halo, 4.5],
    [colours.line, 2],
  ] as const) {
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.beginPath();
    for (let i = 0; i < segments.length; i += 4) {
      ctx.moveTo(segments[i] * k, segments[i + 1] * k);
      ctx.lineTo(segments[i + 2] * k, segments[i + 3] * k);
    }
    ctx.stroke();
  }
  ctx.restore();
}
