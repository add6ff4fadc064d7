/**
 * The page's one engine client: EngineConnection numbers commands and matches replies, and
 * TrainingRun keeps the newest snapshot and a bounded history, drops stale snapshots and
 * starts a fresh curve when training goes back in time. Driven through a scripted link.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type LabConfig } from '../../../core/config';
import type { Command, EngineEvent, EngineState, HistoryPoint, Snapshot, Speed } from '../../../core/protocol';
import { EngineConnection, type EngineLink } from '../../../renderer/engine/connection';

/** What these tests use of TrainingRun (typed here, so the test program needs no Svelte types). */
interface RunModel {
  snapshot: Snapshot | null;
  history: HistoryPoint[];
  message: { kind: string; text: string } | null;
  rollback: { to: number; at: number; points: HistoryPoint[] } | null;
  running: boolean;
  epoch: number;
  configure(config: LabConfig, restore?: { state: EngineState; history: HistoryPoint[] }): void;
  play(): void;
  reset(): void;
  requestState(): Promise<EngineState>;
  close(): void;
}
type RunConstructor = new (
  engine: EngineConnection,
  options?: { historyLimit?: number; speed?: Speed; onEvent?: (event: EngineEvent) => void },
) => RunModel;

let TrainingRun: RunConstructor;
beforeAll(async () => {
  ({ TrainingRun } = (await import('../../../renderer/engine/run.svelte')) as unknown as { TrainingRun: RunConstructor });
});

function scripted() {
  const listeners = new Set<(event: EngineEvent) => void>();
  const sent: Command[] = [];
  const link: EngineLink & { closed: boolean } = {
    closed: false,
    post: (command) => sent.push(command),
    provideDigits() {},
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      link.closed = true;
    },
  };
  const emit = (event: EngineEvent) => {
    for (const listener of listeners) listener(event);
  };
  return { link, sent, emit, listeners };
}

const point = (epoch: number): HistoryPoint => ({
  epoch,
  trainLoss: 1 / (epoch + 1),
  testLoss: 1 / (epoch + 1),
  trainAccuracy: null,
  testAccuracy: null,
});

function snapshot(configVersion: number, epochs: number[], running = true): Snapshot {
  const last = epochs[epochs.length - 1] ?? 0;
  return {
    configVersion,
    epoch: last,
    running,
    metrics: point(last),
    history: epochs.map(point),
    params: new Float64Array(3),
    confusion: null,
  };
}

describe('EngineConnection', () => {
  it('numbers every command and resolves a request with the reply to its id only', async () => {
    const { link, sent, emit } = scripted();
    const engine = new EngineConnection(link, 'browser');
    engine.send({ type: 'play' });
    const asked = engine.requestState();
    expect(sent.map((c) => [c.type, c.id])).toEqual([
      ['play', 1],
      ['get-state', 2],
    ]);
    const state: EngineState = { epoch: 7, params: [1, 2], optimizer: [], step: 0 };
    emit({ type: 'state', replyTo: 99, state: { ...state, epoch: 1 } });
    emit({ type: 'state', replyTo: 2, state });
    await expect(asked).resolves.toEqual(state);
  });

  it('rejects a request the engine refused, and open requests when it is disposed', async () => {
    const { link, emit } = scripted();
    const engine = new EngineConnection(link, 'browser');
    const refused = engine.requestState();
    emit({ type: 'error', replyTo: 1, message: 'No network yet.' });
    await expect(refused).rejects.toThrow('No network yet.');
    const open = engine.requestState();
    engine.dispose();
    await expect(open).rejects.toThrow('closed before it answered');
    expect(link.closed).toBe(true);
  });
});

