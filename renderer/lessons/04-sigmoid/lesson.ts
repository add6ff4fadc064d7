import { ACTIVATIONS, sigmoid } from '../engine';
import { near, tex } from '../math';

/** σ′(x), from the registry's derivative given σ(x). */
const sigmoidSlope = (x: number): number => ACTIVATIONS.sigmoid.df(x, sigmoid(x));
import { step, type LessonDef, type ProbePreset, type ProbeState } from '../types';
import type { ProbeHidden } from '../widgets/probe-plot';

/** Where step 2 asks for σ: a place the text gives no value for (it gives σ(2) and σ(10)). */
export const MIRROR_X = -2;

/** The probe sits at 0, the middle of the S, where the learner sees the value they predicted. */
export function checkProbeAtMiddle(s: ProbeState): boolean {
  return near(s.x, 0, 0.05);
}

/** The probe sits at −2, where the learner sees the value they predicted. */
export function checkProbeAtMirror(s: ProbeState): boolean {
  return near(s.x, MIRROR_X, 0.05);
}

/** The probe sits where the curve is nearly flat: slope under 0.01. */
export function checkFlat(s: ProbeState): boolean {
  return sigmoidSlope(s.x) < 0.01;
}

/** A number as the plot's axis writes it: one decimal, with a real minus sign. */
function fmt(v: number): string {
  return (Math.round(v * 10) / 10).toFixed(1).replace('-', '−');
}

/** Where the probe is, when a step asks for it at one place. */
function probeAt(target: number, pass: (s: ProbeState) => boolean): (s: ProbeState) => string | null {
  return (s) => (pass(s) ? null : `Not quite yet: the probe is at ${fmt(s.x)}. Move it to ${fmt(target)}, where the question asks.`);
}

export const middleNotYet = probeAt(0, checkProbeAtMiddle);
export const mirrorNotYet = probeAt(MIRROR_X, checkProbeAtMirror);

/** The slope where the probe is, when step 3's check fails. */
export function flatNotYet(s: ProbeState): string | null {
  if (checkFlat(s)) return null;
  return `Not quite yet: the slope here is ${sigmoidSlope(s.x).toFixed(3)}. Move the probe further out, to where it is below 0.01.`;
}

/** σ at the probe: steps 1 and 2, before the slope is introduced. */
export function sigmoidValueFormula(s: ProbeState): string {
  return `\\sigma(${tex(s.x, 2)}) = \\frac{1}{1 + e^{-${tex(s.x, 2, true)}}} = ${tex(sigmoid(s.x), 5)}`;
}

/** σ and its slope σ′ at the probe: step 3, which introduces the slope. */
export function sigmoidFormula(s: ProbeState): string {
  return `${sigmoidValueFormula(s)}, \\quad \\sigma'(${tex(s.x, 2)}) = \\sigma(1-\\sigma) = ${tex(sigmoidSlope(s.x), 5)}`;
}

/**
 * The dashed slope curve and σ′ appear in step 3, where the text explains them, not before.
 * Steps 1 and 2 keep back the part of the curve their question is about: σ(0) sits on the
 * plot's 0.5 line, and σ(−2) on the left half, which step 2 asks the learner to mirror.
 */
function preset(question: string | null, x: number, showDerivative = false, untilPredicted?: ProbeHidden): ProbePreset {
  return {
    ...(untilPredicted === undefined ? {} : { untilPredicted }),
    initial: { activation: 'sigmoid', w: 1, b: 0, x, answer: null },
    choices: ['sigmoid'],
    showWeights: false,
    showDerivative,
    question,
    extent: 10,
  };
}

export const lesson: LessonDef = {
  id: '04-sigmoid',
  title: 'Sigmoid',
  summary: 'Squash any number into the range from 0 to 1 — handy for probabilities.',
  steps: [
    step({
      id: 'middle',
      title: 'The middle of the S',
      widget: 'probe',
      preset: preset(null, -4, false, 'curve'),
      predict: {
        kind: 'number',
        question: 'What is σ(0)?',
        answer: 0.5,
        tolerance: 0.005,
        explanation: 'σ(0) = 1 / (1 + e⁰) = 1 / (1 + 1) = 0.5: the middle of the S sits exactly half way between 0 and 1.',
      },
      check: checkProbeAtMiddle,
      notYet: middleNotYet,
      hint: 'Move the probe to x = 0 and read the output there.',
      formula: sigmoidValueFormula,
      toLab: null,
    }),
    step({
      id: 'mirror',
      title: 'The mirror image',
      widget: 'probe',
      preset: preset(null, 0, false, 'negativeSide'),
      predict: {
        kind: 'number',
        question: 'What is σ(−2), to two decimals?',
        answer: sigmoid(MIRROR_X),
        tolerance: 0.01,
        explanation:
          'σ(2) is about 0.88, which is 0.38 above one half. The S is symmetric, so σ(−2) is 0.38 below one half: about 0.12. In general σ(−x) = 1 − σ(x).',
      },
      check: checkProbeAtMirror,
      notYet: mirrorNotYet,
      hint: 'Move the probe to x = −2 and read the output there.',
      formula: sigmoidValueFormula,
      toLab: null,
    }),
    step({
      id: 'flat',
      title: 'Where learning stalls',
      widget: 'probe',
      preset: preset(null, 0, true),
      check: checkFlat,
      notYet: flatNotYet,
      hint: 'Drag the probe far out to the right or left, past about 4.6, until the dashed slope curve lies almost on the axis.',
      formula: sigmoidFormula,
      toLab: null,
    }),
  ],
};
