/**
 * The Lab's builder for many inputs (renderer/lab/table/TableBuilder.svelte) offers only
 * networks the engine accepts: every layer size and the Add button are greyed out exactly
 * when the engine's own check (core/engine/validate.ts → core/engine/work.ts) would refuse
 * the network as too much work, and the builder says why in plain words.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LabConfig, LayerSpec } from '../../../core/config';
import { checkConfig } from '../../../core/engine/validate';
import { digitsTable } from '../../../core/tabular/digits';
import { digitsConfig } from '../../../core/tabular/presets';
import { registerTable } from '../../../core/tabular/table';
import TableBuilder from '../../../renderer/lab/table/TableBuilder.svelte';
import { digitSlice } from '../../core/tabular/slice';

const relu = (sizes: number[]): LayerSpec[] => sizes.map((size) => ({ size, activation: 'relu' }));

beforeAll(() => {
  // 10,000 real digit images, as the Lab loads them: 1,000 read ones repeated ten times.
  const slice = digitSlice(100);
  const pixels = new Uint8Array(slice.pixels.length * 10);
  const labels = new Uint8Array(slice.labels.length * 10);
  for (let k = 0; k < 10; k++) {
    pixels.set(slice.pixels, k * slice.pixels.length);
    labels.set(slice.labels, k * slice.labels.length);
  }
  registerTable(digitsTable({ count: slice.count * 10, labels, pixels }));
});

function withHidden(config: LabConfig, hidden: LayerSpec[]): LabConfig {
  return { ...config, network: { ...config.network, hidden } };
}

function sizeOptions(layer: number): HTMLOptionElement[] {
  return within(screen.getByRole('combobox', { name: `Neurons in hidden layer ${layer}` })).getAllByRole('option');
}

/** For each layer, each size offered: greyed out in the builder, and refused by the engine. */
function compare(config: LabConfig): { greyed: boolean; refused: boolean }[] {
  const hidden = config.network.hidden;
  return hidden.flatMap((layer, index) =>
    sizeOptions(index + 1)
      .filter((option) => Number(option.value) !== layer.size)
      .map((option) => ({
        greyed: option.disabled,
        refused:
          checkConfig(
            withHidden(
              config,
              hidden.map((l, i) => (i === index ? { ...l, size: Number(option.value) } : l)),
            ),
          ) !== null,
      })),
  );
}

describe('TableBuilder and the engine work cap', () => {
  it('greys out exactly the layer sizes the engine would refuse, and says why', () => {
    const config = digitsConfig(relu([256, 8]));
    expect(checkConfig(config)).toBeNull();
    render(TableBuilder, { hidden: config.network.hidden, dataset: 'digits', config, onChange: () => {} });
    const pairs = compare(config);
    expect(pairs.some((p) => p.refused)).toBe(true);
    for (const pair of pairs) expect(pair.greyed).toBe(pair.refused);
    // 784 → 256 → 256 → 10 on 10,000 digits is about a billion multiplications: not offered.
    const wide = sizeOptions(2).find((option) => option.value === '256')!;
    expect(wide.disabled).toBe(true);
    expect(wide.textContent).toBe('256 neurons (too big to train)');
    expect(sizeOptions(2).find((option) => option.value === '16')!.disabled).toBe(false);
    expect(
      screen.getByText(
        'Greyed-out choices would make the network too big to train here: one pass over the 10,000 examples would need more than 500 million multiplications, and the Lab stays below that so that training and every button stay responsive. To use them, make another hidden layer narrower, or train on fewer examples.',
      ),
    ).toBeTruthy();
  });

  it('offers every choice when fewer examples make room, and adds a layer the engine accepts', async () => {
    const config = digitsConfig(relu([256, 8]));
    config.data.size = 1000;
    const onChange = vi.fn();
    render(TableBuilder, { hidden: config.network.hidden, dataset: 'digits', config, onChange });
    for (const pair of compare(config)) expect(pair).toEqual({ greyed: false, refused: false });
    expect(screen.queryByText(/Greyed-out choices/)).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Add a hidden layer' }));
    const added = onChange.mock.calls[0][0] as LayerSpec[];
    expect(added).toHaveLength(3);
    expect(checkConfig(withHidden(config, added))).toBeNull();
  });

  it('a network already over the cap (say, from a file) gets the engine sentence and no way to grow', () => {
    const config = digitsConfig(relu([256, 256]));
    const refusal = checkConfig(config);
    expect(refusal).toMatch(/^This network is too big to train here/);
    render(TableBuilder, { hidden: config.network.hidden, dataset: 'digits', config, onChange: () => {} });
    expect(screen.getByText(refusal!)).toBeTruthy();
    const add = screen.getByRole('button', { name: 'Add a hidden layer (too big to train)' });
    expect((add as HTMLButtonElement).disabled).toBe(true);
    // Narrowing a layer is still offered where it fits.
    expect(sizeOptions(2).find((option) => option.value === '8')!.disabled).toBe(false);
  });

  it('without the configuration (or before the images load) nothing is greyed out: the engine checks then', () => {
    render(TableBuilder, { hidden: relu([256, 256]), dataset: 'digits', onChange: () => {} });
    expect(sizeOptions(1).every((option) => !option.disabled)).toBe(true);
    expect(screen.getByRole('button', { name: 'Add a hidden layer' })).toBeTruthy();
  });
});
