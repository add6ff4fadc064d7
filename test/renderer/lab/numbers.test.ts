import { describe, expect, it } from 'vitest';
import { formatAccuracy, formatCount, formatSigned, spokenSigned } from '../../../renderer/lab/numbers';

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

describe('formatSigned', () => {
  it('writes a negative value with the minus sign "−" the formulas and axes use, not a hyphen', () => {
    expect(formatSigned(-3, 1)).toBe('\u22123.0');
    expect(formatSigned(-2.25, 2)).toBe('\u22122.25');
    expect(formatSigned(2.5, 1)).toBe('2.5');
    expect(formatSigned(0, 1)).toBe('0.0');
  });

  it('shows no sign on a value that rounds to zero', () => {
    expect(formatSigned(-0.04, 1)).toBe('0.0');
    expect(formatSigned(-0, 2)).toBe('0.00');
  });

  it('gives a screen reader the same value with the ASCII minus', () => {
    expect(spokenSigned(-3, 1)).toBe('-3.0');
    expect(spokenSigned(-0.04, 1)).toBe('0.0');
    expect(spokenSigned(1.5, 1)).toBe('1.5');
  });
});
