/**
 * Lessons 12, 13 and 17 ask a follow-up question ("Why does … ?") whose right option names the
 * answer to the step's prediction. It waits until the prediction is committed and the run that
 * answers it has trained its epochs; and lesson 17's drawing does not say what a straight line
 * does to a network before the prediction.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import CompareWidget from '../../../../renderer/lessons/12-saturation-and-init/CompareWidget.svelte';
import DrawnTrainerWidget from '../../../../renderer/lessons/17-invent-your-own/DrawnTrainerWidget.svelte';
import { stubCanvas } from '../../canvas-stub';
import { inProcessEngine } from '../../engine-in-process';
import { lessonStep } from './lesson-steps';

beforeAll(stubCanvas);
vi.mock('../../../../renderer/ui/chart', async (original) => (await import('./fake-chart')).withFakeChart(original));
afterEach(() => cleanup());

const none = () => undefined;

/** Trains at full speed until the epoch read-out passes `epochs`, then pauses. */
async function trainPast(epochs: number): Promise<void> {
  await fireEvent.change(screen.getByLabelText('Speed'), { target: { value: 'full' } });
  await fireEvent.click(screen.getByRole('button', { name: 'Train' }));
  await vi.waitFor(() => expect(Number(screen.getByTestId('epoch').textContent)).toBeGreaterThanOrEqual(epochs), { timeout: 20_000 });
  await fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
}

describe('a follow-up question waits for the prediction and for its run', () => {
  const cases = [
    { lesson: '12-saturation-and-init', step: 'large-weights', question: 'Why does training crawl with large starting weights?' },
    { lesson: '13-output-meets-loss', step: 'training', question: 'Why does squared error leave this neuron stuck?' },
  ];
  for (const c of cases) {
    it(`lesson ${c.lesson.slice(0, 2)}: "${c.question}"`, async () => {
      const step = lessonStep(c.lesson, c.step, 'compare');
      const engine = inProcessEngine();
      const { rerender } = render(CompareWidget, { preset: step.preset, onState: none, engine, revealed: false });
      expect(screen.queryByRole('group', { name: c.question })).toBeNull();
      await rerender({ preset: step.preset, onState: none, engine, revealed: true });
      expect(screen.queryByRole('group', { name: c.question })).toBeNull();
      expect(screen.getByText(/A question about this run appears here once .* has trained 100 epochs/)).toBeTruthy();
      await trainPast(100);
      await vi.waitFor(() => expect(screen.getByRole('group', { name: c.question })).toBeTruthy());
    }, 30_000);
  }

  it('lesson 17 step 2: "Why does the staircase not learn?"', async () => {
    const step = lessonStep('17-invent-your-own', 'flat', 'drawnTrainer');
    const engine = inProcessEngine();
    const { rerender } = render(DrawnTrainerWidget, { preset: step.preset, onState: none, engine, revealed: false });
    const question = 'Why does the staircase not learn?';
    expect(screen.queryByRole('group', { name: question })).toBeNull();
    expect(screen.queryByText(/slope is 0 almost everywhere/)).toBeNull();
    await rerender({ preset: step.preset, onState: none, engine, revealed: true });
    expect(screen.queryByRole('group', { name: question })).toBeNull();
    await trainPast(100);
    await vi.waitFor(() => expect(screen.getByRole('group', { name: question })).toBeTruthy());
  }, 30_000);
});

describe('lesson 17 step 1: the drawing’s status line', () => {
  it('does not say a straight drawing collapses to one map until the prediction is committed', async () => {
    const step = lessonStep('17-invent-your-own', 'straight', 'drawnTrainer');
    const engine = inProcessEngine();
    const { rerender } = render(DrawnTrainerWidget, { preset: step.preset, onState: none, engine, revealed: false });
    expect(document.body.textContent).not.toMatch(/collapses/);
    await rerender({ preset: step.preset, onState: none, engine, revealed: true });
    expect(document.body.textContent).toMatch(/collapses to one straight-line map/);
  });
});
