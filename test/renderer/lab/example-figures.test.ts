/**
 * The One example figures and formulas on a network small enough to work out by hand:
 * 2 inputs → 2 ReLU → 1 identity output, ½·squared error, one example x = (0.5, 1.2), y = 1.
 */
import { describe, expect, it } from 'vitest';
import { networkShape } from '../../../core/engine';
import type { ExampleStep, ExampleTrace } from '../../../core/engine/trace';
import {
  backwardFormula,
  changeFigures,
  forwardFormula,
  inputLabels,
  linkFigures,
  lossFormula,
  neuronFigures,
  num,
  resolvePick,
  short,
  steepest,
  targetText,
  updateFormula,
} from '../../../renderer/lab/example-figures';
import { configWith } from '../../core/engine/helpers';

const config = configWith({
  dataset: 'custom',
  problem: 'regression',
  hidden: [[2, 'relu']],
  output: 'identity',
  training: { learningRate: 0.1 },
});
const shape = networkShape(config);
const labels = inputLabels(config, shape.inputs);

function handTrace(): ExampleTrace {
  const params = new Float64Array(shape.paramCount);
  const set = (index: number, value: number) => (params[index] = value);
  set(shape.weightIndex(0, 0, 0), 0.31);
  set(shape.weightIndex(0, 0, 1), -0.2);
  set(shape.biasIndex(0, 0), 0.1);
  set(shape.weightIndex(0, 1, 0), -0.5);
  set(shape.weightIndex(0, 1, 1), -0.4);
  set(shape.biasIndex(0, 1), 0.2);
  set(shape.weightIndex(1, 0, 0), 2);
  set(shape.weightIndex(1, 0, 1), 1);
  set(shape.biasIndex(1, 0), 0.05);
  // Worked by hand: z₁ = 0.155 − 0.24 + 0.1 = 0.015, z₂ = −0.25 − 0.48 + 0.2 = −0.53 (ReLU gives 0),
  // output 2·0.015 + 0.05 = 0.08, δ = 0.08 − 1 = −0.92, δ₁ = 1·2·(−0.92), δ₂ = 0 (ReLU's flat side).
  const gradient = new Float64Array(shape.paramCount);
  gradient[shape.weightIndex(0, 0, 0)] = -1.84 * 0.5;
  gradient[shape.weightIndex(0, 0, 1)] = -1.84 * 1.2;
  gradient[shape.biasIndex(0, 0)] = -1.84;
  gradient[shape.weightIndex(1, 0, 0)] = -0.92 * 0.015;
  gradient[shape.biasIndex(1, 0)] = -0.92;
  return {
    row: 4,
    point: { x1: 0.5, x2: 1.2, label: 1 },
    params,
    inputs: Float64Array.of(0.5, 1.2),
    z: [Float64Array.of(0.015, -0.53), Float64Array.of(0.08)],
    a: [Float64Array.of(0.015, 0), Float64Array.of(0.08)],
    target: Float64Array.of(1),
    loss: 0.5 * 0.92 * 0.92,
    delta: [Float64Array.of(-1.84, 0), Float64Array.of(-0.92)],
    gradient,
  };
}

