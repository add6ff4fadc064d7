import { fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import ProbeWidget from '../../../../renderer/lessons/widgets/ProbeWidget.svelte';
import type { ProbeState } from '../../../../renderer/lessons/types';
import { stubCanvas } from '../../canvas-stub';
import { stubSelectChecked } from '../../select-stub';
import { lessonStep, passes } from './lesson-steps';

beforeAll(() => {
  stubCanvas();
  stubSelectChecked();
});

/** The live read-out under the sliders, e.g. "output 0.50" or "output 0.99331 · slope 0.00665". */
const readout = () =>
  screen
    .getByText(/^\s*output/)
    .textContent?.replace(/\s+/g, ' ')
    .trim();

function record() {
  const states: ProbeState[] = [];
  return { states, onState: (s: ProbeState) => states.push({ ...s }) };
}

describe('ProbeWidget', () => {
  it('lesson 3: hides the output until the prediction is committed, then reads ReLU where the probe is', async () => {
    const step = lessonStep('03-relu', 'negative', 'probe');
    const { states, onState } = record();
    const { rerender } = render(ProbeWidget, { preset: step.preset, onState, revealed: false });
    expect(readout()).toBe('output hidden until you commit your prediction');
    // One curve, one activation, no question box: no menu, no weight sliders, nothing to type.
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('slider', { name: 'weight w' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();

    await fireEvent.input(screen.getByRole('slider', { name: 'probe x' }), { target: { value: '-3' } });
    await vi.waitFor(() => expect(states.at(-1)?.x).toBe(-3));
    expect(readout()).toBe('output hidden until you commit your prediction');
    await rerender({ preset: step.preset, onState, revealed: true });
    await vi.waitFor(() => expect(readout()).toBe('output 0.00'));
    expect(screen.getByRole('img', { name: 'Plot of ReLU, with the probe at x = -3.0' })).toBeTruthy();
    expect(passes(step, states.at(-1))).toBe(true);
  });

  it('lesson 3: the bias slider moves where ReLU starts firing', async () => {
    const step = lessonStep('03-relu', 'threshold', 'probe');
    const { states, onState } = record();
    render(ProbeWidget, { preset: step.preset, onState });
    expect(readout()).toBe('output 3.00');
    await fireEvent.input(screen.getByRole('slider', { name: 'bias b' }), { target: { value: '-2' } });
    // ReLU(1·3 − 2) = 1, and the neuron now starts firing at x = 2.
    await vi.waitFor(() => expect(readout()).toBe('output 1.00'));
    expect(passes(step, states.at(-1))).toBe(true);
    await fireEvent.input(screen.getByRole('slider', { name: 'weight w' }), { target: { value: '2' } });
    await vi.waitFor(() => expect(readout()).toBe('output 4.00'));
    expect(passes(step, states.at(-1))).toBe(false);
  });

  it('lesson 4: shows the sigmoid and its slope to five decimals, flat far to the right', async () => {
    const step = lessonStep('04-sigmoid', 'flat', 'probe');
    const { states, onState } = record();
    render(ProbeWidget, { preset: step.preset, onState });
    expect(readout()).toBe('output 0.50000 · slope 0.25000');
    expect(screen.getByRole('img', { name: 'Plot of Sigmoid (solid) and its slope (dashed), with the probe at x = 0.0' })).toBeTruthy();
    await fireEvent.input(screen.getByRole('slider', { name: 'probe x' }), { target: { value: '5' } });
    // σ(5) = 0.993307, σ′(5) = σ(1 − σ) = 0.006648.
    await vi.waitFor(() => expect(readout()).toBe('output 0.99331 · slope 0.00665'));
    expect(passes(step, states.at(-1))).toBe(true);
  });

  it('lesson 5: before the prediction the picked function’s description and read-out stay hidden', () => {
    const step = lessonStep('05-tanh-and-friends', 'leaky', 'probe');
    render(ProbeWidget, { preset: step.preset, onState: () => undefined, revealed: false });
    expect(readout()).toBe('output and slope hidden until you commit your prediction');
    expect(document.querySelector('p.description')).toBeNull();
  });

  it('lesson 5: the activation menu swaps the curve, its description and the read-out', async () => {
    const step = lessonStep('05-tanh-and-friends', 'tanh', 'probe');
    const { states, onState } = record();
    render(ProbeWidget, { preset: step.preset, onState });
    const menu = screen.getByRole('combobox', { name: 'Activation function' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'ReLU',
      'Tanh',
      'Leaky ReLU',
      'Softplus',
      'ELU',
      'GELU',
      'Sine',
      'Cosine',
    ]);
    // The probe starts on the right, where picking a function alone passes neither step 1 nor step 2.
    expect(readout()).toBe('output 2.00000 · slope 1.00000');
    const before = screen.getByText(/./, { selector: 'p.description' }).textContent;

    await userEvent.setup().selectOptions(menu, 'Tanh');
    await vi.waitFor(() => expect(readout()).toBe('output 0.96403 · slope 0.07065'));
    expect(screen.getByRole('img', { name: /^Plot of Tanh/ })).toBeTruthy();
    expect(screen.getByText(/./, { selector: 'p.description' }).textContent).not.toBe(before);
    expect(states.at(-1)?.activation).toBe('tanh');
    expect(passes(step, states.at(-1))).toBe(false);
    await fireEvent.input(screen.getByRole('slider', { name: 'probe x' }), { target: { value: '-2' } });
    // tanh(−2) = −0.964028, slope 1 − tanh² = 0.070651.
    await vi.waitFor(() => expect(readout()).toBe('output -0.96403 · slope 0.07065'));
    expect(passes(step, states.at(-1))).toBe(true);
  });

  it('lesson 5 step 2: where the slope is too small to see, a magnified inset shows Leaky ReLU’s 0.01 apart from ReLU’s 0', async () => {
    const step = lessonStep('05-tanh-and-friends', 'leaky', 'probe');
    render(ProbeWidget, { preset: step.preset, onState: () => undefined });
    const inset = () => screen.queryByText(/^\s*The box at the top left magnifies the slope/);
    expect(inset()).toBeNull();
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Activation function' }), 'Leaky ReLU');
    await fireEvent.input(screen.getByRole('slider', { name: 'probe x' }), { target: { value: '-2' } });
    await vi.waitFor(() => expect(inset()?.textContent?.replace(/\s+/g, ' ')).toContain('here it is 0.01000, a little above the axis'));
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Activation function' }), 'ReLU');
    await vi.waitFor(() => expect(inset()?.textContent?.replace(/\s+/g, ' ')).toContain('here it is 0.00000, flat on the axis'));
  });

  it('lesson 3 step 1: before the prediction the plot draws ReLU for x ≥ 0 only, then all of it', async () => {
    const step = lessonStep('03-relu', 'negative', 'probe');
    const { rerender } = render(ProbeWidget, { preset: step.preset, onState: () => undefined, revealed: false });
    await fireEvent.input(screen.getByRole('slider', { name: 'probe x' }), { target: { value: '-3' } });
    expect(
      screen.getByRole('img', {
        name: 'Plot of ReLU for x ≥ 0 only (the negative side appears once you commit your prediction), with the probe at x = -3.0',
      }),
    ).toBeTruthy();
    await rerender({ preset: step.preset, onState: () => undefined, revealed: true });
    expect(screen.getByRole('img', { name: 'Plot of ReLU, with the probe at x = -3.0' })).toBeTruthy();
  });

  it('lesson 5 steps 1 and 3: before the prediction no curve is drawn (tanh’s range, the sine’s zero), then it is', async () => {
    for (const id of ['tanh', 'periodic']) {
      const step = lessonStep('05-tanh-and-friends', id, 'probe');
      const { rerender, unmount } = render(ProbeWidget, { preset: step.preset, onState: () => undefined, revealed: false });
      await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Activation function' }), id === 'tanh' ? 'Tanh' : 'Sine');
      const name = id === 'tanh' ? 'Tanh' : 'Sine';
      await vi.waitFor(() =>
        expect(
          screen.getByRole('img', {
            name: new RegExp(`^Plot of ${name} \\(solid\\) and its slope \\(dashed\\), the curves hidden until you commit`),
          }),
        ).toBeTruthy(),
      );
      await rerender({ preset: step.preset, onState: () => undefined, revealed: true });
      expect(
        screen.getByRole('img', { name: new RegExp(`^Plot of ${name} \\(solid\\) and its slope \\(dashed\\), with the probe`) }),
      ).toBeTruthy();
      unmount();
    }
  });

  it('lesson 5 step 2: before the prediction the magnified inset is there to study, without its numbers', async () => {
    const step = lessonStep('05-tanh-and-friends', 'leaky', 'probe');
    render(ProbeWidget, { preset: step.preset, onState: () => undefined, revealed: false });
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Activation function' }), 'Leaky ReLU');
    const inset = screen.getByText(/^\s*The box at the top left magnifies the slope near 0/);
    expect(inset.textContent).not.toMatch(/\d\.\d/);
    // The curves themselves are drawn: studying them is what the step asks before committing.
    expect(screen.getByRole('img', { name: 'Plot of Leaky ReLU (solid) and its slope (dashed), with the probe at x = 2.0' })).toBeTruthy();
  });

  it('lessons 3 and 4: the first steps show only what they introduce (no w and b, no slope before step 3)', () => {
    const middle = lessonStep('04-sigmoid', 'middle', 'probe');
    render(ProbeWidget, { preset: middle.preset, onState: () => undefined });
    expect(readout()).toBe('output 0.02');
    expect(screen.getByRole('img', { name: 'Plot of Sigmoid, with the probe at x = -4.0' })).toBeTruthy();
    expect(screen.queryByText('its slope')).toBeNull();
    const state: ProbeState = { activation: 'sigmoid', w: 1, b: 0, x: 0, answer: null };
    for (const id of ['middle', 'mirror']) expect(lessonStep('04-sigmoid', id, 'probe').formula?.(state)).not.toContain("\\sigma'");
    expect(lessonStep('04-sigmoid', 'flat', 'probe').formula?.(state)).toContain("\\sigma'");
    expect(lessonStep('04-sigmoid', 'flat', 'probe').preset.showDerivative).toBe(true);
    const negative = lessonStep('03-relu', 'negative', 'probe').formula?.({ ...state, activation: 'relu', x: -3 });
    expect(negative).toBe('y = \\max(0,\\ x) = \\max(0,\\ (-3.0)) = 0.00');
    expect(lessonStep('03-relu', 'threshold', 'probe').formula?.({ ...state, activation: 'relu', x: -3 })).toContain('w x + b');
  });
});
