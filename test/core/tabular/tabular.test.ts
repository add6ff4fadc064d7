import { describe, expect, it } from 'vitest';
import { createSession } from '../../../core/session';
import { irisConfig } from '../../../core/tabular/presets';
import { irisTable } from '../../../core/tabular/iris';
import { splitRows } from '../../../core/engine/table-split';
import { classify, galleryOrder, perClassAccuracy } from '../../../core/engine/table-predict';
import { drawingToDigit } from '../../../core/tabular/drawing';
import { generateData } from '../../../core/engine/data';
import { checkConfig } from '../../../core/engine/validate';
import type { Snapshot } from '../../../core/protocol';
import { TABLE_INFO } from '../../../core/tabular/info';

describe('table split', () => {
  it('is a seeded permutation cut by the training share', () => {
    const a = splitRows(100, 0.7, 3);
    expect(a.train.length).toBe(70);
    expect(a.test.length).toBe(30);
    expect([...a.train, ...a.test].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(splitRows(100, 0.7, 3).train)).toEqual(Array.from(a.train));
    expect(Array.from(splitRows(100, 0.7, 4).train)).not.toEqual(Array.from(a.train));
  });
});

describe('Iris', () => {
  it('has 150 standardised flowers of three species, 50 each', () => {
    const t = irisTable();
    expect(t.rows).toBe(150);
    expect(t.columns).toBe(TABLE_INFO.iris.columns);
    expect([0, 1, 2].map((c) => t.labels.filter((l) => l === c).length)).toEqual([50, 50, 50]);
    let mean = 0;
    for (let r = 0; r < 150; r++) mean += t.values[r * 4 + 2];
    expect(mean / 150).toBeCloseTo(0, 10);
  });

  it('generateData gives plottable points of the first two columns, labelled by species', () => {
    const data = generateData(irisConfig().data, 1);
    expect(data.classes).toBe(3);
    expect(data.train.length).toBe(105);
    expect(data.test.length).toBe(45);
    const t = irisTable();
    const row = data.rows!.train[0];
    expect(data.train[0]).toEqual({ x1: t.values[row * 4], x2: t.values[row * 4 + 1], label: t.labels[row] });
  });

  it('a 4→8→3 softmax network learns it: test accuracy above 90 %, 3 × 3 confusion', () => {
    const config = irisConfig();
    expect(checkConfig(config)).toBeNull();
    const session = createSession();
    session.handle({ type: 'configure', id: 1, config });
    for (let i = 0; i < 60; i++) session.handle({ type: 'step', id: 2, unit: 'epoch' });
    const snap: Snapshot = session.snapshot();
    expect(snap.metrics.testAccuracy).toBeGreaterThan(0.9);
    expect(snap.confusion).toHaveLength(3);
    const perClass = perClassAccuracy(snap.confusion!);
    expect(perClass.every((a) => a !== null && a > 0.7)).toBe(true);
  });
});

describe('gallery helpers', () => {
  it('classifies by the largest output and puts confident mistakes first', () => {
    // Four rows, three classes.
    const out = Float64Array.from([0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4, 0.1, 0.45, 0.45]);
    const c = classify(out, 4, 3);
    expect(Array.from(c.predicted)).toEqual([0, 1, 2, 1]);
    const labels = [0, 2, 2, 1];
    // Row 1 is wrong at 0.8, row 0 right at 0.7, row 2 right at 0.4, row 3 right at 0.45.
    expect(galleryOrder(labels, c)).toEqual([1, 2, 3, 0]);
  });

  it('per-class accuracy reads the confusion rows and skips empty classes', () => {
    expect(
      perClassAccuracy([
        [3, 1],
        [0, 0],
      ]),
    ).toEqual([0.75, null]);
  });
});

describe('drawing to digit', () => {
  it('is blank for an empty pad', () => {
    expect(drawingToDigit(new Float64Array(100 * 100), 100).every((v) => v === 0)).toBe(true);
  });

  it('scales a small off-centre stroke into a 20-pixel box centred by mass', () => {
    const side = 100;
    const ink = new Float64Array(side * side);
    // A vertical bar 4 wide and 30 tall near the top-left corner.
    for (let y = 5; y < 35; y++) for (let x = 5; x < 9; x++) ink[y * side + x] = 1;
    const digit = drawingToDigit(ink, side);
    const rows: number[] = [];
    const cols: number[] = [];
    for (let i = 0; i < 784; i++) {
      if (digit[i] > 0) {
        rows.push(Math.floor(i / 28));
        cols.push(i % 28);
      }
    }
    expect(Math.max(...rows) - Math.min(...rows) + 1).toBe(20);
    const meanRow = rows.reduce((a, b) => a + b, 0) / rows.length;
    const meanCol = cols.reduce((a, b) => a + b, 0) / cols.length;
    expect(Math.abs(meanRow + 0.5 - 14)).toBeLessThan(1);
    expect(Math.abs(meanCol + 0.5 - 14)).toBeLessThan(1.5);
    expect(Math.max(...digit)).toBeCloseTo(1, 6);
  });
});
