/**
 * The neuron's plane (lesson 7's XOR step, lesson 2) numbers its axes: it used to draw the grid
 * and the axes with no numbers, so "the corner (1, 1)" could not be found on it.
 */
import { describe, expect, it } from 'vitest';
import { drawPlaneLabels, planeTicks } from '../../../../renderer/lessons/widgets/plane';
import { THEME_COLORS } from '../../../../renderer/ui/palette';

/** A 2-D context that records the text drawn on it (and where) and ignores everything else. */
function recordingContext(): { ctx: CanvasRenderingContext2D; texts: { text: string; x: number; y: number; font: string }[] } {
  const texts: { text: string; x: number; y: number; font: string }[] = [];
  const state: Record<string, unknown> = { font: '' };
  const ctx = new Proxy(state, {
    get: (target, key) => {
      if (key === 'fillText') return (text: string, x: number, y: number) => texts.push({ text, x, y, font: String(target.font) });
      if (key in target) return target[key as string];
      return () => undefined;
    },
    set: (target, key, value) => {
      target[key as string] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, texts };
}

describe('the plane’s axis numbers', () => {
  it('are the whole numbers, every other one on a wide plane, with a real minus sign', () => {
    expect(planeTicks(1.5).map((t) => t.label)).toEqual(['−1', '0', '1']);
    expect(planeTicks(4).map((t) => t.label)).toEqual(['−4', '−2', '0', '2', '4']);
  });

  it('label and name both axes of the XOR plane inside the canvas, at 12 CSS pixels', () => {
    const { ctx, texts } = recordingContext();
    drawPlaneLabels(ctx, 320, 1.5, THEME_COLORS.dark);
    const bottom = texts.filter((t) => t.y > 300).map((t) => t.text);
    const left = texts.filter((t) => t.x < 10).map((t) => t.text);
    expect(bottom).toEqual(['−1', '0', '1', 'x₁']);
    expect(left).toEqual(['−1', '0', '1', 'x₂']);
    for (const t of texts) {
      expect(t.font).toMatch(/^12px /);
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x).toBeLessThanOrEqual(320);
      expect(t.y).toBeLessThanOrEqual(320);
    }
  });

  it('label the trainer’s planes too: the zoomed XOR view from −0.5 to 1.5, and the Lab’s −6 to 6', () => {
    expect(planeTicks([-0.5, 1.5]).map((t) => t.label)).toEqual(['0', '1']);
    const xor = recordingContext();
    drawPlaneLabels(xor.ctx, 300, [-0.5, 1.5], THEME_COLORS.light);
    expect(xor.texts.filter((t) => t.y > 280).map((t) => [t.text, Math.round(t.x)])).toEqual([
      ['0', 75],
      ['1', 225],
      ['x₁', 296],
    ]);
    const wide = recordingContext();
    drawPlaneLabels(wide.ctx, 300, [-6, 6], THEME_COLORS.dark);
    // The edge values (−6 and 6) would be cut by the plane's edge: the inner ones are drawn.
    expect(wide.texts.filter((t) => t.y > 280).map((t) => t.text)).toEqual(['−4', '−2', '0', '2', '4', 'x₁']);
    expect(wide.texts.filter((t) => t.x < 10).map((t) => t.text)).toEqual(['−4', '−2', '0', '2', '4', 'x₂']);
  });
});
