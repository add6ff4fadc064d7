import { readOutput } from '../../../core/engine';
import type { CompareState } from '../12-saturation-and-init/compare';
import { tex } from '../math';
import { labConfig } from '../presets';
import type { ChoicePrediction, NumberPrediction } from '../predict';
import { step, type LessonDef } from '../types';
import type { OutputLossPreset, OutputLossState } from './output-loss';

/** The strongest push ½·squared error ever gives a sigmoid output with target 1: 4/27, at y = 1/3. */
export const STRONGEST_SQUARED_PUSH = 4 / 27;

/** The learner found where squared error pushes a sigmoid output hardest (within 3 % of its strongest). */
export function checkStrongestPush(s: OutputLossState): boolean {
  return s.output === 'sigmoid' && s.loss === 'halfSquared' && Math.abs(s.push) >= 0.97 * STRONGEST_SQUARED_PUSH;
}

/** After a failed check on step 1: the push where the slider is, against the strongest, and which way to go. */
export function strongestNotYet(s: OutputLossState): string | null {
  if (checkStrongestPush(s) || s.output !== 'sigmoid' || s.loss !== 'halfSquared') return null;
  // The push is strongest at y = 1/3, z = ln ½ ≈ −0.69.
  const way = s.z < Math.log(0.5) ? 'right' : 'left';
  const push = Math.abs(s.push).toFixed(4);
  return `Not quite yet: at z = ${s.z.toFixed(1).replace('-', '−')} the push has size ${push}. Move z ${way}, watching the size of the push grow.`;
}

/** How many times cross-entropy out-pushes squared error at z = −5, from the engine's own numbers (about 150). */
export function pushRatioAt(z: number): number {
  return readOutput('sigmoid', 'binaryCrossEntropy', z, 1).push / readOutput('sigmoid', 'halfSquared', z, 1).push;
}

/**
 * The typed ratio at z = −5 is within 10 % of the measured one (pushes read off to four places
 * give 150 or 151). Both pushes are negative, so a ratio typed with a minus sign counts too.
 */
export function checkPushRatio(s: OutputLossState): boolean {
  return s.answer !== null && Math.abs(Math.abs(s.answer) / pushRatioAt(-5) - 1) <= 0.1;
}

/** After a failed check on step 2: a typed ratio that is off, and how to measure it. */
export function ratioNotYet(s: OutputLossState): string | null {
  if (s.answer === null || checkPushRatio(s)) return null;
  return 'Not quite yet: set z to −5, read the push with squared error, then with cross-entropy, and divide the cross-entropy push by the squared-error one.';
}

/** Step 1's prediction, the question the step asks: is the push strongest where the neuron is most wrong? */
export const STRONGEST_PREDICTION: ChoicePrediction = {
  kind: 'choice',
  question: 'Does squared error push hardest where the neuron is most wrong, far to the left?',
  options: ['Yes: the more wrong, the harder the push', 'No: the push is strongest somewhere nearer to 0'],
  answers: ['No: the push is strongest somewhere nearer to 0'],
  explanation:
    'The push is (y − t) times the sigmoid’s slope y(1 − y). Far to the left the error y − t is almost −1, but the slope is almost 0, and their product fades away. The push is strongest where the two balance.',
};

/** Step 2's prediction: roughly how many times harder cross-entropy pushes at z = −5. */
export const RATIO_PREDICTION: ChoicePrediction = {
  kind: 'choice',
  question: 'At z = −5, how many times harder will cross-entropy push than squared error?',
  options: ['About as hard (1 to 2 times)', 'About 10 times', 'More than 100 times'],
  answers: ['More than 100 times'],
  explanation: 'Squared error’s push is multiplied by the sigmoid’s slope, which is tiny at z = −5; cross-entropy’s push is not.',
};

/** Step 3's prediction: which loss gets the confidently wrong neuron past 90 % first. */
export const TRAINING_PREDICTION: ChoicePrediction = {
  kind: 'choice',
  question: 'Which loss will get this neuron past 90 % first?',
  options: ['Squared error', 'Cross-entropy', 'Both about as fast'],
  answers: ['Cross-entropy'],
  explanation:
    'The neuron starts sure and wrong, out on the sigmoid’s flat end, and only one of the two losses still pushes hard there: steps 1 and 2 measured which.',
};

