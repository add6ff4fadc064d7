import { XOR_POINTS } from '../07-xor/lesson';
import type { ChoicePrediction } from '../predict';
import { labConfig } from '../presets';
import { step, type LessonDef } from '../types';
import type { FoldSpacePreset, FoldSpaceState } from '../widgets/fold-space';

export const STRAIGHT = 'Still straight, evenly spaced lines: a stretched, tilted copy of the plane';
export const BENT = 'Bent or folded lines';
export const FOLDS = 'It folds the plane along a sharp crease';
export const BENDS = 'It bends the plane into smooth curves';

/**
 * XOR's corners (ten near each) and two hidden neurons: layer space is a plane too.
 *
 * Seed 31: the linear layer's 2×2 matrix stays well away from flat (measured: its larger
 * stretch is at most 5.2 times its smaller over 400 epochs), so layer space shows a tilted,
 * sheared grid as the text says. From seed 4 it was 9 to 15 times, and the grid was drawn as a
 * thin sliver that read as a line. ReLU gets every training point right by epoch 23.
 */
export const foldConfig = labConfig({
  dataset: 'custom',
  points: XOR_POINTS,
  hidden: [2],
  activation: 'identity',
  output: 'sigmoid',
  learningRate: 0.3,
  trainRatio: 0.8,
  seed: 31,
});

/**
 * The tanh step's weight decay (L2). Without it the tanh weights keep growing, the neurons sit
 * pinned at −1 or +1 over most of the square, and the bend between the two pinned stretches
 * gets nearly as tight as ReLU's crease (measured from seed 31 after 1,000 epochs, drawn as the
 * widget draws it: 56° of turn within 12 pixels, against ReLU's 90°). At 0.01 they stay near
 * tanh's curved middle: the bend stays round (22° within 12 pixels, a radius of about 30) and
 * every training point is still right by epoch 142. At 0.012 and more, seed 31 never gets
 * every point right.
 */
export const BEND_DECAY = 0.01;

function preset(activation: 'identity' | 'relu', choices: FoldSpacePreset['activationChoices'], decay = 0): FoldSpacePreset {
  const config = structuredClone(foldConfig);
  config.network.hidden = config.network.hidden.map((h) => ({ ...h, activation }));
  if (decay > 0) {
    config.training.regularization = 'l2';
    config.training.regularizationRate = decay;
  }
  return { config, activationChoices: choices, view: [-0.5, 1.5], speed: 10 };
}

/** Step 1's prediction, committed before layer space is shown. */
export const STRAIGHT_PREDICTION: ChoicePrediction = {
  kind: 'choice',
  question: 'After training, what will the grid look like in layer space?',
  options: [STRAIGHT, BENT],
  answers: [STRAIGHT],
  explanation:
    'A linear layer only multiplies and adds, so straight lines stay straight and parallel lines stay parallel: layer space is the plane stretched, tilted and shifted.',
};

/** Step 3's prediction, committed before layer space is shown. */
export const BEND_PREDICTION: ChoicePrediction = {
  kind: 'choice',
  question: 'What will a tanh hidden layer do to the grid?',
  options: [FOLDS, BENDS],
  answers: [BENDS],
  explanation:
    'Tanh is a smooth S with no corner anywhere, so the grid lines curve gently instead of creasing: a crease stays a sharp corner however closely you look, while tanh’s grid lines turn round a curve, a little at a time. (With weights left to grow, its neurons would sit pinned near −1 or +1 and the bend would get so tight it looks like a crease.)',
};

/** Watched a linear hidden layer train for 50 epochs without solving XOR (after the prediction, which the page asks first). */
export function checkStraight(s: FoldSpaceState): boolean {
  return s.activation === 'identity' && s.epoch >= 50 && s.trainAccuracy !== null && s.trainAccuracy < 1;
}

/** A ReLU hidden layer that gets every training point right. */
export function checkFolded(s: FoldSpaceState): boolean {
  return s.activation === 'relu' && s.trainAccuracy === 1;
}

/** Trained a tanh layer to get every point right (after the prediction, which the page asks first). */
export function checkBent(s: FoldSpaceState): boolean {
  return s.activation === 'tanh' && s.trainAccuracy === 1;
}

/** What a folding step still needs: its activation picked, then training until every point is right. */
function foldNotYet(activation: 'relu' | 'tanh', name: string): (s: FoldSpaceState) => string | null {
  return (s) => {
    if (s.activation === activation && s.trainAccuracy === 1) return null;
    if (s.activation !== activation) return `Not quite yet: choose ${name} as the hidden activation, then train.`;
    if (s.epoch === 0 || s.trainAccuracy === null) return 'Not quite yet: press Train.';
    return `Not quite yet: ${Math.round(s.trainAccuracy * 100)} % of the training points are right. Keep training until all of them are (if it stays stuck, press Start over).`;
  };
}
export const foldedNotYet = foldNotYet('relu', 'ReLU');
export const bentNotYet = foldNotYet('tanh', 'Tanh');

export const lesson: LessonDef = {
  id: '08-folding-space',
  title: 'Folding space',
  summary:
    'What a hidden layer does to the plane: a linear one only stretches it, an activation folds it until a straight line can split XOR.',
  steps: [
    step({
      id: 'straight',
      title: 'A linear layer only stretches',
      widget: 'foldSpace',
      preset: preset('identity', ['identity']),
      predict: STRAIGHT_PREDICTION,
      check: checkStraight,
      hint: 'Commit your prediction under "Predict first", then press Train and let it run for at least 50 epochs.',
      formula: null,
      toLab: null,
    }),
    step({
      id: 'fold',
      title: 'ReLU folds',
      widget: 'foldSpace',
      preset: preset('identity', ['identity', 'relu']),
      check: checkFolded,
      notYet: foldedNotYet,
      hint: 'Choose ReLU, press Train and wait until every training point is right (100 %). If it gets stuck, press Start over.',
      formula: null,
      toLab: null,
    }),
    step({
      id: 'bend',
      title: 'What tanh does',
      widget: 'foldSpace',
      preset: preset('relu', ['relu', 'tanh'], BEND_DECAY),
      predict: BEND_PREDICTION,
      check: checkBent,
      notYet: bentNotYet,
      hint: 'Commit your prediction under "Predict first", then choose Tanh and train until every training point is right.',
      formula: null,
      toLab: null,
    }),
  ],
};
