/** One example, forward and backward: the engine's own numbers for one training example, and its one-example update. */
import { describe, expect, it } from 'vitest';
import type { LabConfig } from '../../../core/config';
import { forwardPoints, networkShape } from '../../../core/engine';
import { backwardBatch, createWorkspace, forwardBatch } from '../../../core/engine/kernels';
import { lossSum, outputDelta } from '../../../core/engine/loss';
import { createModel, trainBatch, type Model } from '../../../core/engine/model';
import { createRandom } from '../../../core/engine/rng';
import { largestChanges, neuronSum, traceExample, trainExample } from '../../../core/engine/trace';
import { presetKnots } from '../../../core/engine/drawn';
import { configWith } from './helpers';

const NETWORKS: [string, LabConfig][] = [
  [
    'tanh two classes',
    configWith({
      dataset: 'xor',
      size: 40,
      hidden: [
        [4, 'tanh'],
        [3, 'relu'],
      ],
      features: ['x1', 'x2', 'x1x2'],
    }),
  ],
  [
    'sigmoid cross-entropy',
    configWith({ dataset: 'circle', size: 40, hidden: [[5, 'elu']], output: 'sigmoid', training: { loss: 'binaryCrossEntropy' } }),
  ],
  [
    'softmax three classes',
    configWith({ dataset: 'blobs3', size: 40, hidden: [[4, 'swish']], output: 'softmax', training: { loss: 'softmaxCrossEntropy' } }),
  ],
  [
    'curve regression',
    configWith({
      dataset: 'sine',
      size: 40,
      hidden: [
        [6, 'relu'],
        [3, 'tanh'],
      ],
      output: 'identity',
      problem: 'regression',
    }),
  ],
  [
    'drawn sawtooth',
    {
      ...configWith({ dataset: 'spiral', size: 40, hidden: [[5, 'drawn']] }),
      network: { hidden: [{ size: 5, activation: 'drawn' }], outputActivation: 'tanh', drawn: presetKnots('sawtooth') },
    },
  ],
];

function scrambled(config: LabConfig, seed: number): Model {
  const model = createModel(config, { exactTanh: true });
  const random = createRandom(seed);
  for (let k = 0; k < model.params.length; k++) model.params[k] = (random() - 0.5) * 1.6;
  return model;
}

/** Loss of row `row` alone, by the plain kernels. */
function exampleLoss(model: Model, row: number): number {
  const ws = createWorkspace(model.topo, 1);
  const last = model.topo.depth - 1;
  forwardBatch(model.topo, model.params, model.trainX, row, 1, ws, model.tanh);
  return lossSum(model.lossCode, model.topo.codes[last], ws.pre[last], ws.act[last], model.trainT, row, 1, model.outputs);
}

