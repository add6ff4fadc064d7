/**
 * The best any straight line does on a set of two-class points: every direction (1° apart)
 * and every offset (0.05 apart) tried, either side called either class. A measuring stick
 * for "the linear network found the line's best" in lessons 6 and 17.
 */
import type { DataPoint } from '../../../core/config';

export function bestLineAccuracy(points: readonly DataPoint[]): number {
  let best = 0;
  for (let degree = 0; degree < 180; degree++) {
    const nx = Math.cos((degree * Math.PI) / 180);
    const ny = Math.sin((degree * Math.PI) / 180);
    for (let offset = -7; offset <= 7; offset += 0.05) {
      let right = 0;
      for (const p of points) if (p.x1 * nx + p.x2 * ny > offset === p.label > 0) right++;
      best = Math.max(best, right / points.length, 1 - right / points.length);
    }
  }
  return best;
}
