import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../../core/config';
import { forwardPoints, networkShape } from '../../../core/engine';
import {
  BENDS,
  BENT,
  checkBent,
  checkFolded,
  checkStraight,
  FOLDS,
  foldConfig,
  STRAIGHT,
} from '../../../renderer/lessons/08-folding-space/lesson';
import { XOR_CORNERS } from '../../../renderer/lessons/math';
import type { FoldSpaceState } from '../../../renderer/lessons/widgets/fold-space';
import { trainedSession } from './instrument-helpers';

/** Trains the lesson's network with `activation` for `epochs` and reports what the widget would, plus the weights. */
function trained(activation: ActivationName, epochs: number, answer: string | null = null) {
  const config = structuredClone(foldConfig);
  config.network.hidden = config.network.hidden.map((h) => ({ ...h, activation }));
  const run = trainedSession(config);
  run.train(epochs);
  const snap = run.session.snapshot();
  const state: FoldSpaceState = { activation, epoch: snap.epoch, trainAccuracy: snap.metrics.trainAccuracy, answer };
  return { state, config, params: snap.params };
}

/** The four corners in layer space, and whether the output neuron's line splits them by class. */
function cornersInLayerSpace(config: typeof foldConfig, params: Float64Array) {
  const xy = new Float64Array(XOR_CORNERS.flatMap((p) => [p.x1, p.x2]));
  const hidden = forwardPoints(config, params, xy)[0];
  const shape = networkShape(config);
  const side = XOR_CORNERS.map((_, i) => {
    const z =
      params[shape.weightIndex(1, 0, 0)] * hidden[2 * i] +
      params[shape.weightIndex(1, 0, 1)] * hidden[2 * i + 1] +
      params[shape.biasIndex(1, 0)];
    return z > 0 ? 1 : 0;
  });
  return { hidden, separated: side.every((s, i) => s === XOR_CORNERS[i].label) };
}

describe('lesson 8: folding space', () => {
  it('measured: a linear hidden layer stays below 100 % after 400 epochs; ReLU reaches 100 % within 50, tanh within 200', () => {
    const linear = trained('identity', 400, STRAIGHT);
    const relu = trained('relu', 50);
    const tanh = trained('tanh', 200, BENDS);
    console.log(
      `training points right: linear ${linear.state.trainAccuracy} after 400 epochs, ReLU ${relu.state.trainAccuracy} after 50, tanh ${tanh.state.trainAccuracy} after 200`,
    );
    expect(checkStraight(linear.state)).toBe(true);
    expect(checkFolded(relu.state)).toBe(true);
    expect(checkBent(tanh.state)).toBe(true);
    // In layer space, the output neuron's straight line splits the corners for ReLU and tanh, never for the linear layer.
    expect(cornersInLayerSpace(relu.config, relu.params).separated).toBe(true);
    expect(cornersInLayerSpace(tanh.config, tanh.params).separated).toBe(true);
    expect(cornersInLayerSpace(linear.config, linear.params).separated).toBe(false);
  });
  it('a linear layer keeps the four corners a parallelogram: the two diagonals still share their midpoint', () => {
    const { config, params } = trained('identity', 100);
    const { hidden } = cornersInLayerSpace(config, params);
    // Corners in order (0,0), (0,1), (1,0), (1,1): an affine map keeps (h00 + h11)/2 = (h01 + h10)/2.
    for (const k of [0, 1]) expect((hidden[k] + hidden[6 + k]) / 2).toBeCloseTo((hidden[2 + k] + hidden[4 + k]) / 2, 9);
  });
  it('step checks: the prediction, the activation and the watching all count', () => {
    const base: FoldSpaceState = { activation: 'identity', epoch: 100, trainAccuracy: 0.56, answer: STRAIGHT };
    expect(checkStraight(base)).toBe(true);
    expect(checkStraight({ ...base, answer: BENT })).toBe(false);
    expect(checkStraight({ ...base, answer: null })).toBe(false);
    expect(checkStraight({ ...base, epoch: 20 })).toBe(false);
    expect(checkStraight({ ...base, activation: 'relu' })).toBe(false);
    expect(checkFolded({ ...base, activation: 'relu', trainAccuracy: 1 })).toBe(true);
    expect(checkFolded({ ...base, activation: 'relu', trainAccuracy: 0.81 })).toBe(false);
    expect(checkFolded({ ...base, activation: 'tanh', trainAccuracy: 1 })).toBe(false);
    expect(checkBent({ activation: 'tanh', epoch: 150, trainAccuracy: 1, answer: BENDS })).toBe(true);
    expect(checkBent({ activation: 'tanh', epoch: 150, trainAccuracy: 1, answer: FOLDS })).toBe(false);
    expect(checkBent({ activation: 'tanh', epoch: 150, trainAccuracy: 0.75, answer: BENDS })).toBe(false);
    expect(checkBent({ activation: 'relu', epoch: 150, trainAccuracy: 1, answer: BENDS })).toBe(false);
  });
});
