import type { ActivationName } from '../../../core/config';
import { ACTIVATIONS } from '../engine';
import { tex } from '../math';
import { step, type LessonDef, type ProbePreset, type ProbeState } from '../types';

const CHOICES: ActivationName[] = ['relu', 'tanh', 'leakyRelu', 'softplus', 'elu', 'gelu', 'sin', 'cos'];

export function checkTanh(s: ProbeState): boolean {
  return s.activation === 'tanh';
}

export function checkLeaky(s: ProbeState): boolean {
  return s.activation === 'leakyRelu';
}

export function checkPeriodic(s: ProbeState): boolean {
  return s.activation === 'sin' || s.activation === 'cos';
}

export function activationFormula(s: ProbeState): string {
  const a = ACTIVATIONS[s.activation];
  const y = a.f(s.x);
  return `${a.tex}, \\qquad f(${tex(s.x, 2)}) = ${tex(y, 3)}, \\quad f'(${tex(s.x, 2)}) = ${tex(a.df(s.x, y), 3)}`;
}

function preset(): ProbePreset {
  return {
    initial: { activation: 'relu', w: 1, b: 0, x: -2, answer: null },
    choices: CHOICES,
    showWeights: false,
    showDerivative: true,
    question: null,
    extent: 5,
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
      preset: preset(),
      check: checkTanh,
      hint: 'Look for the S-shaped curve that levels off at −1 on the left and +1 on the right.',
      formula: activationFormula,
      toLab: null,
    }),
    step({
      id: 'leaky',
      title: 'Never completely silent',
      widget: 'probe',
      preset: preset(),
      check: checkLeaky,
      hint: 'It looks almost exactly like ReLU, but its slope on the left is a tiny 0.01 instead of 0.',
      formula: activationFormula,
      toLab: null,
    }),
    step({
      id: 'periodic',
      title: 'Waves',
      widget: 'probe',
      preset: preset(),
      check: checkPeriodic,
      hint: 'Pick a curve that goes up and down again and again.',
      formula: activationFormula,
      toLab: null,
    }),
  ],
};
