/** The hand-built XOR network of Goodfellow, Bengio & Courville, Deep Learning §6.1. */
import { describe, expect, it } from 'vitest';
import { collapse, forwardPoints, networkShape } from '../../../core/engine';
import { configWith, flatPoints, XOR_POINTS } from './helpers';

describe('the Deep Learning book’s XOR network', () => {
  const config = configWith({ dataset: 'custom', points: XOR_POINTS, hidden: [[2, 'relu']], output: 'identity' });
  const shape = networkShape(config);
  const params = new Float64Array(shape.paramCount);
  // Hidden layer: W = [[1, 1], [1, 1]], c = [0, −1]; output: w = [1, −2], b = 0.
  params[shape.weightIndex(0, 0, 0)] = 1;
  params[shape.weightIndex(0, 0, 1)] = 1;
  params[shape.weightIndex(0, 1, 0)] = 1;
  params[shape.weightIndex(0, 1, 1)] = 1;
  params[shape.biasIndex(0, 0)] = 0;
  params[shape.biasIndex(0, 1)] = -1;
  params[shape.weightIndex(1, 0, 0)] = 1;
  params[shape.weightIndex(1, 0, 1)] = -2;
  params[shape.biasIndex(1, 0)] = 0;

  it('has the layout the book describes', () => {
    expect(shape.inputs).toBe(2);
    expect(shape.layers).toEqual([
      { size: 2, activation: 'relu' },
      { size: 1, activation: 'identity' },
    ]);
    expect(shape.paramCount).toBe(9);
  });

  it('gives exactly 0, 1, 1, 0 on the four corners', () => {
    const layers = forwardPoints(config, params, flatPoints(XOR_POINTS));
    expect(Array.from(layers[1])).toEqual([0, 1, 1, 0]);
    // The hidden layer's rectified values, as the book tabulates them.
    expect(Array.from(layers[0])).toEqual([0, 0, 1, 0, 1, 0, 2, 1]);
  });

  it('is not a linear network, so it does not collapse', () => {
    expect(collapse(config, params)).toBeNull();
  });
});
