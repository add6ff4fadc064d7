/** Property tests (fast-check) of the engine's mathematics. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, type FeatureName, type LabConfig } from '../../../core/config';
import { collapse, forwardPoints, networkShape } from '../../../core/engine';
import { createSession } from '../../../core/session';
import { configWith, flatPoints, XOR_POINTS } from './helpers';

const featureSet = fc.subarray([...FEATURE_NAMES], { minLength: 1 }) as fc.Arbitrary<FeatureName[]>;
const layerSizes = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 4 });

function linearConfig(features: FeatureName[], sizes: number[], output: LabConfig['network']['outputActivation'] = 'identity'): LabConfig {
  return configWith({ features, hidden: sizes.map((s) => [s, 'identity']), output, dataset: 'plane', training: { loss: 'halfSquared' } });
}

function paramsFor(config: LabConfig, values: number[]): Float64Array {
  const n = networkShape(config).paramCount;
  return Float64Array.from({ length: n }, (_, k) => values[k % values.length]);
}

const weights = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 64 });
const point = fc.record({ x1: fc.double({ min: -6, max: 6, noNaN: true }), x2: fc.double({ min: -6, max: 6, noNaN: true }) });

describe('properties', () => {
  it('a linear network equals its collapsed affine map', () => {
    fc.assert(
      fc.property(featureSet, layerSizes, weights, fc.array(point, { minLength: 1, maxLength: 8 }), (features, sizes, values, points) => {
        const config = linearConfig(features, sizes);
        const params = paramsFor(config, values);
        const map = collapse(config, params);
        expect(map).not.toBeNull();
        const outputs = forwardPoints(config, params, flatPoints(points));
        const out = outputs[outputs.length - 1];
        const shape = networkShape(config);
        points.forEach((p, r) => {
          const x = config.features.map((f) => featureValue(f, p.x1, p.x2));
          let z = map!.b[0];
          for (let c = 0; c < shape.inputs; c++) z += map!.W[0][c] * x[c];
          const scale = Math.max(1, Math.abs(out[r]));
          expect(Math.abs(z - out[r]) / scale).toBeLessThanOrEqual(1e-5);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('the same seed gives identical parameters after 100 epochs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom('circle', 'spiral', 'xor', 'moons') as fc.Arbitrary<LabConfig['data']['dataset']>,
        (seed, dataset) => {
          const config = configWith({ seed, dataset, size: 100 });
          const run = (): Float64Array => {
            const session = createSession();
            session.handle({ type: 'configure', id: 1, config });
            session.train(100, () => 0, Number.POSITIVE_INFINITY);
            return session.snapshot().params;
          };
          expect(run()).toEqual(run());
        },
      ),
      { numRuns: 8 },
    );
  });

  it('softmax outputs are positive and sum to 1', () => {
    fc.assert(
      fc.property(featureSet, layerSizes, weights, fc.array(point, { minLength: 1, maxLength: 8 }), (features, sizes, values, points) => {
        const config = configWith({
          features,
          hidden: sizes.map((s) => [s, 'tanh']),
          output: 'softmax',
          dataset: 'spiral3',
          training: { loss: 'softmaxCrossEntropy' },
        });
        const params = paramsFor(
          config,
          values.map((v) => v * 5),
        );
        const outputs = forwardPoints(config, params, flatPoints(points));
        const out = outputs[outputs.length - 1];
        for (let r = 0; r < points.length; r++) {
          const row = [out[3 * r], out[3 * r + 1], out[3 * r + 2]];
          for (const p of row) expect(p).toBeGreaterThanOrEqual(0);
          expect(Math.abs(row[0] + row[1] + row[2] - 1)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a purely linear network never classifies more than 3 of the 4 XOR points', () => {
    fc.assert(
      fc.property(
        layerSizes,
        weights,
        fc.constantFrom('identity', 'tanh', 'sigmoid') as fc.Arbitrary<LabConfig['network']['outputActivation']>,
        (sizes, values, output) => {
          const config = configWith({
            dataset: 'custom',
            points: XOR_POINTS,
            features: ['x1', 'x2'],
            hidden: sizes.map((s) => [s, 'identity']),
            output,
          });
          const params = paramsFor(config, values);
          const outputs = forwardPoints(config, params, flatPoints(XOR_POINTS));
          const out = outputs[outputs.length - 1];
          const threshold = output === 'sigmoid' ? 0.5 : 0;
          const correct = XOR_POINTS.filter((p, r) => (out[r] > threshold ? 1 : 0) === p.label).length;
          expect(correct / 4).toBeLessThanOrEqual(0.75);
        },
      ),
      { numRuns: 500 },
    );
  });
});

function featureValue(f: FeatureName, x1: number, x2: number): number {
  switch (f) {
    case 'x1':
      return x1;
    case 'x2':
      return x2;
    case 'x1Squared':
      return x1 * x1;
    case 'x2Squared':
      return x2 * x2;
    case 'x1x2':
      return x1 * x2;
    case 'sinX1':
      return Math.sin(x1);
    case 'sinX2':
      return Math.sin(x2);
    case 'cosX1':
      return Math.cos(x1);
    case 'cosX2':
      return Math.cos(x2);
  }
}
