import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTIVATIONS, presetKnots } from '../../../../core/engine';
import ExplorerWidget from '../../../../renderer/lessons/widgets/ExplorerWidget.svelte';
import type { ExplorerPreset, ExplorerState } from '../../../../renderer/lessons/types';
import { stubCanvas } from '../../canvas-stub';

beforeAll(stubCanvas);

function setup(preset: ExplorerPreset) {
  const states: ExplorerState[] = [];
  render(ExplorerWidget, { preset, onState: (s: ExplorerState) => states.push({ ...s }) });
  return states;
}

const readout = () => screen.getByRole('status').textContent?.trim();
const saturated = () => screen.getByRole('note', { name: 'Flat and saturated regions' }).textContent?.trim();

async function press(key: string, times = 1): Promise<void> {
  const slider = screen.getByRole('slider');
  for (let i = 0; i < times; i++) await fireEvent.keyDown(slider, { key });
}

describe('ExplorerWidget', () => {
  it('reads sigmoid at the cursor, moved by arrow keys to exactly 0, and reports it', async () => {
    const states = setup({ initial: 'sigmoid', choices: ['sigmoid', 'relu', 'tanh'], x: 1 });
    expect(readout()).toBe('x = 1.00: f(x) = 0.7311, f′(x) = 0.1966');
    await press('ArrowLeft', 10);
    await vi.waitFor(() => expect(readout()).toBe('x = 0.00: f(x) = 0.5000, f′(x) = 0.2500'));
    expect(screen.getByRole('slider', { name: 'Read-out cursor on Sigmoid' }).getAttribute('aria-valuenow')).toBe('0');
    expect(states.at(-1)).toEqual({ activation: 'sigmoid', x: 0, f: 0.5, df: 0.25 });
    // Page keys step by 1, Home and End go to the ends; the cursor stays within ±6.
    await press('PageDown', 2);
    await vi.waitFor(() => expect(states.at(-1)?.x).toBe(-2));
    expect(states.at(-1)?.df).toBeCloseTo(ACTIVATIONS.sigmoid.df(-2, ACTIVATIONS.sigmoid.f(-2)), 15);
    await press('End');
    await press('ArrowRight');
    await vi.waitFor(() => expect(states.at(-1)?.x).toBe(6));
    await press('Home');
    await vi.waitFor(() => expect(readout()).toMatch(/^x = −6\.00: f\(x\) = 0\.0025, f′\(x\) = 0\.0025$/));
  });

  it("lists the saturated stretches of sigmoid and tanh (both tails), and ReLU's negative side as flat, not saturated", async () => {
    setup({ initial: 'sigmoid', choices: ['sigmoid', 'relu', 'tanh'], x: 0 });
    // σ′(x) = 0.01 at |x| ≈ 4.585; tanh′(x) = 0.01 at |x| ≈ 2.993.
    expect(saturated()).toBe('Saturated (|f′| < 0.01, levelling off) for x from −6.00 to −4.58 and from 4.58 to 6.00.');
    await fireEvent.change(screen.getByRole('combobox', { name: 'Activation to explore' }), { target: { value: 'relu' } });
    await vi.waitFor(() => expect(saturated()).toBe('Flat (f′ = 0, no slope at all) for x from −6.00 to 0.00.'));
    expect(screen.getByRole('slider', { name: 'Read-out cursor on ReLU' })).toBeTruthy();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Activation to explore' }), { target: { value: 'tanh' } });
    await vi.waitFor(() =>
      expect(saturated()).toBe('Saturated (|f′| < 0.01, levelling off) for x from −6.00 to −2.99 and from 2.99 to 6.00.'),
    );
  });

  it('shows a drawing the step gives, with one activation and no menu', () => {
    const states = setup({ initial: 'drawn', choices: ['drawn'], x: -2, knots: presetKnots('absolute') });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(readout()).toBe('x = −2.00: f(x) = 2.0000, f′(x) = −1.0000');
    expect(saturated()).toMatch(/^Not saturated or flat anywhere/);
    expect(states.at(-1)).toEqual({ activation: 'drawn', x: -2, f: 2, df: -1 });
  });
});

describe('WidgetHost', () => {
  it('places the explorer and the drawing in a lesson step by their kinds', async () => {
    const { default: WidgetHost } = await import('../../../../renderer/lessons/WidgetHost.svelte');
    const common = { id: 'x', title: 'x', check: null, hint: '', formula: null, toLab: null };
    const states: unknown[] = [];
    const explorer = render(WidgetHost, {
      step: { ...common, widget: 'explorer', preset: { initial: 'tanh', choices: ['tanh'], x: 0 } },
      onState: (s: unknown) => states.push(s),
    });
    expect(screen.getByRole('heading', { name: 'Activation explorer' })).toBeTruthy();
    expect(readout()).toBe('x = 0.00: f(x) = 0.0000, f′(x) = 1.0000');
    explorer.unmount();
    render(WidgetHost, {
      step: { ...common, widget: 'drawn', preset: { initial: presetKnots('stepLike') } },
      onState: (s: unknown) => states.push(s),
    });
    expect(screen.getByRole('heading', { name: 'Draw your own' })).toBeTruthy();
    expect(states.at(-1)).toEqual({ knots: presetKnots('stepLike'), straight: false });
  });
});