describe('TrainingRun', () => {
  it('sets its speed first, then sends the commands it is asked for', () => {
    const { link, sent } = scripted();
    const run = new TrainingRun(new EngineConnection(link, 'browser'), { speed: { mode: 'epochsPerFrame', epochs: 4 } });
    run.configure(defaultConfig());
    run.play();
    expect(sent.map((c) => c.type)).toEqual(['set-speed', 'configure', 'play']);
    expect(sent[0]).toMatchObject({ speed: { mode: 'epochsPerFrame', epochs: 4 } });
  });

  it('keeps the newest snapshot and appends history, bounded by its limit', () => {
    const { link, emit } = scripted();
    const run = new TrainingRun(new EngineConnection(link, 'browser'), { historyLimit: 8 });
    run.configure(defaultConfig());
    for (let epoch = 0; epoch < 40; epoch += 2) emit({ type: 'snapshot', snapshot: snapshot(1, [epoch, epoch + 1]) });
    expect(run.epoch).toBe(39);
    expect(run.running).toBe(true);
    expect(run.history.length).toBeLessThanOrEqual(8);
    expect(run.history[0].epoch).toBe(0);
    expect(run.history[run.history.length - 1].epoch).toBe(39);
  });

  it('drops snapshots of a network it replaced, and starts a fresh curve after a reset', () => {
    const { link, emit } = scripted();
    const run = new TrainingRun(new EngineConnection(link, 'browser'));
    run.configure(defaultConfig());
    emit({ type: 'snapshot', snapshot: snapshot(1, [0, 1, 2]) });
    run.configure(defaultConfig());
    // Still on its way when the new configure went: dropped.
    emit({ type: 'snapshot', snapshot: snapshot(1, [3]) });
    expect(run.history).toEqual([]);
    expect(run.epoch).toBe(0);
    emit({ type: 'snapshot', snapshot: snapshot(2, [0]) });
    emit({ type: 'snapshot', snapshot: snapshot(1, [4]) });
    expect(run.history.map((h) => h.epoch)).toEqual([0]);
    emit({ type: 'snapshot', snapshot: snapshot(2, [1, 2, 3]) });
    run.reset();
    emit({ type: 'snapshot', snapshot: snapshot(2, [0], false) });
    expect(run.history.map((h) => h.epoch)).toEqual([0]);
    expect(run.running).toBe(false);
  });

  it('shows epoch 0, paused, at once after Start over or a new network, until the engine answers', () => {
    const { link, emit } = scripted();
    const run = new TrainingRun(new EngineConnection(link, 'browser'));
    run.configure(defaultConfig());
    emit({ type: 'snapshot', snapshot: snapshot(1, [0, 1, 2, 3, 4, 5]) });
    expect([run.epoch, run.running]).toEqual([5, true]);
    run.reset();
    expect([run.epoch, run.running]).toEqual([0, false]);
    // Sent before the engine got the reset: the old network's epoch stays hidden.
    emit({ type: 'snapshot', snapshot: snapshot(1, [6]) });
    expect([run.epoch, run.running]).toEqual([0, false]);
    emit({ type: 'snapshot', snapshot: snapshot(1, [0], false) });
    run.play();
    emit({ type: 'snapshot', snapshot: snapshot(1, [1, 2]) });
    expect([run.epoch, run.running]).toEqual([2, true]);
    run.configure(defaultConfig());
    expect([run.epoch, run.running]).toEqual([0, false]);
    emit({ type: 'snapshot', snapshot: snapshot(2, [0], false) });
    run.play();
    emit({ type: 'snapshot', snapshot: snapshot(2, [1]) });
    expect([run.epoch, run.running]).toEqual([1, true]);
  });

  it('shows a restored epoch as soon as the engine sends it', () => {
    const { link, emit } = scripted();
    const run = new TrainingRun(new EngineConnection(link, 'browser'));
    const state: EngineState = { epoch: 7, params: [0, 0, 0], optimizer: [], step: 0 };
    run.configure(defaultConfig(), { state, history: [point(7)] });
    emit({ type: 'snapshot', snapshot: snapshot(1, [7], false) });
    expect(run.epoch).toBe(7);
  });

  it('restores a saved history with the configure that goes with it', () => {
    const { link, sent, emit } = scripted();
    const run = new TrainingRun(new EngineConnection(link, 'browser'));
    const state: EngineState = { epoch: 5, params: [0, 0, 0], optimizer: [], step: 0 };
    run.configure(defaultConfig(), { state, history: [point(0), point(5)] });
    expect(sent.map((c) => c.type)).toEqual(['set-speed', 'configure', 'load-state']);
    emit({ type: 'snapshot', snapshot: snapshot(3, [5], false) });
    expect(run.history.map((h) => h.epoch)).toEqual([0, 5]);
  });

  it('says what happened when training diverges or the engine refuses, and stops when closed', () => {
    const { link, emit } = scripted();
    const seen: string[] = [];
    const run = new TrainingRun(new EngineConnection(link, 'browser'), { onEvent: (event) => seen.push(event.type) });
    run.configure(defaultConfig());
    emit({ type: 'snapshot', snapshot: snapshot(1, [0, 1]) });
    emit({ type: 'diverged', snapshot: snapshot(1, [2], false), message: 'Training blew up.' });
    expect(run.message).toEqual({ kind: 'warning', text: 'Training blew up.' });
    run.play();
    expect(run.message).toBeNull();
    emit({ type: 'error', replyTo: null, message: 'Bad setting.' });
    expect(run.message).toEqual({ kind: 'error', text: 'Bad setting.' });
    expect(seen).toEqual(['snapshot', 'diverged', 'error']);
    emit({ type: 'snapshot', snapshot: snapshot(1, [3]) });
    expect(run.running).toBe(true);
    run.close();
    expect(run.running).toBe(false);
    expect(link.closed).toBe(true);
    emit({ type: 'snapshot', snapshot: snapshot(1, [4]) });
    expect(run.epoch).toBe(3);
  });
});

