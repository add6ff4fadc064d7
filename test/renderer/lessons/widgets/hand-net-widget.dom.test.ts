import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import HandNetWidget from '../../../../renderer/lessons/widgets/HandNetWidget.svelte';
import type { HandNetState } from '../../../../renderer/lessons/types';
import { lessonStep, passes } from './lesson-steps';

const step = lessonStep('07-xor', 'by-hand', 'handNet');

/** The corner table's body rows, as text cells: x₁, x₂, h₁, h₂, output y, XOR, match. */
function rows(): string[][] {
  const table = screen.getByRole('table', { name: 'The network on the four corners' });
  const [, ...body] = within(table).getAllByRole('row');
  return body.map((row) =>
    within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent ?? ''),
  );
}

async function type(name: string, value: string): Promise<void> {
  await fireEvent.input(screen.getByRole('spinbutton', { name }), { target: { value } });
}

describe('HandNetWidget (lesson 7)', () => {
  it('recomputes the hidden layer and output on the four corners as weights are typed; the book’s XOR does not pass, one of the learner’s own does', async () => {
    const states: HandNetState[] = [];
    render(HandNetWidget, { preset: step.preset, onState: (s: HandNetState) => states.push(structuredClone(s)) });
    // W = identity, c = 0, w = (1, 1), b = 0: y = x₁ + x₂, wrong only at (1, 1).
    expect(rows()).toEqual([
      ['0', '0', '0.00', '0.00', '0.00', '0', '✓ yes'],
      ['0', '1', '0.00', '1.00', '1.00', '1', '✓ yes'],
      ['1', '0', '1.00', '0.00', '1.00', '1', '✓ yes'],
      ['1', '1', '1.00', '1.00', '2.00', '0', '✗ no'],
    ]);
    expect(passes(step, states.at(-1))).toBe(false);

    // The hint's network: W = [[1, 1], [1, 1]], c = (0, −1), w = (1, −2), b = 0.
    await type('Hidden weight W 1 2', '1');
    await type('Hidden weight W 2 1', '1');
    await type('Hidden bias c 2', '-1');
    await type('Output weight w 2', '-2');
    await vi.waitFor(() =>
      expect(rows()).toEqual([
        ['0', '0', '0.00', '0.00', '0.00', '0', '✓ yes'],
        ['0', '1', '1.00', '0.00', '1.00', '1', '✓ yes'],
        ['1', '0', '1.00', '0.00', '1.00', '1', '✓ yes'],
        ['1', '1', '2.00', '1.00', '0.00', '0', '✓ yes'],
      ]),
    );
    expect(states.at(-1)).toEqual({ W: [1, 1, 1, 1], c: [0, -1], w: [1, -2], b: 0 });
    // The text's own numbers: right on every corner, but copied, so the step asks for another.
    expect(passes(step, states.at(-1))).toBe(false);

    // |x₁ − x₂|: h₁ = ReLU(x₁ − x₂), h₂ = ReLU(x₂ − x₁), y = h₁ + h₂.
    await type('Hidden weight W 1 2', '-1');
    await type('Hidden weight W 2 1', '-1');
    await type('Hidden bias c 2', '0');
    await type('Output weight w 2', '1');
    await vi.waitFor(() =>
      expect(rows()).toEqual([
        ['0', '0', '0.00', '0.00', '0.00', '0', '✓ yes'],
        ['0', '1', '0.00', '1.00', '1.00', '1', '✓ yes'],
        ['1', '0', '1.00', '0.00', '1.00', '1', '✓ yes'],
        ['1', '1', '0.00', '0.00', '0.00', '0', '✓ yes'],
      ]),
    );
    expect(passes(step, states.at(-1))).toBe(true);
  });

  it('shows enough digits on a ✗ row that its output never looks right (2 − 1.999 read "0.00")', async () => {
    render(HandNetWidget, { preset: step.preset, onState: () => undefined });
    await type('Hidden weight W 1 2', '1');
    await type('Hidden weight W 2 1', '1');
    await type('Hidden bias c 2', '-1');
    await type('Output weight w 2', '-1.999');
    await vi.waitFor(() => expect(rows()[3]).toEqual(['1', '1', '2.00', '1.00', '0.001', '0', '✗ no']));
    // Right rows keep two decimals.
    expect(rows()[1]).toEqual(['0', '1', '1.00', '0.00', '1.00', '1', '✓ yes']);
  });

  it('keeps the last number while a box is emptied, and reads each box into its own place in W', async () => {
    const states: HandNetState[] = [];
    render(HandNetWidget, { preset: step.preset, onState: (s: HandNetState) => states.push(structuredClone(s)) });
    await type('Hidden weight W 1 1', '');
    await type('Hidden weight W 1 2', '3');
    await type('Output bias b', '0.5');
    // h₁ = ReLU(x₁ + 3·x₂), h₂ = ReLU(x₂), y = h₁ + h₂ + 0.5: wrong at every corner.
    await vi.waitFor(() =>
      expect(rows()).toEqual([
        ['0', '0', '0.00', '0.00', '0.50', '0', '✗ no'],
        ['0', '1', '3.00', '1.00', '4.50', '1', '✗ no'],
        ['1', '0', '1.00', '0.00', '1.50', '1', '✗ no'],
        ['1', '1', '4.00', '1.00', '5.50', '0', '✗ no'],
      ]),
    );
    expect(states.at(-1)).toEqual({ W: [1, 3, 0, 1], c: [0, 0], w: [1, 1], b: 0.5 });
  });
});
