/**
 * The probe's plot (lessons 3, 4 and 5) is labelled where the lessons' text points: σ's middle
 * at 0.5, tanh's "below −0.9" between −1 and −0.5, the slope's peak of 0.25 between 0 and 0.5.
 * It used to label whole numbers only (σ's axis read just 0 and 1), with a hyphen for minus.
 */
import { describe, expect, it } from 'vitest';
import { axisTicks, TICK_FONT } from '../../../../renderer/lab/function-plot';
import { ACTIVATIONS } from '../../../../renderer/lessons/engine';
import { HIDDEN_Y_TICKS, PROBE_TICKS, probeFrame, probeShows, zoomTitle } from '../../../../renderer/lessons/widgets/probe-plot';

const labels = (name: keyof typeof ACTIVATIONS, extent: number, slope = false) => {
  const ticks = axisTicks(probeFrame(ACTIVATIONS[name], 1, 0, extent, slope, 420, 280), PROBE_TICKS);
  return { x: ticks.x.map((t) => t.label), y: ticks.y.map((t) => t.label) };
};

describe('the probe plot’s axis labels', () => {
  it('label the sigmoid’s middle, 0.5, between 0 and 1 (lesson 4)', () => {
    expect(labels('sigmoid', 10, false).y).toEqual(['0', '0.5', '1']);
    expect(labels('sigmoid', 10, true).y).toEqual(['0', '0.5', '1']);
  });

  it('label tanh every half from −1 to 1, with a real minus sign (lesson 5)', () => {
    const { x, y } = labels('tanh', 5, true);
    expect(y).toEqual(['−1', '−0.5', '0', '0.5', '1']);
    expect(x).toEqual(['−5', '−4', '−3', '−2', '−1', '0', '1', '2', '3', '4', '5']);
  });

  it('keep whole numbers where the curve reaches far (ReLU, lesson 3)', () => {
    expect(labels('relu', 5).y).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(labels('sigmoid', 10).x).toEqual(['−10', '−8', '−6', '−4', '−2', '0', '2', '4', '6', '8', '10']);
  });

  it('are drawn at 12 CSS pixels, the smallest text the app draws', () => {
    expect(TICK_FONT).toMatch(/^12px /);
  });

  it('title the magnified slope from its bottom to its top', () => {
    expect(zoomTitle(0.05)).toBe('slope, magnified: −0.05 to 0.05');
  });
});

describe('the probe plot before the prediction', () => {
  it('with the curve hidden, its y axis is the same for every function and reads only 0 (tanh’s −1 to 1 gave the range away)', () => {
    const hidden = probeShows('curve', false);
    const frame = (name: keyof typeof ACTIVATIONS) => probeFrame(ACTIVATIONS[name], 1, 0, 5, true, 420, 280, hidden);
    expect([frame('tanh').y0, frame('tanh').y1]).toEqual([frame('relu').y0, frame('relu').y1]);
    expect(axisTicks(frame('tanh'), HIDDEN_Y_TICKS).y.map((t) => t.label)).toEqual(['0']);
    expect(zoomTitle(0.05, false)).not.toMatch(/\d/);
  });

  it('once committed, every step draws everything', () => {
    for (const hidden of ['curve', 'negativeSide', undefined] as const) {
      expect(probeShows(hidden, true)).toEqual({ curve: 'all', point: true, yNumbers: true, zoom: 'small' });
    }
    expect(probeShows('negativeSide', false)).toMatchObject({ curve: 'right', point: false });
  });
});
