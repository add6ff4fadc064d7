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

/** Number words a newcomer may type instead of digits. */
const WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  half: 0.5,
};

/**
 * A typed number, read as a person means it; null when empty or not a number. Accepts
 * "1,024" and "30 000" (thousands), "0,95" (a decimal comma), "−0.5", "2.5e-4", a fraction
 * "1/256", a number word ("one", "twelve"), and ignores "about"/"~"/"≈" before it and a
 * "%" or a unit word after it ("150 epochs", "94 %").
 */
export function parseAnswer(text: string): number | null {
  let t = text
    .trim()
    .toLowerCase()
    .replace(/\u2212/g, '-');
  t = t.replace(/^(?:about|around|roughly|approximately|approx\.?|~|≈)\s*/, '');
  t = t.replace(/(\d)\s*(?:%|×|x|[a-z]{2,})$/, '$1');
  if (t in WORDS) return WORDS[t];
  t = t.replace(/[\s_]/g, '');
  if (t === '') return null;
  if (t.includes(',')) {
    // "1,024" and "30,000,000" group thousands; any other comma is a decimal comma ("0,95").
    const thousands = /^-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(t);
    if (thousands) t = t.replace(/,/g, '');
    else if (/^-?\d*,\d+$/.test(t)) t = t.replace(',', '.');
    else return null;
  }
  const fraction = /^(.+)\/(.+)$/.exec(t);
  const parsed = fraction ? Number(fraction[1]) / Number(fraction[2]) : Number(t);
  return Number.isFinite(parsed) ? parsed : null;
}
