/** The drawn (piecewise-linear) activation: its maths, and its use in training, grid, points and collapse. */
import { describe, expect, it } from 'vitest';
import type { Knot, LabConfig } from '../../../core/config';
import { checkConfig, collapse, createGridEvaluator, forwardPoints, gridPoints, networkShape } from '../../../core/engine';
import { ACTIVATIONS, activationFor } from '../../../core/engine/activations';
import {
  checkKnots,
  DEFAULT_KNOTS,
  DRAWN_PRESETS,
  piecewise,
  presetKnots,
  straightLine,
  type DrawnPresetName,
} from '../../../core/engine/drawn';
import { compileEpoch } from '../../../core/engine/fastpath';
import { drawnSlopeSource, drawnValueSource } from '../../../core/engine/codegen';
import { backwardBatch, createWorkspace, forwardBatch } from '../../../core/engine/kernels';
import { lossSum, outputDelta } from '../../../core/engine/loss';
import { createModel, trainEpoch, type Model } from '../../../core/engine/model';
import { createRandom } from '../../../core/engine/rng';
import { configWith, flatPoints } from './helpers';

const PRESETS = Object.keys(DRAWN_PRESETS) as DrawnPresetName[];

function drawnConfig(knots: Knot[] | undefined, changes: Parameters<typeof configWith>[0] = {}): LabConfig {
  const c = configWith({
    dataset: 'spiral',
    size: 80,
    hidden: [
      [5, 'drawn'],
      [3, 'drawn'],
    ],
    ...changes,
  });
  if (knots) c.network.drawn = knots;
  return c;
}

function randomParams(config: LabConfig, seed: number, scale = 1): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: networkShape(config).paramCount }, () => (random() * 2 - 1) * scale);
}

describe('drawn activation: the function', () => {
  it("passes exactly through every knot, and takes the left segment's slope there", () => {
    for (const name of PRESETS) {
      const knots = presetKnots(name);
      const p = piecewise(knots);
      knots.forEach((k, i) => {
        expect(p.f(k.x), `${name} knot ${i}`).toBe(k.y);
        const left = i === 0 ? (knots[1].y - knots[0].y) / (knots[1].x - knots[0].x) : (k.y - knots[i - 1].y) / (k.x - knots[i - 1].x);
        expect(p.df(k.x), `${name} slope at knot ${i}`).toBe(left);
      });
    }
  });

  it('has the slope of finite differences between knots and beyond the ends (extended straight)', () => {
    const random = createRandom(3);
    for (const name of PRESETS) {
      const p = piecewise(presetKnots(name));
      for (let t = 0; t < 300; t++) {
        const x = -9 + 18 * random();
        if (p.xs.some((k) => Math.abs(k - x) < 1e-4)) continue;
        const h = 1e-6;
        expect(p.df(x)).toBeCloseTo((p.f(x + h) - p.f(x - h)) / (2 * h), 5);
      }
      // At a knot, the slope is the one-sided difference from the left.
      for (const k of p.xs) expect(p.df(k)).toBeCloseTo((p.f(k) - p.f(k - 1e-6)) / 1e-6, 5);
    }
  });

  it('reproduces its presets: y = x, |x| everywhere, a flat-ended step and a sawtooth', () => {
    const id = piecewise(presetKnots('identity'));
    const abs = piecewise(presetKnots('absolute'));
    const step = piecewise(presetKnots('stepLike'));
    const saw = piecewise(presetKnots('sawtooth'));
    for (const x of [-8.5, -3, -0.25, 0, 1.75, 9]) {
      expect(id.f(x)).toBeCloseTo(x, 12);
      expect(abs.f(x)).toBeCloseTo(Math.abs(x), 12);
    }
    expect([step.f(-7), step.f(7), step.df(-7), step.df(7), step.df(0.25)]).toEqual([-1, 1, 0, 0, 2]);
    expect(saw.f(0)).toBeCloseTo(0, 12);
    expect(saw.df(0)).toBeCloseTo(1, 12);
    expect(saw.df(1)).toBeCloseTo(-9, 12);
  });

  it('checks knots with a message that says what to do', () => {
    expect(checkKnots(presetKnots('sawtooth'))).toBeNull();
    expect(checkKnots(DEFAULT_KNOTS.slice(0, 4))).toMatch(/from 5 to 9 knots; this one has 4/);
    expect(checkKnots([...DEFAULT_KNOTS, { x: 4, y: 4 }, { x: 5, y: 5 }, { x: 6, y: 6 }])).toMatch(/has 10/);
    const backwards = presetKnots('identity');
    backwards[3] = { x: -1.5, y: 0 };
    expect(checkKnots(backwards)).toMatch(/left to right.*move knot 4 to the right of knot 3/);
    expect(checkKnots([...presetKnots('identity').slice(0, 6), { x: 3, y: Number.NaN }])).toMatch(/numbers x and y/);
    expect(checkKnots('straight')).toMatch(/list of knots/);
    const config = drawnConfig(presetKnots('identity').slice(0, 3));
    expect(checkConfig(config)).toMatch(/from 5 to 9 knots/);
    expect(checkConfig(drawnConfig(undefined))).toBeNull();
    expect(checkConfig(drawnConfig(presetKnots('absolute')))).toBeNull();
  });

  it('tells a straight drawing from a bent one', () => {
    expect(straightLine(presetKnots('identity'))).toEqual({ slope: 1, intercept: 0 });
    const tilted = [-4, -2, 0, 1, 3].map((x) => ({ x, y: 0.5 * x - 1 }));
    expect(straightLine(tilted)).toEqual({ slope: 0.5, intercept: -1 });
    for (const name of ['stepLike', 'absolute', 'sawtooth'] as const) expect(straightLine(presetKnots(name))).toBeNull();
  });

  it('has a registry entry for the default drawing and one for any knots', () => {
    expect(ACTIVATIONS.drawn.label).toBe('Draw your own');
    expect(ACTIVATIONS.drawn.f(2.5)).toBe(2.5);
    const abs = activationFor('drawn', presetKnots('absolute'));
    expect(abs.f(-2.5)).toBe(2.5);
    expect(abs.df(-2.5, 2.5)).toBe(-1);
  });
});

