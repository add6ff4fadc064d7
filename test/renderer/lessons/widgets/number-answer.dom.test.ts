import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { lesson as lesson4 } from '../../../../renderer/lessons/04-sigmoid/lesson';
import { lesson as lesson5 } from '../../../../renderer/lessons/05-tanh-and-friends/lesson';
import type { Prediction } from '../../../../renderer/lessons/predict';
import PredictPanel from '../../../../renderer/lessons/PredictPanel.svelte';

function panel(spec: (typeof lesson4.steps)[number]['predict']) {
  if (spec === undefined) throw new Error('the step asks no prediction');
  const committed: Prediction[] = [];
  render(PredictPanel, { spec, prediction: null, onCommit: (p: Prediction) => committed.push(p) });
  return committed;
}

describe('typing a prediction', () => {
  it('lesson 4 step 1: "50%" for σ(0) = 0.5 is committed as right', async () => {
    const committed = panel(lesson4.steps[0].predict);
    await userEvent.type(screen.getByRole('textbox', { name: 'What is σ(0)?' }), '50%');
    await userEvent.click(screen.getByRole('button', { name: 'Commit my prediction' }));
    expect(committed).toEqual([{ value: 0.5, correct: true }]);
  });

  it('lesson 5 step 3: "π" is read, and text that is no number says what to type instead of leaving the button silently disabled', async () => {
    const committed = panel(lesson5.steps[2].predict);
    const box = screen.getByRole('textbox', { name: /At which x between 1 and 5/ });
    await userEvent.type(box, 'three-ish');
    expect(screen.getByRole('button', { name: 'Commit my prediction' })).toHaveProperty('disabled', true);
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const help = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toMatch(/cannot read that as a number\. Type a number, such as .*π/);
    await userEvent.clear(box);
    await userEvent.type(box, 'π');
    expect(box.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByText(/cannot read that as a number/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Commit my prediction' }));
    expect(committed).toEqual([{ value: Math.PI, correct: true }]);
  });
});