/** Step 4's prediction: the lowest loss a tanh output can reach for a target of 3. */
export const FLOOR_PREDICTION: NumberPrediction = {
  kind: 'number',
  question: 'With a tanh output and the target 3, what is the smallest squared error ½(y − t)² it can ever reach?',
  answer: 0.5 * (3 - 1) ** 2,
  tolerance: 0.05,
  explanation:
    'Tanh never goes past 1, so the nearest it gets to 3 is 1, and the loss stops at ½·(1 − 3)² = 2 however far right z goes. A sigmoid stops at 1 too. A linear output can say 3 exactly.',
};

/** Epochs squared error must be given before "it stayed stuck" counts. */
export const FAIR_TRIAL = 100;

/** Asked once squared error has had its fair trial: that run answers it. */
export const TRAINING_QUESTION = {
  label: 'Why does squared error leave this neuron stuck?',
  after: { run: 'halfSquared', epochs: FAIR_TRIAL },
  options: [
    'Its sums sit on the flat ends of the sigmoid, so the push (y − t)·y(1 − y) is almost 0',
    'Squared error cannot be used for yes-or-no answers',
    'The learning rate is too small for squared error',
  ],
};

/** Squared error given a fair trial never reached 90 %, cross-entropy did, and the learner says why. */
export function checkTrainingRace(s: CompareState): boolean {
  const squared = s.runs.halfSquared;
  const cross = s.runs.binaryCrossEntropy;
  const stuck = squared !== undefined && squared.epochs >= FAIR_TRIAL && squared.reachedAt === null;
  return stuck && cross !== undefined && cross.reachedAt !== null && s.answer === TRAINING_QUESTION.options[0];
}

/** After a failed check on step 3: which run, or the answer, is still to come. */
export function trainingRaceNotYet(s: CompareState): string | null {
  if (checkTrainingRace(s)) return null;
  const squared = s.runs.halfSquared;
  const cross = s.runs.binaryCrossEntropy;
  if (squared === undefined || squared.epochs < FAIR_TRIAL)
    return `Not quite yet: train with squared error for at least ${FAIR_TRIAL} epochs (it has had ${squared?.epochs ?? 0}).`;
  if (cross === undefined || cross.reachedAt === null) return 'Not quite yet: now pick cross-entropy and train until it passes 90 %.';
  if (s.answer !== TRAINING_QUESTION.options[0]) return 'Both runs are in the table, good. Now answer the question under it.';
  return null;
}

/**
 * One sigmoid neuron (no hidden layer) on two clouds, started with large weights that point the
 * wrong way: seed 9 gives weights of about (−2.5, −3.8), every answer confidently wrong.
 */
export function wrongNeuron() {
  const config = labConfig({ dataset: 'gaussian', hidden: [], activation: 'tanh', output: 'sigmoid', learningRate: 0.03, seed: 9 });
  config.training.initializer = 'large';
  config.training.loss = 'halfSquared';
  return config;
}

/** The lowest loss a tanh output can reach for a target of 3: ½·(3 − 1)² = 2, as z grows without end. */
export const TANH_FLOOR = 0.5 * (3 - 1) ** 2;

/** The learner makes a linear output hit the target of 3 (after predicting what a tanh output can get down to). */
export function checkReachThree(s: OutputLossState): boolean {
  return s.output === 'identity' && s.target === 3 && s.lossValue < 0.01;
}

/** After a failed check on step 4: the output to pick, or how far the loss is from 0. */
export function reachThreeNotYet(s: OutputLossState): string | null {
  if (checkReachThree(s)) return null;
  if (s.output !== 'identity')
    return 'Not quite yet: this output can never say 3. Pick the linear output, then find the z that brings the loss to 0.';
  return `Not quite yet: the output is ${s.y.toFixed(1).replace('-', '−')}, so the loss is ${s.lossValue.toFixed(2)}. Move z until the output is 3.`;
}

