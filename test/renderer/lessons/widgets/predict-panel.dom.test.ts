/**
 * The "Predict first" panel in both modes: the answer shown on commit, and "the answer comes from
 * your run" — committing only locks the prediction, and the reveal compares it with the run.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PredictPanel from '../../../../renderer/lessons/PredictPanel.svelte';
import { settlePrediction, type NumberPrediction, type Prediction } from '../../../../renderer/lessons/predict';

afterEach(() => cleanup());

const layers: NumberPrediction = {
  kind: 'number',
  question: 'How many layers?',
  unit: 'layers',
  answer: 3,
  tolerance: 0,
  explanation: 'Each layer keeps at most a quarter.',
};
const fromRun: NumberPrediction = { ...layers, fromRun: 'add one layer at a time and train each.' };

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
    const { rerender } = render(PredictPanel, { spec: fromRun, prediction: null, onCommit });
    expect(screen.getByText(/Committing locks your prediction/)).toBeTruthy();
    await commit('5');
    expect(onCommit).toHaveBeenCalledWith({ value: 5, correct: null });
    await rerender({ spec: fromRun, prediction: { value: 5, correct: null }, onCommit });
    expect(screen.queryByRole('button', { name: 'Commit my prediction' })).toBeNull();
    expect(status()).toBe('Locked in: you predicted 5 layers. Now find out: add one layer at a time and train each.');
    expect(status()).not.toContain('3');
    expect(status()).not.toContain('quarter');
  });

  it('with the answer from the run: the reveal compares the prediction with what the run measured, and explains', async () => {
    const onCommit = vi.fn<(p: Prediction) => void>();
    const locked: Prediction = { value: 5, correct: null };
    const { rerender } = render(PredictPanel, { spec: fromRun, prediction: locked, onCommit });
    await rerender({ spec: fromRun, prediction: settlePrediction(fromRun, locked, 3), onCommit });
    expect(status()).toContain('Your run says otherwise: you predicted 5 layers; your run measured 3 layers.');
    expect(status()).toContain('Each layer keeps at most a quarter.');
    // A run that measured what was predicted agrees with it, whatever the lesson's own figure.
    await rerender({ spec: fromRun, prediction: settlePrediction(fromRun, { value: 4, correct: null }, 4), onCommit });
    expect(status()).toContain('Your run agrees with your prediction: it measured 4 layers.');
  });
});
