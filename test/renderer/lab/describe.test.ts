import { describe, expect, it } from 'vitest';
import { gridPoints } from '../../../core/engine/grid';
import { countRegions, describeNeuron, describeOutput, whereHigh } from '../../../renderer/lab/describe';
import { trainingSummary } from '../../../renderer/lab/numbers';

const RES = 32;
/** A field over the real grid points (x₁, x₂ in [−6, 6], top row first), as the engine lays them out. */
function field(f: (x1: number, x2: number) => number): Float32Array {
  const xy = gridPoints(RES);
  const values = new Float32Array(RES * RES);
  for (let i = 0; i < values.length; i++) values[i] = f(xy[2 * i], xy[2 * i + 1]);
  return values;
}

describe('where a heatmap is high', () => {
  it('names the input a neuron follows, and its direction', () => {
    expect(
      whereHigh(
        field((x1) => Math.tanh(x1)),
        RES,
      ),
    ).toBe('where x₁ is large');
    expect(
      whereHigh(
        field((x1) => -x1),
        RES,
      ),
    ).toBe('where x₁ is small');
    expect(
      whereHigh(
        field((_, x2) => x2),
        RES,
      ),
    ).toBe('where x₂ is large');
    expect(
      whereHigh(
        field((x1, x2) => x1 + x2),
        RES,
      ),
    ).toBe('towards the top right');
    expect(
      whereHigh(
        field((x1, x2) => -x1 + x2),
        RES,
      ),
    ).toBe('towards the top left');
  });

  it('tells a ring from a blob and quarters from halves', () => {
    expect(
      whereHigh(
        field((x1, x2) => Math.exp(-(x1 * x1 + x2 * x2) / 8)),
        RES,
      ),
    ).toBe('near the centre');
    expect(
      whereHigh(
        field((x1, x2) => x1 * x1 + x2 * x2),
        RES,
      ),
    ).toBe('far from the centre');
    expect(
      whereHigh(
        field((x1, x2) => Math.sign(x1 * x2)),
        RES,
      ),
    ).toBe('in the top-right and bottom-left quarters');
    expect(
      whereHigh(
        field((x1, x2) => Math.sin(x1 * 3) * Math.cos(x2 * 3)),
        RES,
      ),
    ).toBeNull();
  });

  it('describes a neuron in a sentence, also a flat one', () => {
    expect(
      describeNeuron(
        field((x1) => x1),
        RES,
      ),
    ).toBe('high where x₁ is large');
    expect(
      describeNeuron(
        field(() => 0.25),
        RES,
      ),
    ).toBe('about 0.25 everywhere');
    expect(describeNeuron(undefined, RES)).toBe('not computed yet');
  });
});

describe('the output plot in words', () => {
  it('counts separate regions', () => {
    const two = Uint8Array.from(field((x1) => (Math.abs(x1) > 3 ? 1 : 0)));
    expect(countRegions(two, RES)).toBe(2);
    const none = new Uint8Array(RES * RES);
    expect(countRegions(none, RES)).toBe(0);
  });

  it('says which class the network predicts where, and how well', () => {
    const circle = field((x1, x2) => (x1 * x1 + x2 * x2 < 9 ? 0.9 : 0.1));
    const text = describeOutput({
      outputs: [circle],
      resolution: RES,
      regression: false,
      threshold: 0.5,
      classNames: ['orange (class A)', 'blue (class B)'],
      accuracy: 0.972,
      testLoss: 0.0412,
    });
    expect(text).toMatch(/^The network predicts orange \(class A\) on \d+ % of the plane, far from the centre, in one region; /);
    expect(text).toMatch(/blue \(class B\) on \d+ % of the plane, near the centre, in one region\./);
    expect(text).toMatch(/Test accuracy 97 %, test loss 0\.041\.$/);
  });

  it('reads three classes by the largest output, and a regression by where it is high', () => {
    const text = describeOutput({
      outputs: [field((x1) => -x1), field(() => -100), field((x1) => x1)],
      resolution: RES,
      regression: false,
      threshold: 0.5,
      classNames: ['orange', 'blue', 'purple'],
      accuracy: null,
      testLoss: null,
    });
    expect(text).toBe(
      'The network predicts orange on 50 % of the plane, where x₁ is small, in one region; purple on 50 % of the plane, where x₁ is large, in one region.',
    );
    const regression = describeOutput({
      outputs: [field((_, x2) => -x2)],
      resolution: RES,
      regression: true,
      threshold: 0,
      classNames: [],
      accuracy: null,
      testLoss: 0.5,
    });
    expect(regression).toBe("The network's output is high where x₂ is small. Test loss 0.5.");
  });
});

describe('the training summary', () => {
  it('reads like a sentence, with thousands separated', () => {
    expect(trainingSummary(1200, { testAccuracy: 0.9712, testLoss: 0.04123 })).toBe('Epoch 1,200, test accuracy 97 %, test loss 0.041');
    expect(trainingSummary(3, { testAccuracy: null, testLoss: 1.5 })).toBe('Epoch 3, test loss 1.5');
    expect(trainingSummary(0, null)).toBe('Epoch 0');
  });
});
