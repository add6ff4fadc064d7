/**
 * Small pure helpers the lesson checks and formulas share: one neuron's verdict on points,
 * the hand-set XOR network, and number formatting for TeX. Activation and loss maths come
 * from core (through ./engine), never from here.
 */
import type { DataPoint, OutputActivationName } from '../../core/config';
import { ACTIVATIONS, decisionThreshold } from './engine';
import type { HandNetState, NeuronState } from './types';

const relu = ACTIVATIONS.relu.f;

/** The neuron's weighted sum at one point. */
export function neuronSum(state: NeuronState, x1: number, x2: number): number {
  return state.w1 * x1 + state.w2 * x2 + state.b;
}

/** How many points land on their own side: class 1 where the sum is positive, class 0 elsewhere. */
export function neuronCorrect(state: NeuronState, points: readonly DataPoint[]): number {
  let correct = 0;
  for (const p of points) {
    const positive = neuronSum(state, p.x1, p.x2) > 0;
    if (positive === (p.label === 1)) correct++;
  }
  return correct;
}

/** The four corners of XOR, in the order of the truth table. */
export const XOR_CORNERS: readonly DataPoint[] = [
  { x1: 0, x2: 0, label: 0 },
  { x1: 0, x2: 1, label: 1 },
  { x1: 1, x2: 0, label: 1 },
  { x1: 1, x2: 1, label: 0 },
];

/** Hidden values h = ReLU(W·x + c) of the hand-set network. */
export function handHidden(net: HandNetState, x1: number, x2: number): number[] {
  return [relu(net.W[0] * x1 + net.W[1] * x2 + net.c[0]), relu(net.W[2] * x1 + net.W[3] * x2 + net.c[1])];
}

/** Output y = w·h + b of the hand-set network (no activation on the output, as in the book). */
export function handOutput(net: HandNetState, x1: number, x2: number): number {
  const h = handHidden(net, x1, x2);
  return net.w[0] * h[0] + net.w[1] * h[1] + net.b;
}

/** The class a single-output network predicts: sigmoid outputs split at ½, the others at 0 (as the engine does). */
export function predictedClass(output: number, outputActivation: OutputActivationName): number {
  return output > decisionThreshold(outputActivation) ? 1 : 0;
}

/** True when every probe output lands on its point's class. */
export function allProbesCorrect(
  outputs: readonly number[] | null,
  points: readonly DataPoint[],
  outputActivation: OutputActivationName,
): boolean {
  if (outputs === null || outputs.length !== points.length) return false;
  return points.every((p, i) => Number.isFinite(outputs[i]) && predictedClass(outputs[i], outputActivation) === p.label);
}

/** A number for a formula: fixed decimals, a real minus sign, wrapped in brackets when negative. */
export function tex(value: number, digits = 2, bracketNegative = false): string {
  const text = Math.abs(value) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : value.toFixed(digits);
  return bracketNegative && text.startsWith('-') ? `(${text})` : text;
}

/** Close enough, for answers typed by hand. */
export function near(a: number | null, b: number, tolerance: number): boolean {
  return a !== null && Number.isFinite(a) && Math.abs(a - b) <= tolerance;
}

/** A typed number: "1,024", "−0.5", "2.5e-4" or a fraction "1/256"; null when empty or not a number. */
export function parseAnswer(text: string): number | null {
  const cleaned = text.replace(/[,\s_]/g, '').replace(/\u2212/g, '-');
  if (cleaned === '') return null;
  const fraction = /^(.+)\/(.+)$/.exec(cleaned);
  const parsed = fraction ? Number(fraction[1]) / Number(fraction[2]) : Number(cleaned);
  return Number.isFinite(parsed) ? parsed : null;
}
