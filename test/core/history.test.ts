import { describe, expect, it } from 'vitest';
import { appendHistory } from '../../core/history';
import type { HistoryPoint } from '../../core/protocol';

const point = (epoch: number): HistoryPoint => ({
  epoch,
  trainLoss: 1 / (epoch + 1),
  testLoss: 1 / (epoch + 2),
  trainAccuracy: null,
  testAccuracy: null,
});

describe('appendHistory', () => {
  it('keeps every point while under the limit', () => {
    const history: HistoryPoint[] = [];
    appendHistory(history, [point(0), point(1), point(2)], 10);
    expect(history.map((p) => p.epoch)).toEqual([0, 1, 2]);
  });

  it('stays bounded however long training runs, spanning epoch 0 to the newest', () => {
    const history: HistoryPoint[] = [];
    for (let epoch = 0; epoch < 100_000; epoch += 1) appendHistory(history, [point(epoch)], 200);
    expect(history.length).toBeLessThanOrEqual(200);
    expect(history.length).toBeGreaterThan(100);
    expect(history[0].epoch).toBe(0);
    expect(history[history.length - 1].epoch).toBe(99_999);
    for (let i = 1; i < history.length; i += 1) expect(history[i].epoch).toBeGreaterThan(history[i - 1].epoch);
  });

  it('keeps recent points dense and thins old ones', () => {
    const history: HistoryPoint[] = [];
    for (let epoch = 0; epoch < 10_000; epoch += 1) appendHistory(history, [point(epoch)], 100);
    const tail = history.slice(-20).map((p) => p.epoch);
    const gapsRecent = tail.slice(1).map((e, i) => e - tail[i]);
    expect(Math.max(...gapsRecent)).toBeLessThanOrEqual(gapsRecent[0] * 2);
    expect(history[1].epoch - history[0].epoch).toBeGreaterThan(gapsRecent[gapsRecent.length - 1]);
  });

  it('replaces a repeated epoch and ignores older ones', () => {
    const history: HistoryPoint[] = [];
    appendHistory(history, [point(0), point(5)], 10);
    appendHistory(history, [{ ...point(5), testLoss: 42 }, point(3)], 10);
    expect(history.map((p) => p.epoch)).toEqual([0, 5]);
    expect(history[1].testLoss).toBe(42);
  });
});
