/**
 * The curve view's component, found by role and name: "Show each neuron" shows a table with
 * one row per last-hidden neuron whose values add up to the network's value, the probe moves,
 * and own points are added, picked, moved and removed from the keyboard through `onPoints`.
 * Pixels (and the pointer) are the e2e test's business (test/e2e/curve.spec.ts).
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DataPoint, LabConfig } from '../../../core/config';
import { curvePoint, curveView, networkShape } from '../../../core/engine';
import CurvePlot from '../../../renderer/lab/CurvePlot.svelte';
import { FrameScheduler } from '../../../renderer/lab/frame';
import { curveStartingConfig } from '../../../renderer/lab/table/switch';
import { stubCanvas } from '../canvas-stub';

beforeAll(stubCanvas);

/** Frames a task apart, as a browser would give them. */
function scheduler(): FrameScheduler {
  return new FrameScheduler({
    request: (cb) => setTimeout(cb, 0) as unknown as number,
    cancel: (h) => clearTimeout(h),
    now: () => performance.now(),
  });
}

function network(width: number): { config: LabConfig; params: Float64Array } {
  const config = curveStartingConfig();
  config.network.hidden = [{ size: width, activation: 'relu' }];
  const n = networkShape(config).paramCount;
  return { config, params: Float64Array.from({ length: n }, (_, i) => Math.cos(i * 7.3 + 0.4)) };
}

const parse = (text: string | null): number => Number((text ?? '').replace('−', '-'));

function figures(): { neurons: number[]; bias: number; sum: number } {
  const table = screen.getByRole('table', { name: 'Contributions at the probe' });
  const out = { neurons: [] as number[], bias: Number.NaN, sum: Number.NaN };
  for (const row of within(table).getAllByRole('row')) {
    const head = within(row).queryByRole('rowheader')?.textContent?.trim() ?? '';
    const cell = within(row).queryByRole('cell')?.textContent ?? null;
    if (cell === null) continue;
    if (/^Neuron \d+$/.test(head)) out.neurons.push(parse(cell));
    else if (head === 'Output bias b') out.bias = parse(cell);
    else if (head.startsWith('Sum')) out.sum = parse(cell);
  }
  return out;
}

