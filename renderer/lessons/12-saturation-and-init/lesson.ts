import type { InitializerName } from '../../../core/config';
import { labConfig } from '../presets';
import type { ChoicePrediction, NumberPrediction } from '../predict';
import { step, type ExplorerState, type LessonDef } from '../types';
import type { ComparePreset, CompareState } from './compare';

/** The explorer's flat ends: a slope below this is too small to carry a push. */
export const FLAT_SLOPE = 0.01;
/** Epochs a starting choice must be given before "it did not get there" counts. */
export const FAIR_TRIAL = 100;

/** Asked once the large start has had its fair trial: that run answers it. */
export const SATURATION_QUESTION = {
  label: 'Why does training crawl with large starting weights?',
  after: { run: 'large', epochs: FAIR_TRIAL },
  options: [
    'Most sums land on the flat ends of tanh, so the slopes, and the pushes, are almost 0',
    'Large weights make the learning rate smaller',
    'The network has too few neurons for the circle',
  ],
};

/** The cursor sits on a flat end of tanh or the sigmoid. */
export function checkFlatEnd(s: ExplorerState): boolean {
  return (s.activation === 'tanh' || s.activation === 'sigmoid') && Math.abs(s.df) < FLAT_SLOPE;
}

/** After a failed check on step 1: the slope at the cursor, still too steep to be a flat end. */
export function flatEndNotYet(s: ExplorerState): string | null {
  if (checkFlatEnd(s) || !Number.isFinite(s.df)) return null;
  const where = s.x.toFixed(2).replace('-', '−');
  return `Not quite yet: at x = ${where} the slope is ${Math.abs(s.df).toFixed(4)}, not yet below ${FLAT_SLOPE}. Move the cursor further out, away from 0.`;
}

/** After a failed check on step 3: the equal start still to pick, or the epochs still to train. */
export function clonesNotYet(s: CompareState): string | null {
  if (checkClones(s)) return null;
  if (s.initializer !== 'equal') return null;
  if (s.epoch < 50) return `Not quite yet: it has trained ${s.epoch} of the 50 epochs; keep training and watch the four maps.`;
  return null;
}

const ran = (s: CompareState, key: InitializerName) => s.runs[key];

/** Large starting weights given a fair trial never reached the target, small ones did, and the learner says why. */
export function checkSaturated(s: CompareState): boolean {
  const large = ran(s, 'large');
  const small = ran(s, 'playground');
  const stalled = large !== undefined && large.epochs >= FAIR_TRIAL && large.reachedAt === null;
  return stalled && small !== undefined && small.reachedAt !== null && s.answer === SATURATION_QUESTION.options[0];
}

/** After a failed check on step 2: which run, or the answer, is still to come. */
export function saturatedNotYet(s: CompareState): string | null {
  if (checkSaturated(s)) return null;
  const large = ran(s, 'large');
  const small = ran(s, 'playground');
  if (large === undefined || large.epochs < FAIR_TRIAL)
    return `Not quite yet: train the large start for at least ${FAIR_TRIAL} epochs (it has had ${large?.epochs ?? 0}).`;
  if (small === undefined || small.reachedAt === null) return 'Not quite yet: now pick the small start and train it until it reaches 90 %.';
  if (s.answer !== SATURATION_QUESTION.options[0]) return 'Both runs are in the table, good. Now answer the question under it.';
  return null;
}

/** Step 1's prediction: which activation's flat ends begin nearer 0 (tanh's about 3 out, the sigmoid's about 4.6). */
export const FLAT_PREDICTION: ChoicePrediction = {
  kind: 'choice',
  question: 'Which one goes flat nearer to 0, where its slope first drops below 0.01?',
  options: ['Tanh', 'The sigmoid', 'Both at the same distance'],
  answers: ['Tanh'],
  explanation:
    'Tanh climbs from −1 to 1 and the sigmoid only from 0 to 1, and tanh is four times as steep in the middle (a slope of 1 at 0, against the sigmoid’s ¼). It uses up its climb sooner, so it levels off nearer to 0.',
};

/** Step 2's prediction: which start reaches 90 % first. */
export const LARGE_PREDICTION: ChoicePrediction = {
  kind: 'choice',
  question: 'Which start will reach 90 % test accuracy first?',
  options: ['Small random (±0.5)', 'Large random (±5)', 'Both about as fast'],
  answers: ['Small random (±0.5)'],
  explanation:
    'Only the small start gets there quickly. To see why, think back to step 1: where on tanh does a sum of 20 land, and what is the slope there?',
};

