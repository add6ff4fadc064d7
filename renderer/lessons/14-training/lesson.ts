import type { Prediction } from '../predict';
import { labConfig, trainerPreset } from '../presets';
import { raceMeasured, raceOver, type RacePreset, type RaceState } from '../race/race';
import { step, type LessonDef, type TrainerState } from '../types';

/** The race was run after a prediction, and every racer finished or used all its epochs. */
export function checkRace(s: RaceState, prediction: Prediction | null = null): boolean {
  return prediction !== null && s.racers.length >= 2 && raceOver(s.racers, s.maxEpochs);
}

/** The test accuracy the spiral step asks for. */
export const SPIRAL_TARGET = 0.9;

/**
 * Some run in this step reached the target on the spiral: the table of runs keeps each
 * activation's first epoch there, so a later run with another activation (the linear network,
 * say) does not undo it.
 */
export function checkSpiral(s: TrainerState): boolean {
  if (s.config.data.dataset !== 'spiral') return false;
  const now = s.testAccuracy !== null && s.testAccuracy >= SPIRAL_TARGET;
  return now || Object.values(s.race).some((epoch) => epoch !== undefined);
}

/** A big learning rate that wrecked training: it blew up, or the accuracy is stuck near a coin toss. */
export function checkTooFast(s: TrainerState): boolean {
  // A blow-up seen at a big rate counts even after the learner lowered the rate to recover.
  if ((s.divergedAt ?? []).some((rate) => rate >= 1)) return true;
  const big = s.config.training.learningRate >= 1;
  const stuck = s.epoch >= 20 && s.testAccuracy !== null && s.testAccuracy < 0.7;
  return big && (s.diverged || stuck);
}

/** Epochs a run must last before its gap between training and test loss counts. */
export const GAP_EPOCHS = 200;
/**
 * Test loss minus training loss that counts as closed. Measured on the preset (30 training
 * points, 16-16-16 ReLU, seed 8): 0.24 without regularization at epoch 300, 0.07 with L2 at
 * 0.03, 0.03 with L1 at 0.01, and still 0.18 with L2 at 0.01 (too weak to close it).
 */
export const CLOSED_GAP = 0.1;

/** The gap between how the network does on its training points and on the test points. */
export function lossGap(s: TrainerState): number {
  return s.testLoss - s.trainLoss;
}

/** Trained long, unregularized, and the test loss stands far above a training loss near zero. */
export function checkOverfits(s: TrainerState): boolean {
  const t = s.config.training;
  const unregularized = t.regularization === 'none' || t.regularizationRate === 0;
  return (
    unregularized && s.epoch >= GAP_EPOCHS && Number.isFinite(s.testLoss) && lossGap(s) > 2 * CLOSED_GAP && s.trainLoss < s.testLoss / 5
  );
}

/** Regularized, trained long, and the gap closed. */
export function checkRegularized(s: TrainerState): boolean {
  const t = s.config.training;
  const regularized = t.regularization !== 'none' && t.regularizationRate > 0;
  return regularized && s.epoch >= GAP_EPOCHS && Number.isFinite(s.testLoss) && Number.isFinite(s.trainLoss) && lossGap(s) <= CLOSED_GAP;
}

/** What is still missing for the regularization step: a penalty, the epochs, or a closed gap. */
export function regularizedNotYet(s: TrainerState): string | null {
  if (checkRegularized(s)) return null;
  const t = s.config.training;
  if (t.regularization === 'none' || t.regularizationRate === 0)
    return 'Not quite yet: choose a regularization (L2, say) first, then press Start over and train.';
  if (s.epoch < GAP_EPOCHS) return `Not quite yet: ${s.epoch} epochs so far. Train for at least ${GAP_EPOCHS}.`;
  if (!Number.isFinite(s.testLoss) || !Number.isFinite(s.trainLoss)) return 'Not quite yet: training blew up. Press Start over.';
  return `Not quite yet: the test loss is ${lossGap(s).toFixed(2)} above the training loss, and the check wants ${CLOSED_GAP} or less. Try a bigger regularization rate, then press Start over.`;
}

/**
 * The race on the circle (4-2 network, seed 5): measured, tanh reaches 90 % test accuracy at
 * epoch 48, ReLU at 80, the sigmoid at 875, and the linear network never (41 % after 1,500).
 */
const circle = labConfig({ dataset: 'circle', hidden: [4, 2], activation: 'identity', learningRate: 0.03, seed: 5 });
export const RACE: RacePreset = {
  config: circle,
  activations: ['identity', 'relu', 'tanh', 'sigmoid'],
  target: 0.9,
  maxEpochs: 1000,
  speed: 10,
};
/**
 * The spiral from x₁ and x₂ alone (seed 6). Measured, the first epoch at 90 % test accuracy:
 * sine 79, ReLU 572, tanh 1,068; the linear network never (best 56 % in 3,000). At 60 epochs a
 * second that is 1 to 18 seconds, every epoch measured, so the table's epochs are exact.
 */
