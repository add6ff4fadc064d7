/**
 * The instruments' numbers (issue 14, items 2 and 4): gradient flow per layer, collected while
 * training, against finite differences; the vanishing gradient of a deep sigmoid network;
 * dead and saturated neurons from the training set's slopes; equal on both training paths.
 */
import { describe, expect, it } from 'vitest';
import type { ActivationName, LabConfig } from '../../../core/config';
import { createTally, finishTally, tallyRows } from '../../../core/engine/dead';
import { compileEpoch } from '../../../core/engine/fastpath';
import { addBatch, closeEpoch, createGradientFlow } from '../../../core/engine/gradient-flow';
import { createWorkspace, forwardBatch } from '../../../core/engine/kernels';
import { measureSet } from '../../../core/engine/metrics';
import { createModel, trainEpoch, type Model } from '../../../core/engine/model';
import { topology } from '../../../core/engine/shape';
import type { Instruments, Snapshot, Speed } from '../../../core/protocol';
import { createSession } from '../../../core/session';
import { configWith } from './helpers';

const forever = Number.POSITIVE_INFINITY;

/** Mean training loss, the quantity each batch's gradient is the gradient of (one batch = the whole set). */
function trainLoss(model: Model): number {
  return measureSet(model, model.data.train, model.trainX, model.trainT).loss;
}

/** Per layer, the mean over its weights of |∂L/∂w| by central differences. */
function finiteDifferenceFlow(model: Model): number[] {
  const h = 1e-6;
  const topo = model.topo;
  const out: number[] = [];
  for (let l = 0; l < topo.depth; l++) {
    let sum = 0;
    for (let k = topo.weightOffsets[l]; k < topo.biasOffsets[l]; k++) {
      const w = model.params[k];
      model.params[k] = w + h;
      const up = trainLoss(model);
      model.params[k] = w - h;
      const down = trainLoss(model);
      model.params[k] = w;
      sum += Math.abs((up - down) / (2 * h));
    }
    out.push(sum / (topo.biasOffsets[l] - topo.weightOffsets[l]));
  }
  return out;
}

function instrumentsOf(snapshot: Snapshot): Instruments {
  if (snapshot.instruments === undefined) throw new Error('the snapshot has no instruments');
  return snapshot.instruments;
}

function hidden(count: number, size: number, activation: ActivationName): [number, ActivationName][] {
  return Array.from({ length: count }, () => [size, activation]);
}

function session(config: LabConfig, fastPath = true): ReturnType<typeof createSession> {
  const s = createSession({ fastPath });
  const [event] = s.handle({ type: 'configure', id: 1, config });
  if (event.type !== 'snapshot') throw new Error(JSON.stringify(event));
  return s;
}

/**
 * One more epoch by command: while playing, the neurons' activity is measured with every
 * eighth slice only, and a command's snapshot always measures it afresh.
 */
function freshStep(s: ReturnType<typeof createSession>): void {
  const [event] = s.handle({ type: 'step', id: 9, unit: 'epoch' });
  if (event.type !== 'snapshot') throw new Error(JSON.stringify(event));
}

