import { describe, expect, it } from 'vitest';
import {
  bandOf,
  checkDrawnRight,
  checkLinearPlateau,
  checkTrained,
  drawNotYet,
  drawStep,
  GOAL_ACCURACY,
  isLinear,
  lesson,
  LESSON_NETWORK,
  LEVEL_BANDS,
  LINEAR_LEVEL,
  linearStep,
  trainStep,
  type DigitsState,
} from '../../../renderer/lessons/18-pixels-are-inputs/lesson';
import { lesson as firstLesson } from '../../../renderer/lessons/01-what-a-network-does/lesson';
import { lessonById } from '../../../renderer/lessons/index';
import { runCheck, runToLab } from '../../../renderer/lessons/types';
import { judgePrediction } from '../../../renderer/lessons/predict';
import { checkConfig } from '../../../core/engine/validate';
import { digitsConfig } from '../../../core/tabular/presets';
import { registerTable } from '../../../core/tabular/table';
import { digitsTable } from '../../../core/tabular/digits';
import { digitSlice } from '../../core/tabular/slice';

const relu = [{ size: 128, activation: 'relu' as const }];
const linear = [{ size: 128, activation: 'identity' as const }];
const lessonConfig = digitsConfig(relu);
const lessonParams = new Float64Array(784 * 128 + 128 + 128 * 10 + 10).fill(0.01);
const trained: DigitsState = {
  epoch: 4,
  testAccuracy: 0.945,
  hidden: relu,
  drawnPrediction: 7,
  drawnConfidence: 0.9,
  drawnByHand: true,
  claimed: 7,
  config: lessonConfig,
  params: lessonParams,
  best: { linear: 0.918, nonLinear: 0.945 },
};
const fresh: DigitsState = {
  ...trained,
  epoch: 0,
  testAccuracy: 0.09,
  drawnPrediction: null,
  drawnConfidence: null,
  drawnByHand: false,
  claimed: null,
  params: null,
  best: { linear: null, nonLinear: null },
};
/** Where the measured linear network levels off: 92.3 % at best (32 neurons), 91.8 % with 128. */
const linearPlateau: DigitsState = { ...trained, hidden: linear, epoch: 5, testAccuracy: 0.918, config: digitsConfig(linear) };

