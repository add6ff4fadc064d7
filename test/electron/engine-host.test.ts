/** Supervision details of EngineHost with scripted fake workers (hangs, give-up, renumbering). */
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import type { Command, EngineEvent, EngineState, Snapshot } from '../../core/protocol';
import { encodeDigits } from '../../core/tabular/digits';
import { EngineHost, GAVE_UP_NOTICE, restartNotice, type WorkerLike } from '../../electron/engine-host';

/** A worker that answers like the engine would (or not at all, when `hung`). */
class FakeWorker extends EventEmitter implements WorkerLike {
  received: Command[] = [];
  terminated = false;
  configVersion = 0;
  epoch = 0;
  constructor(
    public hung: boolean,
    private readonly startVersion: number,
  ) {
    super();
    this.configVersion = startVersion;
  }
  postMessage(message: unknown): void {
    const command = message as Command;
    this.received.push(command);
    if (this.hung) return;
    queueMicrotask(() => this.answer(command));
  }
  private answer(command: Command): void {
    switch (command.type) {
      case 'configure':
        if (command.config.seed < 0) {
          this.emit('message', { type: 'error', replyTo: command.id, message: 'The seed must not be negative.' });
          break;
        }
        this.configVersion += 1;
        this.epoch = 0;
        this.emit('message', { type: 'snapshot', snapshot: this.snapshot(false) });
        break;
      case 'load-state':
        this.epoch = command.state.epoch;
        this.emit('message', { type: 'snapshot', snapshot: this.snapshot(false) });
        break;
      case 'get-state':
        this.emit('message', { type: 'state', replyTo: command.id, state: this.state() });
        break;
      case 'play':
        this.epoch += 1;
        this.emit('message', { type: 'snapshot', snapshot: this.snapshot(true) });
        break;
      default:
        break;
    }
  }
  snapshot(running: boolean): Snapshot {
    const point = { epoch: this.epoch, trainLoss: 1, testLoss: 1, trainAccuracy: null, testAccuracy: null };
    return {
      configVersion: this.configVersion,
      epoch: this.epoch,
      running,
      metrics: point,
      history: [],
      params: new Float64Array([this.epoch]),
      confusion: null,
    };
  }
  state(): EngineState {
    return { epoch: this.epoch, params: [this.epoch], optimizer: [], step: 0 };
  }
  async terminate(): Promise<number> {
    this.terminated = true;
    return 1;
  }
}

const hosts: EngineHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.dispose();
});

function setup(plan: Array<{ hung: boolean; startVersion?: number }>, options: { maxRestarts?: number } = {}) {
  const workers: FakeWorker[] = [];
  const events: EngineEvent[] = [];
  const notices: string[] = [];
  const host = new EngineHost({
    createWorker: () => {
      const step = plan[Math.min(workers.length, plan.length - 1)];
      const worker = new FakeWorker(step.hung, step.startVersion ?? 0);
      workers.push(worker);
      return worker;
    },
    onEvent: (event) => events.push(event),
    onNotice: (message) => notices.push(message),
    heartbeatMs: 10,
    heartbeatTimeoutMs: 60,
    maxRestarts: options.maxRestarts ?? 5,
  });
  hosts.push(host);
  host.start();
  return { host, workers, events, notices };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await wait(5);
  }
}

