/** Lesson 13's checks, fed states the output-loss widget would report (its numbers from core's readOutput). */
import { describe, expect, it } from 'vitest';
import { readOutput } from '../../../core/engine';
import type { OutputLossState, SingleLoss, SingleOutput } from '../../../renderer/lessons/13-output-meets-loss/output-loss';
import {
  checkPushRatio,
  checkReachThree,
  checkStrongestPush,
  checkTrainingRace,
  lesson,
  pushFormula,
  pushRatioAt,
  TANH_FLOOR,
  TRAINING_QUESTION,
  FLOOR_PREDICTION,
  RATIO_PREDICTION,
  STRONGEST_PREDICTION,
  TRAINING_PREDICTION,
} from '../../../renderer/lessons/13-output-meets-loss/lesson';
import { lessonHtml } from '../../../renderer/lessons/content';
import { parseAnswer } from '../../../renderer/lessons/math';
import { judgePrediction } from '../../../renderer/lessons/predict';
import { compareRuns } from './compare-runs';

function at(output: SingleOutput, loss: SingleLoss, z: number, target = 1, answer: number | null = null): OutputLossState {
  const r = readOutput(output, loss, z, target);
  return { output, loss, target, z, y: r.y, lossValue: r.loss, push: r.push, answer };
}

describe('lesson 13, step 1: where squared error pushes hardest', () => {
  it('passes anywhere the slider lands near the strongest push (z from −1.0 to −0.4), not where the neuron is most wrong', () => {
    for (const z of [-1, -0.9, -0.7, -0.5, -0.4]) expect(checkStrongestPush(at('sigmoid', 'halfSquared', z))).toBe(true);
    for (const z of [-8, -5, -3, -1.5, 0, 0.5, 3]) expect(checkStrongestPush(at('sigmoid', 'halfSquared', z))).toBe(false);
  });

  it('shows the point of the lesson: at z = −6 the push is 60 times weaker than at its strongest', () => {
    expect(Math.abs(at('sigmoid', 'halfSquared', -0.7).push) / Math.abs(at('sigmoid', 'halfSquared', -6).push)).toBeGreaterThan(60);
  });
});

describe('lesson 13, step 2: how many times harder cross-entropy pushes at z = −5', () => {
  it('measures about 150', () => {
    expect(pushRatioAt(-5)).toBeCloseTo(150.42, 2);
  });

  it('accepts the ratio worked out from the read-outs, rounded either way', () => {
    for (const answer of [150, 150.4, 151, 0.9933 / 0.0066, 1 / 0.0066, 140]) {
      expect(checkPushRatio(at('sigmoid', 'halfSquared', -5, 1, answer))).toBe(true);
      expect(checkPushRatio(at('sigmoid', 'binaryCrossEntropy', 0, 1, answer))).toBe(true);
    }
  });

  it('accepts the ratio written as a person writes it: "150 times", "about 150", "150×", "150x", "150,4", a minus sign', () => {
    for (const typed of ['150 times', 'about 150', '150×', '150x', '150,4', '−150', '≈ 151']) {
      expect(checkPushRatio(at('sigmoid', 'halfSquared', -5, 1, parseAnswer(typed))), typed).toBe(true);
    }
  });

  it('refuses the pushes themselves, the inverse, and answers read at another z', () => {
    for (const answer of [null, 0.9933, 0.0066, 1 / 150, 1, 15, 405, 1000]) {
      expect(checkPushRatio(at('sigmoid', 'binaryCrossEntropy', -5, 1, answer))).toBe(false);
    }
  });
});

describe('lesson 13, step 3: a target of 3', () => {
  it('knows the floor: ½·(3 − 1)² = 2, which tanh approaches from above and never passes', () => {
    expect(TANH_FLOOR).toBe(2);
    expect(at('tanh', 'halfSquared', 8, 3).lossValue).toBeCloseTo(2, 4);
  });

  it('predicts the floor first: 2 counts however it is written, other floors do not', () => {
    for (const typed of ['2', '2.0', '2,0', 'two', 'about 2', '2.04']) {
      expect(judgePrediction(FLOOR_PREDICTION, parseAnswer(typed)!)?.correct, typed).toBe(true);
    }
    for (const typed of ['0', '1', '4', '0.5', '2.2'])
      expect(judgePrediction(FLOOR_PREDICTION, parseAnswer(typed)!)?.correct, typed).toBe(false);
    expect(FLOOR_PREDICTION.answer).toBe(TANH_FLOOR);
  });

  it('passes with a linear output at z = 3 (or within a rounding of it)', () => {
    expect(checkReachThree(at('identity', 'halfSquared', 3, 3))).toBe(true);
    expect(checkReachThree(at('identity', 'halfSquared', 2.9, 3))).toBe(true);
  });

  it('refuses tanh or sigmoid at their best, and a linear output that misses 3', () => {
    expect(checkReachThree(at('tanh', 'halfSquared', 8, 3, 2))).toBe(false);
    expect(checkReachThree(at('sigmoid', 'halfSquared', 8, 3, 2))).toBe(false);
    expect(checkReachThree(at('identity', 'halfSquared', 2, 3, 2))).toBe(false);
  });
});