describe('lesson "Pixels are inputs"', () => {
  it('has its three steps, every one on the same digits network', () => {
    expect(lessonById('18-pixels-are-inputs')).toBe(lesson);
    expect(lesson.steps).toEqual([linearStep, trainStep, drawStep]);
    expect(lesson.steps.map((s) => s.widget)).toEqual(['digits', 'digits', 'digits']);
    for (const s of lesson.steps) if (s.widget === 'digits') expect(s.preset.hidden).toEqual(LESSON_NETWORK);
  });

  it('no longer opens by repeating the digit count of "What a network does" (bug 12)', () => {
    const answer = { width: 28, height: 28, channels: 1, answer: 784 };
    expect(runCheck(firstLesson.steps[1], answer, { value: 784, correct: true })).toBe(true);
    for (const s of lesson.steps) expect(s.widget).not.toBe(firstLesson.steps[1].widget);
  });

  it('tells a linear network from one with an activation', () => {
    expect(isLinear(linear)).toBe(true);
    expect(isLinear([])).toBe(true);
    expect(isLinear(relu)).toBe(false);
    expect(isLinear([...linear, { size: 32, activation: 'tanh' }])).toBe(false);
  });

  it('step 1 needs a linear network trained for a few epochs, whatever it scored', () => {
    expect(checkLinearPlateau(linearPlateau)).toBe(true);
    expect(checkLinearPlateau({ ...linearPlateau, hidden: [], testAccuracy: 0.9 })).toBe(true);
    expect(checkLinearPlateau({ ...linearPlateau, epoch: 1 })).toBe(false);
    expect(checkLinearPlateau({ ...linearPlateau, testAccuracy: null })).toBe(false);
    expect(checkLinearPlateau(trained)).toBe(false);
  });

  it('step 1 asks first where the linear network levels off: the range holding the measured 91.7 % is right, the others wrong', () => {
    const spec = linearStep.predict;
    if (spec?.kind !== 'choice') throw new Error('step 1 asks no choice');
    const right = bandOf(LINEAR_LEVEL);
    expect(right?.label).toBe('Between 85 % and 95 %');
    expect(spec.answers).toEqual([right?.label]);
    // Clearly right: the measured level sits well inside its range, and far from every other one.
    expect(LINEAR_LEVEL - right!.low).toBeGreaterThan(0.03);
    expect(right!.high - LINEAR_LEVEL).toBeGreaterThan(0.03);
    for (const band of LEVEL_BANDS.filter((b) => b !== right))
      expect(Math.min(Math.abs(band.low - LINEAR_LEVEL), Math.abs(band.high - LINEAR_LEVEL))).toBeGreaterThan(0.06);
    expect(judgePrediction(spec, 'Between 85 % and 95 %')).toEqual({ value: 'Between 85 % and 95 %', correct: true });
    for (const wrong of ['Below 40 %', 'Between 40 % and 75 %', 'Above 98 %']) expect(judgePrediction(spec, wrong)?.correct).toBe(false);
    expect(judgePrediction(spec, 'About 92 %')).toBeNull();
    // The step cannot pass before the prediction is committed, even with the plateau reached.
    expect(runCheck(linearStep, linearPlateau, null)).toBe(false);
    expect(runCheck(linearStep, linearPlateau, { value: 'Above 98 %', correct: false })).toBe(true);
    expect(spec.explanation).not.toMatch(/affine/);
  });

  it(`step 2 needs ${GOAL_ACCURACY * 100} % from a network with an activation; a linear one cannot pass`, () => {
    expect(checkTrained(trained)).toBe(true);
    expect(checkTrained({ ...trained, testAccuracy: GOAL_ACCURACY })).toBe(true);
    expect(checkTrained({ ...trained, hidden: [{ size: 64, activation: 'tanh' }], testAccuracy: 0.95 })).toBe(true);
    expect(checkTrained({ ...trained, testAccuracy: 0.935 })).toBe(false);
    expect(checkTrained({ ...trained, testAccuracy: null })).toBe(false);
    expect(checkTrained(linearPlateau)).toBe(false);
    expect(checkTrained({ ...linearPlateau, testAccuracy: 0.95 })).toBe(false);
    expect(runCheck(trainStep, fresh)).toBe(false);
    expect(runCheck(trainStep, trained)).toBe(true);
  });

  it('step 3 needs the drawing read as the digit the learner names, on a trained network', () => {
    expect(checkDrawnRight(trained)).toBe(true);
    expect(checkDrawnRight({ ...trained, claimed: 1 })).toBe(false);
    expect(checkDrawnRight({ ...trained, claimed: null })).toBe(false);
    expect(checkDrawnRight({ ...trained, drawnPrediction: null })).toBe(false);
    expect(checkDrawnRight({ ...trained, testAccuracy: 0.5 })).toBe(false);
    expect(checkDrawnRight({ ...linearPlateau, claimed: 7 })).toBe(false);
    expect(runCheck(drawStep, { ...fresh, drawnPrediction: 3, claimed: 3 })).toBe(false);
    expect(runCheck(drawStep, trained)).toBe(true);
  });

  it('step 3 does not take a test digit picked from the gallery for a drawing, and says so', () => {
    // The walk: gallery digit "9→3" on the pad, "I drew the digit" set to 3, Check.
    const picked = { ...trained, drawnPrediction: 3, claimed: 3, drawnByHand: false };
    expect(checkDrawnRight(picked)).toBe(false);
    expect(runCheck(drawStep, picked)).toBe(false);
    expect(drawNotYet(picked)).toContain('test digit from the gallery, not your own drawing');
    expect(drawNotYet(picked)).toContain('Clear the pad');
  });

  it('step 3 says what is missing when it fails, in the order the step asks for it', () => {
    // A Linear network reading the 7 at 97.4 %: the failing message names the network, not the drawing.
    const linearSeven = { ...linearPlateau, drawnPrediction: 7, drawnConfidence: 0.974, claimed: 7, drawnByHand: true };
    expect(runCheck(drawStep, linearSeven)).toBe(false);
    expect(drawNotYet(linearSeven)).toMatch(/^Your network is Linear.*ReLU.*94 %/);
    expect(drawNotYet({ ...trained, testAccuracy: 0.919 })).toBe(
      'Your network has an activation; now train it until the test accuracy passes 94 % (it is at 91.9 %).',
    );
    expect(drawNotYet({ ...trained, drawnPrediction: null, drawnByHand: false })).toBe(
      'Your network is trained. Now draw a digit on the pad.',
    );
    expect(drawNotYet({ ...trained, claimed: null })).toContain('say which digit you drew');
    expect(drawNotYet({ ...trained, claimed: 1 })).toBe(
      'You drew a 1, but the network reads 7. Try a larger, clearer 1 in the middle of the pad.',
    );
    expect(drawNotYet(trained)).toBeNull();
  });

  it('its digit networks are ones the engine accepts', () => {
    registerTable(digitsTable(digitSlice(2)));
    for (const s of lesson.steps) {
      if (s.widget !== 'digits') throw new Error('not a digits step');
      expect(checkConfig({ ...digitsConfig(s.preset.hidden), data: { ...digitsConfig().data, size: 20 } })).toBeNull();
    }
  });

  it('hands the lesson network, weights and all, to the Lab from every step', () => {
    for (const step of lesson.steps) {
      const handoff = runToLab(step, trained);
      expect(handoff?.config.data.dataset).toBe('digits');
      expect(handoff?.config).toBe(lessonConfig);
      expect(handoff?.params).toBe(lessonParams);
      expect(checkConfig(handoff!.config)).toBeNull();
      expect(runToLab(step, fresh)?.params).toBeNull();
    }
  });
});
