import { describe, expect, it } from 'vitest';
import type { DataPoint } from '../../../core/config';
import { drawPoints } from '../../../renderer/lab/draw';
import { drawData } from '../../../renderer/lessons/widgets/plane';
import { rgbText } from '../../../renderer/ui/color';
import { paletteFor } from '../../../renderer/ui/palette';

/** One dot as drawn: the fill and the stroke in force when it was filled and stroked. */
interface Mark {
  fill: string | null;
  stroke: string | null;
}

/** A 2-D context that remembers, per arc, the colour it was filled with and the colour it was outlined in. */
function recorder(): { ctx: CanvasRenderingContext2D; marks: Mark[] } {
  const marks: Mark[] = [];
  const state = { fillStyle: '', strokeStyle: '', lineWidth: 1 };
  const ctx = {
    ...state,
    beginPath: () => undefined,
    arc: () => void marks.push({ fill: null, stroke: null }),
    fill() {
      marks[marks.length - 1].fill = this.fillStyle;
    },
    stroke() {
      marks[marks.length - 1].stroke = this.strokeStyle;
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, marks };
}

const palette = paletteFor('light');
const panel = rgbText(palette.panel);
const blue = rgbText(palette.classes[1]);
const point: DataPoint = { x1: 1, x2: 1, label: 1 };

describe('training and test points look the same in the Lab and in the lessons (bug 9)', () => {
  it('the Lab draws a training point filled and a test point as a ring of its colour', () => {
    const train = recorder();
    drawPoints(train.ctx, [point], 300, false, palette, false);
    const test = recorder();
    drawPoints(test.ctx, [point], 300, false, palette, true);
    expect(train.marks).toEqual([{ fill: blue, stroke: panel }]);
    expect(test.marks).toEqual([{ fill: panel, stroke: blue }]);
  });

  it('a lesson plane draws them the same two ways', () => {
    const { ctx, marks } = recorder();
    drawData(
      ctx,
      [point],
      [point],
      [-6, 6],
      300,
      palette.classes.map((c) => rgbText(c)),
      panel,
    );
    expect(marks).toEqual([
      { fill: blue, stroke: panel },
      { fill: panel, stroke: blue },
    ]);
  });

  it('on a lesson’s tinted plane, outlines both in the edge colour so they stand out from the tint', () => {
    const { ctx, marks } = recorder();
    const edge = palette.css.pointEdge;
    drawData(
      ctx,
      [point],
      [point],
      [-6, 6],
      300,
      palette.classes.map((c) => rgbText(c)),
      panel,
      edge,
    );
    // The same dot and ring, the dot rimmed in the edge colour, the ring with a thin line round it.
    expect(marks).toEqual([
      { fill: blue, stroke: edge },
      { fill: panel, stroke: blue },
      { fill: null, stroke: edge },
    ]);
  });
});
