/**
 * Lesson 14's "too fast" step through its real widget and engine (#15 bugs 1 and 5): after a
 * blow-up at learning rate 3 the loss shown is the restored weights' loss, lowering the rate
 * trains on from those weights (not from exploded ones), and Check still accepts the step.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkTooFast } from '../../../../renderer/lessons/14-training/lesson';
import TrainerWidget from '../../../../renderer/lessons/widgets/TrainerWidget.svelte';
import type { TrainerState } from '../../../../renderer/lessons/types';
import { stubCanvas } from '../../canvas-stub';
import { inProcessEngine } from '../../engine-in-process';
import { lessonStep } from './lesson-steps';

beforeAll(stubCanvas);
/** The charts drawn, newest last: their datasets are what the canvas would show. */
const charts = vi.hoisted(() => [] as { data: { datasets: { label?: string; data: { x: number; y: number }[] }[] } }[]);
vi.mock('../../../../renderer/ui/chart', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../renderer/ui/chart')>();
  class Chart {
    data: unknown;
    options: unknown;
    constructor(_canvas: unknown, config: { data: unknown; options: unknown }) {
      this.data = config.data;
      this.options = config.options;
      charts.push(this as never);
    }
    update(): void {}
    destroy(): void {}
  }
  return { ...actual, Chart };
});
afterEach(() => cleanup());

/** The read-out next to a label in the metrics list. */
function readout(label: string): number {
  const dt = screen.getByText(label, { selector: 'dt' });
  return Number(dt.nextElementSibling?.textContent);
}

describe('lesson 14, a learning rate that is too big', () => {
  it('shows the restored loss after a blow-up, recovers at 0.03, and the step still counts', async () => {
    const step = lessonStep('14-training', 'too-fast', 'trainer');
    const states: TrainerState[] = [];
    render(TrainerWidget, { preset: step.preset, onState: (s: TrainerState) => states.push(s), engine: inProcessEngine() });
    await vi.waitFor(() => expect(states.at(-1)?.params ?? null).not.toBeNull());
    // The step starts at one epoch a second, to be watched; here full speed keeps the test short.
    await fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: 'full' } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Learning rate' }), { target: { value: '3' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await vi.waitFor(() => expect(states.at(-1)?.diverged).toBe(true), { timeout: 10_000 });

    // Bug 5: the message names the restored weights' loss, and the read-out shows that same loss.
    const message = screen.getByText(/are back/).textContent ?? '';
    const restored = Number(/training loss ([\d.e+-]+)\)/.exec(message)?.[1]);
    expect(restored).toBeLessThan(10);
    expect(readout('Training loss')).toBeCloseTo(restored, 2);
    expect(states.at(-1)?.trainLoss).toBeCloseTo(restored, 2);

    // Bug 1: lower the rate and train on; the loss stays sane and Check accepts the step.
    await fireEvent.change(screen.getByRole('combobox', { name: 'Learning rate' }), { target: { value: '0.03' } });
    const before = states.at(-1)!.epoch;
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await vi.waitFor(() => expect(states.at(-1)!.epoch).toBeGreaterThan(before + 20), { timeout: 10_000 });
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const after = states.at(-1)!;
    expect(after.config.training.learningRate).toBe(0.03);
    expect(after.trainLoss).toBeLessThan(1);
    expect(after.divergedAt).toEqual([3]);
    expect(checkTooFast(after)).toBe(true);
  });

  it('keeps the climb that led to the blow-up on the chart, and says the epoch the read-out shows', async () => {
    const step = lessonStep('14-training', 'too-fast', 'trainer');
    const states: TrainerState[] = [];
    render(TrainerWidget, { preset: step.preset, onState: (s: TrainerState) => states.push(s), engine: inProcessEngine() });
    await vi.waitFor(() => expect(states.at(-1)?.params ?? null).not.toBeNull());
    // Ten epochs a second (every epoch measured, as at the step's one a second), to keep the test short.
    await fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '10' } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Learning rate' }), { target: { value: '3' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await vi.waitFor(() => expect(states.at(-1)?.diverged).toBe(true), { timeout: 10_000 });

    // The message names the epoch the read-out shows.
    const message = screen.getByText(/are back/).textContent ?? '';
    const shown = readout('Epoch');
    expect(shown).toBeGreaterThanOrEqual(0);
    expect(message).toContain(`back at epoch ${shown}`);
    const caught = Number(/at epoch (\d+):/.exec(message)?.[1]);
    expect(caught).toBeGreaterThan(shown + 3);

    // The chart still has the climb, from the restored epoch to the blow-up, and the jump back.
    const summary = await vi.waitFor(() => screen.getByRole('img', { name: /then back at epoch/ }));
    expect(summary.getAttribute('aria-label')).toContain(`by epoch ${caught}, then back at epoch ${shown}`);
    await vi.waitFor(() => expect(charts.at(-1)?.data.datasets.find((d) => d.label === `Blew up; back at epoch ${shown}`)).toBeDefined());
    const sets = charts.at(-1)!.data.datasets;
    const climb = sets[sets.length - 3].data;
    expect(climb.map((p) => p.x)).toEqual(Array.from({ length: caught - shown + 1 }, (_, i) => shown + i));
    // Each of the last epochs lands higher than the one before, up to the loss that caught it.
    for (let i = climb.length - 4; i < climb.length; i++) expect(climb[i].y).toBeGreaterThan(climb[i - 1].y);
    expect(climb.at(-1)!.y).toBeGreaterThan(100 * climb[0].y);
    const back = sets[sets.length - 1].data;
    expect(back.map((p) => p.x)).toEqual([caught, shown]);
  });
});
