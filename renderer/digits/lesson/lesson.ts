/**
 * Lesson "Pixels are inputs" (issue #8): from the syllabus's 100 × 100 colour photo to the
 * 28 × 28 grey digits, then a real network on real digits. The first step uses the lessons'
 * existing input-count widget; the other two use the Digits area as a widget (kind 'digits',
 * see DigitsWidget.svelte), whose state and preset types live here until the lessons'
 * WidgetStates and WidgetPresets list them.
 */
import type { LayerSpec } from '../../../core/config';
import { step, type InputCountState, type LessonDef } from '../../lessons/types';

export const LESSON_ID = '10-pixels-are-inputs';

/** The accuracy on unseen digits the exercise asks for. */
export const GOAL_ACCURACY = 0.9;

/** What the digits widget reports after every change. */
export interface DigitsState {
  epoch: number;
  testAccuracy: number | null;
  hidden: LayerSpec[];
  /** The network's answer for the drawing on the pad, or null when the pad is empty. */
  drawnPrediction: number | null;
  drawnConfidence: number | null;
  /** The digit the learner says they drew, or null before they say. */
  claimed: number | null;
}

export interface DigitsPreset {
  hidden: LayerSpec[];
  /** Show the "which digit did you draw?" question. */
  askDrawn: boolean;
}

/** One step that shows the digits widget; the same fields as the lessons' other steps. */
export interface DigitsStep {
  id: string;
  title: string;
  widget: 'digits';
  preset: DigitsPreset;
  check: (state: DigitsState) => boolean;
  hint: string;
  formula: null;
  toLab: null;
}

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

const SMALL_NETWORK: LayerSpec[] = [{ size: 32, activation: 'relu' }];

export const digitSteps: DigitsStep[] = [
  {
    id: 'train',
    title: 'Train on real digits',
    widget: 'digits',
    preset: { hidden: SMALL_NETWORK, askDrawn: false },
    check: checkTrained,
    hint: 'Press Train and wait for one or two epochs. If the test accuracy stays under 90 %, try 64 neurons or a learning rate of 0.001.',
    formula: null,
    toLab: null,
  },
  {
    id: 'draw',
    title: 'Draw one it gets right',
    widget: 'digits',
    preset: { hidden: SMALL_NETWORK, askDrawn: true },
    check: checkDrawnRight,
    hint: 'Train to 90 % first. Then draw one large digit in the middle of the pad, say which digit it is, and compare with the network’s answer.',
    formula: null,
    toLab: null,
  },
];

/**
 * The lesson as the lessons' index lists it. Until the lessons' WidgetStates/WidgetPresets
 * gain `digits: DigitsState` / `digits: DigitsPreset`, only the first step can be typed as a
 * lesson Step; `digitSteps` holds the other two, ready to join it.
 */
export const lesson: LessonDef = {
  id: LESSON_ID,
  title: 'Pixels are inputs',
  summary: 'A picture is just many numbers: train a network on 784 pixels per digit, then test it with your own handwriting.',
  steps: [firstStep],
};