/** Step 3's prediction: how many different pictures four neurons started equal show after training. */
export const CLONES_PREDICTION: NumberPrediction = {
  kind: 'number',
  question: 'After 50 epochs from equal weights, how many different pictures will the 4 neurons show?',
  answer: 1,
  tolerance: 0,
  explanation:
    'Neurons that start equal compute exactly the same thing, so each gets exactly the same push, and after every step they are still the same: clones, however long it trains. Four clones are no better than one neuron.',
};

/** Step 4's prediction: how many different pictures four neurons started at random show once the network learns. */
export const TIE_PREDICTION: NumberPrediction = {
  kind: 'number',
  question: 'Starting from small random weights, how many different pictures will the 4 neurons show once the network reaches 90 %?',
  answer: 4,
  tolerance: 0,
  explanation:
    'Random starting values give every neuron a different start, so each gets a different push and they grow apart into four different detectors. That is why every network begins with random weights: small enough to stay off the flat ends, different enough to break the symmetry.',
};

/** Equal starting weights, trained a while, and the first layer's neurons still all one picture. */
export function checkClones(s: CompareState): boolean {
  return s.initializer === 'equal' && s.epoch >= 50 && s.distinct[0] === 1;
}

/**
 * Random starting weights reached the target with every first-layer neuron its own. The equal
 * start had its trial in step 3, so this step does not ask for it again (it stays on offer).
 */
export function checkBrokenSymmetry(s: CompareState): boolean {
  const size = s.config.network.hidden[0]?.size ?? 0;
  return s.initializer !== 'equal' && s.testAccuracy !== null && s.testAccuracy >= 0.9 && s.distinct[0] === size;
}

function network(initializer: InitializerName, hidden: number[]) {
  const config = labConfig({ dataset: 'circle', hidden, activation: 'tanh', learningRate: 0.03, seed: 3 });
  config.training.initializer = initializer;
  return config;
}

function compare(initializer: InitializerName, hidden: number[], o: Partial<ComparePreset>): ComparePreset {
  return {
    config: network(initializer, hidden),
    setting: 'initializer',
    choices: [initializer],
    target: 0.9,
    showNeurons: false,
    question: null,
    speed: 60,
    ...o,
  };
}

const handoff = (s: CompareState) => ({ config: s.config, params: s.params });

export const lesson: LessonDef = {
  id: '12-saturation-and-init',
  title: 'How the weights start',
  summary: 'Start a network with weights too large, or all equal, and watch training stall: saturation and symmetry.',
  steps: [
    step({
      id: 'flat-ends',
      title: 'Flat ends',
      widget: 'explorer',
      preset: { initial: 'tanh', choices: ['tanh', 'sigmoid'], x: 0 },
      predict: FLAT_PREDICTION,
      check: checkFlatEnd,
      notYet: flatEndNotYet,
      hint: 'Move the cursor away from 0 (drag, or use the arrow keys) until the slope it reads drops below 0.01.',
      formula: (s) => `f'(${s.x.toFixed(2)}) = ${s.df.toFixed(4)}`,
      toLab: null,
    }),
    step({
      id: 'large-weights',
      title: 'Weights too large',
      widget: 'compare',
      preset: compare('large', [8, 8], { choices: ['large', 'playground'], question: SATURATION_QUESTION }),
      predict: LARGE_PREDICTION,
      check: checkSaturated,
      notYet: saturatedNotYet,
      hint: `Train the large start for at least ${FAIR_TRIAL} epochs, then pick Small random and train until the table shows it reached 90 %. Then answer: what is the slope of tanh at a sum of 20?`,
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'clones',
      title: 'All weights equal',
      widget: 'compare',
      preset: compare('equal', [4, 4], { showNeurons: true }),
      predict: CLONES_PREDICTION,
      check: checkClones,
      notYet: clonesNotYet,
      hint: 'Commit your prediction, then train for at least 50 epochs and watch the four small maps: count the different pictures, not the neurons.',
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'break-symmetry',
      title: 'Randomness breaks the tie',
      widget: 'compare',
      // Step 3 ran the equal start: this one starts random, with the equal start on offer to compare.
      preset: compare('playground', [4, 4], { choices: ['playground', 'equal'], showNeurons: true }),
      predict: TIE_PREDICTION,
      check: checkBrokenSymmetry,
      hint: 'Commit your prediction, then with Small random picked train until the test accuracy reaches 90 %, and count the different pictures in the four maps.',
      formula: null,
      toLab: handoff,
    }),
  ],
};
