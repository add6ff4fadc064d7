import { describe, expect, it } from 'vitest';
import { piecewise, presetKnots } from '../../../core/engine';
import { plotFrame } from '../../../renderer/lab/function-plot';
import { grabbedKnot, knotName, knotNumber, slopePieces, slopesAround } from '../../../renderer/lab/knot-view';

describe('slopePieces', () => {
  it('draws one flat piece per stretch, the outer ones reaching the ends of the view', () => {
    const knots = [
      { x: -1, y: 1 },
      { x: 0, y: 0 },
      { x: 2, y: 4 },
    ];
    const p = piecewise(knots);
    const { xs, ys } = slopePieces(p.xs, p.slopes, -5, 5);
    expect(xs).toEqual([-5, 0, Number.NaN, 0, 5, Number.NaN]);
    expect(ys).toEqual([-1, -1, Number.NaN, 2, 2, Number.NaN]);
  });

  it('spans the whole view with a single piece when there are two knots', () => {
    const { xs, ys } = slopePieces([0, 1], [3], -4, 4);
    expect(xs).toEqual([-4, 4, Number.NaN]);
    expect(ys).toEqual([3, 3, Number.NaN]);
  });
});

describe('grabbedKnot', () => {
  const frame = plotFrame(380, 300, [-5, 5], [-5, 5]);
  const stairs = [
    { x: -2, y: 0 },
    { x: 0, y: 0 },
    { x: 0.05, y: 1 },
    { x: 2, y: 1 },
  ];

  it('takes the knot whose centre is nearest the pointer, not the one pressed', () => {
    const at = { x: frame.sx(0.05), y: frame.sy(0.9) };
    expect(grabbedKnot(stairs, frame, at.x, at.y, 1)).toBe(2);
    expect(grabbedKnot(stairs, frame, frame.sx(0), frame.sy(0.1), 2)).toBe(1);
  });

  it('gives the first of equally near knots, and the pressed one when there are none', () => {
    const twins = [
      { x: 1, y: 1 },
      { x: 1, y: 1 },
    ];
    expect(grabbedKnot(twins, frame, frame.sx(1), frame.sy(1), 1)).toBe(0);
    expect(grabbedKnot([], frame, 10, 10, 3)).toBe(3);
  });
});

describe('knot read-out', () => {
  it('writes at most two decimals and a true minus sign', () => {
    expect(knotNumber(-2)).toBe('−2');
    expect(knotNumber(1.23456)).toBe('1.23');
    expect(knotNumber(0.1 + 0.2)).toBe('0.3');
    expect(knotName(presetKnots('absolute'), 1)).toMatch(/^Knot 2 of \d+: x = −?\d+(\.\d+)?, y = −?\d+(\.\d+)?$/);
  });

  it('gives the slopes either side of a knot, the one piece at an end, and none for a broken drawing', () => {
    const knots = [
      { x: -1, y: 1 },
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 2, y: 3 },
      { x: 3, y: 3 },
    ];
    expect(slopesAround(knots, 1)).toEqual({ left: -1, right: 0 });
    expect(slopesAround(knots, 0)).toEqual({ left: -1, right: -1 });
    expect(slopesAround(knots, 4)).toEqual({ left: 0, right: 0 });
    expect(slopesAround(knots, 9)).toBeNull();
    const unordered = knots.map((k, i) => (i === 2 ? { x: -3, y: 0 } : k));
    expect(slopesAround(unordered, 1)).toBeNull();
  });
});
