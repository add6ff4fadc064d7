/**
 * The shell every live lesson trainer shares (TrainerControls): Step trains exactly one epoch,
 * the speed menu sets the engine's pace and starts where the step's preset says, and a widget
 * waiting for a prediction hides what would give the answer away. Over the real engine served
 * in this thread.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import CurveWidget from '../../../../renderer/lessons/widgets/CurveWidget.svelte';
import DeadNeuronsWidget from '../../../../renderer/lessons/widgets/DeadNeuronsWidget.svelte';
import GradientFlowWidget from '../../../../renderer/lessons/widgets/GradientFlowWidget.svelte';
import TrainerWidget from '../../../../renderer/lessons/widgets/TrainerWidget.svelte';
import { curveNetwork } from '../../../../renderer/lessons/widgets/curve-lesson';
import { engineSpeed, parseLessonSpeed } from '../../../../renderer/lessons/widgets/speed';
import { labConfig, trainerPreset } from '../../../../renderer/lessons/presets';
import type { CurvePreset, TrainerState } from '../../../../renderer/lessons/types';
import { lesson as lesson6 } from '../../../../renderer/lessons/06-linear-collapse/lesson';
import { lesson as lesson15 } from '../../../../renderer/lessons/15-enough-bumps/lesson';
import { lesson as lesson17 } from '../../../../renderer/lessons/17-invent-your-own/lesson';
import { lesson as lesson19 } from '../../../../renderer/lessons/19-what-you-can-explain/lesson';
import type { CommandBody } from '../../../../renderer/engine/connection';
import { stubCanvas } from '../../canvas-stub';
import { inProcessEngine } from '../../engine-in-process';

beforeAll(stubCanvas);
vi.mock('../../../../renderer/ui/chart', async (original) => (await import('./fake-chart')).withFakeChart(original));
afterEach(() => cleanup());

/** An in-process engine that also records the commands the page sent it. */
function recordingEngine(): { engine: ReturnType<typeof inProcessEngine>; sent: CommandBody[] } {
  const engine = inProcessEngine();
  const sent: CommandBody[] = [];
  const send = engine.send.bind(engine);
  engine.send = ((command: Parameters<typeof engine.send>[0]) => {
    sent.push(command);
    return send(command);
  }) as typeof engine.send;
  return { engine, sent };
}

const circle = () => labConfig({ dataset: 'circle', hidden: [4], activation: 'relu' });

describe('speed.ts', () => {
  it('maps each menu choice to an engine speed, and back from the menu text', () => {
    expect(engineSpeed(1)).toEqual({ mode: 'epochsPerSecond', epochs: 1 });
    expect(engineSpeed(60)).toEqual({ mode: 'epochsPerSecond', epochs: 60 });
    expect(engineSpeed('full')).toEqual({ mode: 'max' });
    expect(parseLessonSpeed('10')).toBe(10);
    expect(parseLessonSpeed('full')).toBe('full');
    expect(parseLessonSpeed('nonsense')).toBe('full');
  });
});

