/**
 * The lesson race widget over the real engine served in this thread, one engine per racer:
 * the racers wait until the prediction is committed, Step moves every racer one epoch, and a
 * race run to the end records who reached the target when, stops the ones that dropped out,
 * and reports a state the step's check accepts.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkRace, lesson, RACE } from '../../../../renderer/lessons/14-training/lesson';
import { measureRun } from '../../../../renderer/lessons/predict';
import type { RacePreset, RaceState } from '../../../../renderer/lessons/race/race';
import RaceWidget from '../../../../renderer/lessons/race/RaceWidget.svelte';
import { stubCanvas } from '../../canvas-stub';
import { inProcessEngine } from '../../engine-in-process';

beforeAll(stubCanvas);
vi.mock('../../../../renderer/ui/chart', async (original) => (await import('./fake-chart')).withFakeChart(original));
afterEach(() => cleanup());
const spec = lesson.steps[0].predict;

const row = (name: string): string[] =>
  within(screen.getByRole('row', { name: new RegExp(`^${name} `) }))
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');

describe('RaceWidget', () => {
  it('keeps the racers at the start until the prediction is committed, then Step moves each one epoch', async () => {
    const states: RaceState[] = [];
    const view = render(RaceWidget, { preset: RACE, onState: (s: RaceState) => states.push(s), engines: inProcessEngine, revealed: false });
    expect(screen.queryByRole('button', { name: 'Train' })).toBeNull();
    expect(screen.getByText(/wait at the start line/)).toBeTruthy();
    expect(screen.getAllByRole('img', { name: /the network's answer over the plane$/ })).toHaveLength(4);

    await view.rerender({ revealed: true });
    const menu = screen.getByRole('combobox', { name: 'Speed' }) as HTMLSelectElement;
    expect(menu.selectedOptions[0].textContent).toBe('10 epochs a second');
    await vi.waitFor(() => expect(states.at(-1)?.params ?? null).not.toBeNull());
    await fireEvent.click(screen.getByRole('button', { name: 'Step: train one epoch' }));
    await vi.waitFor(() => expect(states.at(-1)?.racers.map((r) => r.epochs)).toEqual([1, 1, 1, 1]));
    expect(row('Tanh')[0]).toBe('1');
    expect(row('Tanh')[2]).toBe('not yet');
  });

  it('runs a race to the end: the winner recorded, the loser dropped out and stopped, the check passes', async () => {
    const preset: RacePreset = { ...RACE, activations: ['tanh', 'identity'], maxEpochs: 120, speed: 60 };
    const states: RaceState[] = [];
    render(RaceWidget, { preset, onState: (s: RaceState) => states.push(s), engines: inProcessEngine });
    await vi.waitFor(() => expect(states.at(-1)?.params ?? null).not.toBeNull());
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await vi.waitFor(() => expect(screen.getByText(/^Race over\. First to 90 %: Tanh\.$/)).toBeTruthy(), { timeout: 30_000 });
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy());

    const [tanh, linear] = states.at(-1)?.racers ?? [];
    // At 60 epochs a second every epoch is measured: tanh's first epoch at 90 %, as under Node.
    expect(tanh.reachedAt).toBe(48);
    expect(linear.reachedAt).toBeNull();
    // Each racer's engine stops it itself: tanh at its finish, the linear racer at its last epoch.
    expect(tanh.epochs).toBe(48);
    expect(linear.epochs).toBe(120);
    expect(row('Linear')[2]).toBe('dropped out');
    expect(row('Tanh')[2]).toBe('48');
    expect(screen.getByText(/First to 90 %: Tanh\./)).toBeTruthy();
    const state = states.at(-1) as RaceState;
    expect(checkRace(state, { value: 'Tanh', correct: true })).toBe(true);
    expect(checkRace(state, null)).toBe(false);

    // Train again after the race is over: nobody moves.
    const epochs = linear.epochs;
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await new Promise((r) => setTimeout(r, 200));
    expect(states.at(-1)?.racers[1].epochs).toBe(epochs);

    // Start over: the same race from the start line, with an empty table.
    await fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    await vi.waitFor(() =>
      expect(states.at(-1)?.racers.map((r) => [r.epochs, r.reachedAt])).toEqual([
        [0, null],
        [0, null],
      ]),
    );
    expect(row('Tanh')[2]).toBe('not yet');
  });

  it('at full speed stops every racer at its finish or its limit, and its table is what the step measures', async () => {
    const preset: RacePreset = { ...RACE, activations: ['tanh', 'sigmoid', 'identity'], maxEpochs: 300, speed: 'full' };
    const states: RaceState[] = [];
    render(RaceWidget, { preset, onState: (s: RaceState) => states.push(s), engines: inProcessEngine });
    await vi.waitFor(() => expect(states.at(-1)?.params ?? null).not.toBeNull());
    // Nothing is measured before the race has run.
    expect(measureRun(spec, states.at(-1)!)).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await vi.waitFor(() => expect(screen.getByText(/^Race over\. First/)).toBeTruthy(), { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 300));
    const [tanh, sigmoid, linear] = states.at(-1)?.racers ?? [];
    expect(tanh.reachedAt).not.toBeNull();
    expect(tanh.epochs).toBe(tanh.reachedAt);
    expect(sigmoid.reachedAt).toBeNull();
    expect(sigmoid.epochs).toBe(300);
    expect(linear.epochs).toBe(300);
    expect(row('Sigmoid')[0]).toBe('300');
    // The race's result is the step's measurement: the page judges the prediction with it (predict.ts), not the widget.
    expect(measureRun(spec, states.at(-1)!)).toEqual(['Tanh']);
    expect(screen.queryByText(/You predicted/)).toBeNull();
  });
});
