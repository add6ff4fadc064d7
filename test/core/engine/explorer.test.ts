/** The activation explorer's maths: sampled f and f′, read-outs, and the saturated regions. */
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../../../core/config';
import { ACTIVATIONS, OUTPUT_ACTIVATIONS, sigmoid } from '../../../core/engine/activations';
import { DRAWN_PRESETS, presetKnots, type DrawnPresetName } from '../../../core/engine/drawn';
import { exploreActivation, sampleActivation, SATURATION_SLOPE, valueAt } from '../../../core/engine/explorer';

/** Points where the function has a kink (f′ jumps), to keep finite differences away from. */
const KINKS: Partial<Record<string, number[]>> = { relu: [0], leakyRelu: [0], elu: [0] };

describe('activation explorer', () => {
  it('samples f and an f′ that matches finite differences, for every activation and every drawn preset', () => {
    const cases = [
      ...ACTIVATION_NAMES.map((name) => ({
        label: name,
        samples: exploreActivation(name, { count: 241 }),
        f: ACTIVATIONS[name].f,
        kinks: KINKS[name] ?? [],
      })),
      ...(Object.keys(DRAWN_PRESETS) as DrawnPresetName[]).map((preset) => {
        const knots = presetKnots(preset);
        return {
          label: `drawn ${preset}`,
          samples: exploreActivation('drawn', { knots, count: 241 }),
          f: (x: number) => exploreActivation('drawn', { knots, from: x, to: x + 1, count: 2 }).f[0],
          kinks: knots.map((k) => k.x),
        };
      }),
    ];
    for (const { label, samples, f, kinks } of cases) {
      expect(samples.x).toHaveLength(241);
      expect(samples.x[0]).toBe(-6);
      expect(samples.x[240]).toBe(6);
      for (let i = 0; i < 241; i++) {
        const x = samples.x[i];
        expect(samples.f[i], label).toBe(f(x));
        if (kinks.some((k) => Math.abs(k - x) < 1e-3)) continue;
        // GELU's and the cheaper tanh's slopes are exact to about 1e-7; the rest to rounding.
        const h = 1e-5;
        expect(Math.abs(samples.df[i] - (f(x + h) - f(x - h)) / (2 * h)), `${label} at ${x}`).toBeLessThan(1e-5);
      }
    }
  });

  it('reads the value and slope at any x, as training computes them', () => {
    expect(valueAt(ACTIVATIONS.relu, -1)).toEqual({ f: 0, df: 0 });
    expect(valueAt(ACTIVATIONS.sigmoid, 0)).toEqual({ f: 0.5, df: 0.25 });
    expect(valueAt(OUTPUT_ACTIVATIONS.identity, 3)).toEqual({ f: 3, df: 1 });
  });

  it('finds the saturated regions where |f′| < 0.01: both tails of the sigmoid, to within 1e-9', () => {
    // σ′ = σ(1 − σ) = 0.01 where σ = (1 − √0.96)/2, i.e. at x = ±ln(σ / (1 − σ)).
    const s = (1 - Math.sqrt(0.96)) / 2;
    const edge = -Math.log(s / (1 - s));
    const { saturated } = exploreActivation('sigmoid');
    expect(saturated).toHaveLength(2);
    expect(saturated[0].from).toBe(-6);
    expect(saturated[0].to).toBeCloseTo(-edge, 8);
    expect(saturated[1].from).toBeCloseTo(edge, 8);
    expect(saturated[1].to).toBe(6);
    // The sigmoid only levels off: a little slope is left, so it is saturated, not flat.
    expect(saturated.map((r) => r.flat)).toEqual([false, false]);
    expect(sigmoid(edge) * (1 - sigmoid(edge))).toBeCloseTo(SATURATION_SLOPE, 12);
  });

  it("finds ReLU's flat half, nothing for the identity or leaky ReLU, and a drawn step's flat ends", () => {
    const relu = exploreActivation('relu').saturated;
    expect(relu).toHaveLength(1);
    expect(relu[0].from).toBe(-6);
    expect(relu[0].to).toBeCloseTo(0, 8);
    // Its slope there is exactly 0: flat, not saturated.
    expect(relu[0].flat).toBe(true);
    expect(exploreActivation('identity').saturated).toEqual([]);
    expect(exploreActivation('leakyRelu').saturated).toEqual([]);
    expect(exploreActivation('drawn').saturated).toEqual([]);
    const step = exploreActivation('drawn', { knots: presetKnots('stepLike') }).saturated;
    expect(step.map((r) => r.flat)).toEqual([true, true]);
    expect(step.map((r) => [r.from, r.to])).toEqual([
      [-6, expect.closeTo(-0.5, 8)],
      [expect.closeTo(0.5, 8), 6],
    ]);
    const tanh = exploreActivation('tanh', { threshold: 0.1 }).saturated;
    // 1 − tanh² = 0.1 where tanh = √0.9.
    expect(tanh[0].to).toBeCloseTo(-Math.atanh(Math.sqrt(0.9)), 6);
    expect(tanh[1].from).toBeCloseTo(Math.atanh(Math.sqrt(0.9)), 6);
    expect(tanh.some((r) => r.flat)).toBe(false);
  });

  it('finds regions inside the range, and refuses an empty range', () => {
    // cos′ = −sin: |sin x| < 0.2 near 0 and ±π, within [−4, 4].
    const { saturated } = exploreActivation('cos', { from: -4, to: 4, threshold: 0.2 });
    const width = 2 * Math.asin(0.2);
    expect(saturated.map((r) => r.to - r.from)).toEqual([expect.closeTo(width, 7), expect.closeTo(width, 7), expect.closeTo(width, 7)]);
    expect(saturated[1].from).toBeCloseTo(-width / 2, 7);
    expect(() => sampleActivation(ACTIVATIONS.tanh, { from: 2, to: 2 })).toThrow(/range/);
  });
});
