/** The generated code and the plain loops must compute the very same numbers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIVATION_NAMES, type LabConfig } from '../../../core/config';
import { compileEpoch, epochSource } from '../../../core/engine/fastpath';
import { createModel, trainEpoch, trainBatch } from '../../../core/engine/model';
import { measure } from '../../../core/engine/metrics';
import { createSession } from '../../../core/session';
import { configWith } from './helpers';

function trainBoth(config: LabConfig, style: 'example' | 'layer', epochs: number): [Float64Array, Float64Array] {
  const plain = createModel(config);
  const fast = createModel(config, { fastPath: true });
  fast.fast = compileEpoch(fast, style);
  expect(fast.fast).not.toBeNull();
  for (let e = 0; e < epochs; e++) {
    trainEpoch(plain);
    trainEpoch(fast);
  }
  return [plain.params, fast.params];
}

describe('fast path', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  for (const style of ['example', 'layer'] as const) {
    it(`(${style} by ${style}) equals the plain path bit for bit for every hidden activation`, () => {
      for (const activation of ACTIVATION_NAMES) {
        const config = configWith({
          dataset: 'spiral',
          size: 120,
          hidden: [
            [5, activation],
            [3, activation],
          ],
          features: ['x1', 'x2', 'sinX1'],
          training: { batchSize: 7 },
        });
        const [plain, fast] = trainBoth(config, style, 20);
        expect(fast, activation).toEqual(plain);
      }
    });

    it(`(${style} by ${style}) equals the plain path for each output, loss, optimizer and regularization`, () => {
      const cases: Partial<Parameters<typeof configWith>[0]>[] = [
        { output: 'sigmoid', training: { loss: 'binaryCrossEntropy', optimizer: 'adam', learningRate: 0.01 } },
        {
          output: 'tanh',
          training: { loss: 'binaryCrossEntropy', optimizer: 'momentum', regularization: 'l1', regularizationRate: 0.003 },
        },
        { output: 'sigmoid', training: { loss: 'halfSquared', regularization: 'l2', regularizationRate: 0.01 } },
        { dataset: 'multiGaussian', output: 'identity', training: { batchSize: 1 } },
        { dataset: 'plane', output: 'tanh', hidden: [], training: { batchSize: 100 } },
      ];
      for (const c of cases) {
        const config = configWith({
          size: 150,
          hidden: [
            [4, 'tanh'],
            [2, 'tanh'],
          ],
          ...c,
        });
        const [plain, fast] = trainBoth(config, style, 15);
        expect(fast, JSON.stringify(c)).toEqual(plain);
      }
    });
  }

  it('equals the plain path with Math.tanh too (no inlined tanh)', () => {
    const config = configWith({
      size: 120,
      hidden: [
        [6, 'tanh'],
        [3, 'tanh'],
      ],
    });
    const plain = createModel(config, { exactTanh: true });
    const fast = createModel(config, { exactTanh: true, fastPath: true });
    expect(fast.fast).not.toBeNull();
    for (let e = 0; e < 10; e++) {
      trainEpoch(plain);
      trainEpoch(fast);
    }
    expect(fast.params).toEqual(plain.params);
  });

  it('picks the example-wise code for small networks and the layer-wise code for large ones', () => {
    const small = createModel(configWith({})).topo;
    const large = createModel(configWith({ hidden: Array.from({ length: 6 }, () => [16, 'tanh'] as [number, 'tanh']) })).topo;
    expect(epochSource(small, 0)).toBe(epochSource(small, 0, 'example'));
    expect(epochSource(large, 0)).toBe(epochSource(large, 0, 'layer'));
  });

  it('finishes a part-trained epoch from where single batches stopped', () => {
    const config = configWith({ size: 100 });
    const plain = createModel(config);
    const fast = createModel(config, { fastPath: true });
    for (const m of [plain, fast]) {
      trainBatch(m);
      trainBatch(m);
      trainEpoch(m);
      trainEpoch(m);
    }
    expect(fast.fast).not.toBeNull();
    expect(fast.params).toEqual(plain.params);
  });

  it('measures the very same losses and accuracies as the plain forward pass', () => {
    const cases: Parameters<typeof configWith>[0][] = [
      {
        dataset: 'spiral',
        size: 400,
        hidden: [
          [8, 'tanh'],
          [8, 'tanh'],
          [8, 'tanh'],
        ],
      },
      {
        dataset: 'xor',
        size: 300,
        output: 'sigmoid',
        hidden: [
          [5, 'relu'],
          [3, 'elu'],
        ],
        training: { loss: 'binaryCrossEntropy' },
      },
      {
        dataset: 'circle',
        size: 200,
        output: 'tanh',
        hidden: [
          [16, 'swish'],
          [12, 'gelu'],
        ],
        training: { loss: 'binaryCrossEntropy' },
      },
      {
        dataset: 'multiGaussian',
        size: 250,
        output: 'identity',
        hidden: [
          [6, 'sin'],
          [4, 'leakyRelu'],
        ],
      },
      { dataset: 'plane', size: 150, output: 'tanh', hidden: [] },
    ];
    for (const c of cases) {
      const model = createModel(configWith(c), { fastPath: true });
      expect(model.fast, JSON.stringify(c)).not.toBeNull();
      for (let e = 0; e < 3; e++) trainEpoch(model);
      const fast = measure(model, 3);
      const compiled = model.fast;
      model.fast = null;
      const plain = measure(model, 3);
      model.fast = compiled;
      expect(fast, JSON.stringify(c)).toEqual(plain);
      expect(Number.isFinite(fast.point.trainLoss) && fast.point.trainLoss > 0).toBe(true);
    }
  });

  it('leaves softmax and three-class networks to the plain path', () => {
    const model = createModel(configWith({ dataset: 'blobs3', output: 'softmax', training: { loss: 'softmaxCrossEntropy' } }), {
      fastPath: true,
    });
    expect(model.fast).toBeNull();
  });

  it('writes code that names its parameters by layout index', () => {
    const source = epochSource(createModel(configWith({})).topo, 0, 'example');
    expect(source).toContain('const z1_0 = p8 + p0 * a0_0 + p1 * a0_1;');
  });

  it('falls back to the plain path when code generation is refused', () => {
    vi.stubGlobal('Function', function refuse() {
      throw new EvalError('Refused to evaluate a string as JavaScript.');
    });
    const session = createSession({ fastPath: true });
    expect(session.usesFastPath()).toBe(false);
    vi.unstubAllGlobals();
    const reference = createSession();
    for (const s of [session, reference]) {
      s.handle({ type: 'configure', id: 1, config: configWith({}) });
      s.train(5, () => 0, Number.POSITIVE_INFINITY);
    }
    expect(session.snapshot().params).toEqual(reference.snapshot().params);
    expect(createSession({ fastPath: true }).usesFastPath()).toBe(true);
  });
});