describe('TrainerWidget with the shared shell', () => {
  it('trains exactly one epoch per Step, and reports it to the step', async () => {
    const states: TrainerState[] = [];
    render(TrainerWidget, { preset: trainerPreset(circle()), onState: (s: TrainerState) => states.push(s), engine: inProcessEngine() });
    await vi.waitFor(() => expect(states.at(-1)?.params ?? null).not.toBeNull());
    const step = screen.getByRole('button', { name: 'Step: train one epoch' });
    await fireEvent.click(step);
    await vi.waitFor(() => expect(screen.getByTestId('epoch').textContent).toBe('1'));
    await fireEvent.click(step);
    await vi.waitFor(() => expect(screen.getByTestId('epoch').textContent).toBe('2'));
    expect(states.at(-1)?.epoch).toBe(2);
  });

  it("starts at the preset's speed and sends the one the learner picks", async () => {
    const { engine, sent } = recordingEngine();
    render(TrainerWidget, { preset: trainerPreset(circle(), { speed: 1 }), onState: () => {}, engine });
    const menu = screen.getByRole('combobox', { name: 'Speed' }) as HTMLSelectElement;
    expect(menu.selectedOptions[0].textContent).toBe('1 epoch a second');
    expect(sent.find((c) => c.type === 'set-speed')).toMatchObject({ speed: { mode: 'epochsPerSecond', epochs: 1 } });

    // At one epoch a second, a third of a second of training is at most one epoch.
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await new Promise((r) => setTimeout(r, 330));
    expect(Number(screen.getByTestId('epoch').textContent)).toBeLessThanOrEqual(1);
    expect((screen.getByRole('button', { name: 'Step: train one epoch' }) as HTMLButtonElement).disabled).toBe(true);

    await fireEvent.change(menu, { target: { value: 'full' } });
    expect(sent.filter((c) => c.type === 'set-speed').at(-1)).toMatchObject({ speed: { mode: 'max' } });
    await vi.waitFor(() => expect(Number(screen.getByTestId('epoch').textContent)).toBeGreaterThan(20), { timeout: 10_000 });
    await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
  });

  it('stops by itself at the epoch budget a step names, even at full speed', async () => {
    const states: TrainerState[] = [];
    render(TrainerWidget, {
      preset: trainerPreset(circle(), { speed: 'full', epochBudget: 40 }),
      onState: (s: TrainerState) => states.push(s),
      engine: inProcessEngine(),
    });
    await vi.waitFor(() => expect(states.at(-1)?.params ?? null).not.toBeNull());
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    // Wait for the run to reach the budget, then make sure it stayed there: waiting for the Train
    // button alone passed at once (it can still show right after the click) and read epoch 15 on a busy machine.
    await vi.waitFor(() => expect(screen.getByTestId('epoch').textContent).toBe('40'), { timeout: 10_000 });
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy(), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.getByTestId('epoch').textContent).toBe('40');
  });

  it('a curve step with a budget (lesson 15, "300 epochs each") stops there too', async () => {
    render(CurveWidget, {
      preset: { ...lesson15.steps[3].preset, epochBudget: 25, speed: 'full' } as CurvePreset,
      onState: () => {},
      engine: inProcessEngine(),
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
    await new Promise((r) => setTimeout(r, 100));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy(), { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.getByTestId('curve-epoch').textContent).toBe('25');
    expect((lesson15.steps[3].preset as CurvePreset).epochBudget).toBe(300);
  });

  it('starts the watching steps slow: lesson 6 step 1 and lesson 17 step 2', () => {
    const speed = (p: unknown): unknown => (p as { speed?: unknown }).speed;
    expect(speed(lesson6.steps[0].preset)).toBe(10);
    expect(speed(lesson17.steps[1].preset)).toBe(10);
  });

  it('hides the loss, the accuracy and the table of runs until the prediction is committed', async () => {
    const preset = trainerPreset(circle(), { raceTarget: 0.9, activationChoices: ['relu', 'tanh'], controls: ['activation'] });
    const view = render(TrainerWidget, { preset, onState: () => {}, engine: inProcessEngine(), revealed: false });
    expect(screen.queryByText('Test accuracy')).toBeNull();
    expect(screen.queryByRole('table', { name: /Your runs/ })).toBeNull();
    expect(screen.getByText(/appear once you commit/)).toBeTruthy();
    // Training still works while hidden: the learner predicts, then watches.
    expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy();
    await view.rerender({ revealed: true });
    expect(screen.getByText('Test accuracy')).toBeTruthy();
    expect(screen.getByRole('table', { name: /Your runs/ })).toBeTruthy();
  });

  it('lesson 19 step 1: the plane shows only the points and Train and Step wait, with the reason, until the commit', async () => {
    const preset = lesson19.steps[0].preset;
    const { engine, sent } = recordingEngine();
    const view = render(TrainerWidget, { preset, onState: () => {}, engine, revealed: false });
    await vi.waitFor(() => expect(sent.some((c) => c.type === 'configure')).toBe(true));
    expect(screen.getByRole('img', { name: /only the data for now/ }).getAttribute('aria-label')).not.toMatch(/decision boundary/);
    const train = screen.getByRole('button', { name: 'Train' });
    const step = screen.getByRole('button', { name: 'Step: train one epoch' });
    for (const button of [train, step]) {
      expect((button as HTMLButtonElement).disabled).toBe(true);
      expect(button.getAttribute('aria-describedby')).not.toBeNull();
      expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Commit your prediction first/);
    }
    await fireEvent.click(step);
    expect(sent.some((c) => c.type === 'step' || c.type === 'play')).toBe(false);
    await view.rerender({ revealed: true });
    expect(screen.getByRole('img', { name: /the line is the decision boundary/ })).toBeTruthy();
    expect(screen.queryByText(/Commit your prediction first/)).toBeNull();
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Step: train one epoch' }));
    expect(sent.at(-1)).toMatchObject({ type: 'step', unit: 'epoch' });
  });

  it('without the option a trainer waiting for a prediction still trains and draws its answer', () => {
    render(TrainerWidget, { preset: trainerPreset(circle()), onState: () => {}, engine: inProcessEngine(), revealed: false });
    expect((screen.getByRole('button', { name: 'Train' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByRole('img', { name: /only the data for now/ })).toBeNull();
  });
});

describe('the other live lesson trainers share the shell', () => {
  const cases = [
    {
      name: 'GradientFlowWidget',
      render: (engine: ReturnType<typeof inProcessEngine>) =>
        render(GradientFlowWidget, {
          preset: { config: circle(), activationChoices: ['relu'], depthChoices: [1], speed: 10 },
          onState: () => {},
          engine,
        }),
    },
    {
      name: 'DeadNeuronsWidget',
      render: (engine: ReturnType<typeof inProcessEngine>) =>
        render(DeadNeuronsWidget, {
          preset: { config: circle(), activationChoices: ['relu'], learningRates: [0.03], speed: 10 },
          onState: () => {},
          engine,
        }),
    },
    {
      name: 'CurveWidget',
      render: (engine: ReturnType<typeof inProcessEngine>) =>
        render(CurveWidget, {
          preset: {
            config: curveNetwork('sine', 'relu', 4),
            controls: [],
            datasetChoices: ['sine'],
            activationChoices: ['relu'],
            widthChoices: [4],
            showEachNeuron: false,
            editable: false,
            speed: 10,
          },
          onState: () => {},
          engine,
        }),
    },
  ];

  it.each(cases)('$name: Step, the speed menu at the preset speed, Start over', async ({ render: show }) => {
    const { engine, sent } = recordingEngine();
    show(engine);
    const menu = screen.getByRole('combobox', { name: 'Speed' }) as HTMLSelectElement;
    expect(menu.selectedOptions[0].textContent).toBe('10 epochs a second');
    await vi.waitFor(() => expect(sent.some((c) => c.type === 'configure')).toBe(true));
    await fireEvent.click(screen.getByRole('button', { name: 'Step: train one epoch' }));
    expect(sent.at(-1)).toMatchObject({ type: 'step', unit: 'epoch' });
    expect(screen.getByRole('button', { name: 'Start over' })).toBeTruthy();
  });
});
