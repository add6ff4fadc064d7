import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../renderer/lessons/math';

describe('parseAnswer reads a typed number as a person means it', () => {
  it.each([
    ['30000', 30000],
    ['30,000', 30000],
    ['30 000', 30000],
    ['1,024', 1024],
    ['1,234,567.5', 1234567.5],
    ['0,95', 0.95],
    ['3,5', 3.5],
    [',5', 0.5],
    ['0.953', 0.953],
    ['.5', 0.5],
    ['−0.5', -0.5],
    ['-2', -2],
    ['2.5e-4', 2.5e-4],
    ['1e3', 1000],
    ['1/256', 1 / 256],
    ['one', 1],
    ['Twelve', 12],
    ['half', 0.5],
    ['~150', 150],
    ['about 150', 150],
    ['≈ 0.25', 0.25],
    ['150 epochs', 150],
    ['94%', 94],
    ['94 %', 94],
    ['3 layers', 3],
    ['150x', 150],
    ['150 ×', 150],
    ['150 times', 150],
  ])('%s → %d', (typed, expected) => {
    expect(parseAnswer(typed)).toBeCloseTo(expected, 12);
  });

  it.each(['', '   ', 'abc', 'one two', '1,2,3', '12,34,5', '1/0', 'e', '--1', 'x', '×'])('%j is not a number', (typed) => {
    expect(parseAnswer(typed)).toBeNull();
  });
});
