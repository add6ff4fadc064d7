import { softmax } from '../engine';
import { tex } from '../math';
import { labConfig, trainerPreset } from '../presets';
import { step, type LessonDef, type SoftmaxState, type TrainerState } from '../types';

export function checkConfident(s: SoftmaxState): boolean {
  return softmax(s.scores)[1] >= 0.9;
}

/** The test accuracy a network must reach for the race table (and the check). */
export const COSINE_TARGET = 0.9;

/**
 * A cosine network reached the target on the three blobs. The race table remembers it, so
 * switching to ReLU afterwards to compare, as the step asks, keeps the step passed.
 */
export function checkCosine(s: TrainerState): boolean {
  return s.config.network.outputActivation === 'softmax' && s.race.cos !== undefined;
}

export function softmaxFormula(s: SoftmaxState): string {
  const p = softmax(s.scores);
  const exps = s.scores.map((z) => `e^{${tex(z, 1)}}`).join(' + ');
  return `p_2 = \\frac{e^{${tex(s.scores[1], 1)}}}{${exps}} = ${tex(p[1], 3)}`;
}

const blobs = labConfig({ dataset: 'blobs3', hidden: [6], activation: 'relu', output: 'softmax', learningRate: 0.03, seed: 9 });

export const lesson: LessonDef = {
  id: '16-softmax-and-cos',
  title: 'Softmax and the controversial cosine',
  summary: 'Turn scores into probabilities over several classes — then train with cos.',
  steps: [
    step({
      id: 'softmax',
      title: 'Scores into probabilities',
      widget: 'softmax',
      preset: { initial: { scores: [1, 0.5, -0.5] } },
      check: checkConfident,
      hint: 'Raise the score of class 2 well above the other two: a lead of about 3 gives over 90 %.',
      formula: softmaxFormula,
      toLab: null,
    }),
    step({
      id: 'cosine',
      title: 'Three classes with cosine neurons',
      widget: 'trainer',
      preset: trainerPreset(blobs, {
        controls: ['activation'],
        activationChoices: ['relu', 'cos', 'tanh'],
        raceTarget: COSINE_TARGET,
        speed: 1,
      }),
      check: checkCosine,
      hint: 'Choose cos as the hidden activation, press Train, and wait until the race table shows the epoch it reached 90 %.',
      formula: null,
      toLab: (s) => ({ config: s.config, params: s.params }),
    }),
  ],
};
