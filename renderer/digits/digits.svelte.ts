/**
 * The Digits area's state: loading the bundled images (with progress), the network being
 * trained in this area's own engine worker, and the newest snapshot. The test images stay in
 * the page too, so the gallery and the drawing pad run the network here, from the snapshot's
 * parameters, without asking the worker.
 */
import type { LabConfig, LayerSpec } from '../../core/config';
import type { Command, EngineEvent, EngineState, HistoryPoint, Snapshot } from '../../core/protocol';
import { generateData } from '../../core/engine/data';
import { decodeDigits, digitsTable, type DigitSet } from '../../core/tabular/digits';
import { digitsConfig } from '../../core/tabular/presets';
import { DIGIT_PIXELS } from '../../core/tabular/info';
import { gatherRows } from '../../core/tabular/split';
import { registerTable, type Table } from '../../core/tabular/table';
import { fetchDigits } from './loader';

/**
 * The bundled file's URL. scripts/build-digits.mjs writes it before the renderer is built; a
 * glob (rather than a plain import) keeps the build working without it, and the area then
 * says the images are missing instead of the whole app failing to build.
 */
const BUNDLED = import.meta.glob('./assets/digits.bin', { query: '?url', import: 'default', eager: true }) as Record<string, string>;
const digitsUrl: string | undefined = BUNDLED['./assets/digits.bin'];

/** How long saving waits for the engine's answer. */
const STATE_TIMEOUT_MS = 10_000;

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Distributes Omit over the command union, so each command keeps its own fields. */
type CommandBody = Command extends infer C ? (C extends Command ? Omit<C, 'id'> : never) : never;

export interface TestSet {
  rows: Int32Array;
  /** rows.length × 784 inputs in [0, 1]. */
  x: Float64Array;
  labels: Uint8Array;
}

/** What a lesson step may read from the Digits area. */
export interface DigitsReport {
  epoch: number;
  testAccuracy: number | null;
  hidden: LayerSpec[];
  /** The network's answer for the drawing on the pad, or null when the pad is empty. */
  drawnPrediction: number | null;
  drawnConfidence: number | null;
}

/** Which of the 784 pixels carry ink in at least one image. */
export function inkedPixels(set: DigitSet): Uint8Array {
  const used = new Uint8Array(DIGIT_PIXELS);
  for (let n = 0; n < set.count; n++) {
    const at = n * DIGIT_PIXELS;
    for (let i = 0; i < DIGIT_PIXELS; i++) if (set.pixels[at + i] !== 0) used[i] = 1;
  }
  return used;
}

export class DigitsLab {
  status = $state<LoadStatus>('idle');
  received = $state(0);
  total = $state<number | null>(null);
  message = $state<string | null>(null);
  config = $state.raw<LabConfig>(digitsConfig());

  constructor(start?: LabConfig) {
    if (start !== undefined) this.config = start;
  }
  snapshot = $state.raw<Snapshot | null>(null);
  /** Test accuracy after each measured epoch, for the little chart. */
  history = $state.raw<HistoryPoint[]>([]);
  test = $state.raw<TestSet | null>(null);
  set: DigitSet | null = null;
  /** 1 for each pixel inked in at least one image. */
  usedPixels: Uint8Array | null = null;
  private worker: Worker | null = null;
  private nextId = 1;
  // Callbacks waiting for the engine's answer, never shown: a plain Map is right here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly pendingStates = new Map<number, (state: EngineState) => void>();
  /** A saved history waiting for the first snapshot of the network it belongs to. */
  private pendingHistory: HistoryPoint[] | null = null;

  get running(): boolean {
    return this.snapshot?.running ?? false;
  }

  async load(): Promise<void> {
    if (this.status === 'loading' || this.status === 'ready') return;
    this.status = 'loading';
    this.message = null;
    try {
      if (digitsUrl === undefined) throw new Error('The digit images are not part of this build: run "node scripts/build-digits.mjs" before building.');
      const bytes = await fetchDigits(digitsUrl, (received, total) => {
        this.received = received;
        this.total = total;
      });
      const set = decodeDigits(bytes);
      this.set = set;
      this.usedPixels = inkedPixels(set);
      registerTable(digitsTable(set));
      this.startWorker(bytes);
    } catch (error) {
      this.status = 'error';
      this.message = error instanceof Error ? error.message : String(error);
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
        this.pendingStates.get(event.replyTo)?.(event.state);
        this.pendingStates.delete(event.replyTo);
        return;
    }
  }

  private accept(snapshot: Snapshot): void {
    const current = this.snapshot;
    if (current !== null && snapshot.configVersion < current.configVersion) return;
    const fresh = current === null || snapshot.configVersion !== current.configVersion;
    const kept = fresh ? (this.pendingHistory ?? []) : this.history;
    if (fresh) this.pendingHistory = null;
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
    this.pendingHistory = null;
    this.snapshot = null;
    const table: Table = digitsTable(this.set as DigitSet);
    const rows = generateData(config.data, config.seed).rows;
    if (rows !== undefined) this.test = { rows: rows.test, x: gatherRows(table, rows.test), labels: Uint8Array.from(rows.test, (r) => table.labels[r]) };
    this.send({ type: 'configure', config });
  }

  /** The engine's exact parameters and optimizer moments, for saving. */
  requestState(): Promise<EngineState> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingStates.delete(id);
        reject(new Error('The training engine did not answer. Try again in a moment.'));
      }, STATE_TIMEOUT_MS);
      this.pendingStates.set(id, (state) => {
        clearTimeout(timer);
        resolve(state);
      });
      this.worker?.postMessage({ type: 'get-state', id } satisfies Command);
    });
  }

  /** Puts a saved network back: its configuration, its exact weights and its history. */
  restore(config: LabConfig, state: EngineState | null, history: readonly HistoryPoint[]): void {
    this.configure(config);
    this.pendingHistory = history.slice();
    if (state !== null) this.send({ type: 'load-state', state });
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
