import { describe, expect, it } from 'vitest';
import { buildDivergingLut, lutIndex, mix, parseColor, rgbText } from '../../../renderer/ui/color';
import { fillClassHeatmap, fillHeatmap, rampLut } from '../../../renderer/ui/heatmap';

describe('parseColor', () => {
  it('reads hex and rgb() forms', () => {
    expect(parseColor('#e8710a')).toEqual([232, 113, 10]);
    expect(parseColor(' #fff ')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(parseColor('rgba(4 5 6 / 50%)')).toEqual([4, 5, 6]);
    expect(parseColor('tomato')).toBeNull();
  });
});

describe('diverging lookup table', () => {
  const neg = [200, 0, 0] as const;
  const mid = [255, 255, 255] as const;
  const pos = [0, 0, 200] as const;
  const lut = buildDivergingLut(neg, mid, pos, 5);

  it('runs from the negative colour through the middle to the positive colour', () => {
    expect([...lut.slice(0, 4)]).toEqual([200, 0, 0, 255]);
    expect([...lut.slice(8, 12)]).toEqual([255, 255, 255, 255]);
    expect([...lut.slice(16, 20)]).toEqual([0, 0, 200, 255]);
    expect([...lut.slice(4, 8)]).toEqual([228, 128, 128, 255]);
  });

  it('maps values to indices, clamping and treating NaN as neutral', () => {
    expect(lutIndex(-1, -1, 1, 5, false)).toBe(0);
    expect(lutIndex(1, -1, 1, 5, false)).toBe(4);
    expect(lutIndex(0, -1, 1, 5, false)).toBe(2);
    expect(lutIndex(-7, -1, 1, 5, false)).toBe(0);
    expect(lutIndex(7, -1, 1, 5, false)).toBe(4);
    expect(lutIndex(Number.NaN, -1, 1, 5, false)).toBe(2);
  });

  it('discretizes to the two ends only', () => {
    expect(lutIndex(0.01, -1, 1, 5, true)).toBe(4);
    expect(lutIndex(-0.01, -1, 1, 5, true)).toBe(0);
    expect(lutIndex(0.6, 0, 1, 5, true)).toBe(4);
    expect(lutIndex(0.4, 0, 1, 5, true)).toBe(0);
  });

  it('fills ImageData pixels row by row, sampling with a stride', () => {
    // A 4×4 grid sampled every 2 cells gives a 2×2 image.
    const grid = new Float32Array([-1, 9, 1, 9, 9, 9, 9, 9, 0, 9, -1, 9, 9, 9, 9, 9]);
    const out = new Uint8ClampedArray(2 * 2 * 4);
    fillHeatmap(out, grid, 4, 2, lut, -1, 1, false);
    expect([...out]).toEqual([200, 0, 0, 255, 0, 0, 200, 255, 255, 255, 255, 255, 200, 0, 0, 255]);
  });

  it('gives every pixel the colour lutIndex picks, for any value, range and mode', () => {
    const full = buildDivergingLut(neg, mid, pos);
    const values = new Float64Array(400);
    for (let i = 0; i < values.length; i++) values[i] = Math.sin(i * 12.9898) * 3;
    values[7] = Number.NaN;
    values[8] = Infinity;
    values[9] = -Infinity;
    values[10] = 0.5;
    for (const [min, max] of [
      [-1, 1],
      [0, 1],
      [-2.5, 0.75],
    ]) {
      for (const discretize of [false, true]) {
        const out = new Uint8ClampedArray(values.length * 4);
        fillHeatmap(out, values, 20, 1, full, min, max, discretize);
        for (let p = 0; p < values.length; p++) {
          const k = lutIndex(values[p], min, max, 256, discretize) * 4;
          expect([...out.slice(p * 4, p * 4 + 4)]).toEqual([full[k], full[k + 1], full[k + 2], 255]);
        }
      }
    }
  });
});

describe('multi-class heatmap', () => {
  it('colours each cell by its winning class, stronger when more confident', () => {
    const sure = new Float32Array([1, 0]);
    const unsure = new Float32Array([0, 0.5]);
    const other = new Float32Array([0, 0.5]);
    const out = new Uint8ClampedArray(2 * 4);
    fillClassHeatmap(
      out,
      [sure, unsure, other],
      2,
      1,
      [
        [255, 0, 0],
        [0, 255, 0],
        [0, 0, 255],
      ],
      [0, 0, 0],
      false,
    );
    expect(out[0]).toBeGreaterThan(200); // cell 0 is class 0 for sure: strong red
    expect(out[1]).toBe(0);
    expect(out[4]).toBe(0); // cell 1: class 1 at p = 0.5 of 3 classes, a paler green
    expect(out[5]).toBeGreaterThan(40);
    expect(out[5]).toBeLessThan(out[0]);
  });
});

describe('mixing and CSS text', () => {
  it('mixes in a straight line and writes rgb()/rgba() text', () => {
    expect(mix([0, 0, 0], [200, 100, 50], 0.5)).toEqual([100, 50, 25]);
    expect(mix([10, 20, 30], [200, 100, 50], 0)).toEqual([10, 20, 30]);
    expect(rgbText([1.4, 2.6, 3])).toBe('rgb(1, 3, 3)');
    expect(rgbText([1, 2, 3], 0.5)).toBe('rgba(1, 2, 3, 0.5)');
  });

  it('builds a ramp from one colour to another, once per pair', () => {
    const ramp = rampLut([0, 0, 0], [255, 255, 255]);
    expect([...ramp.slice(0, 4)]).toEqual([0, 0, 0, 255]);
    expect([...ramp.slice(255 * 4, 256 * 4)]).toEqual([255, 255, 255, 255]);
    expect(ramp[128 * 4]).toBe(128);
    expect(rampLut([0, 0, 0], [255, 255, 255])).toBe(ramp);
  });
});

describe('multi-class strength', () => {
  it('moves a sure cell only as far as the strength asks', () => {
    const out = new Uint8ClampedArray(4);
    fillClassHeatmap(
      out,
      [new Float32Array([1]), new Float32Array([0])],
      1,
      1,
      [
        [200, 0, 0],
        [0, 0, 200],
      ],
      [0, 0, 0],
      false,
      0.5,
    );
    expect(out[0]).toBe(100);
  });
});
