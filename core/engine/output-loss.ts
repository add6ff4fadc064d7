/**
 * One output neuron on one example, through the engine's own loss kernels: what it outputs for
 * a weighted sum z, the loss against a target, and the push ∂L/∂z that training hands back
 * from it. For the lesson where the output activation meets its loss.
 */
import type { LossName, OutputActivationName } from '../config';
import { ACT, OUTPUT_ACTIVATIONS } from './activations';
import { LOSS, lossSum, outputDelta } from './loss';

export interface OutputReading {
  /** The neuron's output f(z). */
  y: number;
  /** The loss of that output against the target. */
  loss: number;
  /** ∂L/∂z: the push training gives the weighted sum (negative: z should grow). */
  push: number;
}

/**
 * Reads one output neuron. `softmax` is read as its two-class view (sigmoid). Cross-entropy
 * takes a target of 0 or 1, read as a probability (for a tanh output, p = (tanh z + 1)/2).
 */
export function readOutput(
  output: Exclude<OutputActivationName, 'softmax'>,
  loss: Exclude<LossName, 'softmaxCrossEntropy'>,
  z: number,
  target: number,
): OutputReading {
  const y = OUTPUT_ACTIVATIONS[output].f(z);
  const pre = Float64Array.of(z);
  const out = Float64Array.of(y);
  const t = Float64Array.of(target);
  const delta = new Float64Array(1);
  outputDelta(LOSS[loss], ACT[output], pre, out, t, 0, 1, 1, delta);
  return { y, loss: lossSum(LOSS[loss], ACT[output], pre, out, t, 0, 1, 1), push: delta[0] };
}