describe('EngineHost supervision', () => {
  it('restarts a worker that stops answering its heartbeat', async () => {
    const { host, workers, notices } = setup([{ hung: false }, { hung: false }]);
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    host.send({ type: 'play', id: 2 });
    await until(() => host.knownState !== null);
    workers[0].hung = true; // from now on it swallows every message
    await until(() => workers.length === 2);
    expect(workers[0].terminated).toBe(true);
    await until(() => notices.length === 1);
    expect(notices[0]).toContain('training resumed from epoch');
    const types = workers[1].received.map((c) => c.type);
    expect(types.slice(0, 4)).toEqual(['configure', 'load-state', 'get-state', 'play']);
  });

  it('gives up after too many restarts in a row and says so', async () => {
    const { host, workers, notices } = setup([{ hung: true }], { maxRestarts: 2 });
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    await until(() => notices.includes(GAVE_UP_NOTICE));
    expect(workers).toHaveLength(3);
    await wait(150);
    expect(workers).toHaveLength(3);
    expect(notices.at(-1)).toBe(GAVE_UP_NOTICE);
  });

  it('keeps the page’s configVersion numbering across a restart and re-sends changed training settings', async () => {
    const { host, workers, events } = setup([
      { hung: false, startVersion: 0 },
      { hung: false, startVersion: 0 },
    ]);
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    host.send({ type: 'configure', id: 2, config: defaultConfig() });
    host.send({ type: 'configure', id: 3, config: defaultConfig() });
    host.send({ type: 'set-training', id: 4, training: { learningRate: 0.3 } });
    await until(() => host.knownState !== null);
    const lastVersion = () => {
      const snaps = events.flatMap((e) => (e.type === 'snapshot' ? [e.snapshot.configVersion] : []));
      return snaps[snaps.length - 1];
    };
    expect(lastVersion()).toBe(3);
    workers[0].emit('exit', 1);
    await until(() => workers.length === 2 && events.length > 0 && lastVersion() === 3 && workers[1].received.length >= 3);
    const configure = workers[1].received[0];
    expect(configure.type).toBe('configure');
    expect(configure.type === 'configure' && configure.config.training.learningRate).toBe(0.3);
    // A new configure from the page continues the numbering.
    host.send({ type: 'configure', id: 5, config: defaultConfig() });
    await until(() => lastVersion() === 4);
  });

  it('relays the page’s frame signals without asking the worker for its state each time', async () => {
    const { host, workers } = setup([{ hung: false }]);
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    await until(() => workers[0].received.some((c) => c.type === 'get-state'));
    await wait(0);
    const asked = () => workers[0].received.filter((c) => c.type === 'get-state').length;
    const before = asked();
    for (let i = 0; i < 10; i++) {
      host.send({ type: 'drawn', id: 100 + i });
      await wait(0);
    }
    expect(workers[0].received.filter((c) => c.type === 'drawn').map((c) => c.id)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
    // Only the heartbeat's own requests (every 10 ms here), not one per frame.
    expect(asked() - before).toBeLessThanOrEqual(3);
  });

  it('does not forward the host’s own replies and refuses its reserved ids', async () => {
    const { host, events } = setup([{ hung: false }]);
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    await until(() => host.knownState !== null);
    expect(events.some((e) => e.type === 'state')).toBe(false);
    host.send({ type: 'get-state', id: 9 });
    await until(() => events.some((e) => e.type === 'state' && e.replyTo === 9));
    host.send({ type: 'get-state', id: -1_000_000_000 });
    expect(events.at(-1)).toEqual({ type: 'error', replyTo: -1_000_000_000, message: 'That command id is reserved.' });
  });

  it('does not restore a configuration the engine refused', async () => {
    const { host, workers, events } = setup([{ hung: false }, { hung: false }]);
    host.send({ type: 'configure', id: 1, config: { ...defaultConfig(), seed: 7 } });
    host.send({ type: 'configure', id: 2, config: { ...defaultConfig(), seed: -5 } });
    await until(() => events.some((e) => e.type === 'error' && e.replyTo === 2));
    await until(() => host.knownState !== null);
    workers[0].emit('exit', 1);
    await until(() => workers.length === 2 && workers[1].received.length > 0);
    const configure = workers[1].received[0];
    expect(configure.type === 'configure' && configure.config.seed).toBe(7);
  });

  it('re-asks the page’s unanswered state request after a restart, so a save never hangs', async () => {
    const { host, workers, events } = setup([{ hung: false }, { hung: false }]);
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    await until(() => host.knownState !== null);
    workers[0].hung = true;
    host.send({ type: 'get-state', id: 41 });
    workers[0].emit('exit', 1);
    await until(() => events.some((e) => e.type === 'state' && e.replyTo === 41));
    expect(workers[1].received.filter((c) => c.type === 'get-state' && c.id === 41)).toHaveLength(1);
  });

  it('restarts a worker that runs out of memory (a real thread hitting its heap limit)', async () => {
    const notices: string[] = [];
    const created: string[] = [];
    const host = new EngineHost({
      createWorker: () => {
        if (created.length === 0) {
          created.push('greedy');
          const code = 'const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.PI));';
          return new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } });
        }
        created.push('fake');
        return new FakeWorker(false, 0);
      },
      onEvent: () => undefined,
      onNotice: (message) => notices.push(message),
      heartbeatMs: 50,
    });
    hosts.push(host);
    host.start();
    await until(() => notices.length > 0, 15_000);
    expect(created).toEqual(['greedy', 'fake']);
    expect(host.restartTotal).toBe(1);
    expect(notices[0]).toBe('The training engine stopped unexpectedly and was restarted.');
  });

  it('with plain SGD, resumes from the newest snapshot rather than the older heartbeat state', async () => {
    const { host, workers, events } = setup([{ hung: false }, { hung: false }]);
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    await until(() => host.knownState !== null);
    // Training moves on; snapshots arrive but no heartbeat has been answered since.
    workers[0].epoch = 90;
    workers[0].emit('message', { type: 'snapshot', snapshot: workers[0].snapshot(true) });
    expect(host.knownState!.epoch).toBe(0);
    const seen = events.length;
    workers[0].emit('exit', 1);
    await until(() => workers.length === 2 && workers[1].received.some((c) => c.type === 'load-state'));
    const load = workers[1].received.find((c) => c.type === 'load-state');
    expect(load?.type === 'load-state' && load.state.epoch).toBe(90);
    expect(load?.type === 'load-state' && load.state.params).toEqual([90]);
    // The page then sees the restored network from epoch 90 on, never back at 0.
    await until(() => events.slice(seen).some((e) => e.type === 'snapshot'));
    const after = events.slice(seen).flatMap((e) => (e.type === 'snapshot' ? [e.snapshot] : []));
    expect(Math.min(...after.map((snap) => snap.epoch))).toBeGreaterThanOrEqual(90);
    expect(after.every((snap) => snap.configVersion === 1)).toBe(true);
  });

  it('never restores an old snapshot over a state the page loaded', async () => {
    const { host, workers } = setup([{ hung: false }, { hung: false }]);
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    await until(() => host.knownState !== null);
    workers[0].epoch = 500;
    workers[0].emit('message', { type: 'snapshot', snapshot: workers[0].snapshot(false) });
    workers[0].hung = true; // the load-state is not answered before the crash
    host.send({ type: 'load-state', id: 2, state: { epoch: 20, params: [20], optimizer: [], step: 0 } });
    workers[0].emit('exit', 1);
    await until(() => workers.length === 2 && workers[1].received.some((c) => c.type === 'load-state'));
    const load = workers[1].received.find((c) => c.type === 'load-state');
    expect(load?.type === 'load-state' && load.state.epoch).toBe(20);
  });

  it('posts the digits file before anything else, to every new worker, and refuses a broken one without keeping it', async () => {
    const { host, workers, events, notices } = setup([{ hung: false }]);
    const file = encodeDigits({ count: 1, labels: new Uint8Array([4]), pixels: new Uint8Array(784) });
    const kinds = (worker: FakeWorker) => worker.received.map((m) => (m as { type: string }).type);
    // A restart with no configuration yet still hands the new worker the file.
    host.provideDigits(file);
    expect(kinds(workers[0])).toEqual(['digits-file']);
    expect((workers[0].received[0] as unknown as { bytes: Uint8Array }).bytes).toBe(file);
    workers[0].emit('exit', 1);
    expect(kinds(workers[1])).toEqual(['digits-file']);
    expect(notices).toEqual(['The training engine stopped unexpectedly and was restarted.']);
    // Order kept: the file, then the configure sent after it; after a crash, the file again first.
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    await until(() => host.knownState !== null);
    workers[1].emit('exit', 1);
    expect(kinds(workers[2]).slice(0, 3)).toEqual(['digits-file', 'configure', 'load-state']);
    // A newer file replaces the kept one; a broken one is refused and does not.
    const newer = encodeDigits({ count: 2, labels: new Uint8Array([1, 2]), pixels: new Uint8Array(2 * 784) });
    host.provideDigits(newer);
    const bad = newer.slice();
    bad[8] = 200;
    host.provideDigits(bad);
    expect(events.filter((e) => e.type === 'error')).toEqual([
      { type: 'error', replyTo: null, message: 'The digit images could not be loaded. Image 0 has the label 200; digits go from 0 to 9.' },
    ]);
    workers[2].emit('exit', 1);
    const resent = workers[3].received[0] as unknown as { type: string; bytes: Uint8Array };
    expect(resent.type).toBe('digits-file');
    expect(resent.bytes).toBe(newer);
    expect(workers[3].received.filter((m) => (m as { type: string }).type === 'digits-file')).toHaveLength(1);
  });

  it('words its notices plainly', () => {
    expect(restartNotice(1240, true)).toBe(
      'The training engine stopped unexpectedly and was restarted; training resumed from epoch 1,240.',
    );
    expect(restartNotice(7, false)).toBe(
      'The training engine stopped unexpectedly and was restarted; your network was restored at epoch 7.',
    );
    expect(restartNotice(null, false)).toBe('The training engine stopped unexpectedly and was restarted.');
  });
});
