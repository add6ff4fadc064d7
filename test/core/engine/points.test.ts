import { describe, expect, it } from 'vitest';
import { createPointEvaluator, forwardPoints, networkShape } from '../../../core/engine';
import { createRandom } from '../../../core/engine/rng';
import { configWith } from './helpers';

describe('point evaluator', () => {
  const config = configWith({
    dataset: 'spiral',
    features: ['x1', 'x2', 'sinX1'],
    hidden: [
      [5, 'tanh'],
      [3, 'relu'],
    ],
    output: 'tanh',
  });
  const shape = networkShape(config);
  const random = createRandom(21);
  const paramsA = Float64Array.from({ length: shape.paramCount }, () => random() * 2 - 1);
  const paramsB = Float64Array.from({ length: shape.paramCount }, () => random() * 2 - 1);
  const points = Float64Array.from({ length: 2 * 37 }, () => random() * 12 - 6);

  it('gives what a single forward pass gives, for one parameter set after another', () => {
    const evaluator = createPointEvaluator(config, points);
    expect(evaluator.count).toBe(37);
    for (const params of [paramsA, paramsB, paramsA]) {
      const got = evaluator.evaluate(params);
      const want = forwardPoints(config, params, points);
      expect(got.map((a) => a.length)).toEqual([37 * 5, 37 * 3, 37]);
      got.forEach((layer, l) => expect(Array.from(layer)).toEqual(Array.from(want[l])));
    }
  });

  it('reuses its arrays (a redraw allocates nothing), while forwardPoints hands out copies', () => {
    const evaluator = createPointEvaluator(config, points);
    const first = evaluator.evaluate(paramsA);
    const kept = first[0][0];
    const second = evaluator.evaluate(paramsB);
    expect(second[0]).toBe(first[0]);
    expect(second[0][0]).not.toBe(kept);
    const copy = forwardPoints(config, paramsA, points);
    evaluator.evaluate(paramsA);
    expect(copy[0]).not.toBe(second[0]);
  });

  it('runs zero points without failing', () => {
    const evaluator = createPointEvaluator(config, new Float64Array(0));
    expect(evaluator.evaluate(paramsA).map((a) => a.length)).toEqual([0, 0, 0]);
  });
});
