/**
 * Lesson 10's digits network: loading the bundled images (with progress, one download shared
 * with the Lab), the network trained in the lesson's own engine worker, and the newest
 * snapshot. The test images stay in the page too, so the gallery and the drawing pad run the
 * network here, from the snapshot's parameters, without asking the worker.
 */
import type { LabConfig, LayerSpec } from '../../core/config';
import type { Command, EngineEvent, HistoryPoint, Snapshot } from '../../core/protocol';
import type { DigitSet } from '../../core/tabular/digits';
import { digitsConfig } from '../../core/tabular/presets';
import { bundledDigits } from './bundled';
import type { LoadStatus } from './source';
import { tableTestSet, type TestSet } from './testSet';

export type { LoadStatus } from './source';
export type { TestSet } from './testSet';

/** Distributes Omit over the command union, so each command keeps its own fields. */
type CommandBody = Command extends infer C ? (C extends Command ? Omit<C, 'id'> : never) : never;

/** What a lesson step may read from the digits view. */
export interface DigitsReport {
  epoch: number;
  testAccuracy: number | null;
  hidden: LayerSpec[];
  /** The network's answer for the drawing on the pad, or null when the pad is empty. */
  drawnPrediction: number | null;
  drawnConfidence: number | null;
  /** The network as it stands, so a lesson can hand it to the Lab. */
  config: LabConfig;
  /** Its newest weights, or null before the first snapshot. */
  params: Float64Array | null;
}

export class DigitsLab {
  status = $state<LoadStatus>('idle');
  received = $state(0);
  total = $state<number | null>(null);
  message = $state<string | null>(null);
  config = $state.raw<LabConfig>(digitsConfig());
  snapshot = $state.raw<Snapshot | null>(null);
  /** Test accuracy after each measured epoch, for the little chart. */
  history = $state.raw<HistoryPoint[]>([]);
  test = $state.raw<TestSet | null>(null);
  set: DigitSet | null = null;
  /** 1 for each pixel inked in at least one image. */
  usedPixels: Uint8Array | null = null;
  private worker: Worker | null = null;
  private nextId = 1;

  constructor(start?: LabConfig) {
    if (start !== undefined) this.config = start;
  }

  get running(): boolean {
    return this.snapshot?.running ?? false;
  }

  async load(): Promise<void> {
    if (this.status === 'loading' || this.status === 'ready') return;
    this.status = 'loading';
    this.message = null;
    const stop = bundledDigits.subscribe((progress) => {
      this.received = progress.received;
      this.total = progress.total;
    });
    try {
      const digits = await bundledDigits.load();
      this.set = digits.set;
      this.usedPixels = digits.usedPixels;
      this.startWorker(digits.bytes);
    } catch (error) {
      this.status = 'error';
      this.message = error instanceof Error ? error.message : String(error);
    } finally {
      stop();
    }
  }

  private startWorker(bytes: Uint8Array): void {
    // Vite bundles the worker only when it sees this exact `new Worker(new URL(...))` form.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const worker = new Worker(new URL('./digits.worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    worker.onmessage = (message: MessageEvent<EngineEvent | { type: 'digits-ready' }>) => this.receive(message.data);
    const copy = bytes.slice().buffer;
    worker.postMessage({ type: 'digits-file', bytes: copy }, [copy]);
  }

  private receive(event: EngineEvent | { type: 'digits-ready' }): void {
    switch (event.type) {
      case 'digits-ready':
        this.status = 'ready';
        this.configure(this.config);
        return;
      case 'snapshot':
      case 'diverged':
        this.accept(event.snapshot);
        if (event.type === 'diverged') this.message = event.message;
        return;
      case 'error':
        this.message = event.message;
        return;
      case 'state':
        return;
    }
  }

  private accept(snapshot: Snapshot): void {
    const current = this.snapshot;
    if (current !== null && snapshot.configVersion < current.configVersion) return;
    const fresh = current === null || snapshot.configVersion !== current.configVersion;
    const kept = fresh ? [] : this.history;
    const merged = [...kept.filter((p) => !snapshot.history.some((h) => h.epoch === p.epoch)), ...snapshot.history];
    this.history = merged.slice(-500);
    this.snapshot = snapshot;
  }

  private send(command: CommandBody): void {
    this.worker?.postMessage({ ...command, id: this.nextId++ } as Command);
  }

  configure(config: LabConfig): void {
    this.config = config;
    this.message = null;
    this.history = [];
    this.snapshot = null;
    this.test = tableTestSet(config);
    this.send({ type: 'configure', config });
  }

  setHidden(hidden: LayerSpec[]): void {
    this.configure({ ...this.config, network: { ...this.config.network, hidden } });
  }

  setLearningRate(learningRate: number): void {
    this.config = { ...this.config, training: { ...this.config.training, learningRate } };
    this.send({ type: 'set-training', training: { learningRate } });
  }

  play(): void {
    this.send({ type: 'play' });
  }
  pause(): void {
    this.send({ type: 'pause' });
  }
  toggle(): void {
    if (this.running) this.pause();
    else this.play();
  }
  stepEpoch(): void {
    this.send({ type: 'step', unit: 'epoch' });
  }
  reset(): void {
    this.history = [];
    this.send({ type: 'reset' });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
