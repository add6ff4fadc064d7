import { describe, expect, it } from 'vitest';
import { FRAME_GAP_MS, FramePacer, PACED_MAX_MS, PACED_MIN_MS } from '../../core/pacing';

/** Feeds the pacer `count` frames `gap` ms apart, starting at `from`; returns when the last one began. */
function frames(pacer: FramePacer, count: number, gap: number, from = 0): number {
  let t = from;
  for (let i = 0; i < count; i++) pacer.frame((t += gap));
  return t;
}

describe('the frame pacer', () => {
  it('lets training grow to its longest slice while the page draws 60 frames a second', () => {
    const pacer = new FramePacer();
    frames(pacer, 100, 1000 / 60);
    expect(pacer.slice).toBe(PACED_MAX_MS);
    expect(pacer.period).toBeCloseTo(1000 / 60, 1);
  });

  it('shrinks the slice, step by step down to its shortest, while frames come slower than 55 a second', () => {
    const pacer = new FramePacer();
    const before = pacer.slice;
    let t = frames(pacer, 10, 25);
    expect(pacer.slice).toBeLessThan(before);
    expect(pacer.slice).toBeGreaterThan(PACED_MIN_MS);
    t = frames(pacer, 100, 25, t);
    expect(pacer.slice).toBe(PACED_MIN_MS);
    // Back to 60 frames a second: it grows again.
    frames(pacer, 100, 1000 / 60, t);
    expect(pacer.slice).toBe(PACED_MAX_MS);
  });

  it('holds the slice while the page draws between 55 and 58 frames a second', () => {
    const pacer = new FramePacer();
    frames(pacer, 200, 17.7);
    const settled = pacer.slice;
    frames(pacer, 50, 17.7, 200 * 17.7);
    expect(pacer.slice).toBe(settled);
  });

  it('takes a pause in drawing for what it is, not for a slow frame', () => {
    const pacer = new FramePacer();
    let t = frames(pacer, 100, 1000 / 60);
    const slice = pacer.slice;
    const period = pacer.period;
    pacer.frame((t += FRAME_GAP_MS + 500));
    expect(pacer.slice).toBe(slice);
    expect(pacer.period).toBe(period);
    frames(pacer, 5, 1000 / 60, t);
    expect(pacer.slice).toBe(PACED_MAX_MS);
  });
});
