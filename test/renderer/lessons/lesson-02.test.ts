/**
 * Lesson 2, one neuron: the sum predicted by hand (typed as a learner would), the ringed point
 * given a sum of 1 with w₁ negative, a line found between two groups that needs a bias, and the
 * best any straight line can do on three stripes, found by trying every setting of the sliders.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BAND,
  BAND_BEST,
  BAND_CAN,
  BAND_CANNOT,
  checkBestLine,
  checkFlipped,
  checkSeparates,
  CLUSTERS,
  flipNotYet,
  lesson,
  neuronFormula,
} from '../../../renderer/lessons/02-one-neuron/lesson';
import { neuronCorrect, parseAnswer } from '../../../renderer/lessons/math';
import { migrateDone } from '../../../renderer/lessons/migrate';
import { splitSteps } from '../../../renderer/lessons/markdown';
import { instructionIn, judgePrediction, type Prediction } from '../../../renderer/lessons/predict';
import { runCheck, runNotYet, type NeuronState, type Step } from '../../../renderer/lessons/types';

const [flip, separate, stripes] = lesson.steps;
const n = (w1: number, w2: number, b: number): NeuronState => ({ w1, w2, b });
/** Every setting the sliders allow: −3 to 3 in steps of 0.1. */
function* sliderSettings(): Generator<NeuronState> {
  for (let i = -30; i <= 30; i++) for (let j = -30; j <= 30; j++) for (let k = -30; k <= 30; k++) yield n(i / 10, j / 10, k / 10);
}
const typed = (step: Step, text: string): Prediction | null => {
  const value = step.predict?.kind === 'number' ? parseAnswer(text) : text;
  return value === null || step.predict === undefined ? null : judgePrediction(step.predict, value);
};

