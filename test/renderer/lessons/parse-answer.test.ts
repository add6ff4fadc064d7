import { describe, expect, it } from 'vitest';
import { answerReadings, parseAnswer } from '../../../renderer/lessons/math';

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
    ['π', Math.PI],
    ['pi', Math.PI],
    ['2π', 2 * Math.PI],
    ['π/2', Math.PI / 2],
    ['150×', 150],
    ['150x', 150],
    ['x150', 150],
    ['×150', 150],
    ['150 ×', 150],
    ['0.25^6', 0.25 ** 6],
    ['(1/4)^6', 0.25 ** 6],
    ['4^-6', 4 ** -6],
    ['2**10', 1024],
  ])('%s → %d', (typed, expected) => {
    expect(parseAnswer(typed)).toBeCloseTo(expected, 12);
  });

  it.each([
    '',
    '   ',
    'abc',
    'one two',
    '1,2,3',
    '12,34,5',
    '1/0',
    'e',
    '--1',
    'x',
    '×',
    'π^',
    '2^3^2',
    '9^999',
    '1-2',
    '2*3',
    'alert(1)',
    '(1/4',
  ])('%j is not a number', (typed) => {
    expect(parseAnswer(typed)).toBeNull();
  });

  it('reads "50%" as 50 or as the fraction 0.5, and "30.000" as 30 or 30,000, taking the reading the question accepts', () => {
    expect(answerReadings('50%')).toEqual([50, 0.5]);
    expect(answerReadings('30.000')).toEqual([30, 30000]);
    expect(answerReadings('1.234.567')).toEqual([1234567]);
    expect(parseAnswer('50%')).toBe(50);
    expect(parseAnswer('50%', (n) => Math.abs(n - 0.5) < 0.01)).toBe(0.5);
    expect(parseAnswer('94 %', (n) => Math.abs(n - 94) < 1)).toBe(94);
    expect(parseAnswer('30.000', (n) => n === 30000)).toBe(30000);
    // The plain reading stays when it is the one accepted, or when neither is.
    expect(parseAnswer('30.000', (n) => n === 30)).toBe(30);
    expect(parseAnswer('30.000', () => false)).toBe(30);
    expect(answerReadings('30.0')).toEqual([30]);
    expect(answerReadings('0.500')).toEqual([0.5]);
  });
});
