import { step, type InputCountState, type LessonDef } from '../types';

export function inputCount(s: InputCountState): number {
  return s.width * s.height * s.channels;
}

/** The inputs of the colour photo the first step asks about: 100 × 100 pixels, 3 channels. */
export const PHOTO_INPUTS = 100 * 100 * 3;

/** Any greyscale picture that feeds in as many numbers as the colour photo (300 × 100, 150 × 200, …). */
export function checkGreyTwin(s: InputCountState): boolean {
  return s.channels === 1 && inputCount(s) === PHOTO_INPUTS;
}

/** The controls show a 28 × 28 greyscale digit. */
export function checkDigitPicture(s: InputCountState): boolean {
  return s.width === 28 && s.height === 28 && s.channels === 1;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** What a wrong picture in step 1 still lacks: one channel, or the photo's 30,000 numbers. */
export function greyTwinNotYet(s: InputCountState): string | null {
  if (checkGreyTwin(s)) return null;
  if (s.channels !== 1) return 'Not quite yet: this picture has more than one colour channel. Set Colour channels to 1 (greyscale) first.';
  const n = inputCount(s);
  return `Not quite yet: this greyscale picture feeds ${count(n)} numbers, and the colour photo fed ${count(PHOTO_INPUTS)}. Make it ${n < PHOTO_INPUTS ? 'bigger' : 'smaller'}.`;
}

/** What a wrong picture in step 2 still lacks: its size or its one channel. */
export function digitNotYet(s: InputCountState): string | null {
  if (checkDigitPicture(s)) return null;
  if (s.width !== 28 || s.height !== 28) return `Not quite yet: the picture is ${s.width} × ${s.height} pixels; the digits are 28 × 28.`;
  return 'Not quite yet: the size is right, but a digit is greyscale: one colour channel.';
}

const formula = (s: InputCountState): string =>
  `${s.width} \\times ${s.height} \\times ${s.channels} = ${inputCount(s).toLocaleString('en-US')}\\ \\text{inputs}`;

export const lesson: LessonDef = {
  id: '01-what-a-network-does',
  title: 'What a network does',
  summary: 'A network fits outputs to inputs, and every input is just a list of numbers.',
  steps: [
    step({
      id: 'photo',
      title: 'A photo is a list of numbers',
      widget: 'inputCount',
      preset: { initial: { width: 100, height: 100, channels: 3, answer: null }, question: null },
      predict: {
        kind: 'number',
        question: 'How many numbers does a colour photo of 100 × 100 pixels feed into the network?',
        unit: 'inputs',
        answer: PHOTO_INPUTS,
        tolerance: 0,
        explanation:
          'There are 100 × 100 = 10,000 pixels, and each one holds three numbers (red, green and blue): 10,000 × 3 = 30,000 inputs.',
      },
      check: checkGreyTwin,
      notYet: greyTwinNotYet,
      hint: 'With one channel every pixel is one number, so width × height must come to 30,000 by itself: for example 300 × 100, or 200 × 150.',
      formula,
      toLab: null,
    }),
    step({
      id: 'digits',
      title: 'Smaller, greyer pictures',
      widget: 'inputCount',
      preset: { initial: { width: 100, height: 100, channels: 3, answer: null }, question: null },
      predict: {
        kind: 'number',
        question: 'How many inputs does a greyscale picture of 28 × 28 pixels make?',
        unit: 'inputs',
        answer: 28 * 28,
        tolerance: 0,
        explanation: 'One brightness number per pixel: 28 × 28 × 1 = 784 inputs, almost forty times fewer than the colour photo.',
      },
      check: checkDigitPicture,
      notYet: digitNotYet,
      hint: 'Set width and height to 28 and choose 1 channel (greyscale).',
      formula,
      toLab: null,
    }),
  ],
};