describe('CurvePlot', () => {
  it('shows each neuron on request: one row per neuron of the last hidden layer, adding up to the network at the probe', async () => {
    const { config, params } = network(6);
    const toggled: boolean[] = [];
    const { rerender } = render(CurvePlot, {
      config,
      params,
      train: [curvePoint(-1, 0.5), curvePoint(2, -0.3)],
      test: [curvePoint(0.5, 0.1)],
      showEachNeuron: false,
      onShowEachNeuron: (on: boolean) => toggled.push(on),
      scheduler: scheduler(),
      running: false,
      own: null,
    });
    const view = screen.getByRole('figure', { name: 'Curve fitting' });
    expect(within(view).getByRole('application', { name: /Curve plot: The network's curve, over 3 data points/ })).toBeTruthy();
    // Without "Show each neuron" the probe gives the network's value in a sentence.
    const expected = curveView(config, params, Float64Array.of(1));
    await vi.waitFor(() =>
      expect(within(view).getByText(/At x = 1 the network gives y =/).textContent).toContain(
        expected.output[0].toFixed(3).replace('-', '−'),
      ),
    );
    expect(screen.queryByRole('table')).toBeNull();

    await fireEvent.click(within(view).getByRole('checkbox', { name: 'Show each neuron' }));
    expect(toggled).toEqual([true]);
    await rerender({ showEachNeuron: true });
    const f = figures();
    expect(f.neurons).toHaveLength(6);
    expect(f.neurons).toEqual(expected.contributions.map((c) => parse(c[0].toFixed(3))));
    expect(f.bias).toBe(parse(expected.bias.toFixed(3)));
    expect(f.sum).toBe(parse(expected.sum[0].toFixed(3)));
    expect(Math.abs(f.neurons.reduce((a, b) => a + b, f.bias) - f.sum)).toBeLessThanOrEqual(0.0005 * 8);
    expect(within(view).getByRole('application').getAttribute('aria-label')).toContain(
      '6 neuron curves (ReLU) and the output bias add up to',
    );

    // The probe slider moves where the table reads.
    await fireEvent.input(within(view).getByRole('slider', { name: /Probe at x/ }), { target: { value: '-3.5' } });
    const there = curveView(config, params, Float64Array.of(-3.5));
    await vi.waitFor(() => expect(figures().sum).toBe(parse(there.sum[0].toFixed(3))));
    expect(screen.getByRole('table', { name: 'Contributions at the probe' }).textContent).toContain('x = −3.5');
  });

  it('adds, selects, moves and removes own points from the keyboard, each change through onPoints', async () => {
    const { config, params } = network(3);
    let own: DataPoint[] = [curvePoint(-2, 0.2), curvePoint(3, -0.4)];
    const edits: DataPoint[][] = [];
    const props = {
      config: { ...config, data: { ...config.data, dataset: 'ownCurve' as const, points: own } },
      params,
      train: own,
      test: [],
      showEachNeuron: false,
      onShowEachNeuron: () => {},
      scheduler: scheduler(),
      running: false,
      own,
      onPoints: (points: DataPoint[]) => edits.push(points),
    };
    const { rerender } = render(CurvePlot, props);
    const plot = screen.getByRole('application', { name: /Curve plot/ });
    const status = screen.getByRole('status');
    /** What the Lab does with an edit: the list comes back as the data. */
    const apply = async () => {
      own = edits.at(-1)!;
      await rerender({ own, train: own });
    };

    await fireEvent.focus(plot);
    expect(status.textContent).toContain('Cross-hair at x = 0.000, y = 0.000');
    await fireEvent.keyDown(plot, { key: 'ArrowLeft' });
    await fireEvent.keyDown(plot, { key: 'ArrowUp', shiftKey: true });
    expect(status.textContent).toContain('Cross-hair at x = −0.250, y = 0.500');
    await fireEvent.keyDown(plot, { key: 'Enter' });
    expect(edits.at(-1)).toEqual([...own, curvePoint(-0.25, 0.5)]);
    await apply();
    expect(status.textContent).toContain('Point 2 of 3 selected: x = −0.250, y = 0.500');

    await fireEvent.keyDown(plot, { key: 'ArrowRight', shiftKey: true });
    expect(edits.at(-1)![2]).toEqual(curvePoint(0.75, 0.5));
    await apply();
    await fireEvent.keyDown(plot, { key: 'ArrowDown' });
    expect(edits.at(-1)![2].label).toBeCloseTo(0.4, 12);
    await apply();

    await fireEvent.keyDown(plot, { key: ']' });
    expect(status.textContent).toContain('Point 3 of 3 selected: x = 3.000, y = −0.400');
    await fireEvent.keyDown(plot, { key: '[' });
    await fireEvent.keyDown(plot, { key: '[' });
    expect(status.textContent).toContain('Point 1 of 3 selected: x = −2.000');
    const before = edits.length;
    await fireEvent.keyDown(plot, { key: 'Delete' });
    expect(edits.length).toBe(before + 1);
    expect(edits.at(-1)).toEqual([own[1], own[2]]);
    await apply();
    expect(plot.getAttribute('aria-label')).toContain('over 2 data points');
    await fireEvent.keyDown(plot, { key: 'Escape' });
    expect(status.textContent).toContain('Cross-hair');
  });

  it('offers no editing without onPoints: Enter adds nothing', async () => {
    const { config, params } = network(2);
    render(CurvePlot, {
      config,
      params,
      train: [curvePoint(0, 0)],
      test: [],
      showEachNeuron: false,
      onShowEachNeuron: () => {},
      scheduler: scheduler(),
      running: false,
      own: null,
    });
    const plot = screen.getByRole('application', { name: /Move the pointer over the plot to probe the curve/ });
    await fireEvent.keyDown(plot, { key: 'Enter' });
    expect(plot.getAttribute('aria-label')).toContain('over 1 data point.');
  });
});
