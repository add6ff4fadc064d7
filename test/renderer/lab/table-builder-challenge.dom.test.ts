/**
 * The builder for many inputs (renderer/lab/table/TableBuilder.svelte) under an open
 * challenge: layer sizes, activations and Add that would break a limit are greyed out, each
 * pointing (aria-describedby) at the sentence that names the limit, shown beside the builder;
 * what stays within the limits is offered, and Add adds a layer that fits.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LabConfig, LayerSpec } from '../../../core/config';
import { builderRules } from '../../../core/challenge';
import type { Challenge } from '../../../core/project';
import { irisConfig } from '../../../core/tabular/presets';
import TableBuilder from '../../../renderer/lab/table/TableBuilder.svelte';

afterEach(cleanup);

function challenge(limits: Partial<Challenge['limits']>): Challenge {
  return {
    note: '',
    goal: { metric: 'testAccuracy', target: 0.9 },
    limits: { lockData: false, lockFeatures: false, ...limits },
    solved: null,
  };
}

function show(config: LabConfig, limits: Partial<Challenge['limits']> | null, onChange: (hidden: LayerSpec[]) => void = () => {}) {
  const rules = builderRules(limits ? challenge(limits) : null, config);
  render(TableBuilder, { hidden: config.network.hidden, dataset: 'iris', config, rules, onChange });
}

/** The text an element's aria-describedby points at, or null. */
function description(element: HTMLElement): string | null {
  const ids = element.getAttribute('aria-describedby');
  if (!ids) return null;
  return ids
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

const options = (name: string) => within(screen.getByRole('combobox', { name })).getAllByRole<HTMLOptionElement>('option');
const option = (name: string, label: string) => options(name).find((o) => o.textContent?.startsWith(label))!;

describe('TableBuilder and a challenge’s limits', () => {
  it('greys out the sizes that would pass the neuron limit, and says which limit', () => {
    // Iris's first network: one tanh layer of 8; at most 10 neurons leaves room for 2 more.
    show(irisConfig(), { maxNeurons: 10 });
    const sizes = screen.getByRole('combobox', { name: 'Neurons in hidden layer 1' });
    expect(option('Neurons in hidden layer 1', '16 neurons').disabled).toBe(true);
    expect(option('Neurons in hidden layer 1', '16 neurons').textContent).toBe('16 neurons (over the challenge’s limit)');
    expect(option('Neurons in hidden layer 1', '32 neurons').disabled).toBe(true);
    expect(option('Neurons in hidden layer 1', '4 neurons').disabled).toBe(false);
    expect(description(sizes)).toBe('This challenge allows at most 10 neurons in all hidden layers together.');
    expect(screen.getByText('This challenge allows at most 10 neurons in all hidden layers together.')).toBeTruthy();
  });

  it('adds a layer that fits the neurons left, with an allowed activation', async () => {
    const onChange = vi.fn();
    show(irisConfig(), { maxNeurons: 10, activations: ['tanh'] }, onChange);
    const add = screen.getByRole('button', { name: 'Add a hidden layer' });
    expect((add as HTMLButtonElement).disabled).toBe(false);
    await fireEvent.click(add);
    expect(onChange).toHaveBeenCalledWith([
      { size: 8, activation: 'tanh' },
      { size: 2, activation: 'tanh' },
    ]);
  });

  it('greys out Add when no layer fits the neurons left, and says which limit', () => {
    show(irisConfig(), { maxNeurons: 9 });
    const add = screen.getByRole('button', { name: 'Add a hidden layer' });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    expect(description(add)).toBe('This challenge allows at most 9 neurons in all hidden layers together.');
    // The engine's work cap is not the reason: no "too big to train" hint.
    expect(screen.queryByText(/Greyed-out choices would make the network too big/)).toBeNull();
  });

  it('greys out Add at the layer limit, and says so', () => {
    show(irisConfig(), { maxLayers: 1 });
    const add = screen.getByRole('button', { name: 'Add a hidden layer' });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    expect(description(add)).toBe('This challenge allows at most 1 hidden layer.');
  });

  it('greys out the activations the challenge does not allow (the layer’s own stays), described by the limit', () => {
    const config = irisConfig([{ size: 8, activation: 'sigmoid' }]);
    show(config, { activations: ['relu', 'tanh'] });
    const select = screen.getByRole('combobox', { name: 'Activation of hidden layer 1' });
    expect(description(select)).toBe('This challenge allows only these activations: ReLU and Tanh.');
    const enabled = options('Activation of hidden layer 1')
      .filter((o) => !o.disabled)
      .map((o) => o.textContent);
    expect(enabled).toEqual(['ReLU', 'Sigmoid', 'Tanh']);
  });

  it('offers everything, with no notes, when no challenge is open', () => {
    show(irisConfig(), null);
    expect(options('Neurons in hidden layer 1').every((o) => !o.disabled)).toBe(true);
    expect(options('Activation of hidden layer 1').every((o) => !o.disabled)).toBe(true);
    expect(screen.getByRole('combobox', { name: 'Neurons in hidden layer 1' }).getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText(/This challenge/)).toBeNull();
  });
});
