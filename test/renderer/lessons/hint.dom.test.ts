/**
 * "Show a hint" on the lesson page: there from the start of a step that has a hint, before any
 * check, so a stuck learner can ask; the hint stays hidden until asked for, then stays for the
 * step (a failed check does not hide it) and is asked for afresh on the next step.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../../renderer/lessons/index';
import LessonPage from '../../../renderer/lessons/LessonPage.svelte';
import { LessonsState } from '../../../renderer/lessons/lessons.svelte';
import { stubCanvas } from '../canvas-stub';

beforeAll(stubCanvas);
afterEach(() => cleanup());

const text = (el: Element): string => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const hintRegion = (): Element | undefined => screen.getAllByRole('status').find((s) => text(s).startsWith('Hint:'));

describe('the hint on a lesson step', () => {
  const lesson = LESSONS[0];

  it('can be asked for before any check, stays through a failed check, and is hidden again on the next step', async () => {
    const lessons = new LessonsState({ load: async () => '', save: async () => {} });
    lessons.open(0, 0);
    render(LessonPage, { lessons, index: 0, onOpenInLab: () => {} });

    // Before any check: the button is there, the hint is not.
    const ask = screen.getByRole('button', { name: 'Show a hint' });
    expect(hintRegion()).toBeUndefined();
    expect(document.body.textContent).not.toContain(lesson.steps[0].hint);

    await fireEvent.click(ask);
    expect(text(hintRegion()!)).toBe(`Hint: ${lesson.steps[0].hint}`);
    expect(screen.queryByRole('button', { name: 'Show a hint' })).toBeNull();
    // The button went away, so focus moves to the hint itself.
    expect(document.activeElement?.textContent?.replace(/\s+/g, ' ').trim()).toBe(`Hint: ${lesson.steps[0].hint}`);

    if (lesson.steps[0].check !== null) {
      await fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
      expect(text(hintRegion()!)).toBe(`Hint: ${lesson.steps[0].hint}`);
      expect(screen.queryByRole('button', { name: 'Show a hint' })).toBeNull();
    }

    await fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('button', { name: 'Show a hint' })).toBeTruthy();
    expect(hintRegion()).toBeUndefined();
  });
});
