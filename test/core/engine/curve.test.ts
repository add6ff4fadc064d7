/** Curve fitting: the 1-D data sets, 1→…→1 regression networks, and each neuron's contribution to the curve. */
import { describe, expect, it } from 'vitest';
import { CURVE_DATASET_NAMES, type ActivationName, type LabConfig } from '../../../core/config';
import { checkConfig, forwardPoints, generateData, networkShape } from '../../../core/engine';
import { curveView, createCurveEvaluator, curveXs } from '../../../core/engine/curve';
import { CURVE_SHAPES, curvePoint } from '../../../core/engine/curve-data';
import { createModel, trainEpoch } from '../../../core/engine/model';
import { measure } from '../../../core/engine/metrics';
import { createRandom } from '../../../core/engine/rng';
import { createSession } from '../../../core/session';
import { configWith } from './helpers';

function curveConfig(
  dataset: LabConfig['data']['dataset'],
  hidden: [number, ActivationName][] = [[8, 'relu']],
  changes: Parameters<typeof configWith>[0] = {},
): LabConfig {
  return configWith({
    dataset,
    hidden,
    output: 'identity',
    problem: 'regression',
    training: { loss: 'halfSquared', learningRate: 0.03 },
    ...changes,
  });
}

function randomParams(config: LabConfig, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: networkShape(config).paramCount }, () => random() * 2 - 1);
}

describe('curve data sets', () => {
  it("give points with x in [−6, 6], x2 = 0 and the shape's y when there is no noise", () => {
    for (const name of ['sine', 'step', 'absolute', 'parabola'] as const) {
      const data = generateData({ ...curveConfig(name).data, noise: 0, size: 200 }, 4);
      expect(data.problem).toBe('regression');
      expect(data.classes).toBe(1);
      expect(data.train.length + data.test.length).toBe(200);
      for (const p of [...data.train, ...data.test]) {
        expect(Math.abs(p.x1)).toBeLessThanOrEqual(6);
        expect(p.x2).toBe(0);
        expect(p.label).toBe(CURVE_SHAPES[name].y(p.x1));
      }
    }
    expect(CURVE_SHAPES.sine.y(Math.PI / 2)).toBe(1);
    expect(CURVE_SHAPES.absolute.y(-3)).toBe(0);
    expect(CURVE_SHAPES.parabola.y(6)).toBe(1);
  });

  it('add noise to the line even at noise 0, and more with the noise slider', () => {
    const spread = (noise: number): number => {
      const data = generateData({ ...curveConfig('noisyLine').data, noise, size: 2000 }, 9);
      const r = data.train.map((p) => p.label - CURVE_SHAPES.noisyLine.y(p.x1));
      return Math.sqrt(r.reduce((s, v) => s + v * v, 0) / r.length);
    };
    expect(spread(0)).toBeCloseTo(0.15, 1);
    expect(spread(20)).toBeCloseTo(0.35, 1);
  });

  it("accept the learner's own 1-D points, and say what is wrong with bad ones", () => {
    const own = curveConfig('ownCurve', [[4, 'tanh']], { points: [curvePoint(-2, 0.5), curvePoint(1, -0.25), curvePoint(3, 1)] });
    expect(checkConfig(own)).toBeNull();
    const data = generateData(own.data, 1);
    expect([...data.train, ...data.test].map((p) => [p.x1, p.label]).sort((a, b) => a[0] - b[0])).toEqual([
      [-2, 0.5],
      [1, -0.25],
      [3, 1],
    ]);
    expect(checkConfig({ ...own, data: { ...own.data, points: [curvePoint(1, 1)] } })).toMatch(/at least two points/);
    expect(checkConfig({ ...own, data: { ...own.data, points: [curvePoint(1, 1), { x1: 2, x2: 3, label: 0 }] } })).toMatch(
      /x from −6 to 6.*x2 = 0/,
    );
    expect(checkConfig({ ...own, data: { ...own.data, points: [curvePoint(1, 1), curvePoint(7, 0)] } })).toMatch(/x from −6 to 6/);
  });

  it('make 1→…→1 regression networks the validation accepts (features are ignored: the input is x)', () => {
    for (const name of CURVE_DATASET_NAMES) {
      const config = curveConfig(
        name,
        [
          [8, 'relu'],
          [4, 'tanh'],
        ],
        { features: ['x1', 'x2', 'sinX2'], points: [curvePoint(0, 0), curvePoint(1, 1)] },
      );
      expect(checkConfig(config), name).toBeNull();
      const shape = networkShape(config);
      expect(shape.inputs).toBe(1);
      expect(shape.layers[shape.layers.length - 1].size).toBe(1);
    }
    expect(checkConfig(curveConfig('sine', [[4, 'relu']], { training: { loss: 'binaryCrossEntropy' } }))).toMatch(/squared error/);
    expect(checkConfig(curveConfig('sine', [[4, 'relu']], { output: 'softmax' }))).toMatch(/regression/);
  });

  it('are learned by the same engine: a ReLU network fits the sine wave', () => {
    const model = createModel(
      curveConfig(
        'sine',
        [
          [16, 'relu'],
          [8, 'relu'],
        ],
        { size: 300, training: { loss: 'halfSquared', learningRate: 0.01, optimizer: 'adam', batchSize: 10 } },
      ),
    );
    const before = measure(model, 0).point.trainLoss;
    for (let e = 0; e < 400; e++) trainEpoch(model);
    const after = measure(model, 400).point;
    expect(before).toBeGreaterThan(0.1);
    expect(after.trainLoss).toBeLessThan(0.01);
    expect(after.testLoss).toBeLessThan(0.02);
  });
});