describe('lesson 13: predict first, nothing given away', () => {
  it('every step asks its prediction before the read-outs show, step 1’s question among them', () => {
    expect(lesson.steps.map((s) => s.predict)).toEqual([STRONGEST_PREDICTION, RATIO_PREDICTION, TRAINING_PREDICTION, FLOOR_PREDICTION]);
    const html = lessonHtml(lesson.id);
    // Step 1's question has its answer box now: the prediction's question is the one the text asks.
    expect(STRONGEST_PREDICTION.question).toMatch(/most wrong/);
    expect(html[0]).not.toMatch(/Is it where the neuron is most wrong\?/);
    expect(html[2]).not.toMatch(/within four epochs|after 1,000 epochs/);
  });

  it('judges each prediction by the measured facts: the push peaks near 0, ~150 times, cross-entropy first', () => {
    // The push at z = −6 is far weaker than at −0.7, so "the more wrong, the harder" is wrong.
    expect(Math.abs(at('sigmoid', 'halfSquared', -6).push)).toBeLessThan(Math.abs(at('sigmoid', 'halfSquared', -0.7).push));
    expect(judgePrediction(STRONGEST_PREDICTION, STRONGEST_PREDICTION.options[1])?.correct).toBe(true);
    expect(judgePrediction(STRONGEST_PREDICTION, STRONGEST_PREDICTION.options[0])?.correct).toBe(false);
    expect(pushRatioAt(-5)).toBeGreaterThan(100);
    expect(judgePrediction(RATIO_PREDICTION, 'More than 100 times')?.correct).toBe(true);
    expect(judgePrediction(RATIO_PREDICTION, 'About 10 times')?.correct).toBe(false);
    expect(judgePrediction(TRAINING_PREDICTION, 'Cross-entropy')?.correct).toBe(true);
    expect(judgePrediction(TRAINING_PREDICTION, 'Squared error')?.correct).toBe(false);
    // The explanation does not answer the question under the table.
    expect(TRAINING_PREDICTION.explanation).not.toContain(TRAINING_QUESTION.options[0]);
  });
});

describe('lesson 13 formulas', () => {
  it('writes each push with the live numbers', () => {
    expect(pushFormula(at('sigmoid', 'binaryCrossEntropy', -5))).toContain('y - t = 0.0067 - 1 = -0.9933');
    expect(pushFormula(at('sigmoid', 'halfSquared', -5))).toContain('= -0.0066');
    expect(pushFormula(at('tanh', 'halfSquared', 1, 3))).toContain('(1 - y^2)');
    expect(pushFormula(at('identity', 'halfSquared', 3, 3))).toContain('= 0.0000');
  });
});

describe('lesson 13, training step: one confidently wrong sigmoid neuron (seed 9, large start)', () => {
  const step = lesson.steps.find((s) => s.id === 'training');
  if (step?.widget !== 'compare') throw new Error('lesson 13 has a compare step called training');
  const preset = step.preset;
  const both = compareRuns(preset, [
    { value: 'halfSquared', epochs: 100 },
    { value: 'binaryCrossEntropy', epochs: 50, untilTarget: true },
  ]);

  it('measures it: squared error stays at 0 % for 100 epochs, cross-entropy passes 90 % within 5', () => {
    expect(both.runs.halfSquared.bestAccuracy).toBe(0);
    expect(both.runs.halfSquared.reachedAt).toBeNull();
    expect(both.runs.binaryCrossEntropy.reachedAt).toBeLessThanOrEqual(5);
  });

  it('passes with both runs and the flat-ends answer; fails with another answer or a missing run', () => {
    expect(checkTrainingRace({ ...both, answer: TRAINING_QUESTION.options[0] })).toBe(true);
    expect(checkTrainingRace({ ...both, answer: TRAINING_QUESTION.options[1] })).toBe(false);
    expect(checkTrainingRace({ ...both, answer: TRAINING_QUESTION.options[2] })).toBe(false);
    const crossOnly = compareRuns(preset, [{ value: 'binaryCrossEntropy', epochs: 50, untilTarget: true }], TRAINING_QUESTION.options[0]);
    expect(checkTrainingRace(crossOnly)).toBe(false);
  });
});

describe('lesson 13, step 4: says which loss', () => {
  it('the question and the text name the squared error ½(y − t)² of step 1', () => {
    expect(FLOOR_PREDICTION.question).toMatch(/squared error ½\(y − t\)²/);
    const text = lessonHtml(lesson.id)[3];
    expect(text).toMatch(/squared error/);
    expect(text).toMatch(/step 1/);
  });
});
