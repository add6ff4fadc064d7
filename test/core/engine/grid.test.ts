import { describe, expect, it } from 'vitest';
import { createGridEvaluator, forwardPoints, gridPoints, networkShape } from '../../../core/engine';
import { createRandom } from '../../../core/engine/rng';
import { configWith } from './helpers';

describe('grid evaluator', () => {
  it('matches forwardPoints at every cell, for every neuron', () => {
    for (const output of ['tanh', 'softmax'] as const) {
      const config = configWith({
        dataset: output === 'softmax' ? 'spiral3' : 'circle',
        features: ['x1', 'x2', 'x1Squared', 'sinX2'],
        hidden: [
          [5, 'relu'],
          [3, 'tanh'],
        ],
        output,
        training: output === 'softmax' ? { loss: 'softmaxCrossEntropy' } : {},
      });
      const shape = networkShape(config);
      const random = createRandom(9);
      const params = Float64Array.from({ length: shape.paramCount }, () => random() * 2 - 1);
      const resolution = 17;
      const grid = createGridEvaluator(config, resolution).evaluate(params);
      const exact = forwardPoints(config, params, gridPoints(resolution));
      expect(grid.features).toHaveLength(4);
      expect(grid.layers.map((l) => l.length)).toEqual(shape.layers.map((l) => l.size));
      grid.layers.forEach((layer, l) => {
        layer.forEach((values, j) => {
          expect(values).toHaveLength(resolution * resolution);
          for (let p = 0; p < values.length; p++) expect(values[p]).toBeCloseTo(exact[l][p * layer.length + j], 5);
        });
      });
    }
  });

  it('matches forwardPoints for wide layers (several passes over the inputs, neurons not a multiple of four)', () => {
    const config = configWith({
      dataset: 'spiral3',
      features: ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'],
      hidden: [
        [16, 'tanh'],
        [13, 'sigmoid'],
        [9, 'identity'],
        [16, 'elu'],
      ],
      output: 'softmax',
      training: { loss: 'softmaxCrossEntropy' },
    });
    const shape = networkShape(config);
    const random = createRandom(4);
    const params = Float64Array.from({ length: shape.paramCount }, () => random() - 0.5);
    const resolution = 9;
    const evaluator = createGridEvaluator(config, resolution);
    evaluator.evaluate(params.map((v) => -v));
    const grid = evaluator.evaluate(params);
    const exact = forwardPoints(config, params, gridPoints(resolution));
    grid.layers.forEach((layer, l) => {
      expect(layer).toHaveLength(shape.layers[l].size);
      layer.forEach((values, j) => {
        for (let p = 0; p < values.length; p++) expect(values[p]).toBeCloseTo(exact[l][p * layer.length + j], 5);
      });
    });
  });

  it('puts row 0 at the top and column 0 at the left, on cell centres', () => {
    const xy = gridPoints(4);
    expect([xy[0], xy[1]]).toEqual([-4.5, 4.5]);
    expect([xy[2 * 3], xy[2 * 3 + 1]]).toEqual([4.5, 4.5]);
    expect([xy[2 * 15], xy[2 * 15 + 1]]).toEqual([4.5, -4.5]);
    const grid = createGridEvaluator(configWith({}), 4).evaluate(new Float64Array(networkShape(configWith({})).paramCount));
    expect(Array.from(grid.features[1].slice(0, 4))).toEqual([4.5, 4.5, 4.5, 4.5]);
  });

  it('reuses its buffers between calls', () => {
    const config = configWith({});
    const evaluator = createGridEvaluator(config, 10);
    const first = evaluator.evaluate(new Float64Array(networkShape(config).paramCount).fill(0.2));
    const kept = first.layers[0][0].slice();
    const second = evaluator.evaluate(new Float64Array(networkShape(config).paramCount).fill(-0.3));
    expect(second.layers[0][0]).toBe(first.layers[0][0]);
    expect(second.layers[0][0]).not.toEqual(kept);
  });
});
