/**
 * Initial weights: the `equal` initializer's neurons stay clones under training (checked
 * against one update worked out by hand, then over many epochs on both training paths), and
 * the `large` one draws weights over its whole range.
 */
import { describe, expect, it } from 'vitest';
import { INITIALIZER_NAMES } from '../../../core/config';
import { checkConfig } from '../../../core/engine';
import { EQUAL_WEIGHT, LARGE_WEIGHT } from '../../../core/engine/init';
import { createModel, trainBatch, trainEpoch, type Model } from '../../../core/engine/model';
import { readConfig } from '../../../core/project/validate-config';
import { configWith } from './helpers';

/** Neuron j's incoming weights in hidden or output layer l. */
function row(model: Model, l: number, j: number): number[] {
  const inputs = model.topo.sizes[l];
  const start = model.topo.weightOffsets[l] + j * inputs;
  return Array.from(model.params.subarray(start, start + inputs));
}

function bias(model: Model, l: number, j: number): number {
  return model.params[model.topo.biasOffsets[l] + j];
}

describe('the equal initializer', () => {
  it('starts every weight at 0.5 and every bias at 0', () => {
    const model = createModel(configWith({ hidden: [[3, 'tanh']], training: { initializer: 'equal' } }));
    expect(EQUAL_WEIGHT).toBe(0.5);
    for (let j = 0; j < 3; j++) {
      expect(row(model, 0, j)).toEqual([0.5, 0.5]);
      expect(bias(model, 0, j)).toBe(0);
    }
    expect(row(model, 1, 0)).toEqual([0.5, 0.5, 0.5]);
  });

  it('gives both hidden neurons the same update as one worked out by hand (x = (1, 1), target 1, rate 0.1)', () => {
    // 2 → 2 tanh → 1 tanh, ½·squared error. Every weight 0.5, biases 0:
    // z = 0.5·1 + 0.5·1 = 1, h = tanh 1 = 0.76159…, the output's z = 0.5h + 0.5h = h, y = tanh h = 0.64201…
    // output δ = (y − 1)(1 − y²) = −0.21043…; output weight 0.5 − 0.1·δ·h = 0.51603…, bias −0.1·δ = 0.021043…
    // hidden δ = δ·0.5·(1 − h²) = −0.044188…; hidden weight 0.5 − 0.1·δ·1 = 0.50442…, bias 0.0044188…
    const point = { x1: 1, x2: 1, label: 1 };
    const config = configWith({
      dataset: 'custom',
      points: [point, point],
      trainRatio: 0.5,
      hidden: [[2, 'tanh']],
      output: 'tanh',
      training: { initializer: 'equal', learningRate: 0.1, batchSize: 1 },
    });
    const model = createModel(config, { exactTanh: true, gradientFlow: false });
    trainBatch(model);
    for (let j = 0; j < 2; j++) {
      for (const w of row(model, 0, j)) expect(w).toBeCloseTo(0.5044187512988939, 14);
      expect(bias(model, 0, j)).toBeCloseTo(0.004418751298893867, 14);
    }
    for (const w of row(model, 1, 0)) expect(w).toBeCloseTo(0.5160261941380807, 14);
    expect(bias(model, 1, 0)).toBeCloseTo(0.02104295839556257, 14);
  });

  it('keeps every neuron of a layer a clone of the others after 100 epochs on the circle, on both training paths', () => {
    for (const fastPath of [false, true]) {
      const config = configWith({
        hidden: [
          [4, 'tanh'],
          [3, 'relu'],
        ],
        training: { initializer: 'equal', optimizer: 'adam' },
        seed: 3,
      });
      const model = createModel(config, { fastPath });
      for (let e = 0; e < 100; e++) trainEpoch(model);
      for (const l of [0, 1]) {
        const first = row(model, l, 0);
        expect(first).not.toEqual(row(createModel(config), l, 0)); // they did learn
        for (let j = 1; j < model.topo.sizes[l + 1]; j++) {
          expect(row(model, l, j)).toEqual(first);
          expect(bias(model, l, j)).toBe(bias(model, l, 0));
        }
      }
    }
  });

  it('is the cause: with random starting weights the same network ends with different neurons', () => {
    const config = configWith({ hidden: [[4, 'tanh']], training: { initializer: 'playground' }, seed: 3 });
    const model = createModel(config);
    for (let e = 0; e < 20; e++) trainEpoch(model);
    expect(row(model, 0, 1)).not.toEqual(row(model, 0, 0));
  });
});

describe('the large initializer', () => {
  it('draws weights across ±5 (far beyond the Playground’s ±0.5) and biases of 0', () => {
    const model = createModel(
      configWith({
        hidden: [
          [16, 'tanh'],
          [16, 'tanh'],
        ],
        training: { initializer: 'large' },
        seed: 2,
      }),
    );
    const weights = [0, 1, 2].flatMap((l) => Array.from({ length: model.topo.sizes[l + 1] }, (_, j) => row(model, l, j)).flat());
    expect(Math.max(...weights.map(Math.abs))).toBeLessThanOrEqual(LARGE_WEIGHT);
    expect(weights.filter((w) => Math.abs(w) > 2.5).length / weights.length).toBeGreaterThan(0.4);
    expect(bias(model, 0, 0)).toBe(0);
  });
});

describe('every initializer name', () => {
  it('is accepted by the engine and by the project format', () => {
    for (const initializer of INITIALIZER_NAMES) {
      const config = configWith({ training: { initializer } });
      expect(checkConfig(config)).toBeNull();
      expect(readConfig(JSON.parse(JSON.stringify(config))).training.initializer).toBe(initializer);
    }
    const bad = JSON.parse(JSON.stringify(configWith({}))) as { training: { initializer: string } };
    bad.training.initializer = 'zeros';
    expect(() => readConfig(bad)).toThrow(/initializer/);
  });
});
