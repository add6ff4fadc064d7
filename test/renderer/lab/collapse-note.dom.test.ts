import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Knot, type LabConfig } from '../../../core/config';
import { forwardPoints, networkShape, presetKnots } from '../../../core/engine';
import CollapseNote from '../../../renderer/lab/CollapseNote.svelte';
import { setAllActivations, setDrawn } from '../../../renderer/lab/edit';

const HEADLINE = 'This network collapses to a straight line.';

function params(config: LabConfig): Float64Array {
  const n = networkShape(config).paramCount;
  return Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 0.8);
}

function show(config: LabConfig, p: Float64Array | null = params(config)): string {
  const { unmount } = render(CollapseNote, { config, params: p });
  const text = screen.getByRole('status').textContent?.replace(/\s+/g, ' ').trim() ?? '';
  unmount();
  return text;
}

const drawnConfig = (knots: Knot[]): LabConfig => setDrawn(defaultConfig(), knots, 'all');

describe('the Lab’s collapse note', () => {
  it('says nothing for tanh layers or a bent drawing', () => {
    expect(show(defaultConfig())).toBe('');
    expect(show(drawnConfig(presetKnots('absolute')))).toBe('');
    expect(show(drawnConfig(presetKnots('sawtooth')))).toBe('');
    // One bent layer is enough to break the collapse.
    const mixed = setDrawn(defaultConfig(), presetKnots('identity'), 0);
    expect(mixed.network.hidden.map((h) => h.activation)).toEqual(['drawn', 'tanh']);
    expect(show(mixed)).toBe('');
  });

  it('reports identity layers, and a straight drawing (of any slope), as one affine map', () => {
    expect(show(setAllActivations(defaultConfig(), 'identity'))).toMatch(
      /^This network collapses to a straight line\. Every hidden activation here is a straight line, so both layers together equal one affine map: z = /,
    );
    expect(show(drawnConfig(presetKnots('identity')))).toContain('(your drawing included)');
    const steep = [-4, -2, 0, 2, 4].map((x) => ({ x, y: 0.5 * x + 1 }));
    expect(show(drawnConfig(steep))).toContain(HEADLINE);
    expect(show(drawnConfig(steep), null)).toContain('one affine map.');
  });

  it('writes the map with the live weights, and it is the network’s own output', () => {
    const steep = [-4, -2, 0, 2, 4].map((x) => ({ x, y: 0.5 * x + 1 }));
    const config = drawnConfig(steep);
    const p = params(config);
    const text = show(config, p);
    const match = /z = (−?)(\d+\.\d\d)·x₁ ([+−]) (\d+\.\d\d)·x₂ ([+−]) (\d+\.\d\d)/.exec(text);
    expect(match).not.toBeNull();
    const signed = (sign: string, v: string) => (sign === '−' ? -Number(v) : Number(v));
    const [w1, w2, b] = [signed(match![1], match![2]), signed(match![3], match![4]), signed(match![5], match![6])];
    // The output layer is tanh: its input z at a few points, from the engine's forward pass.
    const points = Float64Array.from([0, 0, 1, 0, 0, 1, -2.5, 3]);
    const out = forwardPoints(config, p, points).at(-1)!;
    for (let k = 0; k < 4; k++) {
      const z = Math.atanh(out[k]);
      expect(w1 * points[2 * k] + w2 * points[2 * k + 1] + b).toBeCloseTo(z, 1);
    }
  });
});
