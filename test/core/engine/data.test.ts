import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, defaultConfig, type DataSpec } from '../../../core/config';
import { DATASET_INFO, generateData } from '../../../core/engine';

function spec(dataset: DataSpec['dataset'], changes: Partial<DataSpec> = {}): DataSpec {
  return { ...defaultConfig().data, dataset, ...changes };
}

const generated = DATASET_NAMES.filter((d) => d !== 'custom');

describe('data sets', () => {
  it('are deterministic for a seed and differ between seeds', () => {
    for (const d of generated) {
      expect(generateData(spec(d, { noise: 20 }), 7)).toEqual(generateData(spec(d, { noise: 20 }), 7));
      expect(generateData(spec(d), 7).train).not.toEqual(generateData(spec(d), 8).train);
    }
  });

  it('split points by the training share and keep every point', () => {
    for (const d of generated) {
      const set = generateData(spec(d, { size: 300, trainRatio: 0.3 }), 3);
      expect(set.train.length).toBe(90);
      expect(set.test.length).toBe(210);
      expect(set.problem).toBe(DATASET_INFO[d].problem);
      expect(set.classes).toBe(DATASET_INFO[d].classes);
    }
  });

  it('stay inside the square without noise and use class indices', () => {
    for (const d of generated) {
      const set = generateData(spec(d, { size: 400 }), 5);
      const all = [...set.train, ...set.test];
      for (const p of all) {
        expect(Math.abs(p.x1)).toBeLessThanOrEqual(6);
        expect(Math.abs(p.x2)).toBeLessThanOrEqual(6);
        if (set.problem === 'classification') expect(Number.isInteger(p.label) && p.label >= 0 && p.label < set.classes).toBe(true);
        else expect(Math.abs(p.label)).toBeLessThanOrEqual(1);
      }
      if (set.problem === 'classification') {
        // Every class is present in reasonable numbers.
        for (let k = 0; k < set.classes; k++) expect(all.filter((p) => p.label === k).length).toBeGreaterThan(400 / set.classes / 3);
      }
    }
  });

  it('labels the circle by distance from the centre', () => {
    const set = generateData(spec('circle'), 1);
    for (const p of set.train) expect(p.label).toBe(Math.hypot(p.x1, p.x2) < 2.5 ? 1 : 0);
  });

  it('uses the learner’s own points for custom sets', () => {
    const points = [
      { x1: 1, x2: 2, label: 0 },
      { x1: -1, x2: 0.5, label: 2 },
      { x1: 3, x2: -3, label: 1 },
      { x1: 0, x2: 0, label: 1 },
    ];
    const set = generateData(spec('custom', { points, trainRatio: 0.5 }), 1);
    expect(set.classes).toBe(3);
    expect([...set.train, ...set.test].sort((a, b) => a.x1 - b.x1)).toEqual([...points].sort((a, b) => a.x1 - b.x1));
    expect(generateData(spec('custom', { points, problem: 'regression' }), 1).classes).toBe(1);
  });
});
