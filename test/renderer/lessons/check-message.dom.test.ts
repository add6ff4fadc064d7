/**
 * What "Check my answer" said stays only while it is true of what the widget shows: "First
 * commit your prediction" goes once the prediction is committed, and a "well done" or "not quite
 * yet" becomes a note to check again once the learner changes the widget so that the check
 * would say otherwise. The step stays done once passed.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import LessonPage from '../../../renderer/lessons/LessonPage.svelte';
import { LessonsState } from '../../../renderer/lessons/lessons.svelte';
import { stubCanvas } from '../canvas-stub';

beforeAll(stubCanvas);
afterEach(() => cleanup());

const text = (el: Element): string => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The live region that says what Check said (the other one holds the hint). */
const said = (): string => text(screen.getAllByRole('status').find((s) => s.classList.contains('feedback'))!);
const AGAIN = 'You changed something since you checked — press "Check my answer" again.';

async function openLessonOne() {
  const lessons = new LessonsState({ load: async () => '', save: async () => {} });
  lessons.open(0, 0);
  render(LessonPage, { lessons, index: 0, onOpenInLab: () => {} });
  const width = await screen.findByRole('spinbutton', { name: 'Width in pixels' });
  const check = () => fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
  const commit = async () => {
    await fireEvent.input(screen.getByRole('textbox', { name: /colour photo/ }), { target: { value: '30000' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Commit my prediction' }));
  };
  return { lessons, width, check, commit };
}

describe('the message under "Check my answer"', () => {
  it('"First commit your prediction" goes away once the prediction is committed', async () => {
    const { check, commit } = await openLessonOne();
    await check();
    expect(said()).toContain('First commit your prediction');
    await commit();
    await vi.waitFor(() => expect(said()).toBe(''));
  });

  it('a "well done" becomes a note to check again once the picture no longer passes, and the step stays done', async () => {
    const { lessons, width, check, commit } = await openLessonOne();
    await commit();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Colour channels' }), { target: { value: '1' } });
    await fireEvent.input(width, { target: { value: '300' } });
    await check();
    expect(said()).toContain('well done');
    // 7 × 100: 700 inputs, which the check refuses.
    await fireEvent.input(width, { target: { value: '7' } });
    await vi.waitFor(() => expect(said()).toBe(AGAIN));
    expect(said()).not.toContain('well done');
    expect(lessons.isDone(0, 0)).toBe(true);
    expect(screen.getByRole('button', { name: /^Step 1: .*\(done\)$/ })).toBeTruthy();
    // Checking again judges the picture as it is now.
    await check();
    expect(said()).toContain('Not quite yet');
  });

  it('a "not quite yet" becomes a note to check again once the picture passes', async () => {
    const { check, commit, width } = await openLessonOne();
    await commit();
    await check();
    expect(said()).toContain('Not quite yet');
    await fireEvent.change(screen.getByRole('combobox', { name: 'Colour channels' }), { target: { value: '1' } });
    await fireEvent.input(width, { target: { value: '300' } });
    await vi.waitFor(() => expect(said()).toBe(AGAIN));
    await check();
    expect(said()).toContain('well done');
  });
});
