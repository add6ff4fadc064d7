import type { DataPoint } from '../../../core/config';
import { allProbesCorrect, handHidden, handOutput, neuronCorrect, tex, XOR_CORNERS } from '../math';
import { handNetHandoff, labConfig, neuronHandoff, trainerPreset } from '../presets';
import { step, type HandNetState, type LessonDef, type NeuronState, type TrainerState } from '../types';

export function checkBestLine(s: NeuronState): boolean {
  return neuronCorrect(s, XOR_CORNERS) >= 3;
}

/** How many corners the line gets right so far, instead of a bare "Not quite yet". */
export function bestLineNotYet(s: NeuronState): string | null {
  if (checkBestLine(s)) return null;
  const right = neuronCorrect(s, XOR_CORNERS);
  return `Not quite yet: ${right} of the 4 corners ${right === 1 ? 'is' : 'are'} on their own side. Turn and shift the line so that more of them are.`;
}

/** The hand-set network computes XOR exactly on the four corners. */
export function checkHandNet(s: HandNetState): boolean {
  return XOR_CORNERS.every((p) => Math.abs(handOutput(s, p.x1, p.x2) - p.label) < 1e-6);
}

/** The solution the text gives (from the Deep Learning book by Goodfellow, Bengio and Courville). */
export const BOOK_XOR: HandNetState = { W: [1, 1, 1, 1], c: [0, -1], w: [1, -2], b: 0 };

/** The same network with its two hidden neurons listed the other way round. */
function swapHidden(s: HandNetState): HandNetState {
  return { W: [s.W[2], s.W[3], s.W[0], s.W[1]], c: [s.c[1], s.c[0]], w: [s.w[1], s.w[0]], b: s.b };
}

function sameNumbers(a: HandNetState, b: HandNetState): boolean {
  const close = (x: number[], y: number[]): boolean => x.every((v, i) => Math.abs(v - y[i]) < 1e-9);
  return close(a.W, b.W) && close(a.c, b.c) && close(a.w, b.w) && Math.abs(a.b - b.b) < 1e-9;
}

/** The text's own numbers, or them with the hidden neurons swapped (the same network, copied). */
export function isBookSolution(s: HandNetState): boolean {
  return sameNumbers(s, BOOK_XOR) || sameNumbers(swapHidden(s), BOOK_XOR);
}

/** A hand-built network that computes XOR exactly, judged on the four corners, and is not the text's. */
export function checkOwnXor(s: HandNetState): boolean {
  return checkHandNet(s) && !isBookSolution(s);
}

/**
 * Why a network right on all four corners still does not pass: it is the lesson's own example
 * (the table shows ✓ on every row, so a bare "Not quite yet" left the learner guessing).
 */
export function ownXorNotYet(s: HandNetState): string | null {
  if (!checkHandNet(s) || !isBookSolution(s)) return null;
  const swapped = !sameNumbers(s, BOOK_XOR);
  return `Every corner matches, but that is the lesson's own example${swapped ? ' with its two hidden neurons swapped (the same network)' : ''} — find a different set of weights that also works.`;
}

export const LINE_BEST = ['2', '3', '4'];

export function checkTrained(s: TrainerState): boolean {
  return allProbesCorrect(s.probeOutputs, XOR_CORNERS, s.config.network.outputActivation);
}

/** Ten slightly shifted copies of each corner, so the train/test split keeps all four. */
const SHIFTS = [-0.06, -0.03, 0, 0.03, 0.06];
export const XOR_POINTS: DataPoint[] = XOR_CORNERS.flatMap((p) =>
  SHIFTS.flatMap((d) => [
    { x1: p.x1 + d, x2: p.x2 - d, label: p.label },
    { x1: p.x1 - d, x2: p.x2 + d * 0.5, label: p.label },
  ]),
);

function matrix(rows: number[][]): string {
  return `\\begin{bmatrix}${rows.map((r) => r.map((v) => tex(v, 1)).join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
}

export function handFormula(s: HandNetState): string {
  const h = handHidden(s, 1, 0);
  return (
    // \\allowbreak between the pieces: the live formula wraps there in a narrow column.
    `W = ${matrix([
      [s.W[0], s.W[1]],
      [s.W[2], s.W[3]],
    ])},\\ \\allowbreak c = ${matrix([[s.c[0]], [s.c[1]]])},\\ \\allowbreak ` +
    `w = ${matrix([[s.w[0]], [s.w[1]]])},\\ \\allowbreak b = ${tex(s.b, 1)};\\quad \\allowbreak ` +
    `x = (1, 0):\\ \\allowbreak h = (${tex(h[0], 1)}, ${tex(h[1], 1)}),\\ \\allowbreak y = ${tex(handOutput(s, 1, 0), 2)}`
  );
}

const trainConfig = labConfig({
  dataset: 'custom',
  points: XOR_POINTS,
  hidden: [2],
  activation: 'relu',
  output: 'sigmoid',
  learningRate: 0.3,
  trainRatio: 0.8,
  seed: 4,
});

export const lesson: LessonDef = {
  id: '07-xor',
  title: 'XOR',
  summary: 'The classic problem no straight line can solve — and a tiny network that can.',
  steps: [
    step({
      id: 'one-line',
      title: 'One neuron against XOR',
      widget: 'neuron',
      preset: { initial: { w1: -1, w2: 1, b: 0.5 }, points: XOR_CORNERS.slice(), extent: 1.5, range: 3 },
      predict: {
        kind: 'choice',
        question: 'At most how many of the four corners can one straight line get right?',
        options: LINE_BEST,
        answers: ['3'],
        explanation:
          'Three. The two diagonals cross at the middle of the square. A line with both blue corners on its blue side has the whole blue diagonal there, middle included; the orange diagonal runs through that same middle, so its two corners cannot both be on the orange side.',
      },
      check: checkBestLine,
      notYet: bestLineNotYet,
      hint: 'Try a line that leaves only one corner on the wrong side, for example w₁ = 1, w₂ = 1 and b = −0.5: then only (1, 1) is wrong.',
      formula: (s) => `z = ${tex(s.w1, 1, true)}\\,x_1 + ${tex(s.w2, 1, true)}\\,x_2 + ${tex(s.b, 1, true)}`,
      toLab: (s) => neuronHandoff(s, XOR_POINTS),
    }),
    step({
      id: 'by-hand',
      title: 'Two hidden neurons, set by hand',
      widget: 'handNet',
      preset: { initial: { W: [1, 0, 0, 1], c: [0, 0], w: [1, 1], b: 0 } },
      check: checkOwnXor,
      notYet: ownXorNotYet,
      hint: 'The book’s numbers (or the same two neurons swapped) do not count. One idea: let h₁ fire only when x₁ is bigger than x₂ (W₁₁ = 1, W₁₂ = −1), h₂ only when x₂ is bigger, and add the two.',
      formula: handFormula,
      toLab: (s) => handNetHandoff(s, XOR_POINTS),
    }),
    step({
      id: 'train',
      title: 'Let training find it',
      widget: 'trainer',
      preset: trainerPreset(trainConfig, { controls: ['reseed'], probePoints: XOR_CORNERS.slice(), view: [-0.5, 1.5], speed: 10 }),
      check: checkTrained,
      hint: 'Press Train and wait until all four corners show the right answer. If it gets stuck, press "New random start" and train again.',
      formula: null,
      toLab: (s) => ({ config: s.config, params: s.params }),
    }),
  ],
};
