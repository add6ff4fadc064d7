import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabConfig } from '../../../core/config';
import { DRAWN_PRESETS, networkShape } from '../../../core/engine';
import type { EngineEvent, Snapshot } from '../../../core/protocol';
import { EngineConnection, type EngineLink } from '../../../renderer/engine/connection';

/** What this test uses of the Lab and its views (typed here, so the test program needs no Svelte types). */
interface LabModel {
  config: LabConfig;
  message: { kind: string; text: string } | null;
  reset(): void;
  setTraining(training: { learningRate: number }): void;
}
interface ViewModel {
  grid: { layers: Float32Array[][] } | null;
  dispose(): void;
}
type LabConstructor = new (engine: EngineConnection, digits: unknown) => LabModel;
type ViewConstructor = new (lab: LabModel) => ViewModel;

let Lab: LabConstructor;
let LabView: ViewConstructor;
const frames: (() => void)[] = [];
const saved = { raf: globalThis.requestAnimationFrame, cancel: globalThis.cancelAnimationFrame };

beforeAll(async () => {
  globalThis.requestAnimationFrame = (callback: FrameRequestCallback) => frames.push(() => callback(0));
  globalThis.cancelAnimationFrame = () => {};
  ({ Lab } = (await import('../../../renderer/app/lab.svelte')) as unknown as { Lab: LabConstructor });
  ({ LabView } = (await import('../../../renderer/lab/view.svelte')) as unknown as { LabView: ViewConstructor });
});
afterAll(() => {
  globalThis.requestAnimationFrame = saved.raf;
  globalThis.cancelAnimationFrame = saved.cancel;
});

describe('the Lab’s output plot with a drawn activation', () => {
  // Found by a learner: Identity in every layer, then the Absolute value preset, left the plot
  // drawing the old straight-line network while the numbers came from the bent one.
  it('is evaluated with the new knots when only the knots change', async () => {
    const listeners = new Set<(event: EngineEvent) => void>();
    const link: EngineLink = {
      post: () => {},
      provideDigits() {},
      listen(listener: (event: EngineEvent) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close() {},
    };
    const lab = new Lab(new EngineConnection(link, 'browser'), { load: () => new Promise(() => {}) });
    const view = new LabView(lab);
    const withKnots = (name: 'identity' | 'absolute') => {
      const config = structuredClone($stateSnapshot(lab.config));
      for (const layer of config.network.hidden) layer.activation = 'drawn';
      config.network.drawn = DRAWN_PRESETS[name].knots.map((k) => ({ ...k }));
      lab.config = config;
    };
    const frame = async () => {
      const point = { epoch: 1, trainLoss: 0.5, testLoss: 0.5, trainAccuracy: 0.5, testAccuracy: 0.5 };
      const params = new Float64Array(networkShape(lab.config).paramCount).map((_, i) => Math.sin(i + 1));
      const snapshot: Snapshot = { configVersion: 1, epoch: 1, running: false, metrics: point, history: [point], params, confusion: null };
      for (const listener of listeners) listener({ type: 'snapshot', snapshot });
      await new Promise((resolve) => setTimeout(resolve, 0));
      for (const run of frames.splice(0)) run();
      const grid = view.grid;
      if (!grid) throw new Error('no grid was evaluated');
      return Float32Array.from(grid.layers[grid.layers.length - 1][0]);
    };
    withKnots('identity');
    const straight = await frame();
    withKnots('absolute');
    const bent = await frame();
    expect(bent).not.toEqual(straight);
    view.dispose();
  });
});

describe('the Lab’s “Training stopped” warning', () => {
  // Found by a learner: after a blow-up the warning stayed through a new learning rate and a
  // reset, still advising the rate that no longer applied.
  it('goes away when the learner resets or changes the learning rate, and not otherwise', async () => {
    const listeners = new Set<(event: EngineEvent) => void>();
    const link: EngineLink = {
      post: () => {},
      provideDigits() {},
      listen(listener: (event: EngineEvent) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close() {},
    };
    const lab = new Lab(new EngineConnection(link, 'browser'), { load: () => new Promise(() => {}) });
    const blowUp = () => {
      const point = { epoch: 4, trainLoss: 9, testLoss: 9, trainAccuracy: 0.5, testAccuracy: 0.5 };
      const params = new Float64Array(networkShape(lab.config).paramCount);
      const snapshot: Snapshot = { configVersion: 0, epoch: 4, running: false, metrics: point, history: [point], params, confusion: null };
      for (const listener of listeners) listener({ type: 'diverged', snapshot, message: 'The loss grew without bound.' });
    };
    blowUp();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lab.message?.kind).toBe('warning');
    lab.setTraining({ learningRate: 0.03 });
    expect(lab.message).toBeNull();
    blowUp();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lab.message?.kind).toBe('warning');
    lab.reset();
    expect(lab.message).toBeNull();
  });
});

function $stateSnapshot<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
