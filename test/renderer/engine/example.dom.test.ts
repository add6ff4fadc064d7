/**
 * One example, forward and backward, over the real engine (served in this thread): the numbers
 * the views show — each neuron's z, a and δ, each link's value and gradient, the output, target
 * and loss, the formula's results — are exactly what core's kernels compute for that example,
 * and Apply update is exactly training's step with a batch of one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LabConfig } from '../../../core/config';
import { networkShape } from '../../../core/engine';
import { backwardBatch, createWorkspace, forwardBatch } from '../../../core/engine/kernels';
import { lossSum, outputDelta } from '../../../core/engine/loss';
import { createModel, trainBatch, type Model } from '../../../core/engine/model';
import { neuronSum } from '../../../core/engine/trace';
import { ExampleWalk } from '../../../renderer/engine/example.svelte';
import { TrainingRun } from '../../../renderer/engine/run.svelte';
import { backwardFormula, forwardFormula, inputLabels, linkFigures, neuronFigures } from '../../../renderer/lab/example-figures';
import { configWith } from '../../core/engine/helpers';
import { inProcessEngine } from '../engine-in-process';

const NETWORKS: [string, LabConfig][] = [
  ['the Lab’s default (tanh, ½·squared error)', configWith({ size: 60 })],
  [
    'ReLU into a sigmoid with cross-entropy, momentum and L2',
    configWith({
      dataset: 'xor',
      size: 60,
      hidden: [
        [5, 'relu'],
        [3, 'leakyRelu'],
      ],
      output: 'sigmoid',
      features: ['x1', 'x2', 'x1x2'],
      training: { loss: 'binaryCrossEntropy', optimizer: 'momentum', regularization: 'l2', regularizationRate: 0.01, learningRate: 0.1 },
    }),
  ],
  [
    'softmax over three classes with Adam',
    configWith({
      dataset: 'blobs3',
      size: 60,
      hidden: [[4, 'swish']],
      output: 'softmax',
      training: { loss: 'softmaxCrossEntropy', optimizer: 'adam', learningRate: 0.01 },
    }),
  ],
  ['a curve', configWith({ dataset: 'sine', size: 40, hidden: [[6, 'relu']], output: 'identity', problem: 'regression' })],
];

const walks: { walk: ExampleWalk; run: TrainingRun }[] = [];
afterEach(() => {
  for (const { walk, run } of walks.splice(0)) {
    walk.dispose();
    run.close();
  }
});

async function started(config: LabConfig): Promise<{ walk: ExampleWalk; run: TrainingRun }> {
  const run = new TrainingRun(inProcessEngine());
  const walk = new ExampleWalk(run);
  walks.push({ walk, run });
  run.configure(structuredClone(config));
  await vi.waitFor(() => expect(run.snapshot).not.toBeNull());
  return { walk, run };
}

/** Forward and backward for `row` straight through core's kernels, on the reference model. */
function kernels(model: Model, row: number) {
  const topo = model.topo;
  const last = topo.depth - 1;
  const k = model.outputs;
  const ws = createWorkspace(topo, 1);
  const gradient = new Float64Array(topo.paramCount);
  forwardBatch(topo, model.params, model.trainX, row, 1, ws, model.tanh);
  outputDelta(model.lossCode, topo.codes[last], ws.pre[last], ws.act[last], model.trainT, row, 1, k, ws.delta[last]);
  backwardBatch(topo, model.params, model.trainX, row, 1, ws, gradient);
  const loss = lossSum(model.lossCode, topo.codes[last], ws.pre[last], ws.act[last], model.trainT, row, 1, k);
  return { pre: ws.pre, act: ws.act, delta: ws.delta, gradient, loss, target: model.trainT.slice(row * k, (row + 1) * k) };
}

