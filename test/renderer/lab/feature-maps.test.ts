import { describe, expect, it } from 'vitest';

describe('feature maps', () => {
  it('sample each feature over the plane, top row first', async () => {
    const { featureValues } = await import('../../../renderer/lab/feature-maps');
    const x1 = featureValues('x1', 4);
    expect(x1.values[0]).toBeCloseTo(-4.5); // left column centre
    expect(x1.values[3]).toBeCloseTo(4.5);
    expect(x1.max).toBeCloseTo(4.5);
    const x2 = featureValues('x2', 4);
    expect(x2.values[0]).toBeCloseTo(4.5); // top row is x₂ near +6
    expect(x2.values[12]).toBeCloseTo(-4.5);
    const square = featureValues('x1Squared', 2);
    expect([...square.values]).toEqual([9, 9, 9, 9]);
  });
});