describe('TrainingRun: a blow-up the engine rolled back from', () => {
  /** As the engine sends it: the measurement that caught the blow-up, then the restored epoch's. */
  const diverged = (configVersion: number, caughtAt: number, to: number): EngineEvent => ({
    type: 'diverged',
    snapshot: { ...snapshot(configVersion, [to], false), history: [point(caughtAt), point(to)] },
    message: 'Training ran away.',
  });

  it('keeps the losses that led to the blow-up while the history goes back to the restored epoch', () => {
    const { link, emit } = scripted();
    const run = new TrainingRun(new EngineConnection(link, 'browser'));
    run.configure(defaultConfig());
    emit({ type: 'snapshot', snapshot: snapshot(1, [0, 1, 2, 3]) });
    emit({ type: 'snapshot', snapshot: snapshot(1, [4, 5, 6]) });
    emit(diverged(1, 7, 1));
    expect(run.epoch).toBe(1);
    expect(run.history.map((h) => h.epoch)).toEqual([0, 1]);
    expect(run.rollback?.to).toBe(1);
    expect(run.rollback?.at).toBe(7);
    expect(run.rollback?.points.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Training on from the restored weights continues the history; the climb stays drawn.
    emit({ type: 'snapshot', snapshot: snapshot(1, [2, 3]) });
    expect(run.history.map((h) => h.epoch)).toEqual([0, 1, 2, 3]);
    expect(run.rollback?.points).toHaveLength(7);
    // Until a fresh start.
    run.reset();
    expect(run.rollback).toBeNull();
  });

  it('keeps no climb when nothing was measured past the restored epoch, nor for a replaced network', () => {
    const { link, emit } = scripted();
    const run = new TrainingRun(new EngineConnection(link, 'browser'));
    run.configure(defaultConfig());
    emit({ type: 'snapshot', snapshot: snapshot(1, [0]) });
    emit({ type: 'diverged', snapshot: snapshot(1, [0], false), message: 'Training blew up.' });
    expect(run.rollback).toBeNull();
    expect(run.history.map((h) => h.epoch)).toEqual([0]);
    emit({ type: 'snapshot', snapshot: snapshot(1, [1, 2, 3]) });
    emit(diverged(1, 4, 2));
    expect(run.rollback?.at).toBe(4);
    run.configure(defaultConfig());
    expect(run.rollback).toBeNull();
  });
});

describe('TrainingRun: the instruments over time', () => {
  interface WithInstruments {
    instrumentHistory: readonly { epoch: number; gradient: number[] }[];
  }
  const measured = (configVersion: number, epoch: number, gradientEpoch: number | null): Snapshot => ({
    ...snapshot(configVersion, [epoch]),
    instruments: {
      gradient: gradientEpoch === null ? [] : [1e-4 * gradientEpoch, 0.1],
      gradientEpoch,
      lowSlope: [0],
      deadCount: [0],
      dead: [[0, 0]],
      meanSlope: [0.5],
      inactiveCount: [0],
      inactive: [[0, 0]],
    },
  });

  it('keeps one gradient point per completed epoch, cleared by reset, a new network and going back', () => {
    const { link, emit } = scripted();
    const run = new TrainingRun(new EngineConnection(link, 'browser')) as RunModel & WithInstruments;
    run.configure(defaultConfig());
    emit({ type: 'snapshot', snapshot: measured(1, 0, null) });
    expect(run.instrumentHistory).toEqual([]);
    for (let epoch = 1; epoch <= 4; epoch++) emit({ type: 'snapshot', snapshot: measured(1, epoch, epoch) });
    // A command's snapshot of the same epoch adds nothing new.
    emit({ type: 'snapshot', snapshot: measured(1, 4, 4) });
    expect(run.instrumentHistory.map((p) => p.epoch)).toEqual([1, 2, 3, 4]);
    expect(run.instrumentHistory[1].gradient).toEqual([2e-4, 0.1]);
    run.reset();
    expect(run.instrumentHistory).toEqual([]);
    emit({ type: 'snapshot', snapshot: measured(1, 2, 2) });
    emit({ type: 'snapshot', snapshot: measured(1, 3, 3) });
    expect(run.instrumentHistory.map((p) => p.epoch)).toEqual([2, 3]);
    // Back in time without a reset command (an older state loaded).
    emit({ type: 'snapshot', snapshot: measured(1, 1, 1) });
    expect(run.instrumentHistory.map((p) => p.epoch)).toEqual([1]);
    run.configure(defaultConfig());
    expect(run.instrumentHistory).toEqual([]);
    emit({ type: 'snapshot', snapshot: measured(1, 9, 9) });
    expect(run.instrumentHistory).toEqual([]);
    emit({ type: 'snapshot', snapshot: measured(2, 1, 1) });
    expect(run.instrumentHistory.map((p) => p.epoch)).toEqual([1]);
    run.close();
  });
});