describe('One example over the real engine', () => {
  for (const [name, config] of NETWORKS) {
    it(`shows the kernels' own numbers and applies a batch-of-one step: ${name}`, async () => {
      const { walk, run } = await started(config);
      const reference = createModel({ ...config, training: { ...config.training, batchSize: 1 } });
      const shape = networkShape(config);
      const labels = inputLabels(config, shape.inputs);
      for (let example = 0; example < 3; example++) {
        expect(walk.buttonLabel).toBe('One example');
        walk.advance();
        await vi.waitFor(() => expect(walk.phase).toBe('forward'));
        expect(walk.buttonLabel).toBe('Backward');
        const trace = walk.trace!;
        expect(trace.row).toBe(example);
        const truth = kernels(reference, example);
        expect(Array.from(trace.params)).toEqual(Array.from(reference.params));
        expect(trace.loss).toBe(truth.loss);
        expect(Array.from(trace.target)).toEqual(Array.from(truth.target));
        // Every neuron's row in the table: the kernels' z, a and δ, bit for bit.
        for (const row of neuronFigures(shape, trace)) {
          expect(row.z).toBe(truth.pre[row.layer][row.neuron]);
          expect(row.a).toBe(truth.act[row.layer][row.neuron]);
          expect(row.delta).toBe(truth.delta[row.layer][row.neuron]);
        }
        // Every link's row: its value and the kernels' gradient.
        const links = linkFigures(shape, labels, trace);
        expect(links).toHaveLength(shape.paramCount);
        for (const link of links) {
          expect(link.value).toBe(reference.params[link.index]);
          expect(link.gradient).toBe(truth.gradient[link.index]);
        }
        // The formula's results are the engine's numbers (core's neuronSum writes the same sum out).
        for (let l = 0; l < shape.layers.length; l++) {
          const sum = neuronSum(reference.topo, reference.params, trace, l, 0);
          const [zLine, aLine] = forwardFormula(config, shape, labels, trace, l, 0);
          expect(zLine.numbers.endsWith(`= ${format(sum.z)}`)).toBe(true);
          expect(aLine.numbers.endsWith(format(sum.a))).toBe(true);
          expect(backwardFormula(config, shape, labels, trace, l, 0)[0].numbers.endsWith(`= ${format(sum.delta)}`)).toBe(true);
        }

        walk.advance();
        expect(walk.phase).toBe('backward');
        expect(walk.buttonLabel).toBe('Apply update');
        walk.advance();
        await vi.waitFor(() => expect(walk.phase).toBe('updated'));
        trainBatch(reference);
        const step = walk.step!;
        expect(step.row).toBe(example);
        expect(Array.from(step.before)).toEqual(Array.from(trace.params));
        expect(Array.from(step.after)).toEqual(Array.from(reference.params));
        await vi.waitFor(() => expect(Array.from(run.snapshot!.params)).toEqual(Array.from(reference.params)));
        expect(walk.phase).toBe('updated');
        expect(walk.updates).toBe(example + 1);
      }
    });
  }

  it('stops showing an example once the network moves on without it', async () => {
    const { walk, run } = await started(NETWORKS[0][1]);
    walk.advance();
    await vi.waitFor(() => expect(walk.phase).toBe('forward'));
    // A change of speed leaves the network as it was: the example stays.
    run.setSpeed({ mode: 'epochsPerFrame', epochs: 2 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(walk.phase).toBe('forward');
    run.step('batch');
    await vi.waitFor(() => expect(walk.phase).toBe('idle'));
    expect(walk.trace).toBeNull();
    // Pressing it while training plays pauses first, so the numbers are of a still network.
    run.play();
    await vi.waitFor(() => expect(run.running).toBe(true));
    walk.advance();
    await vi.waitFor(() => expect(walk.phase).toBe('forward'));
    expect(run.running).toBe(false);
    expect(Array.from(walk.trace!.params)).toEqual(Array.from(run.snapshot!.params));
  });
});

/** As example-figures writes a number (3 decimals, a real minus sign). */
function format(value: number): string {
  return (value === 0 ? '0' : Math.abs(value) < 1e-3 ? value.toExponential(2) : value.toFixed(3)).replace(/-/g, '−');
}