/** The push written out with the live numbers, for the chosen output and loss. */
export function pushFormula(s: OutputLossState): string {
  const y = tex(s.y, 4);
  const t = tex(s.target, 0);
  const push = tex(s.push, 4);
  if (s.loss === 'binaryCrossEntropy') return `\\frac{\\partial L}{\\partial z} = y - t = ${y} - ${t} = ${push}`;
  if (s.output === 'sigmoid')
    return `\\frac{\\partial L}{\\partial z} = (y - t)\\,y\\,(1 - y) = (${y} - ${t})\\cdot ${y}\\cdot ${tex(1 - s.y, 4)} = ${push}`;
  if (s.output === 'tanh')
    return `\\frac{\\partial L}{\\partial z} = (y - t)\\,(1 - y^2) = (${y} - ${t})\\cdot ${tex(1 - s.y * s.y, 4)} = ${push}`;
  return `\\frac{\\partial L}{\\partial z} = y - t = ${y} - ${t} = ${push}`;
}

function outputLoss(o: Partial<OutputLossPreset> & Pick<OutputLossPreset, 'initial'>): OutputLossPreset {
  return { target: 1, outputChoices: [o.initial.output], lossChoices: [o.initial.loss], question: null, ...o };
}

export const lesson: LessonDef = {
  id: '13-output-meets-loss',
  title: 'The output meets its loss',
  summary: 'Measure how hard each loss pushes a badly wrong sigmoid, and why a tanh output cannot say 3.',
  steps: [
    step({
      id: 'squared-push',
      title: 'Squared error when badly wrong',
      widget: 'outputLoss',
      preset: outputLoss({ initial: { output: 'sigmoid', loss: 'halfSquared', z: 0 } }),
      predict: STRONGEST_PREDICTION,
      check: checkStrongestPush,
      notYet: strongestNotYet,
      hint: 'Slide z left from 0 and watch the push grow, then shrink again. Stop where its size is largest (a little left of 0).',
      formula: pushFormula,
      toLab: null,
    }),
    step({
      id: 'cross-entropy-push',
      title: 'Cross-entropy when badly wrong',
      widget: 'outputLoss',
      preset: outputLoss({
        initial: { output: 'sigmoid', loss: 'binaryCrossEntropy', z: 0 },
        lossChoices: ['halfSquared', 'binaryCrossEntropy'],
        question: 'At z = −5, cross-entropy pushes how many times harder?',
      }),
      predict: RATIO_PREDICTION,
      check: checkPushRatio,
      notYet: ratioNotYet,
      hint: 'Set z to −5. Read the push with Cross-entropy, then switch the loss to Squared error and read it again. Divide the first by the second.',
      formula: pushFormula,
      toLab: null,
    }),
    step({
      id: 'training',
      title: 'In training',
      widget: 'compare',
      preset: {
        config: wrongNeuron(),
        setting: 'loss',
        choices: ['halfSquared', 'binaryCrossEntropy'],
        target: 0.9,
        showNeurons: false,
        question: TRAINING_QUESTION,
        speed: 60,
      },
      predict: TRAINING_PREDICTION,
      check: checkTrainingRace,
      notYet: trainingRaceNotYet,
      hint: `Train with squared error for at least ${FAIR_TRIAL} epochs, then pick Cross-entropy and train until the table shows 90 % reached. What is the sigmoid's slope where it is sure and wrong?`,
      formula: null,
      toLab: (s) => ({ config: s.config, params: s.params }),
    }),
    step({
      id: 'reach-three',
      title: 'A target of 3',
      widget: 'outputLoss',
      preset: outputLoss({
        initial: { output: 'tanh', loss: 'halfSquared', z: 0 },
        target: 3,
        outputChoices: ['tanh', 'sigmoid', 'identity'],
      }),
      predict: FLOOR_PREDICTION,
      check: checkReachThree,
      notYet: reachThreeNotYet,
      hint: 'Slide z far right with Tanh and watch the loss stop. Then pick the linear output and find the z that brings the loss to 0.',
      formula: pushFormula,
      toLab: null,
    }),
  ],
};
