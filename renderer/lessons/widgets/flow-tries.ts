/**
 * What a learner's Gradient flow runs have measured so far: for each activation and depth tried,
 * layer 1's share of the output layer's gradient at the newest epoch. A step can then read an
 * answer from the learner's own runs (lesson 10: the first depth whose share falls under 1/100).
 */
import type { ActivationName } from '../../../core/config';

export interface FlowTry {
  activation: ActivationName;
  layers: number;
  /** The epoch the share was measured at (the newest one trained with this activation and depth). */
  epoch: number;
  /** Layer 1's gradient over the output layer's. */
  share: number;
}

/** The tries with one measurement added: it replaces the earlier one of the same activation and depth. */
export function recordTry(tries: readonly FlowTry[], next: FlowTry): FlowTry[] {
  const i = tries.findIndex((t) => t.activation === next.activation && t.layers === next.layers);
  if (i < 0) return [...tries, next];
  const old = tries[i];
  if (old.epoch === next.epoch && old.share === next.share) return tries as FlowTry[];
  return tries.map((t, j) => (j === i ? next : t));
}
