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

/** What NumberAnswer says under a box whose text is not a number: what to type instead. */
export const UNREADABLE_ANSWER = 'Type a number, such as 0.5, 50%, 3.14 (or π), 1/4, 0.25^6 or 30,000.';

/**
 * Every way a typed number can be meant, the plain reading first; [] when empty or not a
 * number. Accepts "1,024" and "30 000" (thousands), "0,95" (a decimal comma), "−0.5",
 * "2.5e-4", a fraction "1/256", a power "0.25^6", "π" or "pi" (also "2π", "π/2"), a number
 * word ("one", "twelve"), a ratio "150×", "x150" or "×150", and ignores "about"/"~"/"≈"
 * before it and a unit word after it ("150 epochs"). Two forms have a second reading: "50%"
 * is 50 or 0.5 (a percentage or the fraction it stands for), and "30.000" is 30 or 30,000
 * (a dot before exactly three digits groups thousands in much of Europe).
 */
export function answerReadings(text: string): number[] {
  let t = text
    .trim()
    .toLowerCase()
    .replace(/\u2212/g, '-');
  t = t.replace(/^(?:about|around|roughly|approximately|approx\.?|~|≈)\s*/, '');
  t = t.replace(/\bpi\b/g, 'π');
  const percent = /(?:\d|π)\s*%$/.test(t);
  t = t.replace(/((?:\d|π))\s*(?:%|[a-z]{2,})$/, '$1');
  if (t in WORDS) return [WORDS[t]];
  t = t.replace(/[\s_]/g, '');
  // A ratio: "150×", "150x", "x150", "×150".
  t = t.replace(/^[x×](?=[\d.π(])/, '').replace(/(?<=[\d.π)])[x×]$/, '');
  if (t === '') return [];
  const readings: number[] = [];
  if (t.includes(',')) {
    // "1,024" and "30,000,000" group thousands; any other comma is a decimal comma ("0,95").
    const thousands = /^-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(t);
    if (thousands) t = t.replace(/,/g, '');
    else if (/^-?\d*,\d+$/.test(t)) t = t.replace(',', '.');
    else return [];
  }
  const plain = evaluate(t);
  if (plain !== null) readings.push(plain);
  if (/^-?[1-9]\d{0,2}(?:\.\d{3})+$/.test(t)) readings.push(Number(t.replace(/\./g, '')));
  if (percent && plain !== null) readings.push(plain / 100);
  return readings;
}

/**
 * A typed number, read as a person means it (answerReadings); null when empty or not a
 * number. `accept` picks among the readings: the first it accepts, else the plain one.
 */
export function parseAnswer(text: string, accept?: (value: number) => boolean): number | null {
  const readings = answerReadings(text);
  if (readings.length === 0) return null;
  return (accept && readings.find(accept)) ?? readings[0];
}

/**
 * A tiny arithmetic reader, no eval: a number or π (with a factor, "2π"), in brackets or not,
 * raised to a power ("0.25^6", "(1/4)^6"), and one division ("1/256", "π/2"). Null for
 * anything else, or for a result that is not finite.
 */
function evaluate(text: string): number | null {
  let at = 0;
  const peek = (): string => text[at] ?? '';
  function atom(): number | null {
    if (peek() === '(') {
      at++;
      const inside = quotient();
      if (inside === null || peek() !== ')') return null;
      at++;
      return inside;
    }
    const match = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/.exec(text.slice(at));
    let value = 1;
    if (match) {
      value = Number(match[0]);
      at += match[0].length;
    } else if (peek() === '-' && text[at + 1] === 'π') {
      value = -1;
      at++;
    } else if (peek() !== 'π') {
      return null;
    }
    if (peek() === 'π') {
      at++;
      value *= Math.PI;
    }
    return value;
  }
  function power(): number | null {
    const base = atom();
    if (base === null) return null;
    if (peek() !== '^' && !text.startsWith('**', at)) return base;
    at += peek() === '^' ? 1 : 2;
    const exponent = atom();
    return exponent === null ? null : base ** exponent;
  }
  function quotient(): number | null {
    const top = power();
    if (top === null || peek() !== '/') return top;
    at++;
    const bottom = power();
    return bottom === null ? null : top / bottom;
  }
  const value = quotient();
  return value !== null && at === text.length && Number.isFinite(value) ? value : null;
}

/**
 * A hand-set network's output on a corner, for the table beside its ✓ or ✗: two decimals where
 * it matches the target, and otherwise as many as it takes to differ from the target, so a ✗
 * row never shows a value that looks right (2 − 1.999 is "0.001", not "0.00").
 */
export function cornerOutput(y: number, target: number, matches: boolean): string {
  const plain = (text: string): string => (Number(text) === 0 ? text.replace('-', '') : text);
  if (matches || !Number.isFinite(y)) return plain(y.toFixed(2));
  for (let digits = 2; digits <= 9; digits++) {
    const text = y.toFixed(digits);
    if (Number(text) !== target) return plain(text);
  }
  return String(y);
}
