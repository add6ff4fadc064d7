import { describe, expect, it } from 'vitest';
import { fittedSize } from '../../../renderer/ui/width';

describe('fittedSize: a drawing fits its container', () => {
  it('is the largest size where there is room, and before the first measurement', () => {
    expect(fittedSize(1000, 360, 200)).toBe(360);
    expect(fittedSize(360, 360, 200)).toBe(360);
    expect(fittedSize(Number.POSITIVE_INFINITY, 360, 200)).toBe(360);
    expect(fittedSize(Number.NaN, 360, 200)).toBe(360);
  });

  it('shrinks with a narrower container, to whole pixels', () => {
    // A 320-px window leaves a card about 280 pixels wide.
    expect(fittedSize(280.7, 360, 200)).toBe(280);
    expect(fittedSize(250, 420, 240)).toBe(250);
  });

  it('never goes below the smallest size', () => {
    expect(fittedSize(120, 360, 200)).toBe(200);
    expect(fittedSize(0, 300, 200)).toBe(200);
    expect(fittedSize(-5, 300, 200)).toBe(200);
  });
});
