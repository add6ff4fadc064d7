import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../core/config';
import { describeProblem, MAX_POINTS_CSV_BYTES, pointsFileSizeProblem, readPointsCsv } from '../../../core/exchange/points-csv';
import { pointsCsv } from '../../../core/exchange/csv-write';

describe('reading points from CSV', () => {
  it('reads good rows with a header, in file order, as classes', () => {
    const r = readPointsCsv('x1,x2,class\n1.5,-2,0\n-0.25,3e-1,1\n4,5,2\n');
    expect(r.ok).toBe(true);
    expect(r.header).toEqual(['x1', 'x2', 'class']);
    expect(r.problem).toBe('classification');
    expect(r.points).toEqual([
      { x1: 1.5, x2: -2, label: 0 },
      { x1: -0.25, x2: 0.3, label: 1 },
      { x1: 4, x2: 5, label: 2 },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/header calls the third column “class”/);
  });

  it('reads a file without a header, guessing classes from 0/1/2 and values otherwise', () => {
    const classes = readPointsCsv('1,2,1\r\n3,4,0\r\n');
    expect(classes.ok).toBe(true);
    expect(classes.header).toBeNull();
    expect(classes.problem).toBe('classification');
    const values = readPointsCsv('1,2,0.5\n3,4,-0.7\n');
    expect(values.problem).toBe('regression');
    expect(values.points.map((p) => p.label)).toEqual([0.5, -0.7]);
    expect(values.notes.join(' ')).toMatch(/value to predict/);
  });

  it('reports each bad line with its line, column, what is wrong and what to do, and keeps the good ones', () => {
    const text = ['x1,x2,class', '1,2,0', '1,abc,1', '', '3,4', '5,6,7', '1,2,', '8,9,1,0', '2,2,1'].join('\n');
    const r = readPointsCsv(text);
    expect(r.ok).toBe(true);
    expect(r.points).toEqual([
      { x1: 1, x2: 2, label: 0 },
      { x1: 2, x2: 2, label: 1 },
    ]);
    const messages = r.problems.map((p) => describeProblem(p, r.problem));
    expect(messages).toEqual([
      'Line 3, column 2 (x₂): “abc” is not a number. Write a number such as 1.5 or -0.25 (a point, not a comma, before the decimals).',
      'Line 5: has 2 values (“3,4”); each line needs three, separated by commas: x1, x2 and a class or value.',
      'Line 6, column 3 (class): 7 is not a class. Use 0, 1 or 2, or read the third column as values to predict.',
      'Line 7, column 3 (class): is empty. Write a number there, such as 1.5 or -0.25.',
      'Line 8: has 4 values (“8,9,1,0”); each line needs three, separated by commas: x1, x2 and a class or value.',
    ]);
  });

  it('reads the third column as values when asked, so 7 is no longer a problem', () => {
    const r = readPointsCsv('1,2,0\n5,6,7\n', 'regression');
    expect(r.problem).toBe('regression');
    expect(r.problems).toEqual([]);
    expect(r.points.map((p) => p.label)).toEqual([0, 7]);
    expect(describeProblem({ line: 2, column: 3, text: 'x' }, 'regression')).toBe('Line 2, column 3 (value): x');
  });

  it('honours double quotes, doubled quotes inside them and a byte-order mark', () => {
    const r = readPointsCsv('\uFEFF"x1","x2","the ""class"""\n"1.5","2",1\n" 3 ",4,"0"\n');
    expect(r.ok).toBe(true);
    expect(r.header).toEqual(['x1', 'x2', 'the "class"']);
    expect(r.points).toEqual([
      { x1: 1.5, x2: 2, label: 1 },
      { x1: 3, x2: 4, label: 0 },
    ]);
    const unclosed = readPointsCsv('1,2,0\n"3,4,1\n5,6,0\n');
    expect(unclosed.ok).toBe(false);
    expect(unclosed.message).toMatch(/^Line 2: a double quote/);
  });

  it('takes semicolons or tabs with decimal commas, and skips blank and # comment lines', () => {
    const semi = readPointsCsv('# my data\nx1;x2;value\n1,5;-2,25;0,5\n\n3;4;1\n');
    expect(semi.ok).toBe(true);
    expect(semi.problem).toBe('regression');
    expect(semi.points).toEqual([
      { x1: 1.5, x2: -2.25, label: 0.5 },
      { x1: 3, x2: 4, label: 1 },
    ]);
    const tabs = readPointsCsv('1\t2\t0\n3\t4\t1\n');
    expect(tabs.points).toHaveLength(2);
  });

  it('refuses empty files, files of nothing usable, and too few points, with what to do', () => {
    expect(readPointsCsv('').message).toMatch(/The file is empty\. A points file has one line per point/);
    expect(readPointsCsv('  \n\n').ok).toBe(false);
    expect(readPointsCsv('# only a comment\n').message).toMatch(/no points/);
    const one = readPointsCsv('x1,x2,class\n1,2,0\nfoo,2,1\n');
    expect(one.ok).toBe(false);
    expect(one.message).toMatch(/Only one line of the file is a usable point; at least two are needed/);
    expect(one.problems).toHaveLength(1);
  });

  it('refuses more points than the Lab takes, and files over the size limit', () => {
    const many = Array.from({ length: LIMITS.maxPoints + 1 }, (_, i) => `${i % 7},${i % 5},${i % 2}`).join('\n');
    const r = readPointsCsv(many);
    expect(r.ok).toBe(false);
    expect(r.message).toBe('The file has 5,001 good points; the Lab takes at most 5,000. Remove some lines and import again.');
    expect(readPointsCsv(Array.from({ length: LIMITS.maxPoints }, () => '1,2,1').join('\n')).ok).toBe(true);
    expect(pointsFileSizeProblem(MAX_POINTS_CSV_BYTES)).toBeNull();
    expect(pointsFileSizeProblem(15 * 1024 * 1024)).toMatch(/The file is 15\.0 MB; a points file can be at most 1 MB/);
    const huge = readPointsCsv('1,2,0\n'.repeat(MAX_POINTS_CSV_BYTES / 6 + 1));
    expect(huge.ok).toBe(false);
    expect(huge.message).toMatch(/at most 1 MB/);
  });

  it('refuses numbers beyond a million and notes points off the plot or of one class', () => {
    const r = readPointsCsv('1,2e7,0\n1,2,0\n9,0,0\n');
    expect(describeProblem(r.problems[0], r.problem)).toBe(
      'Line 1, column 2 (x₂): 2e7 is too large. Use numbers from -1,000,000 to 1,000,000.',
    );
    expect(r.notes.join(' ')).toMatch(/1 point lies outside the plotted square/);
    expect(r.notes.join(' ')).toMatch(/Every point is class 0/);
  });

  it('reads back exactly what the points export writes', () => {
    const points = [
      { x1: 0.1 + 0.2, x2: -1e-7, label: 2 },
      { x1: 5.999999999999999, x2: 0, label: 0 },
    ];
    const r = readPointsCsv(pointsCsv(points, 'classification'));
    expect(r.points).toEqual(points);
    expect(r.problem).toBe('classification');
    expect(readPointsCsv(pointsCsv(points, 'regression')).problem).toBe('regression');
  });
});
