import { describe, expect, it } from 'vitest';
import type { GridOutputs } from '../../../core/engine/grid';
import { heatSource, hoveredLabel, movedCursor } from '../../../renderer/lab/output-plot';
import { DOMAIN } from '../../../renderer/lab/points';

const cells = (v: number) => Float32Array.of(v, v, v, v);
/** Two inputs, a hidden layer of two neurons, and the given output layer. */
const grid = (outputs: Float32Array[]): GridOutputs => ({ features: [cells(1), cells(2)], layers: [[cells(3), cells(4)], outputs] });

describe('heatSource', () => {
  it('shows one output over its activation’s range, in steps only for classes', () => {
    const g = grid([cells(5)]);
    expect(heatSource(g, null, ['relu', 'tanh'], true, false)).toEqual({
      kind: 'values',
      values: cells(5),
      min: -1,
      max: 1,
      discretize: true,
    });
    expect(heatSource(g, null, ['relu', 'sigmoid'], true, true)).toEqual({
      kind: 'values',
      values: cells(5),
      min: 0,
      max: 1,
      discretize: false,
    });
  });

  it('shows class colours when the output has several neurons', () => {
    const g = grid([cells(5), cells(6), cells(7)]);
    expect(heatSource(g, null, ['relu', 'softmax'], false, false)).toEqual({ kind: 'classes', outputs: g.layers[1], discretize: false });
  });

  it('shows the hovered input over the data’s domain, never in steps', () => {
    const source = heatSource(grid([cells(5)]), { layer: -1, neuron: 1 }, ['relu', 'tanh'], true, false);
    expect(source).toEqual({ kind: 'values', values: cells(2), min: -DOMAIN, max: DOMAIN, discretize: false });
  });

  it('shows the hovered neuron over what its activation can output', () => {
    const source = heatSource(grid([cells(5)]), { layer: 0, neuron: 1 }, ['sigmoid', 'tanh'], true, false);
    expect(source).toEqual({ kind: 'values', values: cells(4), min: 0, max: 1, discretize: true });
  });

  it('falls back to the output when the hovered neuron or input is not in the grid', () => {
    const g = grid([cells(5)]);
    const output = heatSource(g, null, ['relu', 'tanh'], false, false);
    expect(heatSource(g, { layer: 0, neuron: 7 }, ['relu', 'tanh'], false, false)).toEqual(output);
    expect(heatSource(g, { layer: -1, neuron: 5 }, ['relu', 'tanh'], false, false)).toEqual(output);
  });
});

describe('hoveredLabel', () => {
  it('names the input, hidden neuron or output shown, and nothing when none is', () => {
    expect(hoveredLabel(null, 3)).toBeNull();
    expect(hoveredLabel({ layer: -1, neuron: 0 }, 3)).toBe('Showing input 1');
    expect(hoveredLabel({ layer: 1, neuron: 2 }, 3)).toBe('Showing layer 2, neuron 3');
    expect(hoveredLabel({ layer: 2, neuron: 0 }, 3)).toBe('Showing output 1');
  });
});

describe('movedCursor', () => {
  it('moves a quarter unit per arrow key, a whole one with Shift', () => {
    expect(movedCursor({ x1: 0, x2: 0 }, 'ArrowRight', false)).toEqual({ x1: 0.25, x2: 0 });
    expect(movedCursor({ x1: 0, x2: 0 }, 'ArrowDown', true)).toEqual({ x1: 0, x2: -1 });
    expect(movedCursor({ x1: 1, x2: 1 }, 'ArrowLeft', true)).toEqual({ x1: 0, x2: 1 });
    expect(movedCursor({ x1: 1, x2: 1 }, 'ArrowUp', false)).toEqual({ x1: 1, x2: 1.25 });
  });

  it('stops at the edge of the data’s domain and ignores other keys', () => {
    expect(movedCursor({ x1: DOMAIN - 0.5, x2: -DOMAIN }, 'ArrowRight', true)).toEqual({ x1: DOMAIN, x2: -DOMAIN });
    expect(movedCursor({ x1: 0, x2: -DOMAIN }, 'ArrowDown', false)).toEqual({ x1: 0, x2: -DOMAIN });
    expect(movedCursor({ x1: 0, x2: 0 }, 'Enter', false)).toBeNull();
  });
});
