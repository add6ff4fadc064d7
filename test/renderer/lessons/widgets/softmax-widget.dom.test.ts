import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import SoftmaxWidget from '../../../../renderer/lessons/widgets/SoftmaxWidget.svelte';
import type { SoftmaxState } from '../../../../renderer/lessons/types';
import { lessonStep, passes } from './lesson-steps';

const step = lessonStep('16-softmax-and-cos', 'softmax', 'softmax');

/** The bars' percentages as the list reads them out, class 1 first. */
function percentages(): string[] {
  const list = screen.getByRole('list', { name: 'Probabilities after softmax' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

describe('SoftmaxWidget (lesson 9)', () => {
  it('turns the three scores into probabilities that follow the sliders and always add up to 100 %', async () => {
    const states: SoftmaxState[] = [];
    render(SoftmaxWidget, { preset: step.preset, onState: (s: SoftmaxState) => states.push({ scores: [...s.scores] }) });
    // Scores 1, 0.5, −0.5: e¹, e^0.5, e^−0.5 over their sum.
    expect(percentages()).toEqual(['class 1 54.7 %', 'class 2 33.1 %', 'class 3 12.2 %']);
    expect(screen.getByText(/^Together:/).textContent).toBe('Together: 100.0 %');
    expect(passes(step, states.at(-1))).toBe(false);

    const z2 = screen.getByRole('slider', { name: 'score z₂' });
    await fireEvent.input(z2, { target: { value: '4' } });
    // Scores 1, 4, −0.5: class 2 now takes 94.3 %, the lesson's "confident" check passes.
    await vi.waitFor(() => expect(percentages()).toEqual(['class 1 4.7 %', 'class 2 94.3 %', 'class 3 1.0 %']));
    expect(screen.getByText(/^Together:/).textContent).toBe('Together: 100.0 %');
    expect(states.at(-1)).toEqual({ scores: [1, 4, -0.5] });
    expect(passes(step, states.at(-1))).toBe(true);
    // The slider's own read-out shows the new score.
    expect(z2.parentElement?.querySelector('output')?.textContent).toBe('4.0');
  });

  it('gives equal scores equal shares, however large they are', async () => {
    render(SoftmaxWidget, { preset: step.preset, onState: () => {} });
    for (const name of ['score z₁', 'score z₂', 'score z₃']) {
      await fireEvent.input(screen.getByRole('slider', { name }), { target: { value: '5' } });
    }
    await vi.waitFor(() => expect(percentages()).toEqual(['class 1 33.3 %', 'class 2 33.3 %', 'class 3 33.3 %']));
  });
});