describe("each neuron's contribution to the curve", () => {
  it("sums, with the output bias, exactly to the output neuron's weighted sum; the output is the curve", () => {
    for (const activation of ['relu', 'tanh', 'sigmoid', 'drawn'] as ActivationName[]) {
      for (const hidden of [
        [[6, activation]],
        [
          [5, 'tanh'],
          [7, activation],
        ],
      ] as [number, ActivationName][][]) {
        const config = curveConfig('sine', hidden);
        const params = randomParams(config, 21);
        const xs = curveXs(121);
        const view = curveView(config, params, xs);
        expect(view.contributions).toHaveLength(hidden[hidden.length - 1][0]);
        const layers = forwardPoints(
          config,
          params,
          Float64Array.from({ length: 2 * xs.length }, (_, i) => (i % 2 === 0 ? xs[i / 2] : 0)),
        );
        const last = layers[layers.length - 1];
        const h = layers[layers.length - 2];
        const size = hidden[hidden.length - 1][0];
        const w0 = networkShape(config).weightIndex(hidden.length, 0, 0);
        for (let p = 0; p < xs.length; p++) {
          let sum = view.bias;
          for (const c of view.contributions) sum += c[p];
          // Same terms in the same order as the engine's sum: equal to the last bit.
          expect(sum).toBe(view.sum[p]);
          expect(view.output[p]).toBe(last[p]);
          expect(view.output[p]).toBe(view.sum[p]);
          for (let j = 0; j < size; j++) expect(view.contributions[j][p]).toBe(params[w0 + j] * h[p * size + j]);
        }
      }
    }
  });

  it('shows a ReLU curve as a sum of hinges: each contribution is straight on both sides of one kink', () => {
    const config = curveConfig('absolute', [[4, 'relu']]);
    const params = randomParams(config, 2);
    const view = curveView(config, params, curveXs(241));
    for (const c of view.contributions) {
      let kinks = 0;
      for (let p = 1; p < c.length - 1; p++) if (Math.abs(c[p + 1] - 2 * c[p] + c[p - 1]) > 1e-9) kinks++;
      expect(kinks).toBeLessThanOrEqual(2); // one kink, seen from the two samples around it
    }
  });

  it("uses the inputs' contributions when there is no hidden layer, and a non-linear output is g(sum)", () => {
    const config = curveConfig('noisyLine', [], { output: 'tanh' });
    const params = Float64Array.from([0.5, -0.2]);
    const view = curveView(config, params, curveXs(3));
    expect(Array.from(view.contributions[0])).toEqual([-3, 0, 3]);
    expect(view.bias).toBe(-0.2);
    expect(Array.from(view.sum)).toEqual([-3.2, -0.2, 2.8]);
    view.output.forEach((y, p) => expect(y).toBeCloseTo(Math.tanh(view.sum[p]), 7));
  });

  it('reuses its buffers, and refuses a network with several outputs', () => {
    const config = curveConfig('sine', [[3, 'tanh']]);
    const evaluator = createCurveEvaluator(config, curveXs(10));
    const a = evaluator.evaluate(randomParams(config, 1));
    const kept = a.sum.slice();
    const b = evaluator.evaluate(randomParams(config, 2));
    expect(b.sum).toBe(a.sum);
    expect(b.sum).not.toEqual(kept);
    const threeClasses = configWith({ dataset: 'blobs3', output: 'softmax', training: { loss: 'softmaxCrossEntropy' } });
    expect(() => createCurveEvaluator(threeClasses, curveXs(5))).toThrow(/one output/);
  });

  it("is what a session trains: configure a curve set, train, and the snapshot's curve fits the points", () => {
    const session = createSession({ fastPath: true });
    const config = curveConfig('parabola', [[8, 'tanh']], {
      size: 200,
      training: { loss: 'halfSquared', learningRate: 0.03, optimizer: 'adam', batchSize: 10 },
    });
    session.handle({ type: 'configure', id: 1, config });
    expect(session.usesFastPath()).toBe(true);
    session.train(300, () => 0, Number.POSITIVE_INFINITY);
    const snap = session.snapshot();
    const view = curveView(config, snap.params, Float64Array.from([-6, 0, 6]));
    expect(view.output[0]).toBeCloseTo(1, 1);
    expect(view.output[1]).toBeCloseTo(-1, 1);
    expect(view.output[2]).toBeCloseTo(1, 1);
  });
});
