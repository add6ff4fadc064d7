/** The page's bounded history of the instruments: one point per completed epoch, fresh when training goes back. */
import { describe, expect, it } from 'vitest';
import type { Instruments, Snapshot } from '../../../core/protocol';
import { instrumentPoint, withInstrumentPoint, type InstrumentPoint } from '../../../renderer/engine/instruments';

function snapshot(instruments: Instruments | undefined): Snapshot {
  return {
    configVersion: 1,
    epoch: 9,
    running: true,
    metrics: { epoch: 9, trainLoss: 0.1, testLoss: 0.1, trainAccuracy: null, testAccuracy: null },
    history: [],
    params: new Float64Array(0),
    confusion: null,
    instruments,
  };
}

const instruments = (gradientEpoch: number | null, gradient: number[]): Instruments => ({
  gradient,
  gradientEpoch,
  lowSlope: [0.25],
  deadCount: [1],
  dead: [[1, 0, 0, 0]],
  meanSlope: [0.2],
  inactiveCount: [1],
  inactive: [[1, 0, 0, 0]],
});

const point = (epoch: number): InstrumentPoint => ({ epoch, gradient: [epoch, 1], lowSlope: [0] });

describe('instrument history', () => {
  it("takes a snapshot's gradient at the epoch it describes, and nothing before the first epoch", () => {
    expect(instrumentPoint(snapshot(instruments(8, [1e-5, 0.1])))).toEqual({ epoch: 8, gradient: [1e-5, 0.1], lowSlope: [0.25] });
    expect(instrumentPoint(snapshot(instruments(null, [])))).toBeNull();
    expect(instrumentPoint(snapshot(undefined))).toBeNull();
  });

  it('adds a point per epoch in a new array, replaces a repeated epoch and ignores nothing-new', () => {
    const empty: InstrumentPoint[] = [];
    expect(withInstrumentPoint(empty, null)).toBe(empty);
    const one = withInstrumentPoint(empty, point(1));
    expect(one).toEqual([point(1)]);
    expect(one).not.toBe(empty);
    const same = withInstrumentPoint(one, one[0]);
    expect(same).toBe(one);
    const again = withInstrumentPoint(one, { epoch: 1, gradient: [5, 5], lowSlope: [1] });
    expect(again).toEqual([{ epoch: 1, gradient: [5, 5], lowSlope: [1] }]);
    expect(one).toEqual([point(1)]);
  });

  it('starts afresh when training went back (reset, an older state) and stays bounded over a long run', () => {
    let history: readonly InstrumentPoint[] = [];
    for (let epoch = 1; epoch <= 5000; epoch++) history = withInstrumentPoint(history, point(epoch), 100);
    expect(history.length).toBeLessThanOrEqual(100);
    expect(history[0].epoch).toBe(1);
    expect(history.at(-1)?.epoch).toBe(5000);
    const epochs = history.map((p) => p.epoch);
    expect([...epochs].sort((a, b) => a - b)).toEqual(epochs);
    expect(withInstrumentPoint(history, point(3))).toEqual([point(3)]);
  });
});
