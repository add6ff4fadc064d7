/**
 * The learner's own points: mapping between the plot's pixels and the input domain
 * [-6, 6]², adding a point or a sprayed cloud, and removing the nearest point.
 */
import type { DataPoint } from '../../core/config';
import { LIMITS } from '../../core/config';
import { normal, type Random } from '../../core/engine/rng';

/** The input plane shown by every plot. */
export const DOMAIN = 6;

/** Pixel (from the top-left of a square plot `size` wide) to the domain; y grows upwards. */
export function toDomain(px: number, py: number, size: number): { x1: number; x2: number } {
  return { x1: (px / size) * 2 * DOMAIN - DOMAIN, x2: DOMAIN - (py / size) * 2 * DOMAIN };
}

/** Domain to pixel, the inverse of `toDomain`. */
export function toPixel(x1: number, x2: number, size: number): { px: number; py: number } {
  return { px: ((x1 + DOMAIN) / (2 * DOMAIN)) * size, py: ((DOMAIN - x2) / (2 * DOMAIN)) * size };
}

function clampDomain(v: number): number {
  return Math.max(-DOMAIN, Math.min(DOMAIN, v));
}

/** A new list with one point added (the list never grows past LIMITS.maxPoints). */
export function addPoint(points: readonly DataPoint[], x1: number, x2: number, label: number): DataPoint[] {
  if (points.length >= LIMITS.maxPoints) return points.slice();
  return [...points, { x1: clampDomain(x1), x2: clampDomain(x2), label }];
}

/** A small cloud of `count` points around (x1, x2), spread by `radius`, from the seeded generator. */
export function sprayPoints(
  points: readonly DataPoint[],
  x1: number,
  x2: number,
  label: number,
  count: number,
  radius: number,
  random: Random,
): DataPoint[] {
  const room = Math.max(0, LIMITS.maxPoints - points.length);
  const out = points.slice();
  for (let i = 0; i < Math.min(count, room); i++) {
    out.push({ x1: clampDomain(x1 + normal(random) * radius), x2: clampDomain(x2 + normal(random) * radius), label });
  }
  return out;
}

/** Index of the point nearest to (x1, x2), or -1 for an empty list. */
export function nearestIndex(points: readonly DataPoint[], x1: number, x2: number): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length; i++) {
    const d = (points[i].x1 - x1) ** 2 + (points[i].x2 - x2) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

/** A new list without the point nearest to (x1, x2). */
export function removeNearest(points: readonly DataPoint[], x1: number, x2: number): DataPoint[] {
  const index = nearestIndex(points, x1, x2);
  if (index < 0) return points.slice();
  return points.filter((_, i) => i !== index);
}
