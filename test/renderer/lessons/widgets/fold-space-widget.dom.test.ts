/**
 * Lesson 8's folding-space widget: layer space waits for the step's prediction, and the output
 * neuron's dashed line stays on the canvas after training (it used to be drawn off the canvas
 * once the linear layer's line left the grid's frame, so it vanished from the picture).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import FoldSpaceWidget from '../../../../renderer/lessons/widgets/FoldSpaceWidget.svelte';
import type { FoldSpaceState } from '../../../../renderer/lessons/widgets/fold-space';
import { inProcessEngine } from '../../engine-in-process';
import { lessonStep } from './lesson-steps';

const SIZE = 300;

/** Every dashed path stroked on a canvas since the last reset: its points, in CSS pixels. */
let dashed: [number, number][][] = [];

/** A 2-D context that draws nothing but remembers the dashed paths it strokes. */
function recordingCanvas(): void {
  let dash: number[] = [];
  let path: [number, number][] = [];
  const saved: number[][] = [];
  const calls: Record<string, (...args: number[]) => unknown> = {
    setLineDash: (...args) => void (dash = [...(args[0] as unknown as number[])]),
    getLineDash: () => dash,
    save: () => void saved.push(dash),
    restore: () => void (dash = saved.pop() ?? []),
    beginPath: () => void (path = []),
    moveTo: (x, y) => void path.push([x, y]),
    lineTo: (x, y) => void path.push([x, y]),
    stroke: () => void (dash.length > 0 && path.length > 1 && dashed.push(path)),
    measureText: () => ({ width: 0 }),
    createImageData: (w, h) => ({ width: w, height: h, data: new Uint8ClampedArray(Math.max(1, w * h * 4)) }),
    getImageData: (_x, _y, w, h) => ({ width: w, height: h, data: new Uint8ClampedArray(Math.max(1, w * h * 4)) }),
  };
  const context = new Proxy(calls, {
    get: (target, key) => (typeof key === 'string' && key in target ? target[key] : () => undefined),
    set: () => true,
  });
  HTMLCanvasElement.prototype.getContext = (() => context) as unknown as HTMLCanvasElement['getContext'];
  if (typeof OffscreenCanvas !== 'undefined')
    OffscreenCanvas.prototype.getContext = (() => context) as unknown as OffscreenCanvas['getContext'];
}

/** True when a segment from a to b passes through the canvas square (Liang–Barsky clipping). */
function crossesCanvas([ax, ay]: [number, number], [bx, by]: [number, number]): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  for (const [p, q] of [
    [-dx, ax],
    [dx, SIZE - ax],
    [-dy, ay],
    [dy, SIZE - ay],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** True when some dashed path crosses the canvas. */
function dashOnCanvas(): boolean {
  return dashed.some((path) => path.some((point, i) => i > 0 && crossesCanvas(path[i - 1], point)));
}

beforeAll(recordingCanvas);
afterEach(() => {
  cleanup();
  dashed = [];
});

describe('FoldSpaceWidget', () => {
  it('hides layer space until the prediction is committed; training still works', async () => {
    const step = lessonStep('08-folding-space', 'straight', 'foldSpace');
    const props = { preset: step.preset, onState: () => undefined, engine: inProcessEngine(), revealed: false };
    const { rerender } = render(FoldSpaceWidget, props);
    expect(screen.getByRole('img', { name: 'Layer space is hidden until you commit your prediction.' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Train' })).toBeTruthy();
    await rerender({ ...props, revealed: true });
    expect(screen.getByRole('img', { name: /^Layer space: the input grid/ })).toBeTruthy();
  });

  it('keeps the dashed output line on the canvas after the linear layer has trained 30 epochs', async () => {
    const step = lessonStep('08-folding-space', 'straight', 'foldSpace');
    const states: FoldSpaceState[] = [];
    render(FoldSpaceWidget, { preset: step.preset, onState: (s: FoldSpaceState) => states.push(s), engine: inProcessEngine() });
    await vi.waitFor(() => expect(dashOnCanvas()).toBe(true), { timeout: 5_000 });
    const stepButton = screen.getByRole('button', { name: 'Step: train one epoch' });
    for (let epoch = 1; epoch <= 30; epoch++) {
      // Only the drawing after the last epoch counts.
      if (epoch === 30) dashed = [];
      await fireEvent.click(stepButton);
      await vi.waitFor(() => expect(states.at(-1)?.epoch).toBe(epoch), { timeout: 5_000 });
    }
    await vi.waitFor(() => expect(dashed.length).toBeGreaterThan(0), { timeout: 5_000 });
    expect(states.at(-1)?.trainAccuracy).toBeLessThan(1);
    expect(dashOnCanvas()).toBe(true);
  });
});
