import { describe, expect, it } from 'vitest';
import { formatAccuracy, formatCount } from '../../../renderer/lab/numbers';

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

describe('formatAccuracy', () => {
  it('rounds down to a tenth of a percent, so a goal never shows as reached early', () => {
    expect(formatAccuracy(0.8996)).toBe('89.9 %');
    expect(formatAccuracy(1799 / 2000)).toBe('89.9 %');
    expect(formatAccuracy(0.9)).toBe('90.0 %');
    expect(formatAccuracy(0.29)).toBe('29.0 %');
    expect(formatAccuracy(1)).toBe('100.0 %');
    expect(formatAccuracy(0)).toBe('0.0 %');
  });

  it('shows a dash before the first measurement', () => {
    expect(formatAccuracy(null)).toBe('—');
    expect(formatAccuracy(undefined)).toBe('—');
    expect(formatAccuracy(Number.NaN)).toBe('—');
  });
});