const spiral = labConfig({ dataset: 'spiral', hidden: [8, 8], activation: 'tanh', learningRate: 0.03, seed: 6 });
/**
 * Too big a learning rate, slowly enough to watch: 100 training points in one batch, so each
 * epoch is one step. Measured (seed 4): at 3 the training loss climbs 0.50, 0.51, 0.63, 1.3,
 * 5.5, 9.6 and training blows up at epoch 7; at 10 it blows up at epoch 3; at 0.3 it falls to
 * 0.11 by epoch 80. With ten-point batches (25 steps an epoch) 3 blew up inside epoch 1.
 */
const fast = labConfig({
  dataset: 'circle',
  hidden: [4, 2],
  activation: 'tanh',
  output: 'identity',
  learningRate: 0.3,
  seed: 4,
  size: 200,
});
fast.training.batchSize = 100;
/**
 * Where the overfitting step's Train stops by itself. Measured on its preset (seed 8), epoch by
 * epoch: the test loss is lowest at epoch 48 (0.212), then climbs while the training loss sinks,
 * to 0.248 at epoch 600 (training loss 0.0015), about its peak; trained on, it drifts down only
 * slowly (0.246 at 1,000, 0.239 at 5,000). At 60 epochs a second the climb takes ten seconds.
 */
export const OVERFIT_EPOCHS = 600;
/** Few noisy points and a big, flexible network: 30 training points, 170 test points. */
const noisy = labConfig({
  dataset: 'circle',
  hidden: [16, 16, 16],
  activation: 'relu',
  learningRate: 0.03,
  seed: 8,
  size: 200,
  trainRatio: 0.15,
  noise: 30,
});
noisy.features = ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'];

const handoff = (s: TrainerState | RaceState) => ({ config: s.config, params: s.params });

export const lesson: LessonDef = {
  id: '14-training',
  title: 'Training a real boundary',
  summary: 'Race activations, push the learning rate too far, and meet overfitting.',
  steps: [
    step({
      id: 'race',
      title: 'Race the activations',
      widget: 'race',
      preset: RACE,
      predict: {
        kind: 'choice',
        question: 'Which network will reach 90 % test accuracy first?',
        options: ['Linear', 'ReLU', 'Tanh', 'Sigmoid'],
        // What the lesson's own race measured (test/renderer/lessons/lesson-14.test.ts); the learner's race is the judge.
        answers: ['Tanh'],
        judgedByRun: {
          findOut:
            'press Train and let every racer reach 90 % or use up its 1,000 epochs. The table records the epoch each one gets there; the first one there answers the question.',
          measure: raceMeasured,
        },
        explanation:
          'Tanh and ReLU are steep around 0, where a new network’s neurons start, so every nudge counts. The sigmoid is never steeper than 1/4, so each step moves it less. The linear network can only draw a straight line, and no straight line goes round a circle.',
      },
      check: checkRace,
      hint: 'Commit your prediction, press Train and let every racer finish or use up its 1,000 epochs. Pick a faster speed when you have seen enough.',
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'spiral',
      title: 'The spiral',
      widget: 'trainer',
      preset: trainerPreset(spiral, {
        controls: ['activation', 'learningRate'],
        activationChoices: ['tanh', 'relu', 'sin', 'identity'],
        raceTarget: SPIRAL_TARGET,
        speed: 60,
      }),
      check: checkSpiral,
      hint: 'Press Train and give it time: tanh needs over a thousand epochs. ReLU or sine get there sooner (pick one and press Train again); the linear network never does. Any run that reaches 90 % counts.',
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'too-fast',
      title: 'A learning rate that is too big',
      widget: 'trainer',
      // One epoch a second: the loss is seen climbing for several epochs before the blow-up.
      // On a log scale: the climb from 0.5 to the blow-up spans three powers of ten.
      preset: trainerPreset(fast, { controls: ['learningRate'], speed: 1, logLoss: true }),
      check: checkTooFast,
      hint: 'Set the learning rate to 3 and press Train. Watch the training loss in the chart: it climbs for a few epochs, then training blows up.',
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'overfit',
      title: 'Learning the noise',
      widget: 'trainer',
      // On a log scale the training loss keeps visibly sinking (0.5 to 0.002) while the test loss turns up.
      preset: trainerPreset(noisy, { controls: [], speed: 60, epochBudget: OVERFIT_EPOCHS, logLoss: true }),
      check: checkOverfits,
      hint: `Press Train and let it run: it stops by itself after ${OVERFIT_EPOCHS} epochs (at least ${GAP_EPOCHS} are needed). Watch the two lines in the loss chart pull apart.`,
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'regularize',
      title: 'Regularization closes the gap',
      widget: 'trainer',
      // 60 epochs a second, as in the step before: the gap between the two loss lines is watched
      // closing over the 200 epochs it needs (about three seconds); at full speed it was over at once.
      preset: trainerPreset(noisy, { controls: ['regularization'], speed: 60 }),
      check: checkRegularized,
      notYet: regularizedNotYet,
      hint: `Choose L2 with a rate of 0.03 (or L1 with 0.01), press Start over, and train for at least ${GAP_EPOCHS} epochs. If the gap stays above ${CLOSED_GAP}, raise the rate.`,
      formula: null,
      toLab: handoff,
    }),
  ],
};
