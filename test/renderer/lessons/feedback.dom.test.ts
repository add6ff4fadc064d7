/**
 * A check's message on the lesson page stays only while it is true: "First commit your
 * prediction…" goes once the prediction is committed, and lesson 16's "Class 2 is at 90 %, good.
 * Now…" goes once the sliders meet the whole target.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LESSONS } from '../../../renderer/lessons/index';
import LessonPage from '../../../renderer/lessons/LessonPage.svelte';
import { LessonsState } from '../../../renderer/lessons/lessons.svelte';
import { stubCanvas } from '../canvas-stub';

beforeAll(stubCanvas);
afterEach(() => cleanup());

const said = (text: RegExp): Element | undefined => screen.queryAllByRole('status').find((s) => text.test(s.textContent ?? ''));
const slide = (name: string, value: number) => fireEvent.input(screen.getByRole('slider', { name }), { target: { value: String(value) } });

describe('lesson 16 step 1: the check’s messages follow the widget', () => {
  it('"First commit your prediction" goes on commit; "Now get the same 90 % with z₂ at 0 or below" goes once that is done', async () => {
    const index = LESSONS.findIndex((l) => l.id === '16-softmax-and-cos');
    const lessons = new LessonsState({ load: async () => '', save: async () => {} });
    lessons.open(index, 0);
    render(LessonPage, { lessons, index, onOpenInLab: () => {} });
    const sliders = await vi.waitFor(() => screen.getByRole('slider', { name: 'score z₂' }));
    expect(sliders).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(said(/First commit your prediction/)).toBeTruthy();
    await fireEvent.input(screen.getByRole('textbox', { name: /What score z₂ gives class 2 a probability of 90 %/ }), {
      target: { value: '2.9' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Commit my prediction' }));
    await vi.waitFor(() => expect(said(/First commit your prediction/)).toBeUndefined());

    // 90 % with z₂ above 0: half done, and the message says what is left.
    await slide('score z₂', 2.9);
    await fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(said(/Class 2 is at 90 %, good\. Now get the same 90 % with z₂ at 0 or below\./)).toBeTruthy();
    // All three slid down together: the target is met, so "Now get…" is no longer true.
    await slide('score z₁', -2.9);
    await slide('score z₃', -2.9);
    await slide('score z₂', 0);
    await vi.waitFor(() => expect(said(/Now get the same 90 %/)).toBeUndefined());
    await fireEvent.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(said(/That's it — well done!/)).toBeTruthy();
  });
});
