/**
 * Lesson 19's closing challenge as a component, over the real engine served in this thread: a
 * "Solved" message belongs to the network it describes. Once the learner picks another network
 * it goes (their smallest solution stays, named as such).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import CapstoneWidget from '../../../../renderer/lessons/19-what-you-can-explain/CapstoneWidget.svelte';
import { capstonePreset } from '../../../../renderer/lessons/19-what-you-can-explain/lesson';
import type { CapstoneState } from '../../../../renderer/lessons/19-what-you-can-explain/capstone';
import { stubCanvas } from '../../canvas-stub';
import { inProcessEngine } from '../../engine-in-process';

beforeAll(stubCanvas);
afterEach(() => cleanup());

describe('the capstone widget', () => {
  it('clears "Solved" when another network is shown, and keeps the smallest solution', async () => {
    // Two layers of four sine neurons, learning rate 0.1, seed 1: past 95 % at epoch 147.
    const config = structuredClone(capstonePreset.config);
    config.network.hidden = [
      { size: 4, activation: 'sin' },
      { size: 4, activation: 'sin' },
    ];
    const states: CapstoneState[] = [];
    render(CapstoneWidget, {
      preset: { ...capstonePreset, config },
      onState: (s: CapstoneState) => states.push(s),
      engine: inProcessEngine(),
    });
    await vi.waitFor(() => expect(states.at(-1)?.weights ?? null).not.toBeNull());
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await vi.waitFor(() => expect(screen.getByText(/^at epoch \d+ with 8 neurons/)).toBeTruthy(), { timeout: 20_000 });
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(states.at(-1)?.solved?.params).toBe(37);

    // Another network: its own run begins, and the old "Solved" is not shown beside it.
    await fireEvent.change(screen.getByRole('combobox', { name: 'Neurons in layer 2' }), { target: { value: '3' } });
    await vi.waitFor(() => expect(screen.getByTestId('capstone-params').textContent).toBe('31'));
    await vi.waitFor(() => expect(screen.queryByText(/^at epoch \d+ with/)).toBeNull());
    expect(screen.queryByText('Solved')).toBeNull();
    expect(states.at(-1)?.solved).toBeNull();
    expect(screen.getByTestId('capstone-best').textContent).toContain('37 weights and biases');
  });
});
