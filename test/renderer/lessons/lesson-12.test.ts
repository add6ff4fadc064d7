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
  lesson,
  SATURATION_QUESTION,
} from '../../../renderer/lessons/12-saturation-and-init/lesson';
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

  it('passes step 3 when the typed count matches the one picture, and not for 4 or nothing', () => {
    expect(checkClones({ ...equal, answer: 1 })).toBe(true);
    expect(checkClones({ ...equal, answer: 4 })).toBe(false);
    expect(checkClones({ ...equal, answer: null })).toBe(false);
    expect(checkClones({ ...equal, answer: 1, epoch: 10 })).toBe(false);
  });

  it('passes step 4 once random weights reach 90 % with four different neurons after the equal start had 100 epochs', () => {
    const preset = comparePreset(3);
    const after = compareRuns(preset, [
      { value: 'equal', epochs: 100 },
      { value: 'playground', epochs: 200, untilTarget: true },
    ]);
    expect(after.distinct[0]).toBe(4);
    expect(after.testAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(checkBrokenSymmetry(after)).toBe(true);
    const randomOnly = compareRuns(preset, [{ value: 'playground', epochs: 200, untilTarget: true }]);
    expect(checkBrokenSymmetry(randomOnly)).toBe(false);
    expect(checkBrokenSymmetry({ ...after, initializer: 'equal' })).toBe(false);
    expect(checkBrokenSymmetry({ ...after, testAccuracy: 0.7 })).toBe(false);
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
