/** The tanh column loop writes its constants out as numbers; it must still be fastTanh exactly. */
import { describe, expect, it } from 'vitest';
import { fastTanh, fastTanhColumn } from '../../../core/engine/tanh';

describe('fastTanhColumn', () => {
  it('gives exactly fastTanh at every point, in float64 and rounded to float32', () => {
    const n = 4001;
    const z = Float64Array.from({ length: n }, (_, p) => -12 + (24 * p) / (n - 1));
    const out = new Float32Array(n);
    const keep = new Float64Array(n);
    fastTanhColumn(z, out, 0, n);
    fastTanhColumn(z, keep, 0, n);
    for (let p = 0; p < n; p++) {
      expect(keep[p]).toBe(fastTanh(z[p]));
      expect(out[p]).toBe(Math.fround(fastTanh(z[p])));
    }
  });

  it('touches only the block it is given', () => {
    const z = new Float64Array(10).fill(0.5);
    const out = new Float32Array(10).fill(7);
    const keep = new Float64Array(10).fill(7);
    fastTanhColumn(z, out, 3, 6);
    fastTanhColumn(z, keep, 3, 6);
    expect(Array.from(keep)).toEqual([7, 7, 7, fastTanh(0.5), fastTanh(0.5), fastTanh(0.5), 7, 7, 7, 7]);
    expect(out[2]).toBe(7);
    expect(out[6]).toBe(7);
  });
});
