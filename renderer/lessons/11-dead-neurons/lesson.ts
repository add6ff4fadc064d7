import { labConfig } from '../presets';
import { step, type DeadNeuronsState, type ExplorerState, type LessonDef } from '../types';

/** The learning rate that kills neurons, and the safe one. */
export const BIG_RATE = 3;
export const SMALL_RATE = 0.03;
/**
 * How many of the 16 die in ten epochs at learning rate 3 with this seed (one in the first layer,
 * all eight of the second; measured in test/renderer/lessons/lesson-11.test.ts). The learner's
 * prediction is judged against what their own run counts (`killedInTen`), never this number.
 */
export const KILLED_AT_BIG_RATE = 9;
/** Dead neurons (of 16) that count as "many died". */
export const MANY_DEAD = 4;

/** Dead neurons over all hidden layers, or null before the engine has measured. */
export function deadTotal(s: DeadNeuronsState): number | null {
  if (s.deadCount.length === 0 || s.deadCount.length !== s.sizes.length) return null;
  return s.deadCount.reduce((a, b) => a + b, 0);
}

export function checkKilled(s: DeadNeuronsState): boolean {
  const dead = deadTotal(s);
  return s.activation === 'relu' && s.learningRate >= BIG_RATE && s.epoch >= 5 && dead !== null && dead >= MANY_DEAD;
}

/** Epochs at learning rate 3 step 1 asks about. */
export const MEASURE_EPOCHS = 10;

/** Step 1's answer, from the learner's own run: ReLU neurons dead once it has trained ten epochs at learning rate 3; null before. */
export function killedInTen(s: DeadNeuronsState): number | null {
  if (s.activation !== 'relu' || s.learningRate < BIG_RATE || s.epochsAtRate < MEASURE_EPOCHS) return null;
  return deadTotal(s);
}

/** Many died at learning rate 3, and the learner's run measured the count the prediction is compared with. */
export function checkKilledMeasured(s: DeadNeuronsState): boolean {
  return checkKilled(s) && killedInTen(s) !== null;
}

/** Many ReLUs still dead after fifty epochs or more at the safe learning rate. */
export function checkStayDead(s: DeadNeuronsState): boolean {
  const dead = deadTotal(s);
  return s.activation === 'relu' && s.learningRate <= SMALL_RATE && s.epochsAtRate >= 50 && dead !== null && dead >= MANY_DEAD;
}

/** Leaky ReLU read left of 0, where plain ReLU has no slope: a small slope that is not zero. */
export function checkLeakySlope(s: ExplorerState): boolean {
  return s.activation === 'leakyRelu' && s.x < 0 && Number.isFinite(s.df) && s.df > 0 && s.df < 0.5;
}

export function checkLeakyAlive(s: DeadNeuronsState): boolean {
  const dead = deadTotal(s);
  return (
    s.activation === 'leakyRelu' &&
    s.learningRate >= BIG_RATE &&
    s.epoch >= 10 &&
    dead === 0 &&
    s.testAccuracy !== null &&
    s.testAccuracy >= 0.9
  );
}

/** Two hidden layers of eight on the circle, with a sigmoid output, so only the hidden neurons can stall. */
export const deadConfig = labConfig({
  dataset: 'circle',
  hidden: [8, 8],
  activation: 'relu',
  output: 'sigmoid',
  learningRate: SMALL_RATE,
  seed: 1,
});

function withRate(rate: number) {
  const config = structuredClone(deadConfig);
  config.training.learningRate = rate;
  return config;
}

export const lesson: LessonDef = {
  id: '11-dead-neurons',
  title: 'Dead neurons',
  summary: 'Too big a step can switch ReLU neurons off for good; leaky ReLU keeps them alive.',
  steps: [
    step({
      id: 'kill',
      title: 'One big step too many',
      widget: 'deadNeurons',
      preset: { config: withRate(SMALL_RATE), activationChoices: ['relu'], learningRates: [SMALL_RATE, BIG_RATE], speed: 10 },
      predict: {
        kind: 'number',
        question: 'How many of the 16 neurons will be dead after ten epochs at learning rate 3?',
        unit: 'neurons',
        // What the lesson's own run measured; the learner's run is the judge, count for count.
        answer: KILLED_AT_BIG_RATE,
        tolerance: 0,
        judgedByRun: {
          findOut: `train at 0.03 first if you like; then choose learning rate 3, press Start over and train for ${MEASURE_EPOCHS} epochs. Your run counts the dead neurons.`,
          measure: killedInTen,
        },
        explanation:
          'Each crossed-out dot is a neuron that an oversized step pushed below zero for every example. A ReLU that is off everywhere gets no gradient to recover, so it stays crossed out.',
      },
      check: checkKilledMeasured,
      hint: 'Choose learning rate 3, press Start over, then Train for about ten epochs and count the crossed-out neurons.',
      formula: null,
      toLab: null,
    }),
    step({
      id: 'stay-dead',
      title: 'Do they come back?',
      widget: 'deadNeurons',
      preset: { config: withRate(BIG_RATE), activationChoices: ['relu'], learningRates: [SMALL_RATE, BIG_RATE], speed: 10 },
      check: checkStayDead,
      hint: 'Train at 3 until several neurons are crossed out, then pause, choose 0.03 and train for another 50 epochs or more.',
      formula: null,
      toLab: null,
    }),
    step({
      id: 'leaky-slope',
      title: 'A slope that never reaches zero',
      widget: 'explorer',
      preset: { initial: 'relu', choices: ['relu', 'leakyRelu'], x: 2 },
      check: checkLeakySlope,
      hint: 'Move the cursor left of 0, where ReLU is flat, then choose Leaky ReLU and read its slope there.',
      formula: (s) => `f'(${s.x.toFixed(2)}) = ${Number.isFinite(s.df) ? s.df.toFixed(2) : '?'}`,
      toLab: null,
    }),
    step({
      id: 'leaky',
      title: 'Leaky ReLU at the same big step',
      widget: 'deadNeurons',
      preset: { config: withRate(BIG_RATE), activationChoices: ['relu', 'leakyRelu'], learningRates: [SMALL_RATE, BIG_RATE], speed: 10 },
      check: checkLeakyAlive,
      hint: 'Choose Leaky ReLU as the hidden activation, keep learning rate 3, and train for at least ten epochs.',
      formula: null,
      toLab: null,
    }),
  ],
};
