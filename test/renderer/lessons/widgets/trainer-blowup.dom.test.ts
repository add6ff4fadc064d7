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
vi.mock('../../../../renderer/ui/chart', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../renderer/ui/chart')>();
  class Chart {
    data: unknown;
    options: unknown;
    constructor(_canvas: unknown, config: { data: unknown; options: unknown }) {
      this.data = config.data;
      this.options = config.options;
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
});
