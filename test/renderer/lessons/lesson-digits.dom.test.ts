/**
 * Lesson 10's network (renderer/lessons/18-pixels-are-inputs/digits.svelte.ts): the images go
 * to its own engine before the first configure, a step that opens later keeps the trained
 * network, and a new hidden layer builds a new one. Driven through a scripted link.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabConfig, LayerSpec } from '../../../core/config';
import type { Command } from '../../../core/protocol';
import { EngineConnection, type EngineLink } from '../../../renderer/engine/connection';

interface LessonModel {
  config: LabConfig;
  ready: boolean;
  load(): Promise<void>;
  setHidden(hidden: LayerSpec[]): void;
  setLearningRate(rate: number): void;
  record(accuracy: number | null): void;
  best: { linear: number | null; nonLinear: number | null };
}
type LessonConstructor = new (hidden: LayerSpec[], digits: unknown, engine: EngineConnection) => LessonModel;

let LessonDigits: LessonConstructor;
beforeAll(async () => {
  ({ LessonDigits } = (await import('../../../renderer/lessons/18-pixels-are-inputs/digits.svelte')) as unknown as {
    LessonDigits: LessonConstructor;
  });
});

function setup() {
  const log: string[] = [];
  const link: EngineLink = {
    post: (command: Command) =>
      log.push(command.type === 'configure' ? `configure ${command.config.network.hidden.map((h) => h.size).join(',')}` : command.type),
    provideDigits: (bytes) => log.push(`digits file (${bytes.length} bytes)`),
    listen: () => () => {},
    close() {},
  };
  let finish = () => {};
  const source = {
    subscribe: () => () => {},
    load: () => new Promise<{ bytes: Uint8Array }>((ok) => (finish = () => ok({ bytes: new Uint8Array(8) }))),
  };
  const lesson = new LessonDigits([{ size: 32, activation: 'relu' }], source, new EngineConnection(link, 'browser'));
  return { lesson, log, finish: () => finish() };
}

describe('lesson 10’s digits network', () => {
  it('hands the images to its engine, then configures, once for the whole lesson', async () => {
    const { lesson, log, finish } = setup();
    const loading = lesson.load();
    expect(lesson.ready).toBe(false);
    finish();
    await loading;
    expect(log).toEqual(['set-speed', 'digits file (8 bytes)', 'configure 32']);
    expect(lesson.ready).toBe(true);
    // The next step's widget loads again: the trained network stays.
    await lesson.load();
    expect(log).toHaveLength(3);
  });

  it('builds a new network for new hidden layers, and changes the rate without one', async () => {
    const { lesson, log, finish } = setup();
    const loading = lesson.load();
    finish();
    await loading;
    lesson.setHidden([{ size: 64, activation: 'relu' }]);
    lesson.setLearningRate(0.003);
    expect(log.slice(3)).toEqual(['configure 64', 'set-training']);
    expect(lesson.config.training.learningRate).toBe(0.003);
    expect(lesson.config.network.hidden[0].size).toBe(64);
  });

  it('keeps the best test accuracy of the linear networks apart from those with an activation', async () => {
    const { lesson, finish } = setup();
    const loading = lesson.load();
    finish();
    await loading;
    lesson.setHidden([{ size: 128, activation: 'identity' }]);
    lesson.record(0.9);
    lesson.record(0.923);
    lesson.record(0.918);
    lesson.record(null);
    expect(lesson.best).toEqual({ linear: 0.923, nonLinear: null });
    lesson.setHidden([{ size: 128, activation: 'relu' }]);
    lesson.record(0.945);
    lesson.record(Number.NaN);
    expect(lesson.best).toEqual({ linear: 0.923, nonLinear: 0.945 });
  });
});
