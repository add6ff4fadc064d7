import { describe, expect, it } from 'vitest';
import { LINES } from '../../../../renderer/lab/layer-space';
import { closeUpBox, largestCorner, sharpestBend } from '../../../../renderer/lessons/widgets/fold-bend';

const SAMPLES = 101;

/** Layer-space values for LINES·2 grid lines that all follow `path` (t from 0 to 1). */
function grid(path: (t: number) => [number, number]): Float64Array {
  const values = new Float64Array(LINES * 2 * SAMPLES * 2);
  for (let line = 0; line < LINES * 2; line++)
    for (let s = 0; s < SAMPLES; s++) {
      const [x, y] = path(s / (SAMPLES - 1));
      values.set([x, y], (line * SAMPLES + s) * 2);
    }
  return values;
}

/** Down the y axis to the origin, then out along the x axis: a crease at (0, 0). */
const crease = grid((t) => (t < 0.5 ? [0, 1 - 2 * t] : [2 * t - 1, 0]));
/** A quarter circle of radius 1 round (1, 1): the same 90° turn, spread along the whole line. */
const round = grid((t) => [1 - Math.sin((t * Math.PI) / 2), 1 - Math.cos((t * Math.PI) / 2)]);

describe('fold-bend: where layer space turns, and how sharply', () => {
  it('a crease turns the whole way at one point; a round bend a little at each of many', () => {
    expect(largestCorner(crease, 2, SAMPLES, 1e-6)).toBeCloseTo(90, 6);
    expect(largestCorner(round, 2, SAMPLES, 1e-6)).toBeCloseTo(90 / (SAMPLES - 1), 6);
    // Within a short arc the crease turns 90°, the circle only that arc's share of its turn.
    expect(sharpestBend(crease, 2, SAMPLES, 0.1)!.turn).toBeCloseTo(90, 6);
    expect(sharpestBend(round, 2, SAMPLES, 0.1)!.turn).toBeLessThan(10);
  });

  it('finds the bend where the lines have made half their turn', () => {
    const c = sharpestBend(crease, 2, SAMPLES, 0.5)!;
    expect([c.x, c.y]).toEqual([0, 0]);
    const r = sharpestBend(round, 2, SAMPLES, 10, 1e-6)!;
    // From the first piece's direction to the last's: 99 turns of 0.9° between 100 pieces.
    expect(r.turn).toBeCloseTo(89.1, 6);
    // Half way round the circle: 45°, at (1 − sin 45°, 1 − cos 45°).
    expect(r.x).toBeCloseTo(1 - Math.SQRT1_2, 1);
    expect(r.y).toBeCloseTo(1 - Math.SQRT1_2, 1);
  });

  it('centres the close-up on the lines round the bend, so both arms fill it', () => {
    const bend = sharpestBend(crease, 2, SAMPLES, 0.5)!;
    const box = closeUpBox(crease, 2, LINES * 2 * SAMPLES, bend, 1);
    // The arms run up and right from the crease: the square moves up and right, keeping the crease inside.
    expect((box.minX + box.maxX) / 2).toBeGreaterThan(0.1);
    expect((box.minY + box.maxY) / 2).toBeGreaterThan(0.1);
    expect(box.minX).toBeLessThan(0);
    expect(box.minY).toBeLessThan(0);
    expect(box.maxX - box.minX).toBeCloseTo(1, 9);
  });

  it('leaves out pieces too short to have a direction, and has no bend without two pieces', () => {
    const still = grid(() => [0.5, 0.5]);
    expect(largestCorner(still, 2, SAMPLES, 1e-6)).toBe(0);
    expect(sharpestBend(still, 2, SAMPLES, 1)).toBeNull();
  });
});
