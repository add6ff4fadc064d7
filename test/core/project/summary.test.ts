import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../core/config';
import { estimatedFileBytes, formatBytes, latestAccuracy, serializeProject, summarize } from '../../../core/project';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { sampleConfig, sampleProject } from './sample';

describe('project summaries', () => {
  it('describe a digits network by its layers and data, as a table project', () => {
    const summary = summarize(digitsConfig([{ size: 64, activation: 'relu' }]));
    expect(summary).toEqual({
      kind: 'digits',
      data: 'Handwritten digits',
      layers: '784 → 64 → 10',
      parameters: 784 * 64 + 64 + 64 * 10 + 10,
      line: '784 → 64 → 10, handwritten digits',
    });
  });

  it('describe Iris and 2-D networks too', () => {
    expect(summarize(irisConfig([{ size: 8, activation: 'tanh' }])).line).toBe('4 → 8 → 3, iris flowers');
    expect(summarize(irisConfig()).kind).toBe('iris');
    const plane = summarize(defaultConfig());
    expect(plane).toMatchObject({ kind: 'plane', line: '2 → 4 → 2 → 1, circle' });
    expect(summarize(sampleConfig()).line).toBe('4 → 6 → 3 → 1, spiral');
  });

  it('find the newest test accuracy, skipping regression points', () => {
    expect(latestAccuracy([])).toBeNull();
    const point = (epoch: number, testAccuracy: number | null) => ({
      epoch,
      trainLoss: 0,
      testLoss: 0,
      trainAccuracy: testAccuracy,
      testAccuracy,
    });
    expect(latestAccuracy([point(0, 0.5), point(1, 0.9)])).toBe(0.9);
    expect(latestAccuracy([point(0, null)])).toBeNull();
  });

  it('estimate the file size within a factor of two of the real one', () => {
    const project = sampleProject();
    const real = serializeProject(project).length;
    const estimate = estimatedFileBytes(project.config, true);
    expect(estimate / real).toBeGreaterThan(0.5);
    expect(estimate / real).toBeLessThan(2);
    const digits = digitsConfig([{ size: 128, activation: 'relu' }]);
    expect(formatBytes(estimatedFileBytes(digits, true))).toBe('5.8 MB');
    expect(formatBytes(estimatedFileBytes(digits, false))).toBe('2 KB');
    expect(formatBytes(1536)).toBe('2 KB');
  });
});
