/**
 * The curve view's page-side maths: the plot's axes and pixel mapping, the probe table (whose
 * rows must add up to the network's value), the learner's own curve points, and the Lab's
 * edits that pick a curve set (linear output, own points to start from).
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type DataPoint, type LabConfig } from '../../../core/config';
import { checkConfig, curveView, curvePoint, generateData, networkShape } from '../../../core/engine';
import {
  curveFrame,
  formatValue,
  labelX,
  neuronDash,
  NEURON_DASHES,
  probeRows,
  pxToX,
  pxToY,
  ticks,
  xToPx,
  yRange,
  yToPx,
} from '../../../renderer/lab/curve-frame';
import {
  addCurvePoint,
  moveCurvePoint,
  neighbour,
  pointAt,
  rankOf,
  removeCurvePoint,
  startingCurvePoints,
  usableCurvePoints,
} from '../../../renderer/lab/curve-points';
import { setDataset } from '../../../renderer/lab/edit';
import { curveStartingConfig, DataMemory, kindOf } from '../../../renderer/lab/table/switch';

function curveConfig(activation: 'relu' | 'tanh', width: number): LabConfig {
  const config = curveStartingConfig();
  config.network.hidden = [
    { size: 3, activation: 'tanh' },
    { size: width, activation },
  ];
  return config;
}

/** Parameters from a seeded sequence, so the network is not a trivial one. */
function someParams(config: LabConfig): Float64Array {
  const n = networkShape(config).paramCount;
  return Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + 1.7) * 1.3);
}

describe('the curve plot frame', () => {
  it('maps x from −6 to 6 across the plotting area and y up, both ways', () => {
    const f = curveFrame(360, 280, []);
    expect(xToPx(f, -6)).toBe(f.left);
    expect(xToPx(f, 6)).toBe(f.right);
    expect(yToPx(f, f.yMin)).toBe(f.bottom);
    expect(yToPx(f, f.yMax)).toBe(f.top);
    for (const [x, y] of [
      [-4.2, 0.3],
      [0, 0],
      [5.9, -1.4],
    ]) {
      expect(pxToX(f, xToPx(f, x))).toBeCloseTo(x, 12);
      expect(pxToY(f, yToPx(f, y))).toBeCloseTo(y, 12);
    }
  });

  it('shows at least −1.5 to 1.5 and widens in half steps to hold every point', () => {
    expect(yRange([])).toEqual({ yMin: -1.5, yMax: 1.5 });
    expect(yRange([curvePoint(0, 1.3)])).toEqual({ yMin: -1.5, yMax: 2 });
    expect(yRange([curvePoint(0, -3.1), curvePoint(1, 0)])).toEqual({ yMin: -3.5, yMax: 1.5 });
  });

  it('puts ticks on whole steps within the range', () => {
    expect(ticks(-1.5, 1.5, 0.5)).toEqual([-1.5, -1, -0.5, 0, 0.5, 1, 1.5]);
    expect(ticks(-1.5, 2, 1)).toEqual([-1, 0, 1, 2]);
  });

  it('gives neighbouring neurons different dash patterns and spreads their numbers over the range', () => {
    const dashes = Array.from({ length: NEURON_DASHES.length }, (_, j) => neuronDash(j).join(','));
    expect(new Set(dashes).size).toBe(NEURON_DASHES.length);
    const xs = Array.from({ length: 8 }, (_, j) => labelX(j, 8));
    expect(xs[0]).toBeGreaterThan(-6);
    expect(xs[7]).toBeLessThan(6);
    for (let j = 1; j < 8; j++) expect(xs[j] - xs[j - 1]).toBeCloseTo(1.5, 12);
  });

  it('writes numbers with a true minus sign and never −0', () => {
    expect(formatValue(-0.25)).toBe('−0.250');
    expect(formatValue(-0.0001)).toBe('0.000');
    expect(formatValue(Number.NaN)).toBe('—');
  });
});

describe('the probe table', () => {
  for (const activation of ['relu', 'tanh'] as const) {
    it(`lists one row per last-hidden neuron and the bias, and they add up to the network's value (${activation})`, () => {
      const config = curveConfig(activation, 5);
      const params = someParams(config);
      for (const x of [-5, -0.3, 0, 2.7]) {
        const view = curveView(config, params, Float64Array.of(x));
        const rows = probeRows(view);
        expect(rows.map((r) => r.name)).toEqual(['Neuron 1', 'Neuron 2', 'Neuron 3', 'Neuron 4', 'Neuron 5', 'Output bias b']);
        const total = rows.reduce((sum, r) => sum + r.value, 0);
        expect(total).toBeCloseTo(view.sum[0], 12);
        expect(view.output[0]).toBe(view.sum[0]); // a linear output
      }
    });
  }

  it('is built from the weights as a hand computation gives it: one ReLU neuron, w = 2, b = −1, output weight 3, bias 0.5', () => {
    const config = curveStartingConfig();
    config.network.hidden = [{ size: 1, activation: 'relu' }];
    const params = Float64Array.of(2, -1, 3, 0.5); // w, b of the hidden neuron; then output weight and bias
    const at = (x: number) => probeRows(curveView(config, params, Float64Array.of(x)));
    expect(at(2).map((r) => r.value)).toEqual([3 * (2 * 2 - 1), 0.5]);
    expect(at(0).map((r) => r.value)).toEqual([0, 0.5]);
  });
});

