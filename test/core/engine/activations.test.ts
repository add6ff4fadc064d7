import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, OUTPUT_ACTIVATION_NAMES } from '../../../core/config';
import { ACTIVATIONS, OUTPUT_ACTIVATIONS, fastTanh, softmax } from '../../../core/engine';

describe('the cheaper tanh', () => {
  it('stays within 1e-7 of Math.tanh everywhere', () => {
    let worst = 0;
    for (let x = -20; x <= 20; x += 0.0003) worst = Math.max(worst, Math.abs(fastTanh(x) - Math.tanh(x)));
    for (const x of [0, 1e-300, -1e-12, 8.999, 9, 9.001, 1e6, -1e6, Number.MAX_VALUE]) {
      worst = Math.max(worst, Math.abs(fastTanh(x) - Math.tanh(x)));
    }
    expect(worst).toBeLessThan(1e-7);
  });

  it('is odd, bounded by 1 and increasing', () => {
    let previous = -Infinity;
    const broken: number[] = [];
    for (let x = -12; x <= 12; x += 0.001) {
      const y = fastTanh(x);
      if (fastTanh(-x) !== -y || Math.abs(y) > 1 || y < previous) broken.push(x);
      previous = y;
    }
    expect(broken).toEqual([]);
  });
});

describe('activation registry', () => {
  const all = [...ACTIVATION_NAMES.map((n) => ACTIVATIONS[n]), ...OUTPUT_ACTIVATION_NAMES.map((n) => OUTPUT_ACTIVATIONS[n])];

  it('has a label, a formula and a sentence for every activation', () => {
    for (const a of all) {
      expect(a.label.length).toBeGreaterThan(0);
      expect(a.tex).toMatch(/=/);
      expect(a.description).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('gives derivatives that match finite differences of f', () => {
    const h = 1e-6;
    for (const a of all) {
      for (let x = -4.05; x <= 4; x += 0.1) {
        const numeric = (a.f(x + h) - a.f(x - h)) / (2 * h);
        expect(Math.abs(a.df(x, a.f(x)) - numeric), `${a.name} at ${x}`).toBeLessThan(2e-6 * Math.max(1, Math.abs(numeric)) + 1e-6);
      }
    }
  });

  it('knows the values the lessons quote', () => {
    expect(ACTIVATIONS.sigmoid.f(0)).toBe(0.5);
    expect(ACTIVATIONS.sigmoid.f(3)).toBeCloseTo(0.9526, 4);
    expect(ACTIVATIONS.sigmoid.f(10)).toBeCloseTo(0.99995, 5);
    expect(ACTIVATIONS.relu.f(-2)).toBe(0);
    expect(ACTIVATIONS.relu.f(2.5)).toBe(2.5);
    expect(ACTIVATIONS.leakyRelu.f(-1)).toBeCloseTo(-0.01, 12);
    expect(ACTIVATIONS.elu.f(-50)).toBeCloseTo(-1, 12);
    expect(ACTIVATIONS.softplus.f(800)).toBe(800);
  });
});

describe('softmax of a list of scores', () => {
  it('gives known probabilities that sum to 1', () => {
    expect(softmax([0, 0, 0])).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const p = softmax([0, Math.log(2)]);
    expect(p[0]).toBeCloseTo(1 / 3, 12);
    expect(p[1]).toBeCloseTo(2 / 3, 12);
    expect(softmax([2, 1, 0.1]).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('does not overflow for large scores and keeps their order', () => {
    const p = softmax([1000, 999, -1000]);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(p[2]).toBe(0);
  });

  it('agrees with the exponentials divided by their sum', () => {
    const scores = [0.3, -1.2, 2.5, 0];
    const exps = scores.map(Math.exp);
    const sum = exps.reduce((a, b) => a + b, 0);
    softmax(scores).forEach((v, i) => expect(v).toBeCloseTo(exps[i] / sum, 12));
  });
});
