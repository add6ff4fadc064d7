/**
 * The digits' ten outputs: the sentence says what the bars show (a softmax probability, printed
 * as the bar prints it), so a 99.8 % bar is never called "100 % certainty".
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Probabilities from '../../../renderer/lab/digits/Probabilities.svelte';

afterEach(() => cleanup());

describe('Probabilities', () => {
  it('names the probability of the chosen digit as the bar prints it', () => {
    const probabilities = [0.001, 0.998, 0, 0, 0, 0, 0, 0, 0.001, 0];
    render(Probabilities, { probabilities });
    expect(screen.getByText('The network says 1: the softmax gives 1 a probability of 99.8 %, the longest bar below.')).toBeTruthy();
    expect(screen.queryByText(/100 %|certainty/)).toBeNull();
    expect(screen.getByRole('listitem', { name: 'Digit 1: 99.8 %' })).toBeTruthy();
  });
});
