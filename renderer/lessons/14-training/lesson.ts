import { labConfig, trainerPreset } from '../presets';
import { step, type LessonDef, type TrainerState } from '../types';

export function checkRace(s: TrainerState): boolean {
  return Object.keys(s.race).length >= 2;
}

export function checkSpiral(s: TrainerState): boolean {
  return s.config.data.dataset === 'spiral' && s.testAccuracy !== null && s.testAccuracy >= 0.9;
}

/** A big learning rate that wrecked training: it blew up, or the accuracy is stuck near a coin toss. */
export function checkTooFast(s: TrainerState): boolean {
  // A blow-up seen at a big rate counts even after the learner lowered the rate to recover.
  if ((s.divergedAt ?? []).some((rate) => rate >= 1)) return true;
  const big = s.config.training.learningRate >= 1;
  const stuck = s.epoch >= 20 && s.testAccuracy !== null && s.testAccuracy < 0.7;
  return big && (s.diverged || stuck);
}

export function checkRegularized(s: TrainerState): boolean {
  const t = s.config.training;
  return s.config.data.noise >= 30 && t.regularization !== 'none' && t.regularizationRate > 0 && s.epoch >= 100;
}

const circle = labConfig({ dataset: 'circle', hidden: [4, 2], activation: 'identity', learningRate: 0.03, seed: 5 });
const spiral = labConfig({ dataset: 'spiral', hidden: [8, 8, 4], activation: 'tanh', learningRate: 0.03, seed: 6 });
spiral.features = ['x1', 'x2', 'sinX1', 'sinX2'];
const fast = labConfig({ dataset: 'circle', hidden: [4, 2], activation: 'tanh', output: 'identity', learningRate: 0.03, seed: 7 });
const noisy = labConfig({
  dataset: 'gaussian',
  hidden: [8, 8, 8],
  activation: 'relu',
  learningRate: 0.03,
  seed: 8,
  trainRatio: 0.1,
  noise: 10,
});

const handoff = (s: TrainerState) => ({ config: s.config, params: s.params });

export const lesson: LessonDef = {
  id: '14-training',
  title: 'Training a real boundary',
  summary: 'Race activations, push the learning rate too far, and meet overfitting.',
  steps: [
    step({
      id: 'race',
      title: 'Race the activations',
      widget: 'trainer',
      preset: trainerPreset(circle, {
        controls: ['activation'],
        activationChoices: ['identity', 'relu', 'tanh', 'sigmoid'],
        raceTarget: 0.9,
      }),
      check: checkRace,
      hint: 'Train until the test accuracy passes 90 % — the race table records the epoch. Then pick another activation and train again.',
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'spiral',
      title: 'The spiral',
      widget: 'trainer',
      preset: trainerPreset(spiral, { controls: ['activation', 'learningRate'], activationChoices: ['tanh', 'relu', 'sin'] }),
      check: checkSpiral,
      hint: 'Press Train and give it a few hundred epochs. If it stalls, try sine or tanh with a learning rate of 0.03.',
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'too-fast',
      title: 'A learning rate that is too big',
      widget: 'trainer',
      preset: trainerPreset(fast, { controls: ['learningRate'] }),
      check: checkTooFast,
      hint: 'Set the learning rate to 3 or 10 and press Train. Within a few epochs the training should blow up.',
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'overfit',
      title: 'Noise and overfitting',
      widget: 'trainer',
      preset: trainerPreset(noisy, { controls: ['noise', 'regularization'] }),
      check: checkRegularized,
      hint: 'Turn the noise up to 30 or more (50 shows it best), choose L2 regularization, then train for at least 100 epochs.',
      formula: null,
      toLab: handoff,
    }),
  ],
};
