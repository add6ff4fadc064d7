/** One output neuron's loss and push: known values, and the push against finite differences of the loss. */
import { describe, expect, it } from 'vitest';
import { readOutput } from '../../../core/engine';

describe('readOutput', () => {
  it('gives a sigmoid output under ½·squared error a push that fades when it is badly wrong', () => {
    const s = 1 / (1 + Math.exp(5)); // sigmoid(−5)
    const r = readOutput('sigmoid', 'halfSquared', -5, 1);
    expect(r.y).toBeCloseTo(s, 12);
    expect(r.loss).toBeCloseTo(0.5 * (1 - s) ** 2, 12);
    expect(r.push).toBeCloseTo((s - 1) * s * (1 - s), 12);
    expect(Math.abs(r.push)).toBeLessThan(0.007);
  });

  it('gives cross-entropy a push of output − target, about 150 times the squared error’s at z = −5', () => {
    const ce = readOutput('sigmoid', 'binaryCrossEntropy', -5, 1);
    const se = readOutput('sigmoid', 'halfSquared', -5, 1);
    expect(ce.push).toBeCloseTo(ce.y - 1, 12);
    expect(ce.loss).toBeCloseTo(-Math.log(ce.y), 9);
    expect(ce.push / se.push).toBeCloseTo(150.4, 1);
  });

  it('agrees with finite differences of its own loss for every output and loss it takes', () => {
    const h = 1e-6;
    for (const output of ['sigmoid', 'tanh', 'identity'] as const) {
      for (const loss of output === 'identity' ? (['halfSquared'] as const) : (['halfSquared', 'binaryCrossEntropy'] as const)) {
        for (const z of [-4, -0.7, 0, 1.3, 3]) {
          const target = loss === 'binaryCrossEntropy' ? 1 : 0.6;
          const slope = (readOutput(output, loss, z + h, target).loss - readOutput(output, loss, z - h, target).loss) / (2 * h);
          // tanh is the engine's cheaper approximation (within 2e-8), so its slope is checked more loosely.
          expect(readOutput(output, loss, z, target).push).toBeCloseTo(slope, output === 'tanh' ? 4 : 6);
        }
      }
    }
  });

  it('never lets a tanh output below a loss of 2 for a target of 3, while a linear output reaches 0', () => {
    for (const z of [-8, 0, 2, 8, 50]) expect(readOutput('tanh', 'halfSquared', z, 3).loss).toBeGreaterThanOrEqual(2 - 1e-9);
    expect(readOutput('identity', 'halfSquared', 3, 3).loss).toBe(0);
  });
});
