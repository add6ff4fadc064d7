import type { ActivationName } from '../../../core/config';
import { ACTIVATIONS } from '../engine';
import { tex } from '../math';
import { step, type LessonDef, type ProbePreset, type ProbeState } from '../types';

const CHOICES: ActivationName[] = ['relu', 'tanh', 'leakyRelu', 'softplus', 'elu', 'gelu', 'sin', 'cos'];

/** What the picked function gives where the probe is. */
function output(s: ProbeState): number {
  return ACTIVATIONS[s.activation].f(s.w * s.x + s.b);
}

/** Tanh is picked and the probe sits where it says a clear "no": below −0.9 (anywhere left of about −1.47). */
export function checkTanhSaysNo(s: ProbeState): boolean {
  return s.activation === 'tanh' && output(s) < -0.9;
}

/** Leaky ReLU is picked and the probe sits on its left side, where the slope is its small constant. */
export function checkLeakyLeft(s: ProbeState): boolean {
  return s.activation === 'leakyRelu' && s.w * s.x + s.b < 0;
}

/** The sine is picked and the probe sits where it is back at 0, away from 0 itself (about ±3.14 in view). */
export function checkSineZeroAgain(s: ProbeState): boolean {
  return s.activation === 'sin' && Math.abs(s.x) >= 1 && Math.abs(output(s)) <= 0.06;
}

/** Three decimals with a real minus sign, as the read-out's formula writes them. */
function signed(v: number): string {
  return v.toFixed(3).replace('-', '−');
}

/** The picked function's name as the menu shows it. */
function label(s: ProbeState): string {
  return ACTIVATIONS[s.activation].label;
}

/** Which function is picked and what it gives, when a step's check fails. */
function wrongFunction(s: ProbeState, wanted: ActivationName): string | null {
  if (s.activation === wanted) return null;
  return `Not quite yet: the menu shows ${label(s)}. Pick ${ACTIVATIONS[wanted].label} first.`;
}

export function tanhNotYet(s: ProbeState): string | null {
  if (checkTanhSaysNo(s)) return null;
  return wrongFunction(s, 'tanh') ?? `Not quite yet: tanh gives ${signed(output(s))} here, not below −0.9. Move the probe further left.`;
}

export function leakyNotYet(s: ProbeState): string | null {
  if (checkLeakyLeft(s)) return null;
  return wrongFunction(s, 'leakyRelu') ?? 'Not quite yet: the probe is on the right of 0. Move it to a negative x.';
}

export function sineNotYet(s: ProbeState): string | null {
  if (checkSineZeroAgain(s)) return null;
  if (s.activation === 'sin' && Math.abs(s.x) < 1)
    return 'Not quite yet: that is the 0 at x = 0 the question starts from. Find the next one, between 1 and 5.';
  return wrongFunction(s, 'sin') ?? `Not quite yet: the sine gives ${signed(output(s))} here. Move the probe to where it is 0.`;
}

export const RANGES = ['0 and 1', '−1 and 1', '0 and any large number', 'no limits: any number at all'];
export const RELATIVES = ['Leaky ReLU', 'ELU', 'Softplus', 'GELU'];

export function activationFormula(s: ProbeState): string {
  const a = ACTIVATIONS[s.activation];
  const y = a.f(s.x);
  return `${a.tex}, \\qquad f(${tex(s.x, 2)}) = ${tex(y, 3)}, \\quad f'(${tex(s.x, 2)}) = ${tex(a.df(s.x, y), 3)}`;
}

/**
 * Steps 1 and 2 start the probe at x = 2, on the right, where neither check is met by picking
 * the function alone (at −2, Tanh already said below −0.9): the learner has to move it.
 */
function preset(x: number, untilPredicted?: ProbePreset['untilPredicted']): ProbePreset {
  return {
    ...(untilPredicted === undefined ? {} : { untilPredicted }),
    initial: { activation: 'relu', w: 1, b: 0, x, answer: null },
    choices: CHOICES,
    showWeights: false,
    showDerivative: true,
    question: null,
    extent: 5,
    // Leaky ReLU's 0.01 on the left looks like ReLU's 0 at full scale: the inset magnifies it.
    slopeZoom: 0.05,
  };
}

export const lesson: LessonDef = {
  id: '05-tanh-and-friends',
  title: 'Tanh and friends',
  summary: 'A tour of other popular activations, each drawn with its slope.',
  steps: [
    step({
      id: 'tanh',
      title: 'Negative or positive',
      widget: 'probe',
      // Tanh's flat ends at −1 and 1 are the range asked for: the curves wait for the prediction.
      preset: preset(2, 'curve'),
      predict: {
        kind: 'choice',
        question: 'tanh(x) = 2σ(2x) − 1. Between which values do its outputs stay?',
        options: RANGES,
        answers: ['−1 and 1'],
        explanation:
          'σ stays between 0 and 1, so 2σ − 1 stays between 2·0 − 1 = −1 and 2·1 − 1 = 1. Negative inputs give negative outputs: tanh can say a clear "no".',
      },
      check: checkTanhSaysNo,
      notYet: tanhNotYet,
      hint: 'Choose Tanh in the menu, then move the probe to the left until the output is below −0.9.',
      formula: activationFormula,
      toLab: null,
    }),
    step({
      id: 'leaky',
      title: 'Never completely silent',
      widget: 'probe',
      preset: preset(2),
      predict: {
        kind: 'choice',
        question: 'Which one has a slope on the left that is small, never zero, and the same everywhere there?',
        options: RELATIVES,
        answers: ['Leaky ReLU'],
        explanation:
          'Leaky ReLU is ReLU with a slope of 0.01 for negative inputs: tiny, but never zero and the same all along the left. ELU’s and Softplus’s slopes fade towards zero far to the left, and GELU’s slope is zero at one place and then turns negative.',
      },
      check: checkLeakyLeft,
      notYet: leakyNotYet,
      hint: 'Choose Leaky ReLU, then move the probe to a negative x and read the slope there.',
      formula: activationFormula,
      toLab: null,
    }),
    step({
      id: 'periodic',
      title: 'Waves',
      widget: 'probe',
      // Where the sine crosses 0 is the answer: the curves wait for the prediction.
      preset: preset(-2, 'curve'),
      predict: {
        kind: 'number',
        question: 'The sine gives 0 at x = 0. At which x between 1 and 5 does it give 0 again?',
        answer: Math.PI,
        tolerance: 0.15,
        explanation:
          'At π, about 3.14. The sine comes back to 0 every π and repeats its whole shape every 2π (about 6.28), for ever: it never settles the way the other curves do.',
      },
      check: checkSineZeroAgain,
      notYet: sineNotYet,
      hint: 'Choose Sine, then move the probe between 1 and 5 until the output is 0 (or as close as the probe gets).',
      formula: activationFormula,
      toLab: null,
    }),
  ],
};
