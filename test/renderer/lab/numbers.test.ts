import { describe, expect, it } from 'vitest';
import { formatCount } from '../../../renderer/lab/numbers';

describe('formatCount', () => {
  it('writes whole numbers as en-US does, commas between thousands', () => {
    for (const n of [0, 7, 999, 1000, 1001, 12_345, 100_000, 999_999, 1_000_000, 1_234_567, 98_765_432_109, -4321, -12]) {
      expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('rounds fractions and shows a dash for values that are not numbers', () => {
    expect(formatCount(1234.6)).toBe('1,235');
    expect(formatCount(Number.NaN)).toBe('—');
    expect(formatCount(Infinity)).toBe('—');
  });
});