describe('lesson 2: one neuron', () => {
  it('keeps the first edition’s step ids, so saved progress still ticks them', () => {
    expect(lesson.steps.map((s) => s.id)).toEqual(['flip', 'separate', 'stripes']);
    expect(migrateDone({ '02-one-neuron': ['flip', 'separate'] })).toEqual({ '02-one-neuron': ['flip', 'separate'] });
  });

  it('step 1 asks for z at (1, 2) first: −0.5 is right however it is written, other sums are not', () => {
    for (const text of ['-0.5', '−0.5', '-0,5', '- 0.5', '-1/2', '−.5']) expect(typed(flip, text)?.correct, text).toBe(true);
    for (const text of ['0.5', '3.5', '-1', '2.5', 'half']) expect(typed(flip, text)?.correct, text).toBe(false);
    expect(typed(flip, 'minus something')).toBeNull();
  });

  it('step 1 passes with w₁ negative and a sum of 1 at the ringed point, any way it is reached', () => {
    for (const s of [n(-1, 1, 0), n(-0.5, 0.5, 0.5), n(-3, 2, 0), n(-0.1, 0, 1.1), n(-2, 1.4, 0.2)])
      expect(checkFlipped(s), JSON.stringify(s)).toBe(true);
    // The start (w₁ = 1, z = −0.5), w₁ negative with another sum, or a sum of 1 with w₁ positive.
    for (const s of [n(1, -1, 0.5), n(-1, 0, 0), n(-1, 1, 0.5), n(1, 0, 0), n(0, 0.5, 0)])
      expect(checkFlipped(s), JSON.stringify(s)).toBe(false);
    // Check waits for the prediction, right or wrong.
    expect(runCheck(flip, n(-1, 1, 0), null)).toBe(false);
    expect(runCheck(flip, n(-1, 1, 0), { value: 3, correct: false })).toBe(true);
  });

  it('step 1 says which half is done after a failed check: the sign of w₁, or the sum of 1', () => {
    expect(flipNotYet(n(-1, 0, 0))).toBe('w₁ is negative, good. Now the ringed point’s sum is −1.00; make it 1.');
    expect(flipNotYet(n(1, 0, 0))).toMatch(/^The ringed point’s sum is 1, good\. Now make w₁ negative/);
    // Neither half done: the plain "Not quite yet".
    expect(flipNotYet(n(1, -1, 0.5))).toBeNull();
    expect(runNotYet(flip, n(-0.5, 0, 0))).toMatch(/^w₁ is negative/);
  });

  it('step 2 needs a bias: no line through the origin separates the groups, but many others do', () => {
    let solutions = 0;
    for (const s of sliderSettings()) {
      if (!checkSeparates(s)) continue;
      solutions++;
      expect(s.b).toBeLessThan(0);
    }
    expect(solutions).toBeGreaterThan(1000);
    expect(checkSeparates(n(1, 1, -2.8))).toBe(true);
    expect(checkSeparates(n(0.5, 1, -2))).toBe(true);
    // The start, the first edition's answer (w₁ = w₂ = 1, b = 0), and a line past the blue group.
    expect(checkSeparates(n(1, -1, 0.5))).toBe(false);
    expect(checkSeparates(n(1, 1, 0))).toBe(false);
    expect(checkSeparates(n(1, 1, -5))).toBe(false);
    expect(separate.hint).not.toMatch(/\d/);
  });

  it('step 3: no slider setting beats 20 of 28, the check wants exactly that best, and calling everything orange is not it', () => {
    let best = 0;
    for (const s of sliderSettings()) best = Math.max(best, neuronCorrect(s, BAND));
    expect(best).toBe(BAND_BEST);
    expect(BAND.length).toBe(28);
    // Upright lines between the blue stripe and either orange one, blue ground towards the blue dots.
    expect(checkBestLine(n(1, 0, 1.3))).toBe(true);
    expect(checkBestLine(n(-1, 0, 1.3))).toBe(true);
    expect(checkBestLine(n(2, 0.1, 2.6))).toBe(true);
    // The start, everything orange, everything blue, the line the wrong way round.
    expect(checkBestLine(n(0, 1, 0))).toBe(false);
    expect(checkBestLine(n(0, 0, -1))).toBe(false);
    expect(checkBestLine(n(0, 0, 1))).toBe(false);
    expect(checkBestLine(n(-1, 0, -1.3))).toBe(false);
  });

  it('step 3 asks first whether one neuron can do it all: "no" is right, and Check waits for either answer', () => {
    expect(judgePrediction(stripes.predict!, BAND_CANNOT)?.correct).toBe(true);
    expect(judgePrediction(stripes.predict!, BAND_CAN)?.correct).toBe(false);
    expect(runCheck(stripes, n(1, 0, 1.3), null)).toBe(false);
    expect(runCheck(stripes, n(1, 0, 1.3), { value: BAND_CAN, correct: false })).toBe(true);
  });

  it('step 3’s feedback after the prediction gives neither the number to find (the search is the step) nor an order that goes stale', () => {
    const explanation = stripes.predict?.explanation ?? '';
    expect(explanation).not.toMatch(new RegExp(`\\b${BAND_BEST}\\b`));
    // What to do is in the step's text, which the learner reads before and after the search.
    expect(instructionIn(explanation)).toBeNull();
    expect(splitSteps(readFileSync(new URL('../../../renderer/lessons/02-one-neuron/lesson.md', import.meta.url), 'utf8'))[2]).toMatch(
      /find the best line you can/,
    );
  });

  it('fills the formula with the live numbers', () => {
    expect(neuronFormula(n(0.8, -0.5, 0.3), 1, 2)).toBe('w_1 x_1 + w_2 x_2 + b = 0.8\\cdot 1.0 + (-0.5)\\cdot 2.0 + 0.3 = 0.10');
  });

  it('the data sit inside the plane shown, and every step starts unsolved', () => {
    for (const step of lesson.steps) {
      if (step.widget !== 'neuron') throw new Error('lesson 2 is all neuron steps');
      for (const p of step.preset.points) expect(Math.max(Math.abs(p.x1), Math.abs(p.x2))).toBeLessThan(step.preset.extent);
      expect(runCheck(step, step.preset.initial, { value: 0, correct: true })).toBe(false);
    }
    expect(CLUSTERS.length).toBe(24);
  });
});
