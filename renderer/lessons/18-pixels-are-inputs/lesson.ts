/**
 * Lesson "Pixels are inputs": from the syllabus's 100 × 100 colour photo to the 28 × 28 grey
 * digits, then a real network on real digits. The first step uses the input-count widget;
 * the other two show the digits views as the `digits` widget (DigitsWidget.svelte), which
 * keeps one network for the whole lesson so the network trained in step 2 is the one the
 * learner draws for in step 3.
 */
import type { LayerSpec } from '../../../core/config';
import { step, type DigitsState, type InputCountState, type LabHandoff, type LessonDef } from '../types';

export type { DigitsPreset, DigitsState } from '../types';

export const LESSON_ID = '18-pixels-are-inputs';

/** The accuracy on unseen digits the exercise asks for. */
export const GOAL_ACCURACY = 0.9;

export function pixelCount(s: InputCountState): number {
  return s.width * s.height * s.channels;
}

export function checkDigitInputs(s: InputCountState): boolean {
  return s.width === 28 && s.height === 28 && s.channels === 1 && s.answer === 784;
}

export function checkTrained(s: DigitsState): boolean {
  return s.testAccuracy !== null && s.testAccuracy >= GOAL_ACCURACY;
}

/** Trained to the goal, and the learner's own drawing is read as the digit they say it is. */
export function checkDrawnRight(s: DigitsState): boolean {
  return checkTrained(s) && s.claimed !== null && s.drawnPrediction === s.claimed;
}

const inputFormula = (s: InputCountState): string =>
  `${s.width} \\times ${s.height} \\times ${s.channels} = ${pixelCount(s).toLocaleString('en-US')}\\ \\text{inputs}`;

export const firstStep = step({
  id: 'from-photo-to-digit',
  title: 'From a photo to a digit',
  widget: 'inputCount',
  preset: { initial: { width: 100, height: 100, channels: 3, answer: null } },
  check: checkDigitInputs,
  hint: 'Set the picture to 28 by 28 pixels with 1 channel (grey), then type 28 × 28 × 1 in the box.',
  formula: inputFormula,
  toLab: null,
});

/** The lesson's digits network, trained as far as it got, for the Lab's builder and views. */
export function digitsHandoff(s: DigitsState): LabHandoff {
  return { config: s.config, params: s.params };
}

/** The network the lesson starts with: one hidden layer of 32 ReLU neurons. */
export const LESSON_NETWORK: LayerSpec[] = [{ size: 32, activation: 'relu' }];

export const trainStep = step({
  id: 'train',
  title: 'Train on real digits',
  widget: 'digits',
  preset: { hidden: LESSON_NETWORK, askDrawn: false },
  check: checkTrained,
  hint: 'Press Train and wait for one or two epochs. If the test accuracy stays under 90 %, try 64 neurons or a learning rate of 0.001.',
  formula: null,
  toLab: digitsHandoff,
});

export const drawStep = step({
  id: 'draw',
  title: 'Draw one it gets right',
  widget: 'digits',
  preset: { hidden: LESSON_NETWORK, askDrawn: true },
  check: checkDrawnRight,
  hint: 'Train to 90 % first. Then draw one large digit in the middle of the pad, say which digit it is, and compare with the network’s answer.',
  formula: null,
  toLab: digitsHandoff,
});

export const lesson: LessonDef = {
  id: LESSON_ID,
  title: 'Pixels are inputs',
  summary: 'A picture is just many numbers: train a network on 784 pixels per digit, then test it with your own handwriting.',
  steps: [firstStep, trainStep, drawStep],
};
