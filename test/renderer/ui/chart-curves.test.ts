/**
 * The loss/accuracy chart's lines: on an accuracy-only chart (lesson 18's) the training and test
 * accuracy were both orange, told apart only by a faint dash; now they differ in colour too, and
 * the goal is dotted where training lines are dashed.
 */
import { describe, expect, it } from 'vitest';
import { curveColor, curveDash, type Curve } from '../../../renderer/ui/chart';
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