describe('gradient flow', () => {
  it('equals the finite-difference gradient of the loss, per layer, on both paths and in both generated styles', () => {
    // 24 training points in one batch: the epoch's one gradient is the gradient of the mean training loss.
    const config = configWith({
      dataset: 'spiral',
      size: 48,
      hidden: [
        [4, 'tanh'],
        [3, 'sigmoid'],
      ],
      output: 'tanh',
      training: { batchSize: 24 },
    });
    for (const style of ['plain', 'example', 'layer'] as const) {
      const model = createModel(config, { exactTanh: true, fastPath: style !== 'plain' });
      if (style !== 'plain') model.fast = compileEpoch(model, style);
      const expected = finiteDifferenceFlow(model);
      trainEpoch(model);
      const flow = Array.from(model.flow!.last);
      expect(flow, style).toHaveLength(3);
      for (let l = 0; l < 3; l++) expect(Math.abs(flow[l] - expected[l]) / expected[l], `${style}, layer ${l}`).toBeLessThan(1e-6);
    }
  });

  it('averages over the batches of the epoch and the weights of the layer (hand-computed)', () => {
    const topo = topology(configWith({ hidden: [[1, 'tanh']] })); // 2 → 1 → 1: weights 0,1 | bias 2 | weight 3 | bias 4
    const flow = createGradientFlow(topo);
    addBatch(flow, topo, Float64Array.from([2, -4, 100, 6, 100]), 2); // batch of 2: |1| + |−2| = 3 and |3|
    addBatch(flow, topo, Float64Array.from([-1, 0, 100, -5, 100]), 1); // batch of 1: 1 and 5
    closeEpoch(flow, topo);
    // Layer 0: (3 + 1) / (2 batches × 2 weights) = 1; layer 1: (3 + 5) / (2 × 1) = 4. Biases (100) left out.
    expect(Array.from(flow.last)).toEqual([1, 4]);
    expect(Array.from(flow.running)).toEqual([0, 0, 0]);
  });

  it('is the same on the plain and the fast path, while the weights stay bit for bit equal', () => {
    const config = configWith({ dataset: 'spiral', hidden: hidden(6, 8, 'tanh'), training: { batchSize: 10 } });
    const plain = session(config, false);
    const fast = session(config, true);
    expect(fast.usesFastPath()).toBe(true);
    plain.train(7, () => 0, forever);
    fast.train(7, () => 0, forever);
    const a = plain.snapshot();
    const b = fast.snapshot();
    expect(b.params).toEqual(a.params);
    const [ga, gb] = [instrumentsOf(a).gradient, instrumentsOf(b).gradient];
    expect(ga).toHaveLength(7);
    expect(gb).toEqual(ga); // example-wise code sums in the same order as the plain path
    expect(instrumentsOf(b).gradientEpoch).toBe(7);
    expect(instrumentsOf(b).lowSlope).toEqual(instrumentsOf(a).lowSlope);
  });

  it('shows the vanishing gradient of a six-layer sigmoid network (first layer over 100× below the last), and not with ReLU', () => {
    const ratio = (activation: ActivationName, fastPath: boolean): number => {
      const s = session(configWith({ dataset: 'circle', hidden: hidden(6, 8, activation) }), fastPath);
      s.train(3, () => 0, forever);
      const g = instrumentsOf(s.snapshot()).gradient;
      return g[g.length - 1] / g[0];
    };
    for (const fastPath of [false, true]) {
      expect(ratio('sigmoid', fastPath)).toBeGreaterThan(1000);
      expect(ratio('relu', fastPath)).toBeLessThan(20);
    }
  });

  it('is empty until an epoch is complete, and again after a reset or a runaway', () => {
    const s = session(configWith({ dataset: 'circle' }));
    expect(instrumentsOf(s.snapshot())).toMatchObject({ gradient: [], gradientEpoch: null });
    s.handle({ type: 'step', id: 2, unit: 'batch' });
    expect(instrumentsOf(s.snapshot()).gradient).toEqual([]);
    s.handle({ type: 'step', id: 3, unit: 'epoch' });
    expect(instrumentsOf(s.snapshot()).gradient).toHaveLength(3);
    expect(instrumentsOf(s.snapshot()).gradientEpoch).toBe(1);
    s.handle({ type: 'reset', id: 4 });
    expect(instrumentsOf(s.snapshot()).gradient).toEqual([]);
  });

  it('can be switched off: no instruments in the snapshot and the same training', () => {
    const config = configWith({ dataset: 'spiral', hidden: hidden(2, 8, 'tanh') });
    const on = session(config);
    const off = createSession({ fastPath: true, instruments: false });
    off.handle({ type: 'configure', id: 1, config });
    on.train(5, () => 0, forever);
    off.train(5, () => 0, forever);
    expect(off.snapshot().instruments).toBeUndefined();
    expect(off.snapshot().params).toEqual(on.snapshot().params);
  });
});

