import { labConfig, trainerPreset } from '../presets';
import { step, type LessonDef, type TrainerState } from '../types';

export const DEEP_ENOUGH = 'Yes: four layers are deep enough';
export const ONE_LINE = 'No: however deep, it draws one straight line';
export const MORE_EPOCHS = 'Only if it trains for long enough';

/** The deep linear network was made to bend: some hidden layer is not linear and it passed 90 %. */
export function checkBentIt(s: TrainerState): boolean {
  return (
    !s.collapsed &&
    s.config.network.hidden.some((layer) => layer.activation !== 'identity') &&
    s.testAccuracy !== null &&
    s.testAccuracy >= 0.9
  );
}

const deepLinear = labConfig({ dataset: 'circle', hidden: [4, 4, 4, 4], activation: 'identity', learningRate: 0.03, seed: 5 });

export const lesson: LessonDef = {
  id: '19-what-you-can-explain',
  title: 'What you can now explain',
  summary: 'The course in one experiment, what you can now explain, and a last challenge: the smallest network that solves the spiral.',
  steps: [
    step({
      id: 'the-question',
      title: 'The course’s question, once more',
      widget: 'trainer',
      preset: trainerPreset(deepLinear, {
        controls: ['activation'],
        activationChoices: ['identity', 'relu', 'tanh'],
        showCollapse: true,
        speed: 60,
      }),
      predict: {
        kind: 'choice',
        question: 'Four hidden layers of four neurons, every activation linear: can this network separate the circle?',
        options: [DEEP_ENOUGH, ONE_LINE, MORE_EPOCHS],
        answers: [ONE_LINE],
        explanation:
          'Each linear layer is an affine map, and affine maps stacked are again one affine map. Its boundary is a straight line however many layers or epochs it gets. Depth only pays when something bends between the layers.',
      },
      check: checkBentIt,
      hint: 'Commit your prediction, then switch the hidden activation to ReLU or tanh, press Train and wait until the test accuracy passes 90 %.',
      formula: null,
      toLab: (s) => ({ config: s.config, params: s.params }),
    }),
  ],
};
