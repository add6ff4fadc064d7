import { step, type InputCountState, type LessonDef } from '../types';

export function inputCount(s: InputCountState): number {
  return s.width * s.height * s.channels;
}

export function checkPhotoCount(s: InputCountState): boolean {
  return s.answer === 30_000;
}

export function checkDigitCount(s: InputCountState): boolean {
  return s.width === 28 && s.height === 28 && s.channels === 1 && s.answer === 784;
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
      preset: { initial: { width: 100, height: 100, channels: 3, answer: null } },
      check: checkPhotoCount,
      hint: 'Each pixel has three colour values. Multiply width, height and channels: 100 × 100 × 3.',
      formula,
      toLab: null,
    }),
    step({
      id: 'digits',
      title: 'Smaller, greyer pictures',
      widget: 'inputCount',
      preset: { initial: { width: 100, height: 100, channels: 3, answer: null } },
      check: checkDigitCount,
      hint: 'Set width and height to 28 and use 1 channel (grey), then type 28 × 28 × 1.',
      formula,
      toLab: null,
    }),
  ],
};
