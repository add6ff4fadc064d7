import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimate } from '../../../renderer/ui/decimate';

const series = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

describe('chart decimation', () => {
  it('returns short series unchanged (as a copy)', () => {
    const s = series(10, (i) => i * i);
    const out = decimate(s, 20);
    expect(out).toEqual(s);
    expect(out).not.toBe(s);
  });

  it('never returns more than the limit, keeps both ends and stays in x order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 3000 }), fc.integer({ min: 3, max: 400 }), (n, limit) => {
        const s = series(n, (i) => Math.sin(i / 7) * 3 + i / n);
        const out = decimate(s, limit);
        expect(out.length).toBe(Math.min(n, limit));
        expect(out[0]).toBe(s[0]);
        expect(out[out.length - 1]).toBe(s[n - 1]);
        for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThan(out[i - 1].x);
      }),
    );
  });

  it('keeps a lone spike that plain every-nth sampling would lose', () => {
    const s = series(10_000, (i) => (i === 5_003 ? 50 : 1));
    const out = decimate(s, 200);
    expect(out.some((p) => p.y === 50)).toBe(true);
  });

  it('refuses a limit too small to draw a line', () => {
    expect(() =>
      decimate(
        series(10, () => 0),
        2,
      ),
    ).toThrow();
  });
});
