import { describe, expect, it } from 'vitest';
import { LINK_STRIDE } from '../../../renderer/lab/layout';
import { UNSEEN, WIDTH_STEPS, drawLinks, linkLook, updateLooks } from '../../../renderer/lab/links';

/** Links laid out as the diagram packs them: x1, y1, x2, y2, parameter index. */
function links(...params: number[]): Float32Array {
  const out = new Float32Array(params.length * LINK_STRIDE);
  params.forEach((p, k) => out.set([0, k, 10, k, p], k * LINK_STRIDE));
  return out;
}

describe('a link look', () => {
  it('is the width step of |w| (0 … 7 over 0 … 4), plus 8 when w is negative', () => {
    expect(linkLook(0)).toBe(0);
    expect(linkLook(4)).toBe(7);
    expect(linkLook(100)).toBe(7);
    expect(linkLook(-4)).toBe(WIDTH_STEPS + 7);
    expect(linkLook(2)).toBe(4); // 2 · 7/4 = 3.5 rounds to 4
    expect(linkLook(-1)).toBe(WIDTH_STEPS + 2); // 1.75 rounds to 2
    expect(linkLook(Number.NaN)).toBe(0);
  });

  it('keeps its step until the weight is clearly past the edge between two steps', () => {
    const step = 4 / 7;
    const edge = 1.5 * step; // between steps 1 and 2
    const one = linkLook(step);
    expect(one).toBe(1);
    expect(linkLook(edge + 0.05 * step, one)).toBe(1);
    expect(linkLook(edge + 0.3 * step, one)).toBe(2);
    expect(linkLook(edge - 0.05 * step, 2)).toBe(2);
    expect(linkLook(edge - 0.3 * step, 2)).toBe(1);
  });

  it('changes colour at once when the sign flips, unless it is a hairline near zero', () => {
    expect(linkLook(-1, linkLook(1))).toBe(WIDTH_STEPS + 2);
    expect(linkLook(-0.01, 0)).toBe(0);
    expect(linkLook(-0.3, 0)).toBe(WIDTH_STEPS + 1);
  });
});

describe('updating the looks', () => {
  it('says whether any link looks different, and keeps the new looks', () => {
    const layout = links(0, 1, 2);
    const looks = new Uint8Array(3).fill(UNSEEN);
    const params = new Float64Array([0.1, -3, 4]);
    expect(updateLooks(params, layout, looks)).toBe(true);
    expect([...looks]).toEqual([0, WIDTH_STEPS + 5, 7]);
    // Small moves: nothing to redraw.
    params[0] = 0.15;
    params[1] = -3.05;
    expect(updateLooks(params, layout, looks)).toBe(false);
    // One link grows a step.
    params[0] = 1;
    expect(updateLooks(params, layout, looks)).toBe(true);
    expect(looks[0]).toBe(2);
  });
});

describe('drawing the links', () => {
  it('strokes once per look in use, thicker for bigger weights and coloured by sign', () => {
    const strokes: { style: string; width: number; segments: number }[] = [];
    let segments = 0;
    const ctx = {
      lineCap: 'butt',
      strokeStyle: '',
      lineWidth: 1,
      beginPath: () => (segments = 0),
      moveTo: () => segments++,
      lineTo: () => undefined,
      stroke(this: { strokeStyle: string; lineWidth: number }) {
        strokes.push({ style: this.strokeStyle, width: this.lineWidth, segments });
      },
    };
    const looks = new Uint8Array([7, 7, WIDTH_STEPS + 2, 0]);
    drawLinks(ctx as unknown as CanvasRenderingContext2D, links(0, 1, 2, 3), looks, 'blue', 'orange');
    expect(strokes).toEqual([
      { style: 'blue', width: 0.5, segments: 1 },
      { style: 'blue', width: 0.5 + 7 * 0.75, segments: 2 },
      { style: 'orange', width: 0.5 + 2 * 0.75, segments: 1 },
    ]);
    expect(ctx.lineCap).toBe('round');
  });
});
