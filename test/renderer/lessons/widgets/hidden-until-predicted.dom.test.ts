/**
 * Lessons 12, 13 and 17's widgets hide what would give a prediction away until it is committed
 * (`revealed` false), and show it after.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import CompareWidget from '../../../../renderer/lessons/12-saturation-and-init/CompareWidget.svelte';
import OutputLossWidget from '../../../../renderer/lessons/13-output-meets-loss/OutputLossWidget.svelte';
import DrawnTrainerWidget from '../../../../renderer/lessons/17-invent-your-own/DrawnTrainerWidget.svelte';
import ExplorerWidget from '../../../../renderer/lessons/widgets/ExplorerWidget.svelte';
import { stubCanvas } from '../../canvas-stub';
import { inProcessEngine } from '../../engine-in-process';
import { lessonStep } from './lesson-steps';

beforeAll(stubCanvas);
// The explorer loads its formula renderer (KaTeX) lazily; load it before the tests so that
// import cannot finish after the test environment is torn down (an unhandled rejection in CI).
beforeAll(async () => {
  await import('../../../../renderer/lab/formula');
});
vi.mock('../../../../renderer/ui/chart', async (original) => (await import('./fake-chart')).withFakeChart(original));
afterEach(() => cleanup());

const none = () => undefined;

describe('hidden until the prediction is committed', () => {
  it('lesson 12 step 1: the explorer (its slope read-out and flat stretches) is hidden, then shown', async () => {
    const step = lessonStep('12-saturation-and-init', 'flat-ends', 'explorer');
    const { rerender } = render(ExplorerWidget, { preset: step.preset, onState: none, revealed: false });
    expect(screen.queryByRole('slider', { name: /Read-out cursor/ })).toBeNull();
    expect(screen.queryByText(/saturated/i)).toBeNull();
    await rerender({ preset: step.preset, onState: none, revealed: true });
    expect(screen.getByRole('slider', { name: /Read-out cursor on Tanh/ })).toBeTruthy();
  });

  it('lesson 10 step 1: the sigmoid is shown, its slope (curve, read-out, legend) waits for the prediction', async () => {
    const step = lessonStep('10-chain-of-slopes', 'steepest', 'explorer');
    const { rerender } = render(ExplorerWidget, { preset: step.preset, onState: none, revealed: false });
    const slider = screen.getByRole('slider', { name: 'Read-out cursor on Sigmoid' });
    const readout = () => screen.getByRole('status').textContent?.trim();
    expect(readout()).toBe('x = 3.00: f(x) = 0.9526 (the slope f′(x) appears once you commit your prediction)');
    expect(slider.getAttribute('aria-valuetext')).not.toMatch(/f′\(x\) =/);
    expect(screen.queryByText(/the slope \(dashed\)/)).toBeNull();
    await rerender({ preset: step.preset, onState: none, revealed: true });
    expect(readout()).toBe('x = 3.00: f(x) = 0.9526, f′(x) = 0.0452');
    expect(screen.getByText(/f′\(x\), the slope \(dashed\)/)).toBeTruthy();
  });

  it('lesson 12 step 3: the neuron maps, the accuracy and the run table are hidden, training is not', async () => {
    const step = lessonStep('12-saturation-and-init', 'clones', 'compare');
    const engine = inProcessEngine();
    const { rerender } = render(CompareWidget, { preset: step.preset, onState: none, engine, revealed: false });
    expect(screen.queryAllByRole('img', { name: /First hidden layer, neuron/ })).toHaveLength(0);
    expect(screen.queryByTestId('test-accuracy')).toBeNull();
    expect(screen.queryByRole('table', { name: /Your runs/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy();
    expect(screen.getByTestId('epoch')).toBeTruthy();
    await rerender({ preset: step.preset, onState: none, engine, revealed: true });
    expect(screen.getAllByRole('img', { name: /First hidden layer, neuron/ })).toHaveLength(4);
    expect(screen.getByRole('table', { name: /Your runs/ })).toBeTruthy();
  });

  it('lesson 13: the loss drawing and the output, loss and push read-outs are hidden; the slider works', async () => {
    const step = lessonStep('13-output-meets-loss', 'squared-push', 'outputLoss');
    const { rerender } = render(OutputLossWidget, { preset: step.preset, onState: none, revealed: false });
    expect(screen.queryByTestId('push-value')).toBeNull();
    expect(screen.queryByTestId('loss-value')).toBeNull();
    expect(screen.queryByRole('img', { name: /The loss over the weighted sum/ })).toBeNull();
    expect(screen.getByRole('slider', { name: 'sum z' })).toBeTruthy();
    await rerender({ preset: step.preset, onState: none, revealed: true });
    expect(screen.getByTestId('push-value').textContent).toBe('−0.1250');
  });

  it('lesson 17: the network’s picture, accuracy and loss chart are hidden; the drawing can be edited', async () => {
    const step = lessonStep('17-invent-your-own', 'straight', 'drawnTrainer');
    const engine = inProcessEngine();
    const { rerender } = render(DrawnTrainerWidget, { preset: step.preset, onState: none, engine, revealed: false });
    expect(screen.queryByTestId('test-accuracy')).toBeNull();
    expect(screen.queryByRole('img', { name: /The network's answer over the plane/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /^Knot 1 of/ }).length).toBeGreaterThan(0);
    await rerender({ preset: step.preset, onState: none, engine, revealed: true });
    expect(screen.getByTestId('test-accuracy')).toBeTruthy();
  });
});
