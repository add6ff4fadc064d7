import { describe, expect, it } from 'vitest';
import { appendHistory } from '../../../core/history';
import type { HistoryPoint } from '../../../core/protocol';
import { CHART_POINTS, EMPTY_EPOCHS, epochAxis, formatValue, historySeries } from '../../../renderer/ui/chart';

const point = (epoch: number, loss: number, accuracy: number | null = 0.5): HistoryPoint => ({
  epoch,
  trainLoss: loss,
  testLoss: loss * 1.1,
  trainAccuracy: accuracy,
  testAccuracy: accuracy,
});

describe('chart series', () => {
  it('stay bounded however long training runs, and keep the first and newest epoch', () => {
    const history: HistoryPoint[] = [];
    for (let epoch = 0; epoch <= 200_000; epoch += 10) appendHistory(history, [point(epoch, 1 / (1 + epoch))]);
    const series = historySeries(history);
    for (const s of [series.trainLoss, series.testLoss, series.trainAccuracy, series.testAccuracy]) {
      expect(s.length).toBeLessThanOrEqual(CHART_POINTS);
      expect(s[0].x).toBe(0);
      expect(s[s.length - 1].x).toBe(200_000);
    }
    // All curves share the same epochs, so a tooltip shows matching values.
    expect(series.trainLoss.map((p) => p.x)).toEqual(series.testLoss.map((p) => p.x));
  });

  it('leaves out accuracy for regression and floors zero losses on a log axis', () => {
    const history = [point(0, 0, null), point(1, 0.5, null), point(2, Number.NaN, null)];
    const linear = historySeries(history);
    expect(linear.trainAccuracy).toEqual([]);
    expect(linear.trainLoss.map((p) => p.y)).toEqual([0, 0.5, Number.NaN]);
    const log = historySeries(history, CHART_POINTS, true);
    expect(log.trainLoss[0].y).toBeGreaterThan(0);
  });

  it('formats values for tooltips', () => {
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(0.00001234)).toBe('1.23e-5');
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('the epoch axis', () => {
  it('starts at epoch 0 and reads forwards before training (Chart.js alone shows −1 to 1 with no data)', () => {
    const axis = epochAxis();
    expect(axis.min).toBe(0);
    expect(axis.suggestedMax).toBe(EMPTY_EPOCHS);
    expect(EMPTY_EPOCHS).toBeGreaterThan(0);
    // Whole epochs only: a short run's axis never reads 0.5.
    expect(axis.ticks.precision).toBe(0);
  });

  it('writes its ticks with commas between thousands (a full-speed run read "2000000")', () => {
    const label = epochAxis().ticks.callback;
    expect(label(2000000)).toBe('2,000,000');
    expect(label(12500)).toBe('12,500');
    expect(label(999)).toBe('999');
    expect(label(0)).toBe('0');
  });
});
