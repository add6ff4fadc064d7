import type { DataPoint } from '../../../core/config';
import { near, neuronCorrect, neuronSum, tex } from '../math';
import { neuronHandoff } from '../presets';
import { step, type LabHandoff, type LessonDef, type NeuronPreset, type NeuronState } from '../types';

/** A fixed scatter of offsets (no random numbers needed for twelve points). */
const OFFSETS: [number, number][] = [
  [0, 0],
  [0.6, 0.3],
  [-0.5, 0.4],
  [0.3, -0.6],
  [-0.4, -0.5],
  [0.9, -0.1],
  [-0.8, 0.1],
  [0.2, 0.8],
  [-0.2, -0.9],
  [0.7, 0.7],
  [-0.7, -0.6],
  [0.1, 0.4],
];

function cluster(x1: number, x2: number, label: number, stretch: [number, number] = [1, 1], count = OFFSETS.length): DataPoint[] {
  return OFFSETS.slice(0, count).map(([dx, dy]) => ({ x1: x1 + dx * stretch[0], x2: x2 + dy * stretch[1], label }));
}

/**
 * Orange near the origin, blue up and to the right. Every line between them misses the origin,
 * so the learner needs a bias as well as weights; the start (and w₁ = w₂ = 1, b = 0) fails.
 */
export const CLUSTERS: DataPoint[] = [...cluster(0.2, 0.4, 0), ...cluster(2.6, 2.4, 1)];

/**
 * Three tall stripes in a row: eight orange points, twelve blue, eight orange. No straight line
 * puts them all on their own side. Calling everything orange gets only 16 of 28, so the best
 * line has to keep the blue stripe.
 */
export const BAND: DataPoint[] = [...cluster(-2.6, 0, 0, [0.5, 3], 8), ...cluster(0, 0, 1, [0.5, 3]), ...cluster(2.6, 0, 0, [0.5, 3], 8)];

/**
 * The most points of BAND any one line puts on their own side: two of the three stripes
 * (found by trying every setting of the sliders in test/renderer/lessons/checks-basics.test.ts).
 */
export const BAND_BEST = 20;

/** The point the live formula is worked out for, ringed on the plane. */
export const SAMPLE = { x1: 1, x2: 2 };
/** The sum the learner must give the ringed point in step 1. */
export const SAMPLE_TARGET = 1;

/** w₁ turned negative, and the ringed point still gets a sum of exactly 1 (the other two sliders make up for it). */
export function checkFlipped(s: NeuronState): boolean {
  return s.w1 < 0 && near(neuronSum(s, SAMPLE.x1, SAMPLE.x2), SAMPLE_TARGET, 0.05);
}

/** After a failed check on step 1: which half is done (the sign of w₁, or the sum of 1), or null for neither. */
export function flipNotYet(s: NeuronState): string | null {
  const z = neuronSum(s, SAMPLE.x1, SAMPLE.x2);
  const sumRight = near(z, SAMPLE_TARGET, 0.05);
  if (s.w1 < 0 && !sumRight) return `w₁ is negative, good. Now the ringed point’s sum is ${tex(z, 2).replace('-', '−')}; make it 1.`;
  if (s.w1 >= 0 && sumRight) return 'The ringed point’s sum is 1, good. Now make w₁ negative and let w₂ and b make up for it.';
  return null;
}

export function checkSeparates(s: NeuronState): boolean {
  return neuronCorrect(s, CLUSTERS) === CLUSTERS.length;
}

/** After a failed check on step 2: how many points are still on the wrong side, and of which colour. */
export function separateNotYet(s: NeuronState): string | null {
  const wrong = (label: number) => CLUSTERS.filter((p) => p.label === label && neuronCorrect(s, [p]) === 0).length;
  const orange = wrong(0);
  const blue = wrong(1);
  if (orange + blue === 0) return null;
  const parts = [orange > 0 ? `${orange} orange on blue ground` : '', blue > 0 ? `${blue} blue on orange ground` : ''].filter(
    (p) => p !== '',
  );
  return `Not quite yet: ${parts.join(' and ')}. Turn the line with the weights, then slide it into the gap with b.`;
}

/** As many points on their own side as one straight line can manage. */
export function checkBestLine(s: NeuronState): boolean {
  return neuronCorrect(s, BAND) >= BAND_BEST;
}