describe("the learner's own curve points", () => {
  const points: DataPoint[] = [curvePoint(2, 0.5), curvePoint(-1, 0), curvePoint(4, -1), curvePoint(-1, 0.7)];

  it('adds, moves and removes points without touching the list given, x kept within ±6', () => {
    const added = addCurvePoint(points, 9, 2.5);
    expect(added.at(-1)).toEqual({ x1: 6, x2: 0, label: 2.5 });
    expect(points).toHaveLength(4);
    expect(moveCurvePoint(points, 1, -7, -3)[1]).toEqual({ x1: -6, x2: 0, label: -3 });
    expect(removeCurvePoint(points, 0)).toEqual(points.slice(1));
  });

  it('walks the points in order of x, wrapping round, ties in list order', () => {
    expect(neighbour(points, -1, 1)).toBe(1);
    expect(neighbour(points, 1, 1)).toBe(3);
    expect(neighbour(points, 3, 1)).toBe(0);
    expect(neighbour(points, 2, 1)).toBe(1);
    expect(neighbour(points, -1, -1)).toBe(2);
    expect(neighbour(points, 1, -1)).toBe(2);
    expect(neighbour([], -1, 1)).toBe(-1);
    expect(rankOf(points, 2)).toBe(4);
  });

  it('finds the point under the pointer within reach, the nearest when several are', () => {
    const toPixel = (p: DataPoint) => ({ px: p.x1 * 10, py: -p.label * 10 });
    expect(pointAt(points, 20, -5, toPixel, 4)).toBe(0);
    expect(pointAt(points, -10, -3, toPixel, 5)).toBe(1);
    expect(pointAt(points, -10, -5, toPixel, 5)).toBe(3);
    expect(pointAt(points, 100, 100, toPixel, 5)).toBe(-1);
  });

  it('starts from a few points of the curve on show, which the engine accepts as own points', () => {
    const config = setDataset(curveStartingConfig(), 'parabola');
    const start = startingCurvePoints(config);
    expect(start).toHaveLength(16);
    expect(usableCurvePoints(start)).toBe(true);
    for (const p of start) expect(p.label).toBeCloseTo((p.x1 * p.x1) / 18 - 1, 12);
    for (let i = 1; i < start.length; i++) expect(start[i].x1).toBeGreaterThanOrEqual(start[i - 1].x1);
    const own = setDataset(config, 'ownCurve');
    expect(own.data.points).toEqual(start);
    expect(checkConfig(own)).toBeNull();
  });

  it('keeps usable own points when one comes back to them, and refuses 2-D points as curve points', () => {
    const config = setDataset(curveStartingConfig(), 'ownCurve');
    config.data.points = points;
    expect(setDataset(config, 'ownCurve').data.points).toEqual(points);
    expect(usableCurvePoints([{ x1: 1, x2: 2, label: 1 }, curvePoint(0, 0)])).toBe(false);
    expect(usableCurvePoints([curvePoint(0, 0)])).toBe(false);
  });
});

describe('picking a curve set in the Lab', () => {
  it('gives a linear output and squared error, even coming from a tanh output on 2-D regression data', () => {
    const plane = defaultConfig();
    plane.data.dataset = 'plane';
    plane.data.problem = 'regression';
    plane.network.outputActivation = 'tanh';
    const next = setDataset(plane, 'sine');
    expect(next.network.outputActivation).toBe('identity');
    expect(next.training.loss).toBe('halfSquared');
    expect(checkConfig(next)).toBeNull();
  });

  it('switches between 2-D data and curves with a network for each, starting curves with eight ReLUs', () => {
    const memory = new DataMemory();
    const plane = defaultConfig();
    plane.data.dataset = 'custom';
    plane.data.points = [
      { x1: 1, x2: 2, label: 1 },
      { x1: -1, x2: -2, label: 0 },
    ];
    memory.remember(plane);
    const curve = memory.configFor('step', plane);
    expect(kindOf(curve)).toBe('curve');
    expect(curve.network.hidden).toEqual([{ size: 8, activation: 'relu' }]);
    expect(curve.network.outputActivation).toBe('identity');
    expect(checkConfig(curve)).toBeNull();
    expect(generateData(curve.data, curve.seed).problem).toBe('regression');
    memory.remember(curve);
    const back = memory.configFor('custom', curve);
    expect(back.data.points).toEqual(plane.data.points);
    expect(back.network.hidden).toEqual(plane.network.hidden);
    const again = memory.configFor('ownCurve', back);
    expect(usableCurvePoints(again.data.points)).toBe(true);
    expect(checkConfig(again)).toBeNull();
  });
});