describe('One example figures', () => {
  const trace = handTrace();

  it('lists every neuron with z, a and δ, and every weight and bias with its gradient', () => {
    expect(neuronFigures(shape, trace).map((n) => [n.name, n.z, n.a, n.delta])).toEqual([
      ['layer 1, neuron 1', 0.015, 0.015, -1.84],
      ['layer 1, neuron 2', -0.53, 0, 0],
      ['the output', 0.08, 0.08, -0.92],
    ]);
    const links = linkFigures(shape, labels, trace);
    expect(links.map((l) => l.name)).toEqual([
      'weight from x₁ to layer 1, neuron 1',
      'weight from x₂ to layer 1, neuron 1',
      'bias of layer 1, neuron 1',
      'weight from x₁ to layer 1, neuron 2',
      'weight from x₂ to layer 1, neuron 2',
      'bias of layer 1, neuron 2',
      'weight from layer 1, neuron 1 to the output',
      'weight from layer 1, neuron 2 to the output',
      'bias of the output',
    ]);
    expect(steepest(links, 3).map((l) => l.name)).toEqual([
      'weight from x₂ to layer 1, neuron 1',
      'bias of layer 1, neuron 1',
      'weight from x₁ to layer 1, neuron 1',
    ]);
    expect(targetText(trace)).toBe('1.000');
  });

  it('writes the forward pass out with the live numbers', () => {
    expect(forwardFormula(config, shape, labels, trace, 0, 0).map((l) => [l.symbols, l.numbers])).toEqual([
      ['z = w₁·x₁ + w₂·x₂ + b', '= 0.310·0.500 + (−0.200)·1.200 + 0.100 = 0.015'],
      ['a = ReLU(z)', '= ReLU(0.015) = 0.015'],
    ]);
    expect(forwardFormula(config, shape, labels, trace, 1, 0)[0].numbers).toBe('= 2.000·0.015 + 1.000·0 + 0.050 = 0.080');
    expect(lossFormula(config, trace).numbers).toBe('= ½·((0.080 − 1.000)²) = 0.423');
  });

  it('writes δ out: the output’s from answer and target, a hidden one as slope times the errors it feeds', () => {
    const output = backwardFormula(config, shape, labels, trace, 1, 0);
    expect(output[0].numbers).toBe('= 0.080 − 1.000 = −0.920');
    expect(output.map((l) => l.symbols)).toEqual(['δ = a − y (answer minus target)', '∂L/∂w₁ = δ·a₁', '∂L/∂w₂ = δ·a₂', '∂L/∂b = δ']);
    expect(output[1].numbers).toBe('= (−0.920)·0.015 = −0.014');
    const live = backwardFormula(config, shape, labels, trace, 0, 0);
    expect(live[0].symbols).toBe('δ = f′(z)·Σₖ wₖ·δₖ');
    expect(live[0].numbers).toBe('= 1.000·(2.000·(−0.920)) = 1.000·(−1.840) = −1.840');
    // The ReLU below zero: slope 0, so nothing passes back however large the error above.
    const dead = backwardFormula(config, shape, labels, trace, 0, 1);
    expect(dead[0].numbers).toBe('= 0·(1.000·(−0.920)) = 0·(−0.920) = 0');
  });

  it('writes the update out as old − rate × gradient for plain SGD, and lists the largest changes', () => {
    const before = trace.params;
    const after = before.map((p, i) => p - 0.1 * trace.gradient[i]);
    const step: ExampleStep = { row: 4, before, after, epochEnded: false };
    const lines = updateFormula(config, shape, labels, trace, step, 1, 0);
    expect(lines.map((l) => l.numbers)).toEqual([
      '= 2.0000 − 0.1·(−0.014) = 2.0014',
      '= 1.0000 − 0.1·0 = 1.0000',
      '= 0.0500 − 0.1·(−0.920) = 0.1420',
    ]);
    const changes = changeFigures(linkFigures(shape, labels, trace), step, 2);
    expect(changes.map((c) => [c.name, c.before, c.after])).toEqual([
      ['weight from x₂ to layer 1, neuron 1', -0.2, after[shape.weightIndex(0, 0, 1)]],
      ['bias of layer 1, neuron 1', 0.1, after[shape.biasIndex(0, 0)]],
    ]);
    const adam = { ...config, training: { ...config.training, optimizer: 'adam' as const } };
    expect(updateFormula(adam, shape, labels, trace, step, 1, 0)[0]).toMatchObject({
      symbols: 'w₁: old → new',
      numbers: '2.0000 → 2.0014',
    });
  });

  it('formats numbers for tables and for the diagram, and keeps a pick within the network', () => {
    expect([num(-0.0123), num(0), num(-2.5e-6), num(123456), num(Number.NaN)]).toEqual(['−0.012', '0', '−2.50e−6', '1.23e+5', '—']);
    expect([short(-0.8234), short(0.00158), short(3e-6), short(-123.4), short(0)]).toEqual(['−0.82', '0.0016', '3e−6', '−123', '0']);
    expect(resolvePick({ layer: 1, neuron: 0 }, shape)).toEqual({ layer: 1, neuron: 0 });
    expect(resolvePick({ layer: 0, neuron: 5 }, shape)).toEqual({ layer: 0, neuron: 0 });
    expect(resolvePick(null, shape)).toEqual({ layer: 0, neuron: 0 });
  });
});
