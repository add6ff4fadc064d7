/**
 * Lesson 13's output-and-loss widget reads out tiny pushes as numbers, never a signed zero: at
 * z = 8 a tanh output's push towards the target 3 is about −9e-7, which four places would show as "−0.0000".
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import OutputLossWidget from '../../../../renderer/lessons/13-output-meets-loss/OutputLossWidget.svelte';
import { stubCanvas } from '../../canvas-stub';
import { lessonStep } from './lesson-steps';

beforeAll(stubCanvas);
afterEach(() => cleanup());

describe('lesson 13 step 4: the push read-out', () => {
  it('shows a tiny push in scientific notation, not −0.0000', async () => {
    const step = lessonStep('13-output-meets-loss', 'reach-three', 'outputLoss');
    render(OutputLossWidget, { preset: step.preset, onState: () => undefined, revealed: true });
    await fireEvent.input(screen.getByRole('slider', { name: 'sum z' }), { target: { value: '8' } });
    const push = screen.getByTestId('push-value').textContent ?? '';
    expect(push).not.toBe('−0.0000');
    expect(push).toMatch(/^−\d\.\de-7$/);
    expect(screen.getByTestId('loss-value').textContent).toBe('2.0000');
  });
});
