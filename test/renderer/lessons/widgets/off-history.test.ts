/** The switched-off history the Dead neurons widget charts: one run's counts per layer, epoch by epoch. */
import { describe, expect, it } from 'vitest';
import { OFF_POINTS, offPeak, offRevived, offSummary, recordOff, type OffPoint } from '../../../../renderer/lessons/widgets/off-history';

const p = (epoch: number, ...counts: number[]): OffPoint => ({ epoch, counts });

describe('recordOff', () => {
  it('adds epochs in order, replaces the same epoch, and keeps an unchanged history as it is', () => {
    let h = recordOff([], p(0, 1, 3));
    h = recordOff(h, p(1, 1, 8));
    h = recordOff(h, p(1, 1, 7));
    expect(h).toEqual([p(0, 1, 3), p(1, 1, 7)]);
    expect(recordOff(h, p(1, 1, 7))).toBe(h);
  });
  it('starts a new run on an earlier epoch (Start over) or another number of layers', () => {
    const h = [p(0, 1, 3), p(5, 1, 8)];
    expect(recordOff(h, p(0, 0, 2))).toEqual([p(0, 0, 2)]);
    expect(recordOff(h, p(6, 1, 1, 1))).toEqual([p(6, 1, 1, 1)]);
  });
  it('stays bounded however long the run, keeping the first and newest points', () => {
    let h: OffPoint[] = [];
    for (let e = 0; e < 3000; e++) h = recordOff(h, p(e, e % 3));
    expect(h.length).toBeLessThanOrEqual(OFF_POINTS);
    expect(h[0].epoch).toBe(0);
    expect(h.at(-1)?.epoch).toBe(2999);
  });
});

describe('peak, revived and the words', () => {
  // Leaky ReLU at learning rate 3 on lesson 11's network: layer 2 all off after one epoch, then back one by one.
  const leaky = [p(0, 1, 2), p(1, 1, 8), p(6, 1, 7), p(14, 1, 5)];
  it('counts the most switched off at once, and how many came back since', () => {
    expect(offPeak(leaky)).toBe(9);
    expect(offRevived(leaky)).toBe(3);
    expect(offPeak([])).toBe(0);
    expect(offRevived([])).toBe(0);
    // Dead ReLUs: off and staying off, none back.
    expect(offRevived([p(0, 1, 8), p(30, 1, 8)])).toBe(0);
  });
  it('says per layer how many are off now and the most there were', () => {
    expect(offSummary(leaky, [8, 8])).toBe('layer 1: 1 of 8 now (at most 1); layer 2: 5 of 8 now (at most 8, at epoch 1)');
    expect(offSummary([], [8, 8])).toBeNull();
    expect(offSummary(leaky, [8])).toBeNull();
  });
});
