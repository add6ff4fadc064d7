import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Knot } from '../../../core/config';
import { checkKnots, DRAWN_PRESETS, MAX_KNOTS, MIN_KNOTS, piecewise, presetKnots, type DrawnPresetName } from '../../../core/engine';
import {
  EDIT_RANGE,
  addKnot,
  describeShape,
  moveKnot,
  nearestKnot,
  nudgeKnot,
  removeKnot,
  viewExtent,
  xLimits,
} from '../../../renderer/lab/knots';

const PRESETS = Object.keys(DRAWN_PRESETS) as DrawnPresetName[];

/** Valid starting drawings: every preset, and knots spread over the editor's range. */
const knotsArb: fc.Arbitrary<Knot[]> = fc.oneof(
  fc.constantFrom(...PRESETS).map(presetKnots),
  fc.integer({ min: MIN_KNOTS, max: MAX_KNOTS }).chain((n) =>
    fc
      .array(
        fc.integer({ min: -400, max: 400 }).map((v) => v / 100),
        { minLength: n, maxLength: n },
      )
      .map((ys) => ys.map((y, i) => ({ x: -4 + (8 * i) / (n - 1), y }))),
  ),
);

type Edit =
  | { kind: 'move'; i: number; x: number; y: number }
  | { kind: 'nudge'; i: number; dx: number; dy: number }
  | { kind: 'add'; after: number }
  | { kind: 'remove'; i: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('move' as const),
    i: fc.nat(9),
    x: fc.double({ min: -30, max: 30, noNaN: true }),
    y: fc.double({ min: -30, max: 30, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('nudge' as const),
    i: fc.nat(9),
    dx: fc.constantFrom(-1, -0.1, 0, 0.1, 1),
    dy: fc.constantFrom(-1, -0.1, 0, 0.1, 1),
  }),
  fc.record({ kind: fc.constant('add' as const), after: fc.nat(9) }),
  fc.record({ kind: fc.constant('remove' as const), i: fc.nat(9) }),
);

function applyEdit(knots: Knot[], edit: Edit): Knot[] {
  switch (edit.kind) {
    case 'move':
      return moveKnot(knots, edit.i % knots.length, edit.x, edit.y);
    case 'nudge':
      return nudgeKnot(knots, edit.i % knots.length, edit.dx, edit.dy);
    case 'add':
      return addKnot(knots, edit.after % knots.length)?.knots ?? knots;
    case 'remove':
      return removeKnot(knots, edit.i % knots.length) ?? knots;
  }
}

describe('presets', () => {
  it.each(PRESETS)('%s passes checkKnots and lies inside the editor’s view', (name) => {
    const knots = presetKnots(name);
    expect(checkKnots(knots)).toBeNull();
    expect(viewExtent(knots)).toBe(EDIT_RANGE);
  });
});

describe('editing knots', () => {
  it('any sequence of moves, nudges, additions and removals keeps a drawing checkKnots accepts', () => {
    fc.assert(
      fc.property(knotsArb, fc.array(editArb, { maxLength: 40 }), (start, edits) => {
        let knots = start;
        for (const edit of edits) {
          knots = applyEdit(knots, edit);
          expect(checkKnots(knots)).toBeNull();
          for (let i = 1; i < knots.length; i++) expect(knots[i].x).toBeGreaterThan(knots[i - 1].x);
          for (const k of knots) {
            expect(Math.abs(k.x)).toBeLessThanOrEqual(EDIT_RANGE);
            expect(Math.abs(k.y)).toBeLessThanOrEqual(EDIT_RANGE);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a knot dragged past its neighbour stops just short of it, and only that knot moves', () => {
    const knots = presetKnots('absolute'); // x = −3 … 3
    const moved = moveKnot(knots, 3, 5, 2.345);
    expect(moved[3]).toEqual({ x: 1 - 0.11, y: 2.35 });
    expect(moved.filter((_, i) => i !== 3)).toEqual(knots.filter((_, i) => i !== 3));
    expect(moveKnot(knots, 3, -5, 0)[3].x).toBeCloseTo(-1 + 0.11, 12);
    // The end knots may go to the edge of the view, no further.
    expect(moveKnot(knots, 0, -40, 40)[0]).toEqual({ x: -5, y: 5 });
    expect(xLimits(knots, 6)).toEqual({ min: 2.11, max: 5 });
    expect(checkKnots(moveKnot(knots, 3, 5, 0))).toBeNull();
  });

  it('nudging by 0.1 steps lands on round numbers', () => {
    let knots = presetKnots('identity');
    for (let k = 0; k < 7; k++) knots = nudgeKnot(knots, 3, 0, 0.1);
    expect(knots[3].y).toBe(0.7);
  });

  it('a new knot lies on the function, so the shape does not change until it is moved', () => {
    const knots = presetKnots('sawtooth');
    const added = addKnot(knots, 0);
    expect(added).not.toBeNull();
    const { knots: more, index } = added!;
    expect(index).toBe(1);
    expect(more).toHaveLength(knots.length + 1);
    const before = piecewise(knots);
    const after = piecewise(more);
    for (let x = -5; x <= 5; x += 0.05) expect(after.f(x)).toBeCloseTo(before.f(x), 9);
  });

  it('adds left of the knot when the gap on its right is too narrow, else into the widest gap; refuses a tenth knot', () => {
    const knots = presetKnots('sawtooth'); // gaps 1.8, 0.2, 1.8, 0.2, 1.8
    expect(addKnot(knots, 1)?.index).toBe(1); // between knots 1 and 2 (counting from 1)
    const squeezed = [-0.3, -0.15, 0, 0.15, 3].map((x) => ({ x, y: 0 }));
    expect(addKnot(squeezed, 1)?.index).toBe(4); // only the last gap is wide enough
    let full: Knot[] = presetKnots('identity');
    while (full.length < MAX_KNOTS) full = addKnot(full, 0)!.knots;
    expect(addKnot(full, 0)).toBeNull();
  });

  it('refuses to go below five knots', () => {
    const knots = presetKnots('identity').slice(0, MIN_KNOTS);
    expect(removeKnot(knots, 0)).toBeNull();
    expect(removeKnot(presetKnots('identity'), 2)).toHaveLength(6);
  });

  it('finds the knot under the pointer, or none when it is out of reach', () => {
    const knots = presetKnots('absolute');
    expect(nearestKnot(knots, 1.05, 0.98, 0.3)).toBe(4);
    expect(nearestKnot(knots, 1.5, 0, 0.3)).toBe(-1);
  });

  it('says whether the drawing is straight', () => {
    expect(describeShape(presetKnots('identity'))).toMatch(/^Straight \(y = 1·x \+ 0\): .*collapses/);
    expect(describeShape(presetKnots('absolute'))).toMatch(/^Bent/);
  });
});
