import { readOutput } from '../../../core/engine';
import type { CompareState } from '../12-saturation-and-init/compare';
import { tex } from '../math';
import { labConfig } from '../presets';
import { step, type LessonDef } from '../types';
import type { OutputLossPreset, OutputLossState } from './output-loss';

/** The strongest push ½·squared error ever gives a sigmoid output with target 1: 4/27, at y = 1/3. */
export const STRONGEST_SQUARED_PUSH = 4 / 27;

/** The learner found where squared error pushes a sigmoid output hardest (within 3 % of its strongest). */
export function checkStrongestPush(s: OutputLossState): boolean {
  return s.output === 'sigmoid' && s.loss === 'halfSquared' && Math.abs(s.push) >= 0.97 * STRONGEST_SQUARED_PUSH;
}

/** How many times cross-entropy out-pushes squared error at z = −5, from the engine's own numbers (about 150). */
export function pushRatioAt(z: number): number {
  return readOutput('sigmoid', 'binaryCrossEntropy', z, 1).push / readOutput('sigmoid', 'halfSquared', z, 1).push;
}

/** The typed ratio at z = −5 is within 10 % of the measured one (pushes read off to four places give 150 or 151). */
export function checkPushRatio(s: OutputLossState): boolean {
  return s.answer !== null && Math.abs(s.answer / pushRatioAt(-5) - 1) <= 0.1;
}

export const TRAINING_QUESTION = {
  label: 'Why does squared error leave this neuron stuck?',
  options: [
    'Its sums sit on the flat ends of the sigmoid, so the push (y − t)·y(1 − y) is almost 0',
    'Squared error cannot be used for yes-or-no answers',
    'The learning rate is too small for squared error',
  ],
};

/** Epochs squared error must be given before "it stayed stuck" counts. */
export const FAIR_TRIAL = 100;

/** Squared error given a fair trial never reached 90 %, cross-entropy did, and the learner says why. */
export function checkTrainingRace(s: CompareState): boolean {
  const squared = s.runs.halfSquared;
  const cross = s.runs.binaryCrossEntropy;
  const stuck = squared !== undefined && squared.epochs >= FAIR_TRIAL && squared.reachedAt === null;
  return stuck && cross !== undefined && cross.reachedAt !== null && s.answer === TRAINING_QUESTION.options[0];
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

/** The learner says what a tanh output can get down to, and makes a linear output hit the target of 3. */
export function checkReachThree(s: OutputLossState): boolean {
  const floor = s.answer !== null && Math.abs(s.answer - TANH_FLOOR) <= 0.05;
  return floor && s.output === 'identity' && s.target === 3 && s.lossValue < 0.01;
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
      check: checkStrongestPush,
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
      check: checkPushRatio,
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
      check: checkTrainingRace,
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
        question: 'The smallest loss a tanh output can reach here',
      }),
      check: checkReachThree,
      hint: 'Slide z far right with Tanh: the output stops at 1, so the loss stops at ½·(1 − 3)². Type that number, then pick the linear output and bring the loss to 0.',
      formula: pushFormula,
      toLab: null,
    }),
  ],
};
