/**
 * The two panels TrainerWidget shows beside its plot, each over a TrainerModel whose engine is
 * the real one, served in this thread (TrainerWidget itself starts a Web Worker and is tested in
 * Chromium). The network's weights are loaded into the engine, so the answers are known.
 */
import { render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { networkShape } from '../../../../core/engine';
import CollapsePanel from '../../../../renderer/lessons/widgets/CollapsePanel.svelte';
import ProbeTable from '../../../../renderer/lessons/widgets/ProbeTable.svelte';
import { TrainerModel } from '../../../../renderer/lessons/widgets/trainer.svelte';
import { stubCanvas } from '../../canvas-stub';
import { inProcessEngine } from '../../engine-in-process';
import { lessonStep } from './lesson-steps';

beforeAll(stubCanvas);

const models: TrainerModel[] = [];
afterEach(() => {
  for (const model of models.splice(0)) model.dispose();
});

function trainer(lessonId: string, stepId: string): TrainerModel {
  const model = new TrainerModel(lessonStep(lessonId, stepId, 'trainer').preset, inProcessEngine());
  models.push(model);
  return model;
}

/** Puts `params` into the engine's network, keeping the rest of its state. */
async function load(model: TrainerModel, params: Float64Array): Promise<void> {
  const state = await model.run.requestState();
  const version = model.version;
  model.run.loadState({ ...state, params: Array.from(params) });
  await vi.waitFor(() => expect(model.version).toBeGreaterThan(version));
}

describe('ProbeTable (lesson 7, training XOR)', () => {
  /** Body rows of the corner table as text: x₁, x₂, XOR, output, right?. */
  function rows(): string[][] {
    const table = screen.getByRole('table', { name: "The network's answer at each corner" });
    const [, ...body] = within(table).getAllByRole('row');
    return body.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
  }

  it("shows the engine's output at each corner and whether it is on the right side of one half", async () => {
    const model = trainer('07-xor', 'train');
    render(ProbeTable, { model });
    // Before the engine's first snapshot there is no network to ask.
    expect(rows()).toEqual([
      ['0', '0', '0', '–', '✗ no'],
      ['0', '1', '1', '–', '✗ no'],
      ['1', '0', '1', '–', '✗ no'],
      ['1', '1', '0', '–', '✗ no'],
    ]);
    await vi.waitFor(() => expect(model.params).not.toBeNull());

    // XOR by hand, scaled for the sigmoid output: h = ReLU(x₁ + x₂, x₁ + x₂ − 1),
    // y = σ(10·h₁ − 20·h₂ − 5): σ(−5) = 0.007 at (0, 0) and (1, 1), σ(5) = 0.993 at the others.
    const shape = networkShape(model.config);
    const solved = new Float64Array(shape.paramCount);
    for (const unit of [0, 1]) {
      solved[shape.weightIndex(0, unit, 0)] = 1;
      solved[shape.weightIndex(0, unit, 1)] = 1;
    }
    solved[shape.biasIndex(0, 1)] = -1;
    solved[shape.weightIndex(1, 0, 0)] = 10;
    solved[shape.weightIndex(1, 0, 1)] = -20;
    solved[shape.biasIndex(1, 0)] = -5;
    await load(model, solved);
    await vi.waitFor(() =>
      expect(rows()).toEqual([
        ['0', '0', '0', '0.007', '✓ yes'],
        ['0', '1', '1', '0.993', '✓ yes'],
        ['1', '0', '1', '0.993', '✓ yes'],
        ['1', '1', '0', '0.007', '✓ yes'],
      ]),
    );

    // The output bias alone up to +5: every corner now says 1 (σ(5), σ(15)), so the two XOR-0 corners are wrong.
    solved[shape.biasIndex(1, 0)] = 5;
    await load(model, solved);
    await vi.waitFor(() => expect(rows().map((r) => r[4])).toEqual(['✗ no', '✓ yes', '✓ yes', '✗ no']));
    expect(rows().map((r) => r[3])).toEqual(['0.993', '1.000', '1.000', '0.993']);
  });
});

describe('CollapsePanel (lesson 6, the linear collapse)', () => {
  /** The TeX source of the shown formula, as MathML carries it for screen readers. */
  const formula = () => screen.getByTestId('collapse-formula').querySelector('annotation')?.textContent;

  it('writes out the one affine map three linear layers equal, and says when ReLU breaks it', async () => {
    const model = trainer('06-linear-collapse', 'collapse');
    render(CollapsePanel, { model });
    await vi.waitFor(() =>
      expect(
        screen.getByRole('img', {
          name: 'The single affine map the network equals, drawn over the same plane; the line is its decision boundary',
        }),
      ).toBeTruthy(),
    );

    // One path through the layers: h = x₁ − 1.5·x₂, g = 2·h + 0.5, ŷ = tanh(g).
    const shape = networkShape(model.config);
    const path = new Float64Array(shape.paramCount);
    path[shape.weightIndex(0, 0, 0)] = 1;
    path[shape.weightIndex(0, 0, 1)] = -1.5;
    path[shape.weightIndex(1, 0, 0)] = 2;
    path[shape.biasIndex(1, 0)] = 0.5;
    path[shape.weightIndex(2, 0, 0)] = 1;
    await load(model, path);
    await vi.waitFor(() => expect(formula()).toBe('\\hat y = \\tanh(2.000\\,x_1 - 3.000\\,x_2 + 0.500)'));

    model.setActivation('relu');
    await vi.waitFor(() => expect(screen.getByText('No single map: the collapse is broken.')).toBeTruthy());
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByTestId('collapse-formula')).toBeNull();
  });
});