/** Mean training loss and its analytic gradient (plain path). */
function lossAndGradient(model: Model): { loss: number; grad: Float64Array } {
  const n = model.data.train.length;
  const ws = createWorkspace(model.topo, n);
  const last = model.topo.depth - 1;
  const grad = new Float64Array(model.params.length);
  forwardBatch(model.topo, model.params, model.trainX, 0, n, ws, model.tanh);
  const loss = lossSum(model.lossCode, model.topo.codes[last], ws.pre[last], ws.act[last], model.trainT, 0, n, model.outputs) / n;
  outputDelta(model.lossCode, model.topo.codes[last], ws.pre[last], ws.act[last], model.trainT, 0, n, model.outputs, ws.delta[last]);
  backwardBatch(model.topo, model.params, model.trainX, 0, n, ws, grad);
  return { loss, grad: grad.map((g) => g / n) };
}

describe('drawn activation in the network', () => {
  it('trains with gradients that match finite differences, for every preset', () => {
    for (const name of PRESETS) {
      const model = createModel(drawnConfig(presetKnots(name), { size: 30, training: { loss: 'halfSquared' } }), { exactTanh: true });
      model.params.set(randomParams(model.config, 11, 0.8));
      const { grad } = lossAndGradient(model);
      const h = 1e-6;
      for (let k = 0; k < model.params.length; k++) {
        const keep = model.params[k];
        model.params[k] = keep + h;
        const up = lossAndGradient(model).loss;
        model.params[k] = keep - h;
        const down = lossAndGradient(model).loss;
        model.params[k] = keep;
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(numeric - grad[k]) / Math.max(Math.abs(numeric), 1e-3), `${name} parameter ${k}`).toBeLessThan(1e-4);
      }
    }
  });

  it('trains the same numbers on the fast path (both writers) as on the plain path', () => {
    for (const name of PRESETS) {
      for (const style of ['example', 'layer'] as const) {
        const config = drawnConfig(presetKnots(name), { size: 120, training: { batchSize: 7 } });
        const plain = createModel(config);
        const fast = createModel(config, { fastPath: true });
        fast.fast = compileEpoch(fast, style);
        expect(fast.fast).not.toBeNull();
        for (let e = 0; e < 10; e++) {
          trainEpoch(plain);
          trainEpoch(fast);
        }
        expect(fast.params, `${name}/${style}`).toEqual(plain.params);
      }
    }
  });

  it('writes the function into generated code that gives the same bits, at the knots, beyond them and between', () => {
    const oddKnots = [
      { x: -2.5, y: -0 },
      { x: -1, y: 0.1 + 0.2 },
      { x: -0.3, y: -1 / 3 },
      { x: 0, y: 0 },
      { x: 1e-1, y: 7 },
      { x: 4, y: -9.75 },
    ];
    for (const knots of [...PRESETS.map(presetKnots), oddKnots]) {
      const p = piecewise(knots);
      const f = new Function('z', `return ${drawnValueSource(p, 'z')};`) as (z: number) => number;
      const df = new Function('z', `return ${drawnSlopeSource(p, 'z')};`) as (z: number) => number;
      const random = createRandom(17);
      const xs = [
        ...p.xs,
        ...Array.from(p.xs, (x) => x + 1e-12),
        ...Array.from(p.xs, (x) => x - 1e-12),
        -0,
        0,
        -1e9,
        1e9,
        -Infinity,
        Infinity,
        Number.NaN,
      ];
      for (let i = 0; i < 500; i++) xs.push(-12 + 24 * random());
      for (const x of xs) {
        expect(Object.is(f(x), p.f(x)), `f(${x})`).toBe(true);
        expect(Object.is(df(x), p.df(x)), `f′(${x})`).toBe(true);
      }
    }
  });

  it("uses the network's own knots in the grid and in point evaluation", () => {
    const config = drawnConfig(presetKnots('sawtooth'), { features: ['x1', 'x2'] });
    const params = randomParams(config, 5);
    const resolution = 11;
    const grid = createGridEvaluator(config, resolution).evaluate(params);
    const exact = forwardPoints(config, params, gridPoints(resolution));
    // By hand: the first hidden neuron of cell p is the sawtooth of its weighted sum.
    const shape = networkShape(config);
    const saw = piecewise(presetKnots('sawtooth'));
    const xy = gridPoints(resolution);
    for (let p = 0; p < resolution * resolution; p++) {
      const z =
        params[shape.biasIndex(0, 0)] + params[shape.weightIndex(0, 0, 0)] * xy[2 * p] + params[shape.weightIndex(0, 0, 1)] * xy[2 * p + 1];
      expect(exact[0][p * 5]).toBeCloseTo(saw.f(z), 12);
      grid.layers.forEach((layer, l) => layer.forEach((values, j) => expect(values[p]).toBeCloseTo(exact[l][p * layer.length + j], 5)));
    }
  });

  it('collapses a straight drawing like the identity, and refuses a bent one', () => {
    const identityNet = configWith({
      dataset: 'plane',
      hidden: [
        [4, 'identity'],
        [3, 'identity'],
      ],
      output: 'identity',
    });
    const drawnNet = {
      ...identityNet,
      network: {
        ...identityNet.network,
        hidden: identityNet.network.hidden.map((h) => ({ ...h, activation: 'drawn' as const })),
        drawn: presetKnots('identity'),
      },
    };
    const params = randomParams(identityNet, 8);
    expect(collapse(drawnNet, params)).toEqual(collapse(identityNet, params));
    expect(collapse({ ...drawnNet, network: { ...drawnNet.network, drawn: presetKnots('absolute') } }, params)).toBeNull();
    // A straight line of another slope and offset collapses too, to the map the network computes.
    const tilted = { ...drawnNet, network: { ...drawnNet.network, drawn: [-4, -2, 0, 1, 3].map((x) => ({ x, y: -0.7 * x + 0.3 })) } };
    const map = collapse(tilted, params);
    expect(map).not.toBeNull();
    const points = [
      { x1: 1.5, x2: -2 },
      { x1: -4, x2: 0.25 },
      { x1: 5, x2: 5 },
    ];
    const out = forwardPoints(tilted, params, flatPoints(points));
    points.forEach((p, r) => {
      const z = map!.b[0] + map!.W[0][0] * p.x1 + map!.W[0][1] * p.x2;
      expect(z).toBeCloseTo(out[out.length - 1][r], 10);
    });
  });
});
