import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import NeuronWidget from '../../../../renderer/lessons/widgets/NeuronWidget.svelte';
import type { NeuronPreset, NeuronState } from '../../../../renderer/lessons/types';
import { stubCanvas } from '../../canvas-stub';

beforeAll(stubCanvas);

/** Two points left of the y-axis (class 0) and two right of it (class 1). */
const preset: NeuronPreset = {
  initial: { w1: 0, w2: 1, b: 0 },
  points: [
    { x1: -2, x2: 1, label: 0 },
    { x1: -1, x2: -1, label: 0 },
    { x1: 1, x2: 1, label: 1 },
    { x1: 2, x2: -1, label: 1 },
  ],
  extent: 3,
  range: 3,
};

describe('NeuronWidget (lesson 2)', () => {
  it('moves the line with the weight slider, and says how many points are on their own side', async () => {
    const states: NeuronState[] = [];
    render(NeuronWidget, { preset, onState: (s: NeuronState) => states.push({ ...s }) });
    const plot = screen.getByRole('img', { name: /Plane with 4 points/ });
    const score = screen.getByText(/of 4 points are on their own side/);
    expect(score.textContent).toMatch(/^2 of 4/);
    expect(plot.getAttribute('aria-label')).toMatch(/2 points are on their own side/);

    const w1 = screen.getByRole('slider', { name: 'w₁' });
    const w2 = screen.getByRole('slider', { name: 'w₂' });
    await fireEvent.input(w1, { target: { value: '1' } });
    await fireEvent.input(w2, { target: { value: '0' } });
    await vi.waitFor(() => expect(score.textContent).toMatch(/^4 of 4/));
    expect(plot.getAttribute('aria-label')).toMatch(/4 points are on their own side/);
    expect(states.at(-1)).toEqual({ w1: 1, w2: 0, b: 0 });
  });

  it('says "1 of 4 points is" when one point is on its own side', async () => {
    render(NeuronWidget, { preset, onState: () => undefined });
    await fireEvent.input(screen.getByRole('slider', { name: 'w₁' }), { target: { value: '-1' } });
    await vi.waitFor(() =>
      expect(screen.getByTestId('neuron-score').textContent?.replace(/\s+/g, ' ').trim()).toBe('1 of 4 points is on its own side.'),
    );
    expect(screen.getByRole('img', { name: /; 1 point is on its own side$/ })).toBeTruthy();
  });

  it('rings the sample point, and hides the count until the prediction is committed', async () => {
    const states: NeuronState[] = [];
    render(NeuronWidget, {
      preset: { ...preset, sample: { x1: 1, x2: 2 } },
      onState: (s: NeuronState) => states.push({ ...s }),
      revealed: false,
    });
    const plot = screen.getByRole('img', { name: /Plane with 4 points, the point \(1, 2\) ringed,/ });
    expect(plot.getAttribute('aria-label')).not.toMatch(/on their own side/);
    expect(screen.queryByText(/of 4 points are on their own side/)).toBeNull();
    expect(screen.getByText(/Commit your prediction to see how many points/)).toBeTruthy();
    // The sliders still move the neuron.
    await fireEvent.input(screen.getByRole('slider', { name: 'w₁' }), { target: { value: '-1' } });
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ w1: -1, w2: 1, b: 0 }));
  });
});
