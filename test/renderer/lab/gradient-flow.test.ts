/** The gradient-flow panel's page-side maths: ratios and sentences, the chart's lines, line styles and label placement. */
import { describe, expect, it } from 'vitest';
import type { InstrumentPoint } from '../../../renderer/engine/instruments';
import {
  GRADIENT_FLOOR,
  deadSummary,
  decadeBounds,
  flowReadout,
  formatFactor,
  formatRatio,
  ratioWords,
  relativeWords,
  formatGradient,
  gradientLines,
  gradientRatio,
  hasMarker,
  layerNames,
  lineStyle,
  powerOfTenLabel,
  relativeText,
  formatSlope,
  shortNames,
  spreadLabels,
} from '../../../renderer/lab/gradient-flow';

describe('gradient ratio and read-out', () => {
  it('compares the first layer with the output layer', () => {
    expect(gradientRatio([1e-6, 1e-4, 3.4e-3])).toBeCloseTo(1e-6 / 3.4e-3, 15);
    expect(gradientRatio([0.2])).toBeNull();
    expect(gradientRatio([])).toBeNull();
    expect(gradientRatio([0.1, 0])).toBeNull();
    expect(gradientRatio([Number.NaN, 0.1])).toBeNull();
  });

  it('rounds factors to two significant digits with thousands grouped', () => {
    expect(formatFactor(3412.7)).toBe('3,400');
    expect(formatFactor(35_123)).toBe('35,000');
    expect(formatFactor(2_280_000)).toBe('2,300,000');
    expect(formatFactor(99.6)).toBe('100');
    expect(formatFactor(2.345)).toBe('2.3');
    expect(formatFactor(1)).toBe('1');
    expect(formatFactor(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('writes each layer relative to the output layer as one kind of factor, never a fraction like 1/1.8', () => {
    expect(relativeText(1e-6, 3.4e-3)).toBe('×0.00029');
    expect(relativeText(0.1, 0.18)).toBe('×0.56');
    expect(relativeText(0.5, 0.25)).toBe('×2');
    expect(relativeText(0.25, 0.25)).toBe('×1');
    expect(relativeText(850, 0.25)).toBe('×3,400');
    expect(relativeText(3.4e-9, 0.01)).toBe('×3.4e-7');
    expect(relativeText(0, 0.25)).toBe('0');
    expect(relativeText(0.1, 0)).toBe('—');
    for (const r of [0.56, 0.0043, 2.1, 3400, 3.4e-7]) expect(formatRatio(r)).toMatch(/^×[\d.,]+(e-\d+)?$/);
  });

  it('gives screen readers the ratio in words', () => {
    expect(relativeWords(0.1, 0.18)).toBe("0.56 times the output layer's");
    expect(relativeWords(3.4e-9, 0.01)).toBe("3.4 times 10 to the minus 7 the output layer's");
    expect(ratioWords(2.1)).toBe('2.1 times');
    expect(relativeWords(0, 0.1)).toBe('0');
    expect(relativeWords(0.1, 0)).toBe('none');
  });

  it('says whether the gradient vanishes, reaches the first layer or grows, with the ratio written as the table writes it', () => {
    expect(flowReadout([])).toMatch(/Train for an epoch/);
    expect(flowReadout([0.3])).toMatch(/No hidden layers/);
    expect(flowReadout([1e-6, 1e-4, 3.4e-3])).toBe(
      "The first layer's gradient is the output layer's ×0.00029: it vanishes on the way back, so the first layer barely learns.",
    );
    // The learner's walk: on screen a number in the table's ×… form, never the spoken words.
    expect(flowReadout([2.9e-7, 0.01])).toBe(
      "The first layer's gradient is the output layer's ×2.9e-5: it vanishes on the way back, so the first layer barely learns.",
    );
    expect(flowReadout([2.9e-7, 0.01])).not.toMatch(/times|to the minus/);
    expect(flowReadout([0.05, 0.1])).toBe("The first layer's gradient is the output layer's ×0.5: the gradient reaches the first layer.");
    expect(flowReadout([0.3, 0.1])).toBe("The first layer's gradient is the output layer's ×3: the gradient reaches the first layer.");
    expect(flowReadout([50, 0.1])).toMatch(/is the output layer's ×500: it grows on the way back/);
    expect(flowReadout([0, 0.1])).toMatch(/gradient is 0: no learning signal reaches it/);
    expect(flowReadout([0.1, 0])).toMatch(/output layer's weights get no gradient/);
    expect(flowReadout([0, 0, 0])).toMatch(/No layer gets any gradient: every path back from the output runs through a dead neuron/);
  });

  it('says the same sentence in words for a screen reader', () => {
    expect(flowReadout([2.9e-7, 0.01], undefined, undefined, true)).toBe(
      "The first layer's gradient is 2.9 times 10 to the minus 5 the output layer's: it vanishes on the way back, so the first layer barely learns.",
    );
    expect(flowReadout([0.05, 0.1], undefined, undefined, true)).toBe(
      "The first layer's gradient is 0.5 times the output layer's: the gradient reaches the first layer.",
    );
    expect(flowReadout([0, 0.1], undefined, undefined, true)).toBe(flowReadout([0, 0.1]));
  });

  it('explains a gradient of 0 that no dead layer accounts for (ReLU layers on by turns, never together)', () => {
    // Spiral, 2→4,2,2,2,2,2→1 ReLU, rate 0.03, seed 1, epoch 5,000 (reproduced on core's session):
    // every hidden layer's weights get exactly 0, the output's 0.11; one dead neuron (layer 1),
    // every other hidden neuron on for some examples. The last hidden layer is on for 70 of 250
    // examples, exactly those where the layer below outputs all zeros: its weights' inputs are 0
    // there, and everywhere else it is off, so nothing passes further back. Blaming dead neurons
    // would contradict the dead count.
    const gradient = [0, 0, 0, 0, 0, 0, 0.11];
    const sizes = [4, 2, 2, 2, 2, 2];
    const text = flowReadout(gradient, [1, 0, 0, 0, 0, 0], sizes);
    expect(text).toMatch(/^The first layer's gradient is 0: no learning signal reaches it\. /);
    expect(text).toMatch(/Dead neurons do not explain it/);
    expect(text).toMatch(/on every training example some layer/);
    expect(flowReadout([0, 0, 0], [0, 0], [3, 3])).not.toMatch(/runs through a dead neuron/);
    expect(flowReadout([0, 0, 0], [0, 0], [3, 3])).toMatch(/^No layer gets any gradient.*Dead neurons do not explain it/);
    // A hidden layer whose neurons are all dead blocks every path: said so.
    expect(flowReadout([0, 0, 0.1], [0, 2], [3, 2])).toBe(
      "The first layer's gradient is 0: every neuron of layer 2 is dead, so no learning signal gets past it.",
    );
    expect(flowReadout([0, 0, 0], [0, 2], [3, 2])).toMatch(/every path back from the output runs through a dead neuron/);
    // No count yet (or one for another network): the sentences stay as they were.
    expect(flowReadout([0, 0.1])).toBe("The first layer's gradient is 0: no learning signal reaches it.");
    expect(flowReadout([0, 0, 0.1], [0], [3, 3])).toBe("The first layer's gradient is 0: no learning signal reaches it.");
  });

  it('formats gradients for the table', () => {
    expect(formatGradient(0.1234)).toBe('0.12');
    expect(formatGradient(3.4e-7)).toBe('3.4e-7');
    expect(formatGradient(0)).toBe('0');
    expect(formatGradient(Number.NaN)).toBe('—');
  });
});

describe('dead neurons per layer', () => {
  it('lists each hidden layer as "k of n"', () => {
    expect(deadSummary([3, 0], [8, 8])).toBe('layer 1: 3 of 8 · layer 2: 0 of 8');
    expect(deadSummary(undefined, [8])).toBeNull();
    expect(deadSummary([1], [8, 8])).toBeNull();
    expect(deadSummary([], [])).toBeNull();
  });

  it("writes a layer's mean slope with two significant digits", () => {
    expect(formatSlope(0.2134)).toBe('0.21');
    expect(formatSlope(0.25)).toBe('0.25');
    expect(formatSlope(0.003149)).toBe('0.0031');
    expect(formatSlope(3.4e-5)).toBe('3.4e-5');
    expect(formatSlope(0)).toBe('0');
    expect(formatSlope(Number.NaN)).toBe('—');
  });
});

describe('the chart', () => {
  const point = (epoch: number, gradient: number[]): InstrumentPoint => ({ epoch, gradient, lowSlope: [] });

  it('makes one line per layer, floored for the log axis, thinned to the limit with shared epochs', () => {
    const history = Array.from({ length: 500 }, (_, i) => point(i + 1, [i === 7 ? 0 : i === 8 ? 1e-20 : 1e-6 * (i + 1), 0.1, Number.NaN]));
    const lines = gradientLines(history, 50);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    expect(lines[1].map((p) => p.x)).toEqual(lines[0].map((p) => p.x));
    expect(lines[0][0]).toEqual({ x: 1, y: 1e-6 });
    expect(lines[0].at(-1)).toEqual({ x: 500, y: 5e-4 });
    expect(lines[2].every((p) => Number.isNaN(p.y))).toBe(true);
    const all = gradientLines(history.slice(0, 10), 50);
    expect(all[0][7]).toEqual({ x: 8, y: Number.NaN });
    expect(all[0][8]).toEqual({ x: 9, y: GRADIENT_FLOOR });
    expect(gradientLines([])).toEqual([]);
  });

  it('tells every layer of the deepest network apart by dash and marker together, the output always solid', () => {
    const layers = 9;
    const styles = Array.from({ length: layers }, (_, l) => lineStyle(l, layers));
    const keys = new Set(styles.map((s) => `${s.dash.join(',')}|${s.marker}`));
    expect(keys.size).toBe(layers);
    expect(new Set(styles.map((s) => s.marker)).size).toBe(layers);
    expect(lineStyle(layers - 1, layers).dash).toEqual([]);
    expect(lineStyle(2, 3).dash).toEqual([]);
  });

  it('puts a few staggered markers on each line and always one at its end', () => {
    const count = 200;
    for (let l = 0; l < 3; l++) {
      const marked = Array.from({ length: count }, (_, i) => hasMarker(i, count, l)).filter(Boolean).length;
      expect(marked).toBeGreaterThanOrEqual(5);
      expect(marked).toBeLessThanOrEqual(9);
      expect(hasMarker(count - 1, count, l)).toBe(true);
    }
    const first = Array.from({ length: count }, (_, i) => i).filter((i) => hasMarker(i, count, 0) && i < count - 1);
    const second = Array.from({ length: count }, (_, i) => i).filter((i) => hasMarker(i, count, 1) && i < count - 1);
    expect(first.some((i) => second.includes(i))).toBe(false);
  });

  it('moves end labels apart so none overlaps, keeping them inside the plot', () => {
    expect(spreadLabels([50, 10, 90], 11, 0, 100)).toEqual([50, 10, 90]);
    const close = spreadLabels([50, 52, 51], 11, 0, 100);
    const sorted = [...close].sort((a, b) => a - b);
    expect(sorted[1] - sorted[0]).toBeGreaterThanOrEqual(11);
    expect(sorted[2] - sorted[1]).toBeGreaterThanOrEqual(11);
    expect(close[0]).toBe(50);
    const low = spreadLabels([99, 99, 99], 11, 0, 100);
    expect(Math.max(...low)).toBeLessThanOrEqual(100);
    expect([...low].sort((a, b) => a - b)).toEqual([78, 89, 100]);
    expect(spreadLabels([Number.NaN], 11, 0, 100)).toEqual([100]);
  });

  it('names the layers of weights', () => {
    expect(layerNames(2)).toEqual(['Layer 1', 'Layer 2', 'Output']);
    expect(shortNames(2)).toEqual(['L1', 'L2', 'Out']);
    expect(layerNames(0)).toEqual(['Output']);
  });
});

describe('log axis ticks', () => {
  it('labels powers of ten only', () => {
    expect(powerOfTenLabel(1e-5)).toBe('10⁻⁵');
    expect(powerOfTenLabel(1e-12)).toBe('10⁻¹²');
    expect(powerOfTenLabel(100)).toBe('10²');
    expect(powerOfTenLabel(10)).toBe('10');
    expect(powerOfTenLabel(1)).toBe('1');
    expect(powerOfTenLabel(3e-5)).toBe('');
    expect(powerOfTenLabel(0)).toBe('');
  });
});

describe('gradient axis ends', () => {
  it('widens a range inside one decade to whole powers of ten, so at least two ticks get a label', () => {
    // Lesson 10 step 3 (ReLU, five layers): the lines span 0.002 to 0.09, one labelled tick before.
    const { min, max } = decadeBounds(0.002, 0.09);
    expect(min).toBeCloseTo(1e-3, 12);
    expect(max).toBeCloseTo(1e-1, 12);
    expect([min, max].map(powerOfTenLabel)).toEqual(['10⁻³', '10⁻¹']);
  });
  it('keeps ends already on a power of ten, and leaves an empty axis alone', () => {
    const exact = decadeBounds(1e-4, 1);
    expect(powerOfTenLabel(exact.min)).toBe('10⁻⁴');
    expect(powerOfTenLabel(exact.max)).toBe('1');
    expect(decadeBounds(0, 0)).toEqual({ min: 0, max: 0 });
  });
});
