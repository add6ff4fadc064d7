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

async function set(name: string, value: number): Promise<void> {
  await fireEvent.input(screen.getByRole('slider', { name }), { target: { value: String(value) } });
}

describe('SoftmaxWidget (lesson 16)', () => {
  it('turns the three scores into probabilities that follow the sliders and always add up to 100 %', async () => {
    const states: SoftmaxState[] = [];
    render(SoftmaxWidget, { preset: step.preset, onState: (s: SoftmaxState) => states.push({ scores: [...s.scores] }) });
    // Equal scores: a third each.
    expect(percentages()).toEqual(['class 1 33.3 %', 'class 2 33.3 %', 'class 3 33.3 %']);
    expect(screen.getByText(/^Together:/).textContent).toBe('Together: 100.0 %');
    expect(passes(step, states.at(-1))).toBe(false);

    // z₂ = 2.9 over two zeros: 90 %, but the step wants it with z₂ at 0 or below.
    await set('score z₂', 2.9);
    await vi.waitFor(() => expect(percentages()).toEqual(['class 1 5.0 %', 'class 2 90.1 %', 'class 3 5.0 %']));
    expect(passes(step, states.at(-1))).toBe(false);
    // The same lead lower down the scale: the same probabilities, and the check passes.
    await set('score z₁', -3.9);
    await set('score z₂', -1);
    await set('score z₃', -3.9);
    await vi.waitFor(() => expect(percentages()).toEqual(['class 1 5.0 %', 'class 2 90.1 %', 'class 3 5.0 %']));
    expect(screen.getByText(/^Together:/).textContent).toBe('Together: 100.0 %');
    expect(states.at(-1)).toEqual({ scores: [-3.9, -1, -3.9] });
    expect(passes(step, states.at(-1))).toBe(true);
    // The slider's own read-out shows the new score with the real minus sign, as the formulas
    // write it; a screen reader gets the same value with the minus it says as "minus".
    const z2 = screen.getByRole('slider', { name: 'score z₂' });
    expect(z2.parentElement?.querySelector('output')?.textContent).toBe('\u22121.0');
    expect(z2.getAttribute('aria-valuetext')).toBe('-1.0');
  });

  it('hides every probability until the prediction is committed, while the sliders still work', async () => {
    const states: SoftmaxState[] = [];
    render(SoftmaxWidget, { preset: step.preset, onState: (s: SoftmaxState) => states.push({ scores: [...s.scores] }), revealed: false });
    expect(percentages()).toEqual(['class 1 ? %', 'class 2 ? %', 'class 3 ? %']);
    expect(screen.queryByText(/^Together:/)).toBeNull();
    await set('score z₂', 3);
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ scores: [0, 3, 0] }));
    expect(percentages()).toEqual(['class 1 ? %', 'class 2 ? %', 'class 3 ? %']);
  });

  it('gives equal scores equal shares, however large they are', async () => {
    render(SoftmaxWidget, { preset: step.preset, onState: () => {} });
    for (const name of ['score z₁', 'score z₂', 'score z₃']) await set(name, 5);
    await vi.waitFor(() => expect(percentages()).toEqual(['class 1 33.3 %', 'class 2 33.3 %', 'class 3 33.3 %']));
  });
});
