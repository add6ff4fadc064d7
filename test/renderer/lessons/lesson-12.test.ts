/**
 * Lesson 12's checks on real runs of its presets: large starting weights stall while small ones
 * learn, equal ones stay clones while random ones grow apart, and the answers that pass and fail.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../core/engine';
import type { ComparePreset, CompareState } from '../../../renderer/lessons/12-saturation-and-init/compare';
import { distinctNeurons, recordRun } from '../../../renderer/lessons/12-saturation-and-init/compare';
import {
  checkBrokenSymmetry,
  checkClones,
  checkFlatEnd,
  checkSaturated,
  CLONES_PREDICTION,
  FLAT_PREDICTION,
  LARGE_PREDICTION,
  lesson,
  SATURATION_QUESTION,
  TIE_PREDICTION,
} from '../../../renderer/lessons/12-saturation-and-init/lesson';
import { parseAnswer } from '../../../renderer/lessons/math';
import { judgePrediction } from '../../../renderer/lessons/predict';
import { lessonHtml } from '../../../renderer/lessons/content';
import type { ExplorerState } from '../../../renderer/lessons/types';
import { compareRuns } from './compare-runs';

function comparePreset(index: number): ComparePreset {
  const s = lesson.steps[index];
  if (s.widget !== 'compare') throw new Error(`${s.id} is not a compare step`);
  return s.preset;
}

const explorerAt = (activation: 'tanh' | 'sigmoid' | 'relu', x: number): ExplorerState => {
  const entry = ACTIVATIONS[activation];
  const f = entry.f(x);
  return { activation, x, f, df: entry.df(x, f) };
};

describe('lesson 12, step 1: flat ends', () => {
  it('passes on either flat end of tanh or the sigmoid, and not in their steep middles or on ReLU', () => {
    for (const x of [3.1, -3.1, 5, -6]) expect(checkFlatEnd(explorerAt('tanh', x))).toBe(true);
    for (const x of [4.7, -5, 6]) expect(checkFlatEnd(explorerAt('sigmoid', x))).toBe(true);
    for (const x of [0, 1, -2, 2.9]) expect(checkFlatEnd(explorerAt('tanh', x))).toBe(false);
    for (const x of [0, 3, -4.5]) expect(checkFlatEnd(explorerAt('sigmoid', x))).toBe(false);
    expect(checkFlatEnd(explorerAt('relu', -3))).toBe(false);
  });
});

describe('lesson 12, step 2: weights too large (tanh 2→8→8→1 on the circle, seed 3)', () => {
  const preset = comparePreset(1);
  const both = compareRuns(preset, [
    { value: 'large', epochs: 100 },
    { value: 'playground', epochs: 100, untilTarget: true },
  ]);

  it('measures the stall: the large start stays under 90 % for 100 epochs, the small one gets there within 30', () => {
    expect(both.runs.large.reachedAt).toBeNull();
    expect(both.runs.large.bestAccuracy).toBeLessThan(0.8);
    expect(both.runs.playground.reachedAt).not.toBeNull();
    expect(both.runs.playground.reachedAt).toBeLessThanOrEqual(30);
  });

  it('passes with both runs and the slope answer, in either order of trying', () => {
    expect(checkSaturated({ ...both, answer: SATURATION_QUESTION.options[0] })).toBe(true);
    const reversed = compareRuns(
      preset,
      [
        { value: 'playground', epochs: 100, untilTarget: true },
        { value: 'large', epochs: 100 },
      ],
      SATURATION_QUESTION.options[0],
    );
    expect(checkSaturated(reversed)).toBe(true);
  });

  it('fails with a wrong answer, without the small run, or with the large run cut short', () => {
    expect(checkSaturated({ ...both, answer: SATURATION_QUESTION.options[1] })).toBe(false);
    expect(checkSaturated({ ...both, answer: null })).toBe(false);
    const onlyLarge = { ...both, runs: { large: both.runs.large }, answer: SATURATION_QUESTION.options[0] };
    expect(checkSaturated(onlyLarge)).toBe(false);
    const short = { ...both, runs: { ...both.runs, large: { ...both.runs.large, epochs: 40 } }, answer: SATURATION_QUESTION.options[0] };
    expect(checkSaturated(short)).toBe(false);
  });
});

describe('lesson 12, steps 3 and 4: clones and broken symmetry (tanh 2→4→4→1 on the circle, seed 3)', () => {
  const equal = compareRuns(comparePreset(2), [{ value: 'equal', epochs: 100 }]);

  it('keeps the four first-layer neurons (and the second layer) one picture after 100 epochs, stuck under 75 %', () => {
    expect(equal.distinct).toEqual([1, 1]);
    expect(equal.testAccuracy).toBeLessThan(0.75);
  });

  it('passes step 3 after 50 epochs from equal weights, still one picture; not earlier, not from random weights', () => {
    expect(checkClones(equal)).toBe(true);
    expect(checkClones({ ...equal, epoch: 10 })).toBe(false);
    expect(checkClones({ ...equal, initializer: 'playground', distinct: [4, 4] })).toBe(false);
    expect(checkClones({ ...equal, distinct: [] })).toBe(false);
  });

  it('step 3’s prediction is the count the run shows: 1, typed as a digit, a word or with a unit; 4 is wrong', () => {
    for (const typed of ['1', 'one', ' One ', '1 picture', '1.0'])
      expect(judgePrediction(CLONES_PREDICTION, parseAnswer(typed)!)?.correct, typed).toBe(true);
    for (const typed of ['4', 'four', '2']) expect(judgePrediction(CLONES_PREDICTION, parseAnswer(typed)!)?.correct, typed).toBe(false);
    expect(CLONES_PREDICTION.answer).toBe(equal.distinct[0]);
  });

  it('step 4 does not ask to redo step 3’s equal run: it starts random, and random weights at 90 % with four different neurons pass', () => {
    const preset = comparePreset(3);
    expect(preset.config.training.initializer).toBe('playground');
    expect(preset.choices).toEqual(['playground', 'equal']);
    const randomOnly = compareRuns(preset, [{ value: 'playground', epochs: 200, untilTarget: true }]);
    expect(randomOnly.distinct[0]).toBe(4);
    // Step 4's prediction is the count this run shows.
    expect(TIE_PREDICTION.answer).toBe(randomOnly.distinct[0]);
    expect(judgePrediction(TIE_PREDICTION, parseAnswer('four')!)?.correct).toBe(true);
    expect(judgePrediction(TIE_PREDICTION, parseAnswer('1')!)?.correct).toBe(false);
    expect(randomOnly.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(checkBrokenSymmetry(randomOnly)).toBe(true);
    expect(checkBrokenSymmetry({ ...randomOnly, initializer: 'equal' })).toBe(false);
    expect(checkBrokenSymmetry({ ...randomOnly, testAccuracy: 0.7 })).toBe(false);
    expect(checkBrokenSymmetry({ ...randomOnly, distinct: [1, 1] })).toBe(false);
    // The text says why it is not run again, and no longer asks for it.
    const text = lessonHtml(lesson.id)[3];
    expect(text).toMatch(/need not run it again/);
    expect(text).not.toMatch(/train the equal start for at least/i);
  });
});

describe('lesson 12: predict first, nothing given away', () => {
  const flatFrom = (activation: 'tanh' | 'sigmoid'): number => {
    for (let x = 0; x <= 6; x += 0.01) if (explorerAt(activation, x).df < 0.01) return x;
    return Number.NaN;
  };

  it('step 1: tanh goes flat nearer to 0 than the sigmoid (measured), so only "Tanh" is right', () => {
    console.log(`slope under 0.01 from x = ${flatFrom('tanh').toFixed(2)} (tanh), ${flatFrom('sigmoid').toFixed(2)} (sigmoid)`);
    expect(flatFrom('tanh')).toBeLessThan(flatFrom('sigmoid'));
    expect(judgePrediction(FLAT_PREDICTION, 'Tanh')?.correct).toBe(true);
    expect(judgePrediction(FLAT_PREDICTION, 'The sigmoid')?.correct).toBe(false);
    expect(judgePrediction(FLAT_PREDICTION, 'Both at the same distance')?.correct).toBe(false);
  });

  it('every step asks its prediction, and the text quotes no measured result before it', () => {
    expect(lesson.steps.map((s) => s.predict)).toEqual([FLAT_PREDICTION, LARGE_PREDICTION, CLONES_PREDICTION, TIE_PREDICTION]);
    const html = lessonHtml(lesson.id);
    expect(html[1]).not.toMatch(/64 %|within a few epochs/);
    expect(html[2]).not.toMatch(/clones|no better than one/);
    // Step 4 does not say the random start grows four different neurons before the learner counts them.
    expect(html[3]).not.toMatch(/grow apart|different detectors/);
    // The prediction's explanation does not answer the question under the table for the learner.
    expect(LARGE_PREDICTION.explanation).not.toContain(SATURATION_QUESTION.options[0]);
  });

  it('step 2: the small start reaches 90 % first in the lesson’s own runs, the answer judged right', () => {
    expect(judgePrediction(LARGE_PREDICTION, 'Small random (±0.5)')?.correct).toBe(true);
    expect(judgePrediction(LARGE_PREDICTION, 'Large random (±5)')?.correct).toBe(false);
    expect(judgePrediction(LARGE_PREDICTION, 'Both about as fast')?.correct).toBe(false);
  });
});

describe('compare helpers', () => {
  it('counts neurons that differ, and keeps the most epochs, the best accuracy and the first epoch at the target', () => {
    const state = compareRuns(comparePreset(2), [{ value: 'equal', epochs: 2 }]);
    const params = state.params!.slice();
    params[0] += 1; // the first neuron's first weight
    expect(distinctNeurons(state.config, params)[0]).toBe(2);
    let runs: CompareState['runs'] = {};
    runs = recordRun(runs, 'a', 5, 0.8, 0.9);
    runs = recordRun(runs, 'a', 9, 0.92, 0.9);
    runs = recordRun(runs, 'a', 3, 0.95, 0.9);
    expect(runs.a).toEqual({ epochs: 9, bestAccuracy: 0.95, reachedAt: 3 });
  });
});
