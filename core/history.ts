/**
 * A bounded training history. Long runs keep every recent point and thin out old ones, so
 * memory stays flat however long training goes on, and the chart always spans epoch 0 to now.
 */
import type { HistoryPoint } from './protocol';

/** At most this many points are kept by default; charts stay quick to redraw. */
export const DEFAULT_HISTORY_LIMIT = 1000;

/**
 * Appends `points` to `history` in place. When the list grows past `limit`, every other
 * point of the older half is dropped (the first point and the newest half are kept). Any
 * point with an epoch works the same way (the instruments' history uses it too).
 */
export function appendHistory<P extends { epoch: number } = HistoryPoint>(
  history: P[],
  points: readonly P[],
  limit = DEFAULT_HISTORY_LIMIT,
): void {
  if (limit < 4) throw new Error('A history needs room for at least 4 points.');
  for (const point of points) {
    const last = history[history.length - 1];
    if (last && point.epoch <= last.epoch) {
      // A repeated measurement of the same epoch (for example after a step) replaces the old one.
      if (point.epoch === last.epoch) history[history.length - 1] = point;
      continue;
    }
    history.push(point);
    if (history.length > limit) thinOlderHalf(history);
  }
}

function thinOlderHalf(history: unknown[]): void {
  const half = Math.floor(history.length / 2);
  let write = 1;
  for (let read = 1; read < half; read += 1) {
    if (read % 2 === 0) history[write++] = history[read];
  }
  for (let read = half; read < history.length; read += 1) history[write++] = history[read];
  history.length = write;
}

/**
 * A blow-up the engine rolled back from: the epoch whose weights are back (`to`), the last
 * epoch measured before it was caught (`at`), and the measurements from `to` up to the blow-up —
 * the climb that shows why, kept for the chart after the history has gone back to `to`.
 */
export interface Rollback {
  to: number;
  at: number;
  points: HistoryPoint[];
}

/**
 * The history when training blew up and the engine put back the weights of epoch `to`: `kept`
 * is the history up to `to` (what the weights now have behind them) and `rollback` the points
 * from `to` to the blow-up, from the history so far and the points the diverged snapshot
 * brought past `to` (the measurement that caught it among them). No rollback when nothing was
 * measured past `to`.
 */
export function splitAtRollback(
  history: readonly HistoryPoint[],
  arrived: readonly HistoryPoint[],
  to: number,
): { kept: HistoryPoint[]; rollback: Rollback | null } {
  const full = history.slice();
  appendHistory(
    full,
    arrived.filter((p) => p.epoch > to),
    Number.MAX_SAFE_INTEGER,
  );
  const kept = full.filter((p) => p.epoch <= to);
  // The climb starts at the restored epoch: its point from the history, or the one just arrived.
  const start = full.find((p) => p.epoch === to) ?? arrived.find((p) => p.epoch === to);
  const points = [...(start ? [start] : []), ...full.filter((p) => p.epoch > to)];
  const at = points.length > 0 ? points[points.length - 1].epoch : to;
  return { kept, rollback: at > to ? { to, at, points } : null };
}
