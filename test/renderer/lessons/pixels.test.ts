import { describe, expect, it } from 'vitest';
import {
  checkDigitInputs,
  checkDrawnRight,
  checkTrained,
  drawStep,
  firstStep,
  lesson,
  trainStep,
  type DigitsState,
} from '../../../renderer/lessons/18-pixels-are-inputs/lesson';
import { LESSONS, lessonById } from '../../../renderer/lessons/index';
import { runCheck, runToLab } from '../../../renderer/lessons/types';
import { checkConfig } from '../../../core/engine/validate';
import { digitsConfig } from '../../../core/tabular/presets';
import { registerTable } from '../../../core/tabular/table';
import { digitsTable } from '../../../core/tabular/digits';
import { digitSlice } from '../../core/tabular/slice';

const lessonConfig = digitsConfig([{ size: 32, activation: 'relu' }]);
const lessonParams = new Float64Array(784 * 32 + 32 + 32 * 10 + 10).fill(0.01);
const trained: DigitsState = {
  epoch: 3,
  testAccuracy: 0.93,
  hidden: [{ size: 32, activation: 'relu' }],
  drawnPrediction: 7,
  drawnConfidence: 0.9,
  claimed: 7,
  config: lessonConfig,
  params: lessonParams,
};
const fresh: DigitsState = {
  ...trained,
  epoch: 0,
  testAccuracy: 0.09,
  drawnPrediction: null,
  drawnConfidence: null,
  claimed: null,
  params: null,
};

describe('lesson 10 "Pixels are inputs"', () => {
  it('is in the course, with its three steps', () => {
    expect(LESSONS).toContain(lesson);
    expect(lessonById('18-pixels-are-inputs')).toBe(lesson);
    expect(lesson.steps).toEqual([firstStep, trainStep, drawStep]);
    expect(lesson.steps.map((s) => s.widget)).toEqual(['inputCount', 'digits', 'digits']);
  });

  it('step 1: 28 × 28 × 1 = 784, and only that', () => {
    expect(checkDigitInputs({ width: 28, height: 28, channels: 1, answer: 784 })).toBe(true);
    expect(checkDigitInputs({ width: 28, height: 28, channels: 1, answer: 785 })).toBe(false);
    expect(checkDigitInputs({ width: 100, height: 100, channels: 3, answer: 784 })).toBe(false);
    expect(runCheck(firstStep, { width: 100, height: 100, channels: 3, answer: null })).toBe(false);
  });

  it('step 2 needs 90 % test accuracy', () => {
    expect(checkTrained(trained)).toBe(true);
    expect(checkTrained({ ...trained, testAccuracy: 0.9 })).toBe(true);
    expect(checkTrained({ ...trained, testAccuracy: 0.899 })).toBe(false);
    expect(checkTrained({ ...trained, testAccuracy: null })).toBe(false);
    expect(runCheck(trainStep, fresh)).toBe(false);
    expect(runCheck(trainStep, trained)).toBe(true);
  });

  it('step 3 needs the drawing read as the digit the learner names, on a trained network', () => {
    expect(checkDrawnRight(trained)).toBe(true);
    expect(checkDrawnRight({ ...trained, claimed: 1 })).toBe(false);
    expect(checkDrawnRight({ ...trained, claimed: null })).toBe(false);
    expect(checkDrawnRight({ ...trained, drawnPrediction: null })).toBe(false);
    expect(checkDrawnRight({ ...trained, testAccuracy: 0.5 })).toBe(false);
    expect(runCheck(drawStep, { ...fresh, drawnPrediction: 3, claimed: 3 })).toBe(false);
    expect(runCheck(drawStep, trained)).toBe(true);
  });

  it('its digit networks are ones the engine accepts', () => {
    registerTable(digitsTable(digitSlice(2)));
    for (const s of [trainStep, drawStep]) {
      if (s.widget !== 'digits') throw new Error('not a digits step');
      expect(checkConfig({ ...digitsConfig(s.preset.hidden), data: { ...digitsConfig().data, size: 20 } })).toBeNull();
    }
  });

  it('hands the lesson network, weights and all, to the Lab from both digits steps', () => {
    for (const step of [trainStep, drawStep]) {
      const handoff = runToLab(step, trained);
      expect(handoff?.config.data.dataset).toBe('digits');
      expect(handoff?.config).toBe(lessonConfig);
      expect(handoff?.params).toBe(lessonParams);
      expect(checkConfig(handoff!.config)).toBeNull();
      expect(runToLab(step, fresh)?.params).toBeNull();
    }
    expect(runToLab(firstStep, { width: 28, height: 28, channels: 1, answer: 784 })).toBeNull();
  });
});
