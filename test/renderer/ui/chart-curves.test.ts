/**
 * The loss/accuracy chart's lines: on an accuracy-only chart (lesson 18's) the training and test
 * accuracy were both orange, told apart only by a faint dash; now they differ in colour too, and
 * the goal is dotted where training lines are dashed.
 */
import { describe, expect, it } from 'vitest';
import { accuracyFloor, curveColor, curveDash, type Curve } from '../../../renderer/ui/chart';
import { paletteFor } from '../../../renderer/ui/palette';

const CURVES: Curve[] = ['trainAccuracy', 'testAccuracy', 'goal'];

describe('the lines of an accuracy chart', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`draws training accuracy, test accuracy and the goal in three colours (${theme})`, () => {
      const p = paletteFor(theme);
      // Told apart by hue, not only by opacity (a fainter orange is still orange).
      const hue = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).join(',');
      const colours = CURVES.map((c) => hue(curveColor(c, p, true)));
      expect(new Set(colours).size).toBe(3);
      // Beside the loss, training accuracy stays the fainter orange, apart from training loss.
      expect(curveColor('trainAccuracy', p, false)).not.toBe(curveColor('trainLoss', p, false));
    });
  }

  it('dashes training lines, dots the goal and draws test lines solid', () => {
    expect(CURVES.map(curveDash)).toEqual([[5, 4], [], [2, 3]]);
    expect(curveDash('trainLoss')).toEqual([5, 4]);
    expect(curveDash('testLoss')).toEqual([]);
  });
});

describe('the accuracy axis', () => {
  it('starts under the goal on an accuracy-only chart, so 91.9 % and 94.5 % are apart; from 0 otherwise', () => {
    expect(accuracyFloor(true, 0.94)).toBe(0.8);
    expect(accuracyFloor(true, 0.9)).toBe(0.8);
    expect(accuracyFloor(true, 0.05)).toBe(0);
    expect(accuracyFloor(true, null)).toBe(0);
    expect(accuracyFloor(false, 0.94)).toBe(0);
  });
});
