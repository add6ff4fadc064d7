import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabConfig } from '../../../core/config';
import { networkShape } from '../../../core/engine';
import type { Command, EngineEvent, Snapshot } from '../../../core/protocol';
import { EngineConnection, type EngineLink } from '../../../renderer/engine/connection';

/** What these tests use of the Lab and its views (typed here, so the test program needs no Svelte types). */
interface LabModel {
  config: LabConfig;
}
interface ViewModel {
  grid: unknown;
  dispose(): void;
}
type LabConstructor = new (engine: EngineConnection, digits: unknown) => LabModel;
type ViewConstructor = new (lab: LabModel) => ViewModel;

let Lab: LabConstructor;
let LabView: ViewConstructor;
/** Animation frames asked for and not yet run; the test runs them by hand. */
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

function setup() {
  const listeners = new Set<(event: EngineEvent) => void>();
  const commands: Command[] = [];
  const link: EngineLink = {
    post: (command: Command) => commands.push(command),
    provideDigits() {},
    listen(listener: (event: EngineEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {},
  };
  const lab = new Lab(new EngineConnection(link, 'browser'), { load: () => new Promise(() => {}) });
  const view = new LabView(lab);
  const emit = (running: boolean, epoch: number) => {
    const point = { epoch, trainLoss: 0.5, testLoss: 0.5, trainAccuracy: 0.5, testAccuracy: 0.5 };
    const snapshot: Snapshot = {
      configVersion: 1,
      epoch,
      running,
      metrics: point,
      history: [point],
      params: new Float64Array(networkShape(lab.config).paramCount).fill(0.1),
      confusion: null,
    };
    for (const listener of listeners) listener({ type: 'snapshot', snapshot });
  };
  /** Lets Svelte's effects run, then draws every frame asked for. */
  const nextFrame = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const frame of frames.splice(0)) frame();
  };
  return { commands, view, emit, nextFrame };
}

describe('the Lab’s views pace the engine', () => {
  it('say “drawn” as they begin a frame from a training snapshot, once per frame', async () => {
    const { commands, view, emit, nextFrame } = setup();
    commands.length = 0;
    emit(true, 10);
    emit(true, 20);
    await nextFrame();
    expect(commands.filter((c) => c.type === 'drawn')).toHaveLength(1);
    expect(view.grid).not.toBeNull();
    emit(true, 30);
    await nextFrame();
    expect(commands.filter((c) => c.type === 'drawn')).toHaveLength(2);
    view.dispose();
  });

  it('stay quiet when the snapshot is not from training (paused, stepped)', async () => {
    const { commands, view, emit, nextFrame } = setup();
    commands.length = 0;
    emit(false, 10);
    await nextFrame();
    expect(view.grid).not.toBeNull();
    expect(commands.filter((c) => c.type === 'drawn')).toHaveLength(0);
    view.dispose();
  });
});
