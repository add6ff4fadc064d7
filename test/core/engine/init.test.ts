import { describe, expect, it } from 'vitest';
import { defaultConfig, type LabConfig } from '../../../core/config';
import { initialParams } from '../../../core/engine';
import { createModel } from '../../../core/engine/model';

describe('initialParams', () => {
  it('gives exactly the weights a new model starts from, for each initializer', () => {
    for (const initializer of ['playground', 'glorot', 'he'] as const) {
      const base = defaultConfig();
      const config: LabConfig = { ...base, seed: 7, training: { ...base.training, initializer } };
      expect(Array.from(initialParams(config))).toEqual(Array.from(createModel(config).params));
    }
  });

  it('changes with the seed and sizes itself to the network', () => {
    const a = initialParams({ ...defaultConfig(), seed: 1 });
    const b = initialParams({ ...defaultConfig(), seed: 2 });
    expect(a.length).toBe(b.length);
    expect(Array.from(a)).not.toEqual(Array.from(b));
    const wide = defaultConfig();
    wide.network.hidden = [{ size: 8, activation: 'relu' }];
    // 2 inputs → 8 → 1: 16 + 8 weights and biases into the layer, 8 + 1 into the output.
    expect(initialParams(wide).length).toBe(2 * 8 + 8 + 8 + 1);
  });
});
