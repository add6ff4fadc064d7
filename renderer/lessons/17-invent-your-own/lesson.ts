import type { Knot, LabConfig } from '../../../core/config';
import { presetKnots } from '../../../core/engine';
import { labConfig } from '../presets';
import { step, type LessonDef } from '../types';
import type { DrawnTrainerPreset, DrawnTrainerState } from './drawing';

/** Epochs a drawing must be given before "it did not learn" counts. */
export const FAIR_TRIAL = 100;
/** Test accuracy that counts as learnt (the circle), and below which it has plainly not. */
export const LEARNT = 0.9;
export const NOT_LEARNT = 0.75;

export const STRAIGHT_QUESTION = {
  label: 'What can a network draw when its activation is a straight line?',
  options: ['One straight boundary, whatever the line', 'A curve, if the line is steep enough', 'A circle, given enough epochs'],
};
export const FLAT_QUESTION = {
  label: 'Why does the staircase not learn?',
  options: [
    'Its slope is 0 almost everywhere, so no push gets back to the weights',
    'It is a straight line in disguise',
    'The learning rate is too small for it',
  ],
};
export const BENDS_QUESTION = {
  label: 'How many bends does a drawing need to learn the circle?',
  options: ['None: any line will do', 'One is enough', 'At least three'],
};

/** A staircase: flat everywhere but two risers 0.1 wide at ±1. */
export const STAIRS: Knot[] = [
  { x: -4, y: -1 },
  { x: -1.05, y: -1 },
  { x: -0.95, y: 0 },
  { x: 0.95, y: 0 },
  { x: 1.05, y: 1 },
  { x: 4, y: 1 },
];

const failed = (s: DrawnTrainerState): boolean => s.epoch >= FAIR_TRIAL && s.testAccuracy !== null && s.testAccuracy < NOT_LEARNT;
const learnt = (s: DrawnTrainerState): boolean => s.testAccuracy !== null && s.testAccuracy >= LEARNT;

/** A straight drawing, given a fair trial, failed, and the learner says why it always will. */
export function checkStraight(s: DrawnTrainerState): boolean {
  return s.straight && failed(s) && s.answer === STRAIGHT_QUESTION.options[0];
}

/** A drawing flat on almost all of −6…6, given a fair trial, failed, and the learner says why. */
export function checkFlat(s: DrawnTrainerState): boolean {
  return s.flatShare >= 0.9 && failed(s) && s.answer === FLAT_QUESTION.options[0];
}

/** Any bent drawing that learns the circle. */
export function checkBent(s: DrawnTrainerState): boolean {
  return !s.straight && learnt(s);
}

/** A drawing with exactly one bend learns the circle, and the learner says one is enough. */
export function checkOneBend(s: DrawnTrainerState): boolean {
  return s.bends === 1 && learnt(s) && s.answer === BENDS_QUESTION.options[1];
}

/**
 * Seed 8: from this start a straight drawing settles near the best a straight boundary does on
 * the circle (measured: 66 % of the test points, the best line 70 %), not at 35 % as from seed 1,
 * which looked worse than a coin toss.
 */
function network(knots: Knot[]): LabConfig {
  const config = labConfig({ dataset: 'circle', hidden: [4, 4], activation: 'drawn', learningRate: 0.03, seed: 8 });
  config.network.drawn = knots;
  return config;
}

const preset = (knots: Knot[], question: DrawnTrainerPreset['question'] = null): DrawnTrainerPreset => ({
  config: network(knots),
  question,
});
const handoff = (s: DrawnTrainerState) => ({ config: s.config, params: s.params });

export const lesson: LessonDef = {
  id: '17-invent-your-own',
  title: 'Invent your own activation',
  summary: 'Draw activations and train with them: find out what a shape needs before a network can learn with it.',
  steps: [
    step({
      id: 'straight',
      title: 'A straight drawing',
      widget: 'drawnTrainer',
      preset: preset(presetKnots('identity'), STRAIGHT_QUESTION),
      check: checkStraight,
      hint: `Keep the drawing straight (move its knots together, or leave it), train for at least ${FAIR_TRIAL} epochs, and answer the question.`,
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'flat',
      title: 'Flat pieces',
      widget: 'drawnTrainer',
      preset: preset(STAIRS, FLAT_QUESTION),
      check: checkFlat,
      hint: `Train the staircase for at least ${FAIR_TRIAL} epochs and watch the loss. Then think about the slope the drawing has where the sums land.`,
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'tilt',
      title: 'Give it a slope',
      widget: 'drawnTrainer',
      preset: preset(STAIRS),
      check: checkBent,
      hint: 'The sums start near 0, where the staircase is flat. Move the middle piece’s left knot down and its right knot up (to about −0.9 and 0.9), then train until the test accuracy reaches 90 %.',
      formula: null,
      toLab: handoff,
    }),
    step({
      id: 'one-bend',
      title: 'How little is enough?',
      widget: 'drawnTrainer',
      preset: preset(presetKnots('identity'), BENDS_QUESTION),
      check: checkOneBend,
      hint: 'Start from the straight line and move only the knots on one side of 0 (say, the left ones up to y = 0). The facts under the drawing count the bends.',
      formula: null,
      toLab: handoff,
    }),
  ],
};
