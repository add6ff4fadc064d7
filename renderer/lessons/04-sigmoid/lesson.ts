import { ACTIVATIONS, sigmoid } from '../engine';
import { near, tex } from '../math';

/** σ′(x), from the registry's derivative given σ(x). */
const sigmoidSlope = (x: number): number => ACTIVATIONS.sigmoid.df(x, sigmoid(x));
import { step, type LessonDef, type ProbePreset, type ProbeState } from '../types';

export function checkHalf(s: ProbeState): boolean {
  return near(s.answer, 0.5, 0.005);
}

export function checkThree(s: ProbeState): boolean {
  return near(s.answer, sigmoid(3), 0.006);
}

/** The probe sits where the curve is nearly flat: slope under 0.01. */
export function checkFlat(s: ProbeState): boolean {
  return sigmoidSlope(s.x) < 0.01;
}

export function sigmoidFormula(s: ProbeState): string {
  const y = sigmoid(s.x);
  return `\\sigma(${tex(s.x, 2)}) = \\frac{1}{1 + e^{-${tex(s.x, 2, true)}}} = ${tex(y, 5)}, \\quad \\sigma'(${tex(s.x, 2)}) = \\sigma(1-\\sigma) = ${tex(sigmoidSlope(s.x), 5)}`;
}

function preset(question: string | null, x: number): ProbePreset {
  return {
    initial: { activation: 'sigmoid', w: 1, b: 0, x, answer: null },
    choices: ['sigmoid'],
    showWeights: false,
    showDerivative: true,
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
      preset: preset('σ(0) is', -2),
      check: checkHalf,
      hint: 'Move the probe to x = 0 and read the curve: it sits exactly half way between 0 and 1.',
      formula: sigmoidFormula,
      toLab: null,
    }),
    step({
      id: 'three',
      title: 'Reading values off the curve',
      widget: 'probe',
      preset: preset('σ(3) is, to two decimals,', 0),
      check: checkThree,
      hint: 'Move the probe to x = 3. The value is a little under 1 — round it to two decimals.',
      formula: sigmoidFormula,
      toLab: null,
    }),
    step({
      id: 'flat',
      title: 'Where learning stalls',
      widget: 'probe',
      preset: preset(null, 0),
      check: checkFlat,
      hint: 'Drag the probe far out to the right or left, past about 4.6, until the dashed slope curve lies almost on the axis.',
      formula: sigmoidFormula,
      toLab: null,
    }),
  ],
};
