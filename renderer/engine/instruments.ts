/**
 * The instruments' figures over time, kept in the page: each snapshot carries only the newest
 * gradient flow (core/protocol.ts, `Instruments`), so the run keeps one point per completed
 * epoch it saw, thinned like the loss history (core/history.ts) so memory stays flat.
 */
import { appendHistory, DEFAULT_HISTORY_LIMIT } from '../../core/history';
import type { Snapshot } from '../../core/protocol';

/** One snapshot's gradient flow, at the epoch it describes. */
export interface InstrumentPoint {
  /** The last complete epoch (`gradientEpoch`). */
  epoch: number;
  /** Mean |∂L/∂w| per layer (hidden layers, then the output layer). */
  gradient: number[];
  /** Per hidden layer: share (0–1) of neurons whose mean slope is below 1e-3. */
  lowSlope: number[];
}

/** The point a snapshot adds, or null when it has no gradient yet (before the first epoch, after a reset). */
export function instrumentPoint(snapshot: Snapshot): InstrumentPoint | null {
  const instruments = snapshot.instruments;
  if (!instruments || instruments.gradientEpoch === null || instruments.gradient.length === 0) return null;
  return { epoch: instruments.gradientEpoch, gradient: instruments.gradient, lowSlope: instruments.lowSlope };
}

/**
 * The history with `point` added: a new array when anything changed (so a `$state.raw`
 * holder sees it), the same one when not. A point from an earlier epoch than the newest
 * (training went back: reset, an older state loaded) starts the history afresh; a point of
 * the same epoch replaces the newest.
 */
export function withInstrumentPoint(
  history: readonly InstrumentPoint[],
  point: InstrumentPoint | null,
  limit = DEFAULT_HISTORY_LIMIT,
): readonly InstrumentPoint[] {
  if (point === null) return history;
  const last = history[history.length - 1];
  if (last && point.epoch < last.epoch) return [point];
  if (last && point.epoch === last.epoch && last.gradient === point.gradient && last.lowSlope === point.lowSlope) return history;
  const next = history.slice();
  appendHistory(next, [point], limit);
  return next;
}
