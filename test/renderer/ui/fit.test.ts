import { describe, expect, it } from 'vitest';
import { backingSize, MAX_PIXEL_RATIO } from '../../../renderer/ui/fit';

describe('canvas fit maths', () => {
  it('multiplies the CSS size by the pixel density and rounds to whole pixels', () => {
    expect(backingSize(300, 110, 1)).toEqual({ width: 300, height: 110, ratio: 1 });
    expect(backingSize(300, 110, 1.5)).toEqual({ width: 450, height: 165, ratio: 1.5 });
    expect(backingSize(101, 33, 1.25)).toEqual({ width: 126, height: 41, ratio: 1.25 });
  });

  it(`caps the density at ${MAX_PIXEL_RATIO}× and treats a missing or broken one as 1×`, () => {
    expect(backingSize(100, 50, 3)).toEqual({ width: 200, height: 100, ratio: 2 });
    expect(backingSize(100, 50, 0)).toEqual({ width: 100, height: 50, ratio: 1 });
    expect(backingSize(100, 50, Number.NaN)).toEqual({ width: 100, height: 50, ratio: 1 });
  });

  it('never asks for an empty backing store', () => {
    expect(backingSize(0, 0, 2)).toEqual({ width: 1, height: 1, ratio: 2 });
  });
});
