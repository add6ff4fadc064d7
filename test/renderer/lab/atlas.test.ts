import { describe, expect, it } from 'vitest';
import { tileBytes, tileCapacity } from '../../../renderer/lab/atlas';

describe('heatmap atlas layout', () => {
  it('gives each tile its own contiguous run of RGBA bytes, one after another', () => {
    expect(tileBytes(0, 32)).toEqual({ start: 0, end: 32 * 32 * 4 });
    expect(tileBytes(3, 32)).toEqual({ start: 3 * 4096, end: 4 * 4096 });
    for (let k = 1; k < 10; k++) expect(tileBytes(k, 8).start).toBe(tileBytes(k - 1, 8).end);
  });

  it('reserves room in steps of 16 tiles, so growing a network by one neuron rarely reallocates', () => {
    expect(tileCapacity(0)).toBe(16);
    expect(tileCapacity(16)).toBe(16);
    expect(tileCapacity(17)).toBe(32);
    expect(tileCapacity(49)).toBe(64);
  });
});
