/**
 * Lesson 14's spiral through its real widget and engine: the table of runs keeps each
 * activation's first epoch at 90 % and its best test accuracy across activation changes, and
 * the step passes once any run got there, whichever activation is selected now.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkSpiral } from '../../../../renderer/lessons/14-training/lesson';
import TrainerWidget from '../../../../renderer/lessons/widgets/TrainerWidget.svelte';
import type { TrainerState } from '../../../../renderer/lessons/types';
import { stubCanvas } from '../../canvas-stub';
import { inProcessEngine } from '../../engine-in-process';
import { lessonStep } from './lesson-steps';

beforeAll(stubCanvas);
vi.mock('../../../../renderer/ui/chart', async (original) => (await import('./fake-chart')).withFakeChart(original));
afterEach(() => cleanup());

describe('lesson 14, the spiral: a record of every run', () => {
  it('keeps the sine run at 90 % after switching to the linear network, and the step passes', async () => {
    const step = lessonStep('14-training', 'spiral', 'trainer');
    const states: TrainerState[] = [];
    render(TrainerWidget, { preset: step.preset, onState: (s: TrainerState) => states.push(s), engine: inProcessEngine() });
    await vi.waitFor(() => expect(states.at(-1)?.params ?? null).not.toBeNull());
    await fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: 'full' } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Hidden activation' }), { target: { value: 'sin' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await vi.waitFor(() => expect(states.at(-1)?.race.sin).toBeDefined(), { timeout: 20_000 });
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));

    const table = screen.getByRole('table', { name: /first epoch at 90 %/i });
    const sine = within(table).getByRole('row', { name: /^Sine / });
    const reached = Number(within(sine).getAllByRole('cell')[1].textContent);
    expect(reached).toBe(states.at(-1)?.race.sin);
    expect(within(sine).getAllByRole('cell')[2].textContent).toMatch(/^(9\d|100)\.\d %$/);

    // Then the linear network, as the text asks: it stays near a coin toss, the sine run stays in the table.
    await fireEvent.change(screen.getByRole('combobox', { name: 'Hidden activation' }), { target: { value: 'identity' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await vi.waitFor(() => expect(states.at(-1)!.epoch).toBeGreaterThan(50), { timeout: 20_000 });
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    const now = states.at(-1)!;
    expect(now.config.network.hidden[0].activation).toBe('identity');
    expect(now.testAccuracy!).toBeLessThan(0.9);
    expect(now.race.sin).toBe(reached);
    expect(now.bestAccuracy.identity!).toBeLessThan(0.9);
    const linear = within(table).getByRole('row', { name: /^Linear / });
    expect(within(linear).getAllByRole('cell')[1].textContent).toBe('not yet');
    expect(checkSpiral(now)).toBe(true);
  });
});
