/**
 * What a drawn activation offers a network, as pure functions of its knots: is it straight,
 * how many bends it has, and how much of the inputs' range it is flat on (slope 0, where no
 * push gets through). Also the `drawnTrainer` widget's state and preset.
 */
import type { Knot, LabConfig } from '../../../core/config';
import { piecewise, straightLine } from '../../../core/engine';
import type { LessonSpeed } from '../widgets/speed';

/** The stretch of inputs the flat share is measured over (the plots' range). */
export const FLAT_RANGE = 6;
const EPS = 1e-9;

/** Knots where the slope changes: a straight drawing has none, ReLU has one. */
export function countBends(knots: readonly Knot[]): number {
  const { slopes } = piecewise(knots);
  let bends = 0;
  for (let i = 1; i < slopes.length; i++) if (Math.abs(slopes[i] - slopes[i - 1]) > EPS * Math.max(1, Math.abs(slopes[i]))) bends++;
  return bends;
}

/** The share of [−FLAT_RANGE, FLAT_RANGE] on which the drawing's slope is zero. */
export function flatShare(knots: readonly Knot[]): number {
  const { xs, slopes } = piecewise(knots);
  let flat = 0;
  for (let i = 0; i < slopes.length; i++) {
    if (Math.abs(slopes[i]) > EPS) continue;
    const from = Math.max(-FLAT_RANGE, i === 0 ? -Infinity : xs[i]);
    const to = Math.min(FLAT_RANGE, i === slopes.length - 1 ? Infinity : xs[i + 1]);
    flat += Math.max(0, to - from);
  }
  return flat / (2 * FLAT_RANGE);
}

export interface DrawingFacts {
  straight: boolean;
  bends: number;
  flatShare: number;
}

export function drawingFacts(knots: readonly Knot[]): DrawingFacts {
  return { straight: straightLine(knots) !== null, bends: countBends(knots), flatShare: flatShare(knots) };
}

/** A network trained live with the learner's drawing as its hidden activation. */
export interface DrawnTrainerState extends DrawingFacts {
  knots: Knot[];
  epoch: number;
  testAccuracy: number | null;
  /** The learner's choice in the step's question, or null. */
  answer: string | null;
  /** The network (its drawing included) and its newest weights, for "Open this in the Lab". */
  config: LabConfig;
  params: Float64Array | null;
}

export interface DrawnTrainerPreset {
  /** The network: every hidden layer uses `drawn`, and `network.drawn` is the drawing it starts from. */
  config: LabConfig;
  /** A question beside the network: shown once the prediction is committed and the drawing has trained `afterEpochs`. */
  question: { label: string; options: string[]; afterEpochs?: number } | null;
  /** How fast it trains at first (widgets/speed.ts); absent: full speed. */
  speed?: LessonSpeed;
}
