/**
 * The One example views over the real engine (served in this thread): the lesson widget's
 * button goes forward, backward and applies the update; the tables show the engine's numbers
 * as the figures module writes them; the neuron is picked by the select or on the diagram;
 * and the Lab's button sits in the transport bar beside Step.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { networkShape } from '../../../core/engine';
import { configWith } from '../../core/engine/helpers';
import { num } from '../../../renderer/lab/example-figures';
import type { OneExampleState } from '../../../renderer/lessons/types';
import OneExampleWidget from '../../../renderer/lessons/widgets/OneExampleWidget.svelte';
import Transport from '../../../renderer/lab/Transport.svelte';
import { stubCanvas } from '../canvas-stub';
import { inProcessEngine } from '../engine-in-process';

beforeAll(stubCanvas);

const config = configWith({
  dataset: 'xor',
  size: 40,
  hidden: [[3, 'relu']],
  training: { learningRate: 0.1 },
});

/** Body rows of a table as the text of their cells (row header first). */
function rows(name: string): string[][] {
  const table = screen.getByRole('table', { name });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children, (cell) => cell.textContent ?? ''));
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('OneExampleWidget', () => {
  it('goes forward, backward and applies the update, showing the engine’s numbers', async () => {
    const states: OneExampleState[] = [];
    const { unmount } = render(OneExampleWidget, {
      preset: { config, picked: null },
      onState: (state: OneExampleState) => states.push(state),
      engine: inProcessEngine(),
    });
    cleanups.push(unmount);
    expect(screen.getByText(/Press One example to follow a single training example/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'One example' }));
    const backward = await screen.findByRole('button', { name: 'Backward' });
    expect(states.at(-1)).toMatchObject({ phase: 'forward', updates: 0 });
    const loss = states.at(-1)!.loss!;
    expect(screen.getByLabelText('Loss').textContent).toBe(num(loss));

    // Forward: a row per neuron with z and a; no δ yet.
    const forward = rows('Neurons for this example');
    expect(forward.map((r) => r[0])).toEqual(['layer 1, neuron 1', 'layer 1, neuron 2', 'layer 1, neuron 3', 'the output']);
    expect(forward[0]).toHaveLength(3);
    for (const [, z, a] of forward.slice(0, 3)) expect(a).toBe(num(Math.max(0, Number(z.replace(/−/g, '-')))));
    expect(screen.queryByRole('table', { name: 'Gradients of the links' })).toBeNull();
    expect(screen.getByRole('list', { name: /Formula of layer 1, neuron 1/ }).textContent).toContain('a = ReLU(z)');

    // The neuron for the formula: by the select, or by its button on the diagram.
    await fireEvent.change(screen.getByLabelText('Formula of'), { target: { value: '1:0' } });
    expect(screen.getByRole('list', { name: /Formula of the output/ }).textContent).toContain('L = ½·Σ (a − y)²');
    await fireEvent.click(screen.getByRole('button', { name: 'Layer 1, neuron 2: show its formula' }));
    expect(screen.getByRole('button', { name: 'Layer 1, neuron 2: show its formula' }).getAttribute('aria-pressed')).toBe('true');
    expect((screen.getByLabelText('Formula of') as HTMLSelectElement).value).toBe('0:1');
    expect(states.at(-1)!.picked).toEqual({ layer: 0, neuron: 1 });

    // Backward: δ for each neuron, gradients of the links, the slope in the hidden neuron's formula.
    await fireEvent.click(backward);
    expect(rows('Neurons for this example')[0]).toHaveLength(4);
    expect(screen.getByRole('list', { name: /Formula of layer 1, neuron 2/ }).textContent).toContain('δ = f′(z)·Σₖ wₖ·δₖ');
    expect(screen.getByText(/multiplies the sum by the slope f′\(z\)/)).toBeTruthy();
    const paramCount = networkShape(config).paramCount;
    expect(rows('Gradients of the links')).toHaveLength(8);
    const more = screen.getByRole('button', { name: `Show all ${paramCount} weights and biases` });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(more);
    expect(rows('Gradients of the links')).toHaveLength(paramCount);
    expect(screen.getByRole('button', { name: 'Show the 8 largest only' }).getAttribute('aria-expanded')).toBe('true');

    // Apply update: trains on that example; old → new for the links that moved most.
    await fireEvent.click(screen.getByRole('button', { name: 'Apply update' }));
    await screen.findByRole('table', { name: 'Links the update moved most' });
    expect(states.at(-1)).toMatchObject({ phase: 'updated', updates: 1 });
    const changes = rows('Links the update moved most');
    expect(changes).toHaveLength(5);
    for (const [rank, , before, gradient, after] of changes) {
      expect(Number(rank)).toBeGreaterThan(0);
      const value = (text: string) => Number(text.replace(/−/g, '-'));
      // Plain SGD at rate 0.1: new = old − 0.1 × gradient, up to the shown digits.
      expect(Math.abs(value(after) - (value(before) - 0.1 * value(gradient)))).toBeLessThan(2e-4);
    }
    expect(screen.getByText(/Press One example for the next training example/)).toBeTruthy();

    // And the next example.
    await fireEvent.click(screen.getByRole('button', { name: 'One example' }));
    await screen.findByText(/^Training example 2:/);
  });
});

describe('The Lab’s transport', () => {
  it('has the One example button beside Step and One batch, whose name follows the phase', async () => {
    const { Lab } = await import('../../../renderer/app/lab.svelte');
    const lab = new Lab(inProcessEngine());
    cleanups.push(() => lab.dispose());
    await lab.configure(structuredClone(config));
    await vi.waitFor(() => expect(lab.snapshot).not.toBeNull());
    const { unmount } = render(Transport, { lab });
    cleanups.push(unmount);
    const names = within(screen.getByRole('toolbar', { name: 'Training controls' }))
      .getAllByRole('button')
      .map((b) => b.textContent?.trim());
    expect(names.slice(0, 4)).toEqual(['Play', 'Step', 'One batch', 'One example']);
    lab.markSaved();
    await fireEvent.click(screen.getByRole('button', { name: 'One example' }));
    await screen.findByRole('button', { name: 'Backward' });
    await fireEvent.click(screen.getByRole('button', { name: 'Backward' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Apply update' }));
    // While the engine trains, the button keeps its name (and waits).
    expect((screen.getByRole('button', { name: 'Apply update' }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByRole('button', { name: 'One example' });
    // The update trained the network: the project has changed.
    expect(lab.dirty).toBe(true);
    expect(lab.example.updates).toBe(1);
  });

  it('keeps the picked neuron in the view a project saves, and follows a view put back', async () => {
    const { Lab } = await import('../../../renderer/app/lab.svelte');
    const lab = new Lab(inProcessEngine());
    cleanups.push(() => lab.dispose());
    expect(lab.example.picked).toBeNull();
    expect('exampleNeuron' in lab.view).toBe(false);
    lab.example.pick({ layer: 1, neuron: 0 });
    expect(plainCopy(lab.view).exampleNeuron).toEqual({ layer: 1, neuron: 0 });
    Object.assign(lab.view, { exampleNeuron: { layer: 0, neuron: 2 } });
    expect(lab.example.picked).toEqual({ layer: 0, neuron: 2 });
    lab.example.pick(null);
    expect('exampleNeuron' in lab.view).toBe(false);
  });
});

/** The view as a project would save it (a plain copy). */
function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
