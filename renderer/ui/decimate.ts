/**
 * Thinning a chart's series so drawing stays cheap however long training runs. Uses
 * "largest triangle three buckets": keeps the first and last point and, from each bucket
 * in between, the point that spans the largest triangle with its neighbours, so peaks and
 * dips survive while flat stretches lose points.
 */

export interface XY {
  x: number;
  y: number;
}

/** Returns at most `limit` points of `points` (sorted by x); a copy when no thinning is needed. */
export function decimate(points: readonly XY[], limit: number): XY[] {
  return decimateIndices(points, limit).map((i) => points[i]);
}

/** The indices `decimate` keeps, so several series measured together can share them. */
export function decimateIndices(points: readonly XY[], limit: number): number[] {
  if (limit < 3) throw new Error('Decimation needs room for at least 3 points.');
  const n = points.length;
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [0];
  const bucket = (n - 2) / (limit - 2);
  let previous = 0;
  for (let i = 0; i < limit - 2; i++) {
    const start = Math.floor(i * bucket) + 1;
    const end = Math.min(Math.floor((i + 1) * bucket) + 1, n - 1);
    // The average of the next bucket is the third corner of the triangle.
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((i + 2) * bucket) + 1, n);
    let avgX = 0;
    let avgY = 0;
    let count = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      const y = points[j].y;
      if (!Number.isFinite(y)) continue;
      avgX += points[j].x;
      avgY += y;
      count++;
    }
    if (count > 0) {
      avgX /= count;
      avgY /= count;
    } else {
      avgX = points[n - 1].x;
      avgY = points[n - 1].y;
    }
    const a = points[previous];
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const p = points[j];
      const area = Math.abs((a.x - avgX) * (p.y - a.y) - (a.x - p.x) * (avgY - a.y));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(best);
    previous = best;
  }
  out.push(n - 1);
  return out;
}
