/** The decision boundary drawn over a plane's heatmap: where a grid of outputs crosses the class level. */
import { describe, expect, it } from 'vitest';
import { levelSegments } from '../../../../renderer/lessons/widgets/boundary';

/** A res × res grid of f at the cell centres, row 0 at the top. */
function grid(res: number, f: (x: number, y: number) => number): Float64Array {
  const values = new Float64Array(res * res);
  for (let r = 0; r < res; r++) for (let c = 0; c < res; c++) values[r * res + c] = f(c + 0.5, r + 0.5);
  return values;
}

describe('levelSegments', () => {
  it('finds a straight boundary however faint the outputs are (tanh of a tiny affine map, as lesson 6’s shrinking weights give)', () => {
    const res = 20;
    // tanh(−0.025x₁ + 0.012x₂ + 0.035) in cell units: outputs within ±0.3, the boundary one straight line.
    const values = grid(res, (x, y) => Math.tanh(-0.025 * (x - 10) + 0.012 * (10 - y) + 0.035));
    const segments = levelSegments(values, res, 0);
    expect(segments.length).toBeGreaterThan(0);
    for (let i = 0; i < segments.length; i += 2) {
      const [x, y] = [segments[i], segments[i + 1]];
      expect(-0.025 * (x - 10) + 0.012 * (10 - y) + 0.035).toBeCloseTo(0, 3);
    }
  });

  it('splits at the level given (0.5 for a sigmoid), and finds nothing where every output is on one side', () => {
    const res = 10;
    const values = grid(res, (x) => 1 / (1 + Math.exp(-(x - 3))));
    const segments = levelSegments(values, res, 0.5);
    for (let i = 0; i < segments.length; i += 2) expect(segments[i]).toBeCloseTo(3, 1);
    expect(
      levelSegments(
        grid(res, () => 0.2),
        res,
        0,
      ),
    ).toEqual([]);
  });
});
