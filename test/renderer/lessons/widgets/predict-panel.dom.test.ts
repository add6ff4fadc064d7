/**
 * The "Predict first" panel in both modes: the answer shown on commit, and judged by the run —
 * committing only locks the prediction, and the reveal compares it with what the run measured,
 * in the same words for a number (lessons 10 and 11) and a choice (the race of lesson 14).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PredictPanel from '../../../../renderer/lessons/PredictPanel.svelte';
import { settlePrediction, type ChoicePrediction, type NumberPrediction, type Prediction } from '../../../../renderer/lessons/predict';

afterEach(() => cleanup());

const layers: NumberPrediction = {
  kind: 'number',
  question: 'How many layers?',
  unit: 'layers',
  answer: 3,
  tolerance: 0,
  explanation: 'Each layer keeps at most a quarter.',
};
const byRun: NumberPrediction = { ...layers, judgedByRun: { findOut: 'add one layer at a time and train each.', measure: () => null } };
const race: ChoicePrediction = {
  kind: 'choice',
  question: 'Which network will reach 90 % first?',
  options: ['ReLU', 'Tanh', 'Sigmoid'],
  answers: ['Tanh'],
  explanation: 'Steep around 0.',
  judgedByRun: { findOut: 'press Train and let every racer finish.', measure: () => null },
};

const status = () => screen.getByRole('status').textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function commit(value: string): Promise<void> {
  await fireEvent.input(screen.getByRole('textbox', { name: 'How many layers? (layers)' }), { target: { value } });
  await fireEvent.click(screen.getByRole('button', { name: 'Commit my prediction' }));
}

describe('PredictPanel', () => {
  it('shows the answer and the explanation the moment a prediction is committed (the usual mode)', async () => {
    const onCommit = vi.fn<(p: Prediction) => void>();
    const { rerender } = render(PredictPanel, { spec: layers, prediction: null, onCommit });
    await commit('five');
    expect(onCommit).toHaveBeenCalledWith({ value: 5, correct: false });
    await rerender({ spec: layers, prediction: { value: 5, correct: false }, onCommit });
    expect(status()).toContain('Not this time. You predicted 5 layers; the answer is 3 layers.');
    expect(status()).toContain('Each layer keeps at most a quarter.');
  });

  it('with the answer from the run: committing locks the prediction and says what to run, with no answer and no explanation yet', async () => {
    const onCommit = vi.fn<(p: Prediction) => void>();
    const { rerender } = render(PredictPanel, { spec: byRun, prediction: null, onCommit });
    expect(screen.getByText(/Committing locks your prediction/)).toBeTruthy();
    await commit('5');
    expect(onCommit).toHaveBeenCalledWith({ value: 5, correct: null });
    await rerender({ spec: byRun, prediction: { value: 5, correct: null }, onCommit });
    expect(screen.queryByRole('button', { name: 'Commit my prediction' })).toBeNull();
    expect(status()).toBe('Locked in: you predicted 5 layers. Now find out: add one layer at a time and train each.');
    expect(status()).not.toContain('3');
    expect(status()).not.toContain('quarter');
  });

  it('with the answer from the run: the reveal compares the prediction with what the run measured, and explains', async () => {
    const onCommit = vi.fn<(p: Prediction) => void>();
    const locked: Prediction = { value: 5, correct: null };
    const { rerender } = render(PredictPanel, { spec: byRun, prediction: locked, onCommit });
    await rerender({ spec: byRun, prediction: settlePrediction(byRun, locked, 3), onCommit });
    expect(status()).toContain('Your run says otherwise: you predicted 5 layers; your run measured 3 layers.');
    expect(status()).toContain('Each layer keeps at most a quarter.');
    // A run that measured what was predicted agrees with it, whatever the lesson's own figure.
    await rerender({ spec: byRun, prediction: settlePrediction(byRun, { value: 4, correct: null }, 4), onCommit });
    expect(status()).toContain('Your run agrees with your prediction: it measured 4 layers.');
  });

  it('judges a race the same way: locked on commit with what to do, then the race measures the winner', async () => {
    const onCommit = vi.fn<(p: Prediction) => void>();
    const { rerender } = render(PredictPanel, { spec: race, prediction: null, onCommit });
    await fireEvent.click(screen.getByRole('radio', { name: 'Sigmoid' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Commit my prediction' }));
    expect(onCommit).toHaveBeenCalledWith({ value: 'Sigmoid', correct: null });
    const locked: Prediction = { value: 'Sigmoid', correct: null };
    await rerender({ spec: race, prediction: locked, onCommit });
    expect(status()).toBe('Locked in: you predicted Sigmoid. Now find out: press Train and let every racer finish.');
    await rerender({ spec: race, prediction: settlePrediction(race, locked, ['Tanh']), onCommit });
    expect(status()).toBe('Your run says otherwise: you predicted Sigmoid; your run measured Tanh. Steep around 0.');
    await rerender({ spec: race, prediction: settlePrediction(race, { value: 'Tanh', correct: null }, ['ReLU', 'Tanh']), onCommit });
    expect(status()).toBe('Your run agrees with your prediction: it measured ReLU and Tanh. Steep around 0.');
  });
});
