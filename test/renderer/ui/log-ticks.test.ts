/**
 * A logarithmic loss axis always reads as a scale: Chart.js numbers only some log ticks, which
 * left a loss climbing from 0.50 to 0.70 (lesson 14's blow-up, early on) with one number.
 */
import { describe, expect, it } from 'vitest';
import type { Scale } from 'chart.js';
import { tickLabel } from '../../../renderer/ui/chart';

const logScale = { type: 'logarithmic', chart: { options: { locale: 'en-US' } }, options: { ticks: { format: {} } } } as unknown as Scale;

function labels(values: number[]): string[] {
  const ticks = values.map((value) => ({ value }));
  return values.map((v, i) => tickLabel.call(logScale, v, i, ticks));
}

describe('log axis tick labels', () => {
  it('number every tick when the axis spans less than a decade', () => {
    expect(labels([0.5, 0.6, 0.7])).toEqual(['0.5', '0.6', '0.7']);
    expect(labels([0.5, 0.96])).toEqual(['0.5', '0.96']);
  });

  it('keep Chart.js’s sparser numbering over several decades', () => {
    const values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50];
    const shown = labels(values);
    expect(shown[values.indexOf(0.1)]).not.toBe('');
    expect(shown[values.indexOf(1)]).not.toBe('');
    expect(shown[values.indexOf(0.4)]).toBe('');
    expect(shown[values.indexOf(7)]).toBe('');
  });

  it('leave a linear axis as it was', () => {
    const linear = { type: 'linear' } as unknown as Scale;
    expect(tickLabel.call(linear, 0.30000000000000004, 0, [])).toBe('0.3');
  });
});