describe('dead and saturated neurons', () => {
  it('counts a neuron dead only when its slope is below 1e-3 on every example (hand-made pass)', () => {
    const topo = topology(
      configWith({
        hidden: [
          [3, 'relu'],
          [2, 'sigmoid'],
        ],
      }),
    );
    const ws = createWorkspace(topo, 2);
    // Two examples. Layer 0 (ReLU): neuron 0 positive once, neuron 1 never, neuron 2 at exactly 0 (slope 0).
    ws.pre[0].set([1, -2, 0, -1, -3, 0]);
    ws.act[0].set([1, 0, 0, 0, 0, 0]);
    // Layer 1 (sigmoid, slope y(1 − y)): neuron 0 saturated on both (y ≈ 1 − 1e-5), neuron 1 at y = 0.5.
    const y = 1 - 1e-5;
    ws.pre[1].set([11.5, 0, 11.5, 0]);
    ws.act[1].set([y, 0.5, y, 0.5]);
    const tally = createTally(topo, 2);
    tallyRows(tally, topo, ws, 2);
    const activity = finishTally(tally, topo);
    expect(activity.dead).toEqual([
      [0, 1, 1],
      [1, 0],
    ]);
    expect(activity.deadCount).toEqual([2, 1]);
    // Neuron 0 of layer 0 has a mean slope of 0.5: not low. Two of three are; one of two.
    expect(activity.lowSlope).toEqual([2 / 3, 0.5]);
    // The mean slope: layer 0 has one slope of 1 among six; layer 1 two of ≈ 1e-5 and two of 0.25.
    expect(activity.meanSlope[0]).toBeCloseTo(1 / 6, 12);
    expect(activity.meanSlope[1]).toBeCloseTo((2 * y * (1 - y) + 0.5) / 4, 12);
    // Inactive: the input is never above 0 (neuron 2's exact 0 too), whatever the activation.
    expect(activity.inactive).toEqual([
      [0, 1, 1],
      [0, 1],
    ]);
    expect(activity.inactiveCount).toEqual([2, 1]);
  });

  it('a strongly negative bias kills a ReLU; the same bias leaves a Leaky ReLU alive', () => {
    for (const activation of ['relu', 'leakyRelu'] as const) {
      for (const fastPath of [false, true]) {
        const config = configWith({
          dataset: 'circle',
          hidden: [
            [4, activation],
            [2, activation],
          ],
        });
        const s = session(config, fastPath);
        const topo = topology(config);
        // Inputs lie in [−6, 6] and weights in [−0.5, 0.5): z ≤ −20 + 6 for every point.
        const [event] = s.handle({ type: 'set-parameter', id: 5, index: topo.biasOffsets[0] + 1, value: -20 });
        if (event.type !== 'snapshot') throw new Error(JSON.stringify(event));
        const { dead, deadCount, lowSlope, inactive } = instrumentsOf(event.snapshot);
        // Switched off on every example either way: the Leaky ReLU is inactive, not dead.
        expect(inactive[0][1]).toBe(1);
        if (activation === 'relu') {
          expect(dead[0]).toEqual([0, 1, 0, 0]);
          expect(deadCount[0]).toBe(1);
          expect(lowSlope[0]).toBe(0.25);
        } else {
          expect(deadCount).toEqual([0, 0]);
          expect(lowSlope).toEqual([0, 0]);
        }
      }
    }
  });

  it('a learning rate that is too big leaves dead ReLUs; Leaky ReLU never has any', () => {
    let deadRelus = 0;
    for (const seed of [1, 2, 3]) {
      for (const activation of ['relu', 'leakyRelu'] as const) {
        const s = session(
          configWith({
            dataset: 'circle',
            seed,
            hidden: [
              [8, activation],
              [8, activation],
            ],
            training: { learningRate: 3 },
          }),
        );
        expect(s.train(49, () => 0, forever)).toEqual([]);
        freshStep(s);
        const count = instrumentsOf(s.snapshot()).deadCount.reduce((a, b) => a + b, 0);
        if (activation === 'leakyRelu') expect(count, `seed ${seed}`).toBe(0);
        else deadRelus += count;
        // The same network at a gentle rate keeps every ReLU.
        if (activation === 'relu') {
          const gentle = session(
            configWith({
              dataset: 'circle',
              seed,
              hidden: [
                [8, activation],
                [8, activation],
              ],
              training: { learningRate: 0.03 },
            }),
          );
          gentle.train(49, () => 0, forever);
          freshStep(gentle);
          expect(instrumentsOf(gentle.snapshot()).deadCount).toEqual([0, 0]);
        }
      }
    }
    expect(deadRelus).toBeGreaterThan(3);
  });

  it('the dead flags agree with a direct pass over the training set', () => {
    const s = session(
      configWith({
        dataset: 'circle',
        seed: 3,
        hidden: [
          [8, 'relu'],
          [8, 'relu'],
        ],
        training: { learningRate: 3 },
      }),
    );
    s.train(49, () => 0, forever);
    freshStep(s);
    const snapshot = s.snapshot();
    const model = createModel(s.config());
    model.params.set(snapshot.params);
    const n = model.data.train.length;
    const ws = createWorkspace(model.topo, n);
    forwardBatch(model.topo, model.params, model.trainX, 0, n, ws, model.tanh);
    const direct = [0, 1].map((l) =>
      Array.from({ length: 8 }, (_, j) => (Array.from({ length: n }, (_, r) => ws.pre[l][r * 8 + j]).every((z) => z <= 0) ? 1 : 0)),
    );
    expect(instrumentsOf(snapshot).dead).toEqual(direct);
  });

  it('while playing, measures the neurons with every eighth slice, and every command measures them afresh', () => {
    const s = session(
      configWith({
        dataset: 'circle',
        hidden: [
          [4, 'relu'],
          [2, 'relu'],
        ],
      }),
    );
    const topo = topology(s.config());
    s.handle({ type: 'play', id: 2 });
    // Kill a neuron by hand: the command's snapshot shows it at once.
    const [edited] = s.handle({ type: 'set-parameter', id: 3, index: topo.biasOffsets[0], value: -20 });
    if (edited.type !== 'snapshot') throw new Error(JSON.stringify(edited));
    expect(instrumentsOf(edited.snapshot).dead[0][0]).toBe(1);
    // Revive it and play: slices 1–7 keep the last activity, the eighth measures it again.
    s.handle({ type: 'set-parameter', id: 4, index: topo.biasOffsets[0], value: 100 });
    s.handle({ type: 'set-parameter', id: 5, index: topo.biasOffsets[0], value: -20 });
    const seen: number[] = [];
    for (let slice = 1; slice <= 8; slice++) {
      const before = s.snapshot().params.slice();
      s.train(1, () => 0, forever);
      seen.push(instrumentsOf(s.snapshot()).dead[0][0]);
      expect(s.snapshot().params).not.toEqual(before);
    }
    expect(seen.slice(0, 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(seen).toHaveLength(8);
  });

  it('while playing at a speed in epochs per second, measures the neurons with every slice (each epoch a learner watches)', () => {
    const meanSlopes = (speed: Speed | null): number[] => {
      const s = session(configWith({ dataset: 'circle', hidden: [[4, 'relu']] }));
      if (speed) s.handle({ type: 'set-speed', id: 1, speed });
      s.handle({ type: 'play', id: 2 });
      const seen: number[] = [];
      for (let slice = 1; slice <= 3; slice++) {
        s.train(1, () => 0, forever);
        seen.push(instrumentsOf(s.snapshot()).meanSlope[0]);
      }
      return seen;
    };
    // Every epoch moves the weights, so a fresh measurement gives a new mean slope each slice.
    const paced = meanSlopes({ mode: 'epochsPerSecond', epochs: 10 });
    expect(new Set(paced).size).toBe(3);
    // At the default speed the first slices keep the last measurement.
    expect(new Set(meanSlopes(null)).size).toBe(1);
  });

  it('keeps the snapshot small: the instruments of 2→8×6→1 take well under 1 KB', () => {
    const s = session(configWith({ dataset: 'spiral', hidden: hidden(6, 8, 'tanh') }));
    s.train(2, () => 0, forever);
    expect(JSON.stringify(instrumentsOf(s.snapshot())).length).toBeLessThan(1024);
  });
});
