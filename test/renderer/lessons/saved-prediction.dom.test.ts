/**
 * A committed prediction is kept with the progress: reopening the step later (a completed
 * lesson, another start of the app) shows it as it was committed, with the answer, instead of
 * asking again for an answer the learner has already seen.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import LessonPage from '../../../renderer/lessons/LessonPage.svelte';
import { LessonsState } from '../../../renderer/lessons/lessons.svelte';
import { stubCanvas } from '../canvas-stub';

beforeAll(stubCanvas);
afterEach(() => cleanup());

/** A backend that keeps what was saved, as the app's store does between starts. */
function memory() {
  let saved = '';
  return { load: async () => saved, save: async (text: string) => void (saved = text) };
}

describe('a committed prediction', () => {
  it('is still there, as committed, when the step is opened again after a restart', async () => {
    const backend = memory();
    const first = new LessonsState(backend);
    await first.load();
    first.open(0, 0);
    render(LessonPage, { lessons: first, index: 0, onOpenInLab: () => {} });
    await fireEvent.input(screen.getByRole('textbox', { name: /^How many numbers does a colour photo/ }), {
      target: { value: '20000' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Commit my prediction' }));
    expect(first.prediction(0, 0)).toEqual({ value: 20000, correct: false });
    cleanup();

    // Another start of the app: the progress is loaded from what was saved.
    const again = new LessonsState(backend);
    await again.load();
    again.open(0, 0);
    render(LessonPage, { lessons: again, index: 0, onOpenInLab: () => {} });
    expect(again.prediction(0, 0)).toEqual({ value: 20000, correct: false });
    expect(screen.queryByRole('button', { name: 'Commit my prediction' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Predict first' }).textContent).toMatch(/20,?000/);
    // The first commitment stands.
    again.commitPrediction(0, 0, { value: 30000, correct: true });
    expect(again.prediction(0, 0)).toEqual({ value: 20000, correct: false });
  });
});