describe('one example, forward and backward', () => {
  it("gives exactly the kernels' forward and backward numbers for that row of a whole batch", () => {
    for (const [name, config] of NETWORKS) {
      const model = scrambled(config, 3);
      const n = model.data.train.length;
      const ws = createWorkspace(model.topo, n);
      const last = model.topo.depth - 1;
      forwardBatch(model.topo, model.params, model.trainX, 0, n, ws, model.tanh);
      outputDelta(model.lossCode, model.topo.codes[last], ws.pre[last], ws.act[last], model.trainT, 0, n, model.outputs, ws.delta[last]);
      for (const row of [0, 7, n - 1]) {
        const trace = traceExample(model, row);
        expect(trace.row).toBe(row);
        expect(trace.point).toEqual(model.data.train[row]);
        model.topo.sizes.slice(1).forEach((size, l) => {
          expect(trace.z[l], `${name} z layer ${l}`).toEqual(ws.pre[l].slice(row * size, (row + 1) * size));
          expect(trace.a[l], `${name} a layer ${l}`).toEqual(ws.act[l].slice(row * size, (row + 1) * size));
        });
        expect(trace.delta[last], name).toEqual(ws.delta[last].slice(row * model.outputs, (row + 1) * model.outputs));
        // The activations also agree with the public point evaluation of that data point.
        const p = model.data.train[row];
        const outs = forwardPoints(config, model.params, Float64Array.from([p.x1, p.x2]));
        outs.forEach((layer, l) => layer.forEach((v, j) => expect(trace.a[l][j]).toBeCloseTo(v, 6)));
        // The gradient is the kernels' backward pass for this row alone.
        const grad = new Float64Array(model.params.length);
        const one = createWorkspace(model.topo, 1);
        forwardBatch(model.topo, model.params, model.trainX, row, 1, one, model.tanh);
        outputDelta(
          model.lossCode,
          model.topo.codes[last],
          one.pre[last],
          one.act[last],
          model.trainT,
          row,
          1,
          model.outputs,
          one.delta[last],
        );
        backwardBatch(model.topo, model.params, model.trainX, row, 1, one, grad);
        expect(trace.gradient, name).toEqual(grad);
        expect(trace.loss).toBe(exampleLoss(model, row));
      }
    }
  });

  it("has gradients and δs that match finite differences of that example's loss", () => {
    for (const [name, config] of NETWORKS) {
      const model = scrambled(config, 8);
      const row = 5;
      const trace = traceExample(model, row);
      const h = 1e-6;
      const shape = networkShape(config);
      for (let k = 0; k < model.params.length; k++) {
        const keep = model.params[k];
        model.params[k] = keep + h;
        const up = exampleLoss(model, row);
        model.params[k] = keep - h;
        const down = exampleLoss(model, row);
        model.params[k] = keep;
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(numeric - trace.gradient[k]) / Math.max(Math.abs(numeric), 1e-3), `${name} parameter ${k}`).toBeLessThan(1e-5);
      }
      // δ of a neuron is ∂L/∂z, which is the gradient of its bias; a weight's is δ times what it carries
      // (0 + …: the gradient is summed into zeros, so a −0 product reads back as +0).
      shape.layers.forEach((layer, l) => {
        for (let j = 0; j < layer.size; j++) {
          expect(0 + trace.delta[l][j]).toBe(trace.gradient[shape.biasIndex(l, j)]);
          const sum = neuronSum(model.topo, model.params, trace, l, j);
          expect(sum.delta).toBe(trace.delta[l][j]);
          let z = sum.bias;
          for (const t of sum.terms) z += t.weight * t.input;
          expect(z).toBe(trace.z[l][j]);
          sum.terms.forEach((t, i) => expect(trace.gradient[shape.weightIndex(l, j, i)]).toBe(0 + trace.delta[l][j] * t.input));
        }
      });
    }
  });

  it("reports a regression example's loss as ½(y − t)²", () => {
    const model = scrambled(NETWORKS[3][1], 1);
    const trace = traceExample(model, 2);
    expect(trace.target[0]).toBe(model.data.train[2].label);
    const y = trace.a[trace.a.length - 1][0];
    expect(trace.loss).toBeCloseTo(0.5 * (y - trace.target[0]) ** 2, 14);
  });

  it('steps exactly as training with a batch of one does, for every optimizer, and moves on by one example', () => {
    for (const optimizer of ['sgd', 'momentum', 'adam'] as const) {
      const config = configWith({
        dataset: 'circle',
        size: 12,
        hidden: [[4, 'tanh']],
        training: { optimizer, batchSize: 1, regularization: 'l2', regularizationRate: 0.01, learningRate: 0.1 },
      });
      const stepped = createModel(config);
      const trained = createModel(config);
      const n = stepped.data.train.length;
      for (let s = 0; s < n + 3; s++) {
        const before = stepped.params.slice();
        const step = trainExample(stepped);
        const ended = trainBatch(trained);
        expect(step.row).toBe(s % n);
        expect(step.before).toEqual(before);
        expect(step.after).toEqual(stepped.params);
        expect(stepped.params, `${optimizer} step ${s}`).toEqual(trained.params);
        expect(step.epochEnded).toBe(ended);
        expect(stepped.cursor).toBe(trained.cursor);
      }
    }
  });

  it('trains the example it traced: the update is −rate × that gradient under plain SGD', () => {
    const model = createModel(
      configWith({ dataset: 'xor', size: 20, hidden: [[3, 'relu']], training: { learningRate: 0.3, batchSize: 10 } }),
    );
    model.cursor = 4;
    const trace = traceExample(model, model.cursor);
    const step = trainExample(model);
    expect(step.row).toBe(4);
    expect(model.cursor).toBe(5);
    for (let k = 0; k < step.before.length; k++) expect(step.after[k]).toBe(step.before[k] - 0.3 * (trace.gradient[k] / 1));
    const after = traceExample(model, 4);
    expect(after.loss).toBeLessThan(trace.loss);
  });

  it('ranks the links that moved most, and refuses a row that does not exist', () => {
    expect(largestChanges([0, 1, 2, 3], [0.1, 1, 1.5, 3.05], 3)).toEqual([2, 0, 3]);
    const model = createModel(configWith({ size: 10 }));
    expect(() => traceExample(model, 5)).toThrow(/no training example 5: the training set has 5/);
  });
});