/** After a failed check on step 3: how many the line gets against the best any straight line gets. */
export function bestLineNotYet(s: NeuronState): string | null {
  const right = neuronCorrect(s, BAND);
  if (right >= BAND_BEST) return null;
  return `Not quite yet: your line puts ${right} of ${BAND.length} points on their own side; the best straight line gets ${BAND_BEST}.`;
}

export function neuronFormula(s: NeuronState, x1: number, x2: number): string {
  const z = neuronSum(s, x1, x2);
  return `w_1 x_1 + w_2 x_2 + b = ${tex(s.w1, 1, true)}\\cdot ${tex(x1, 1, true)} + ${tex(s.w2, 1, true)}\\cdot ${tex(x2, 1, true)} + ${tex(s.b, 1, true)} = ${tex(z, 2)}`;
}

const initial: NeuronState = { w1: 1, w2: -1, b: 0.5 };
const toLab =
  (points: DataPoint[]) =>
  (s: NeuronState): LabHandoff =>
    neuronHandoff(s, points);
/** The plane of a step; the ringed point only where the formula is worked out for it. */
const plane = (points: DataPoint[], start: NeuronState = initial, ringed = true): NeuronPreset => ({
  initial: start,
  points,
  extent: 4,
  range: 3,
  ...(ringed ? { sample: SAMPLE } : {}),
});

export const BAND_CAN = 'Yes, with the right weights and bias';
export const BAND_CANNOT = 'No, not all of them';

export const lesson: LessonDef = {
  id: '02-one-neuron',
  title: 'One neuron',
  summary: 'Multiply by weights, add a bias, and see the one straight line a neuron draws.',
  steps: [
    step({
      id: 'flip',
      title: 'Work out a neuron by hand',
      widget: 'neuron',
      preset: plane(CLUSTERS),
      predict: {
        kind: 'number',
        question: 'With w₁ = 1, w₂ = −1 and b = 0.5, what sum z does the neuron give the ringed point x = (1, 2)?',
        answer: -0.5,
        tolerance: 0.05,
        explanation:
          'z = 1 · 1 + (−1) · 2 + 0.5 = 1 − 2 + 0.5 = −0.5. It is below zero, so the ringed point lies on the orange side of the line.',
      },
      check: checkFlipped,
      notYet: flipNotYet,
      hint: 'The ringed point has x₁ = 1 and x₂ = 2, so z = w₁ + 2·w₂ + b. With w₁ below zero, raise w₂ or b until the formula under the plot reads 1.00.',
      formula: (s) => neuronFormula(s, SAMPLE.x1, SAMPLE.x2),
      toLab: toLab(CLUSTERS),
    }),
    step({
      id: 'separate',
      title: 'Put the line between two groups',
      widget: 'neuron',
      preset: plane(CLUSTERS),
      check: checkSeparates,
      notYet: separateNotYet,
      hint: 'First turn the line with the weights until it runs parallel to the gap between the groups, with blue ground towards the blue dots. Then slide it into the gap with the bias: does the line move the way you expect when b gets more negative?',
      formula: (s) => neuronFormula(s, SAMPLE.x1, SAMPLE.x2),
      toLab: toLab(CLUSTERS),
    }),
    step({
      id: 'stripes',
      title: 'What one line cannot do',
      widget: 'neuron',
      preset: plane(BAND, { w1: 0, w2: 1, b: 0 }, false),
      predict: {
        kind: 'choice',
        question: 'Can one neuron put all 28 points on their own side?',
        options: [BAND_CAN, BAND_CANNOT],
        answers: [BAND_CANNOT],
        explanation:
          'Its boundary is one straight line, with blue on one side and orange on the other. The blue stripe sits between two orange ones, so any line leaves at least one orange stripe on the blue side, or the blue stripe on the orange side. So no straight line gets all 28: the best one still leaves a whole orange stripe on the wrong side.',
      },
      check: checkBestLine,
      notYet: bestLineNotYet,
      hint: 'Give up one orange stripe: stand the line upright in the gap between the blue stripe and one orange stripe, blue ground towards the blue dots.',
      formula: null,
      toLab: toLab(BAND),
    }),
  ],
};
