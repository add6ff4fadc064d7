/** Lesson 19's checks with right and wrong answers, on networks trained for real. */
import { describe, expect, it } from 'vitest';
import { checkBentIt, lesson, ONE_LINE } from '../../../renderer/lessons/19-what-you-can-explain/lesson';
import { judgePrediction } from '../../../renderer/lessons/predict';
import { runCheck, type Step, type TrainerPreset } from '../../../renderer/lessons/types';
import { trainFor } from './helpers';

function trainerPresetOf(step: Step): TrainerPreset {
  if (step.widget !== 'trainer') throw new Error(`${step.id} is not a trainer step`);
  return step.preset;
}

describe('lesson 19 step 1: the deep linear network', () => {
  const first = lesson.steps[0];
  const preset = trainerPresetOf(first);

  it('stays a straight line when linear, however long it trains, and the check refuses it', () => {
    const linear = trainFor(preset, 300);
    expect(linear.collapsed).toBe(true);
    expect(linear.testAccuracy).toBeLessThan(0.75);
    expect(checkBentIt(linear)).toBe(false);
  });

  it.each(['relu', 'tanh'] as const)('passes with %s hidden layers once above 90 %, and only after a prediction', (activation) => {
    const bent = trainFor(preset, 400, (c) => (c.network.hidden = c.network.hidden.map((h) => ({ ...h, activation }))));
    expect(bent.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(checkBentIt(bent)).toBe(true);
    expect(runCheck(first, bent, null)).toBe(false);
    const wrong = judgePrediction(first.predict!, first.predict!.kind === 'choice' ? first.predict!.options[0] : 0);
    expect(wrong?.correct).toBe(false);
    // A wrong prediction still counts as committed: the step is about trying, not about guessing right.
    expect(runCheck(first, bent, wrong)).toBe(true);
    expect(judgePrediction(first.predict!, ONE_LINE)?.correct).toBe(true);
  });

  it('refuses a non-linear network below 90 %', () => {
    const early = trainFor(preset, 1, (c) => (c.network.hidden = c.network.hidden.map((h) => ({ ...h, activation: 'relu' }))));
    expect(early.testAccuracy).toBeLessThan(0.9);
    expect(checkBentIt(early)).toBe(false);
  });
});
