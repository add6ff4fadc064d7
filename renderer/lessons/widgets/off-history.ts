/**
 * How many hidden neurons of each layer are switched off on every example (the engine's
 * `inactiveCount`: input never above 0, where a ReLU is dead), epoch by epoch over one run, so
 * the Dead neurons widget can show a Leaky ReLU's switched-off neurons coming back — something
 * the dead marks cannot show, since a Leaky ReLU's slope never falls below the dead limit.
 */

export interface OffPoint {
  epoch: number;
  /** Switched-off neurons per hidden layer at that epoch. */
  counts: readonly number[];
}

/** Points kept per run; past it every other point is dropped (the chart needs no more). */
export const OFF_POINTS = 400;

/**
 * The history with one measurement added. An epoch earlier than the newest, or another number
 * of layers, starts a new run (Start over, a new network); the same epoch replaces its point.
 */
export function recordOff(history: readonly OffPoint[], next: OffPoint): OffPoint[] {
  const last = history.at(-1);
  if (last === undefined || next.epoch < last.epoch || next.counts.length !== last.counts.length) return [next];
  if (next.epoch === last.epoch) {
    if (last.counts.every((c, l) => c === next.counts[l])) return history as OffPoint[];
    return [...history.slice(0, -1), next];
  }
  const grown = [...history, next];
  if (grown.length <= OFF_POINTS) return grown;
  // Keep the first and the newest point, and every other one between.
  return grown.filter((_, i) => i === 0 || i === grown.length - 1 || i % 2 === 0);
}

const total = (counts: readonly number[]): number => counts.reduce((a, b) => a + b, 0);

/** The most neurons switched off at once over the run (all layers together); 0 before any point. */
export function offPeak(history: readonly OffPoint[]): number {
  return history.reduce((most, p) => Math.max(most, total(p.counts)), 0);
}

/** How many came back: the most switched off at once, less how many are off now. */
export function offRevived(history: readonly OffPoint[]): number {
  const last = history.at(-1);
  return last === undefined ? 0 : offPeak(history) - total(last.counts);
}

/**
 * The chart in words, per layer: "layer 1: 1 of 8 now (at most 1); layer 2: 2 of 8 now (at most
 * 8, at epoch 1)", or null before the first measurement.
 */
export function offSummary(history: readonly OffPoint[], sizes: readonly number[]): string | null {
  const last = history.at(-1);
  if (last === undefined || last.counts.length !== sizes.length) return null;
  return sizes
    .map((size, l) => {
      let most = history[0].counts[l];
      let at = history[0].epoch;
      for (const p of history) {
        if (p.counts[l] > most) {
          most = p.counts[l];
          at = p.epoch;
        }
      }
      const peak = most > last.counts[l] ? `at most ${most}, at epoch ${at}` : `at most ${most}`;
      return `layer ${l + 1}: ${last.counts[l]} of ${size} now (${peak})`;
    })
    .join('; ');
}
