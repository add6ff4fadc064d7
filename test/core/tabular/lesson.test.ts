import { describe, expect, it } from 'vitest';
import { checkDigitInputs, checkDrawnRight, checkTrained, digitSteps, firstStep, lesson, type DigitsState } from '../../../renderer/digits/lesson/lesson';
import { checkConfig } from '../../../core/engine/validate';
import { digitsConfig } from '../../../core/tabular/presets';
import { registerTable } from '../../../core/tabular/table';
import { digitsTable } from '../../../core/tabular/digits';
import { digitSlice } from './slice';

const trained: DigitsState = { epoch: 3, testAccuracy: 0.93, hidden: [{ size: 32, activation: 'relu' }], drawnPrediction: 7, drawnConfidence: 0.9, claimed: 7 };

describe('lesson "Pixels are inputs"', () => {
  it('step 1: 28 × 28 × 1 = 784, and only that', () => {
    expect(checkDigitInputs({ width: 28, height: 28, channels: 1, answer: 784 })).toBe(true);
    expect(checkDigitInputs({ width: 28, height: 28, channels: 1, answer: 785 })).toBe(false);
    expect(checkDigitInputs({ width: 100, height: 100, channels: 3, answer: 784 })).toBe(false);
    expect(lesson.steps[0]).toBe(firstStep);
  });

  it('step 2 needs 90 % test accuracy', () => {
    expect(checkTrained(trained)).toBe(true);
    expect(checkTrained({ ...trained, testAccuracy: 0.899 })).toBe(false);
    expect(checkTrained({ ...trained, testAccuracy: null })).toBe(false);
  });

  it('step 3 needs the drawing read as the digit the learner names, on a trained network', () => {
    expect(checkDrawnRight(trained)).toBe(true);
    expect(checkDrawnRight({ ...trained, claimed: 1 })).toBe(false);
    expect(checkDrawnRight({ ...trained, claimed: null })).toBe(false);
    expect(checkDrawnRight({ ...trained, drawnPrediction: null })).toBe(false);
    expect(checkDrawnRight({ ...trained, testAccuracy: 0.5 })).toBe(false);
  });

  it('its digit networks are ones the engine accepts', () => {
    registerTable(digitsTable(digitSlice(2)));
    for (const s of digitSteps) expect(checkConfig({ ...digitsConfig(s.preset.hidden), data: { ...digitsConfig().data, size: 20 } })).toBeNull();
  });
});
