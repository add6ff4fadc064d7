/**
 * The `outputLoss` widget's state and preset: one output neuron on one example, its weighted
 * sum z set by hand, and what the chosen loss makes of it (core's readOutput).
 */

/** The output activations the widget offers (softmax's two-class view is the sigmoid). */
export type SingleOutput = 'sigmoid' | 'tanh' | 'identity';
/** The losses it offers: ½·squared error, and cross-entropy for a sigmoid output. */
export type SingleLoss = 'halfSquared' | 'binaryCrossEntropy';

export interface OutputLossState {
  output: SingleOutput;
  loss: SingleLoss;
  target: number;
  /** The output neuron's weighted sum, set with the slider. */
  z: number;
  /** What the neuron outputs, its loss and the push ∂L/∂z training would give z. */
  y: number;
  lossValue: number;
  push: number;
  /** The learner's typed answer to the preset's question, or null. */
  answer: number | null;
}

export interface OutputLossPreset {
  initial: { output: SingleOutput; loss: SingleLoss; z: number };
  target: number;
  /** Output activations to pick from; one entry hides the menu. */
  outputChoices: SingleOutput[];
  /** Losses to pick from; one entry hides the menu (cross-entropy is offered with a sigmoid output only). */
  lossChoices: SingleLoss[];
  /** A question answered with a typed number, or null. */
  question: string | null;
}

export const LOSS_LABELS: Record<SingleLoss, string> = { halfSquared: 'Squared error', binaryCrossEntropy: 'Cross-entropy' };
export const OUTPUT_LABELS: Record<SingleOutput, string> = { sigmoid: 'Sigmoid', tanh: 'Tanh', identity: 'Linear (identity)' };

/**
 * A read-out number: four places, scientific notation for the very large and for the tiny but
 * not zero (so a push of −3.4e-7 never shows as "−0.0000"), a real minus sign, no signed zero.
 */
export function formatReading(v: number): string {
  if (v === 0) return (0).toFixed(4);
  const a = Math.abs(v);
  const text = a >= 1000 ? v.toExponential(2) : a < 0.00005 ? v.toExponential(1) : v.toFixed(4);
  return text.replace('-', '−');
}
