/**
 * The activation explorer's "flat" and "saturated" labels: the box is sized from the text as
 * measured (a fixed 56-pixel box clipped "saturated" to "saturatec" in a wider font), and it
 * lies wholly inside the plot, across a wide stretch or upright along a narrow one.
 */
import { describe, expect, it } from 'vitest';
import { stretchLabel, textHeightOf, type PlotArea, type StretchLabel } from '../../../renderer/lab/stretch-label';

const plot: PlotArea = { left: 34, right: 630, top: 10, bottom: 318 };

/** The box as it lies on screen (an upright one turned a quarter). */
function onScreen(l: StretchLabel): { left: number; right: number; top: number; bottom: number } {
  const across = l.upright ? l.height : l.width;
  const tall = l.upright ? l.width : l.height;
  return { left: l.cx - across / 2, right: l.cx + across / 2, top: l.cy - tall / 2, bottom: l.cy + tall / 2 };
}

function expectInside(l: StretchLabel, area: PlotArea = plot): void {
  const box = onScreen(l);
  expect(box.left).toBeGreaterThanOrEqual(area.left);
  expect(box.right).toBeLessThanOrEqual(area.right);
  expect(box.top).toBeGreaterThanOrEqual(area.top);
  expect(box.bottom).toBeLessThanOrEqual(area.bottom);
}

describe('a stretch label', () => {
  it('is as wide as its measured text and some, whatever the font', () => {
    for (const textWidth of [22, 49, 56, 58.4, 63, 80, 120]) {
      const l = stretchLabel(textWidth, 13, 400, 630, plot)!;
      expect(l.upright).toBe(false);
      expect(l.width).toBeGreaterThanOrEqual(textWidth + 6);
      expect(l.height).toBeGreaterThanOrEqual(13 + 2);
      expectInside(l);
    }
  });

  it('stays inside the plot on a stretch that ends at its right or left edge (where "saturatec" was clipped)', () => {
    // Sigmoid's right-hand stretch, 61 px wide, and "saturated" measured at 58.4 px in a wider font.
    const right = stretchLabel(58.4, 13, 569, 630, plot)!;
    expect(right.width).toBeGreaterThan(56);
    expectInside(right);
    const left = stretchLabel(58.4, 13, 34, 95, plot)!;
    expectInside(left);
  });

  it('runs upright along a stretch too narrow for it, still wholly inside, and is left out where not even that fits', () => {
    const upright = stretchLabel(58.4, 13, 600, 630, plot)!;
    expect(upright.upright).toBe(true);
    expect(upright.width).toBeGreaterThan(58.4);
    expectInside(upright);
    // A short plot: upright text taller than it has no room, nor does a sliver of a stretch.
    expect(stretchLabel(58.4, 13, 600, 630, { ...plot, bottom: 50 })).toBeNull();
    expect(stretchLabel(58.4, 13, 620, 630, plot)).toBeNull();
  });

  it("takes the text's height from the canvas, or from the font size when the canvas gives none", () => {
    expect(textHeightOf({ fontBoundingBoxAscent: 10, fontBoundingBoxDescent: 3 }, 11)).toBe(13);
    expect(textHeightOf({} as TextMetrics, 11)).toBeCloseTo(13.75, 9);
  });
});
