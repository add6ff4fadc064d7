/**
 * The lesson-step versions of the Gradient flow panel and the dead-neuron marks, over the real
 * engine served in this thread: what they show and what they report to the step.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import type { ActivationName } from '../../../../core/config';
import DeadNeuronsWidget from '../../../../renderer/lessons/widgets/DeadNeuronsWidget.svelte';
import GradientFlowWidget from '../../../../renderer/lessons/widgets/GradientFlowWidget.svelte';
import { labConfig } from '../../../../renderer/lessons/presets';
import { deadConfig } from '../../../../renderer/lessons/11-dead-neurons/lesson';
import type { DeadNeuronsState, GradientFlowState } from '../../../../renderer/lessons/types';
import { stubCanvas } from '../../canvas-stub';
import { inProcessEngine } from '../../engine-in-process';

beforeAll(stubCanvas);

// The charts' pixels are checked in Chromium by test/e2e/instruments-flow.spec.ts.
vi.mock('../../../../renderer/ui/chart', async (original) => (await import('./fake-chart')).withFakeChart(original));
afterEach(() => cleanup());

const deep = (activation: ActivationName) => labConfig({ dataset: 'circle', hidden: [4, 4, 4, 4, 4, 4], activation });

describe('GradientFlowWidget', () => {
  it("shows a deep sigmoid network's vanishing gradient, and a ReLU network's that reaches the first layer", async () => {
    const states: GradientFlowState[] = [];
    render(GradientFlowWidget, {
      preset: { config: deep('sigmoid'), activationChoices: ['sigmoid', 'relu'], depthChoices: [2, 6] },
      onState: (s: GradientFlowState) => states.push(s),
      engine: inProcessEngine(),
    });
    const region = screen.getByRole('region', { name: 'Gradient flow' });
    expect(within(region).getByText(/Train for an epoch/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await vi.waitFor(() => expect(states.at(-1)?.firstOverLast ?? null).not.toBeNull(), { timeout: 10_000 });
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const sigmoid = states.at(-1) as GradientFlowState;
    expect(sigmoid.activation).toBe('sigmoid');
    expect(sigmoid.hiddenLayers).toBe(6);
    expect(sigmoid.gradient).toHaveLength(7);
    expect(sigmoid.firstOverLast).toBeLessThan(0.01);
    const readout = screen.getByTestId('gradient-readout');
    await vi.waitFor(() => expect(readout.textContent).toMatch(/vanishes on the way back/), { timeout: 5_000 });
    // On screen the sentence writes the ratio as the table does ("×2.9e-5"); the words are for screen readers only.
    const shown = readout.querySelector('[aria-hidden="true"]')?.textContent ?? '';
    expect(shown).toMatch(/^The first layer's gradient is the output layer's ×[\d.]+(e-\d+)?: it vanishes/);
    expect(shown).not.toMatch(/times/);
    expect(readout.querySelector('.visually-hidden')?.textContent).toMatch(/^The first layer's gradient is [\d.]+ times /);
    const row = within(region).getByRole('row', { name: /^Layer 1\b/ });
    // The mean-slope column: a sigmoid layer's slope, averaged, is never above 0.25 (not a count that stays 0).
    expect(within(region).getByRole('columnheader', { name: 'Mean slope' })).toBeTruthy();
    expect(within(region).queryByRole('columnheader', { name: /Slope </ })).toBeNull();
    const slope = Number(within(row).getAllByRole('cell')[2].textContent?.trim());
    expect(slope).toBeGreaterThan(0);
    expect(slope).toBeLessThanOrEqual(0.25);
    expect(within(region).getByText(/^Mean slope: .*never above 0\.25/)).toBeTruthy();
    // The ratio as a factor ("×0.0043", never "1/230"), with words for screen readers.
    expect(within(row).getAllByRole('cell')[1].textContent?.trim()).toMatch(
      /^×[\d.]+(e-\d+)? [\d.]+ times (10 to the minus \d+ )?the output layer's$/,
    );

    await fireEvent.change(screen.getByLabelText('Hidden activation'), { target: { value: 'relu' } });
    await vi.waitFor(() => expect(states.at(-1)?.activation).toBe('relu'));
    expect(states.at(-1)?.gradient).toEqual([]);
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await vi.waitFor(() => expect(states.at(-1)?.firstOverLast ?? null).not.toBeNull(), { timeout: 10_000 });
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(states.at(-1)?.firstOverLast).toBeGreaterThan(0.01);

    await fireEvent.change(screen.getByLabelText('Hidden layers'), { target: { value: '2' } });
    await vi.waitFor(() => expect(states.at(-1)?.hiddenLayers).toBe(2));
    expect(within(region).getAllByRole('row')).toHaveLength(4);
  });
});

describe('DeadNeuronsWidget', () => {
  it('marks and counts dead ReLUs, and a Leaky ReLU network has none', async () => {
    const states: DeadNeuronsState[] = [];
    render(DeadNeuronsWidget, {
      preset: { config: deep('relu'), activationChoices: ['relu', 'leakyRelu'], learningRates: [0.03, 3] },
      onState: (s: DeadNeuronsState) => states.push(s),
      engine: inProcessEngine(),
    });
    // This seed starts with dead ReLUs: the engine measures them with the first snapshot.
    await vi.waitFor(() => expect(states.at(-1)?.deadCount.length).toBe(6));
    const relu = states.at(-1) as DeadNeuronsState;
    const total = relu.deadCount.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(screen.getAllByRole('listitem', { name: /: dead$/ })).toHaveLength(total);
    const line = screen.getByText(/^Dead neurons:/).closest('p');
    expect(line?.textContent).toMatch(new RegExp(`layer 1: ${relu.deadCount[0]} of 4 · layer 2: ${relu.deadCount[1]} of 4`));

    await fireEvent.change(screen.getByLabelText('Hidden activation'), { target: { value: 'leakyRelu' } });
    await vi.waitFor(() => expect(states.at(-1)?.activation).toBe('leakyRelu'));
    await vi.waitFor(() => expect(states.at(-1)?.deadCount).toEqual([0, 0, 0, 0, 0, 0]));
    expect(screen.queryAllByRole('listitem', { name: /: dead$/ })).toHaveLength(0);
    await fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '3' } });
    await vi.waitFor(() => expect(states.at(-1)?.learningRate).toBe(3));
  });

  it('marks Leaky ReLUs switched off on every example (not dead), charts them per layer and shows them coming back', async () => {
    const states: DeadNeuronsState[] = [];
    render(DeadNeuronsWidget, {
      preset: { config: deadConfig, activationChoices: ['relu', 'leakyRelu'], learningRates: [0.03, 3] },
      onState: (s: DeadNeuronsState) => states.push(s),
      engine: inProcessEngine(),
    });
    await fireEvent.change(screen.getByLabelText('Hidden activation'), { target: { value: 'leakyRelu' } });
    await fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '3' } });
    await vi.waitFor(() => expect(states.at(-1)?.learningRate).toBe(3));
    expect(states.at(-1)?.freshAtRate).toBe(true);
    const step = screen.getByRole('button', { name: 'Step: train one epoch' });
    await fireEvent.click(step);
    await vi.waitFor(() => expect(states.at(-1)?.epoch).toBe(1));
    // One epoch at 3 switches off every neuron of layer 2 and one of layer 1 — none is dead.
    await vi.waitFor(() => expect(states.at(-1)?.inactiveCount).toEqual([1, 8]));
    expect(screen.getAllByRole('listitem', { name: /: switched off, still learning$/ })).toHaveLength(9);
    expect(screen.queryAllByRole('listitem', { name: /: dead$/ })).toHaveLength(0);
    const chart = screen.getByRole('figure', { name: 'Switched off on every example, per layer' });
    for (let e = 2; e <= 6; e++) {
      await fireEvent.click(step);
      await vi.waitFor(() => expect(states.at(-1)?.epoch).toBe(e));
    }
    await vi.waitFor(() => expect(states.at(-1)?.inactiveCount).toEqual([1, 7]));
    expect(states.at(-1)?.inactivePeak).toBe(9);
    expect(within(chart).getByText(/layer 2: 7 of 8 now \(at most 8, at epoch 1\)/)).toBeTruthy();
    expect(screen.getAllByRole('listitem', { name: /: switched off, still learning$/ })).toHaveLength(8);

    // Changing the rate mid-run leaves a run that is no longer fresh at it; Start over makes it fresh again.
    await fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '0.03' } });
    await fireEvent.change(screen.getByLabelText('Learning rate'), { target: { value: '3' } });
    await vi.waitFor(() => expect(states.at(-1)?.freshAtRate).toBe(false));
    await fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    await vi.waitFor(() => expect(states.at(-1)?.epoch).toBe(0));
    expect(states.at(-1)?.freshAtRate).toBe(true);
  });
});
