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

/**
 * Step 1's answer, from the learner's own run: ReLU neurons dead once a run started at learning
 * rate 3 (fresh, or after Start over) has trained ten epochs; null before, and for a run that
 * trained at 0.03 first — that is not the experiment the question describes.
 */
export function killedInTen(s: DeadNeuronsState): number | null {
  if (s.activation !== 'relu' || s.learningRate < BIG_RATE || !s.freshAtRate || s.epochsAtRate < MEASURE_EPOCHS) return null;
  return deadTotal(s);
}

/** What step 1 says to do when the run is not (yet) the experiment. */
export const MEASURE_HOW = `Press Start over with learning rate 3, then train ${MEASURE_EPOCHS} epochs.`;

/** Step 1 after a failed check: a run at 3 that trained at 0.03 first does not count; say what does (else null). */
export function killedNotYet(s: DeadNeuronsState): string | null {
  if (s.learningRate < BIG_RATE)
    return `Not quite yet: the learning rate is ${s.learningRate}. Choose 3, then press Start over and train ${MEASURE_EPOCHS} epochs.`;
  if (!s.freshAtRate) return `This run trained at another learning rate first, so it is not the experiment. ${MEASURE_HOW}`;
  if (s.epochsAtRate < MEASURE_EPOCHS)
    return `Not quite yet: this run has trained ${s.epochsAtRate} of the ${MEASURE_EPOCHS} epochs at learning rate 3; keep training.`;
  return null;
}

/** Many died at learning rate 3, and the learner's run measured the count the prediction is compared with. */
export function checkKilledMeasured(s: DeadNeuronsState): boolean {
  return checkKilled(s) && killedInTen(s) !== null;
}

/** Step 2's choices: how many dead neurons a gentle learning rate brings back. */
export const COME_BACK_MOST = 'Most of them';
export const COME_BACK_FEW = 'A few of them';
export const COME_BACK_NONE = 'None of them';

/** Epochs at the gentle rate step 2 asks for. */
export const GENTLE_EPOCHS = 50;

/** Many ReLUs still dead after fifty epochs or more at the safe learning rate. */
export function checkStayDead(s: DeadNeuronsState): boolean {
  const dead = deadTotal(s);
  return s.activation === 'relu' && s.learningRate <= SMALL_RATE && s.epochsAtRate >= GENTLE_EPOCHS && dead !== null && dead >= MANY_DEAD;
}

/** After a failed check on step 2: what of the experiment is still to do. */
export function stayDeadNotYet(s: DeadNeuronsState): string | null {
  if (checkStayDead(s)) return null;
  const dead = deadTotal(s) ?? 0;
  if (s.learningRate > SMALL_RATE && dead < MANY_DEAD)
    return `Not quite yet: ${dead} neurons are crossed out. Train at learning rate 3 until several are, then choose 0.03.`;
  if (s.learningRate > SMALL_RATE)
    return `Not quite yet: ${dead} neurons are crossed out, good. Now choose 0.03 and train ${GENTLE_EPOCHS} epochs.`;
  if (dead < MANY_DEAD)
    return 'Not quite yet: too few neurons were crossed out to watch. Press Start over, train at learning rate 3 first, then at 0.03.';
  return `Not quite yet: it has trained ${s.epochsAtRate} of the ${GENTLE_EPOCHS} epochs at 0.03; keep training and watch the crossed-out dots.`;
}

/** After a failed check on step 3: the cursor still right of 0, or ReLU still chosen. */
export function leakySlopeNotYet(s: ExplorerState): string | null {
  if (checkLeakySlope(s)) return null;
  if (s.x >= 0) return 'Not quite yet: the cursor is right of 0. Move it left of 0, where ReLU is flat.';
  if (s.activation !== 'leakyRelu')
    return 'Not quite yet: ReLU’s slope there is 0, as expected. Now switch to Leaky ReLU and read its slope.';
  return null;
}

/** Leaky ReLU read left of 0, where plain ReLU has no slope: a small slope that is not zero. */
export function checkLeakySlope(s: ExplorerState): boolean {
  return s.activation === 'leakyRelu' && s.x < 0 && Number.isFinite(s.df) && s.df > 0 && s.df < 0.5;
}

/** How many switched-off neurons came back in this run: the most off at once, less how many are off now (0 before a measurement). */
export function revived(s: DeadNeuronsState): number {
  if (s.inactiveCount.length === 0) return 0;
  return Math.max(0, s.inactivePeak - s.inactiveCount.reduce((a, b) => a + b, 0));
}

/** Leaky ReLU at learning rate 3: none dead, switched-off neurons coming back, and the circle learned. */
export function checkLeakyAlive(s: DeadNeuronsState): boolean {
  const dead = deadTotal(s);
  return (
    s.activation === 'leakyRelu' &&
    s.learningRate >= BIG_RATE &&
    s.epoch >= 10 &&
    dead === 0 &&
    revived(s) >= 1 &&
    s.testAccuracy !== null &&
    s.testAccuracy >= 0.9
  );
}

/** Step 4 after a failed check with Leaky ReLU at 3: what is still to watch. */
export function leakyNotYet(s: DeadNeuronsState): string | null {
  if (s.activation !== 'leakyRelu' || s.learningRate < BIG_RATE || checkLeakyAlive(s)) return null;
  if (revived(s) < 1) return 'No switched-off neuron has come back yet: keep training and watch the chart.';
  return 'Neurons are coming back; keep training until the test accuracy reaches 90 %.';
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
          // Only a run trained at 3 from its start counts (killedInTen); a run raised from 0.03 is another experiment.
          findOut: `choose learning rate 3, press Start over, then train ${MEASURE_EPOCHS} epochs (a run that trained at 0.03 first does not count). Your run counts the dead neurons.`,
          measure: killedInTen,
        },
        explanation:
          'Each crossed-out dot is a neuron that an oversized step pushed below zero for every example. A ReLU that is off everywhere gets no gradient to recover, so it stays crossed out.',
      },
      check: checkKilledMeasured,
      notYet: killedNotYet,
      hint: 'Choose learning rate 3, press Start over, then Train for about ten epochs and count the crossed-out neurons.',
      formula: null,
      toLab: null,
    }),
    step({
      id: 'stay-dead',
      title: 'Do they come back?',
      widget: 'deadNeurons',
      preset: { config: withRate(BIG_RATE), activationChoices: ['relu'], learningRates: [SMALL_RATE, BIG_RATE], speed: 10 },
      predict: {
        kind: 'choice',
        question: 'After fifty more epochs at the gentle learning rate 0.03, how many crossed-out neurons come back?',
        options: [COME_BACK_MOST, COME_BACK_FEW, COME_BACK_NONE],
        answers: [COME_BACK_NONE],
        explanation:
          'None: a gentler step is still a step times the gradient, and a dead neuron’s gradient is 0. The next step shows where that 0 comes from.',
      },
      check: checkStayDead,
      notYet: stayDeadNotYet,
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
      notYet: leakySlopeNotYet,
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
      notYet: leakyNotYet,
      hint: 'Choose Leaky ReLU as the hidden activation, keep learning rate 3, and train until the chart shows switched-off neurons coming back and the accuracy passes 90 %.',
      formula: null,
      toLab: null,
    }),
  ],
};
