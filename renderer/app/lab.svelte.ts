/**
 * The Lab's state on the page: the configuration the learner builds, the newest engine
 * snapshot, a bounded history for the charts and the view settings. It talks to the engine
 * only through an EngineHost, so it is the same in Electron and in the browser host.
 */
import { defaultConfig, type DatasetName, type LabConfig, type TableDatasetName, type TrainingSettings } from '../../core/config';
import { appendHistory } from '../../core/history';
import type { EngineEvent, EngineState, HistoryPoint, Snapshot, Speed } from '../../core/protocol';
import { isTableDataset } from '../../core/tabular/info';
import { bundledDigits } from '../digits/bundled';
import type { DigitsSource } from '../digits/source';
import type { EngineHost } from '../engine/host';
import { TableGate } from '../lab/table/gate';
import { DataMemory } from '../lab/table/switch';

export interface ViewState {
  area: 'lessons' | 'lab' | 'projects';
  showTestData: boolean;
  discretize: boolean;
  layerSpaceLayer: number;
}

/** What a saved project restores into the Lab. */
export interface LabRestore {
  config: LabConfig;
  state: EngineState;
  history: HistoryPoint[];
  view?: Partial<ViewState>;
}

const STATE_TIMEOUT_MS = 5000;

export class Lab {
  config = $state<LabConfig>(defaultConfig());
  /** The newest snapshot; older ones are dropped, the page draws once per frame. */
  snapshot = $state.raw<Snapshot | null>(null);
  /** Loss and accuracy over time, thinned so it never grows without bound. */
  history = $state.raw<HistoryPoint[]>([]);
  view = $state<ViewState>({ area: 'lab', showTestData: false, discretize: false, layerSpaceLayer: 0 });
  speed = $state.raw<Speed>({ mode: 'max' });
  /** A message for the learner (training diverged, the engine refused a setting…). */
  message = $state<{ kind: 'error' | 'warning' | 'info'; text: string } | null>(null);
  /** True when something changed since the project was last saved or opened. */
  dirty = $state(false);
  /**
   * The table data set a change is waiting for (the digit images still downloading), or null.
   * Until it arrives `config` stays the one the engine runs.
   */
  waitingFor = $state<TableDatasetName | null>(null);

  readonly running = $derived(this.snapshot?.running ?? false);
  readonly epoch = $derived(this.snapshot?.epoch ?? 0);

  private nextId = 1;
  private lastConfigVersion = -1;
  // Plain Map on purpose: pending replies are bookkeeping, never shown, so nothing should react to them.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly pendingStates = new Map<number, (state: EngineState) => void>();
  private readonly stop: () => void;
  private readonly tables: TableGate;
  /** The network last used with each kind of data, for switching back and forth. */
  private readonly memory = new DataMemory();

  /** `digits` is where the digit images come from: the page's one download unless a test gives its own. */
  constructor(
    private readonly host: EngineHost,
    readonly digits: DigitsSource = bundledDigits,
  ) {
    this.tables = new TableGate(host, digits);
    this.stop = host.onEvent((event) => this.receive(event));
    // The engine starts at its own default pace; from the start it trains at the speed shown.
    this.send({ type: 'set-speed', id: this.id(), speed: this.speed });
  }

  dispose(): void {
    this.stop();
    this.host.dispose();
  }

  /**
   * Builds data and network afresh from `config` (weights from its seed, epoch 0). For the
   * digits it first waits, once, for the images to reach the page and the engine.
   */
  configure(config: LabConfig = this.config): Promise<void> {
    this.dirty = true;
    return this.whenTableReady(config, () => this.sendConfig(config));
  }

  /**
   * Shows another data set. Within 2-D data only the data changes; moving between 2-D data,
   * the digits and Iris brings back the network last used with that data (or its usual one).
   */
  pickData(dataset: DatasetName): Promise<void> {
    const current = $state.snapshot(this.config) as LabConfig;
    this.memory.remember(current);
    return this.configure(this.memory.configFor(dataset, current));
  }

  private sendConfig(config: LabConfig): void {
    this.config = config;
    this.history = [];
    this.send({ type: 'configure', id: this.id(), config: $state.snapshot(config) as LabConfig });
  }

  /** Runs `apply` once the engine has the table `config` reads (at once for 2-D data and Iris). */
  private whenTableReady(config: LabConfig, apply: () => void): Promise<void> {
    const dataset = config.data.dataset;
    const waiting = isTableDataset(dataset) && this.tables.needsLoading(dataset);
    this.waitingFor = waiting ? dataset : null;
    if (waiting) this.message = null;
    return this.tables.run(dataset, apply).then(
      (outcome) => {
        if (waiting && outcome === 'applied') this.waitingFor = null;
      },
      (error: unknown) => {
        this.waitingFor = null;
        const reason = error instanceof Error ? error.message : String(error);
        this.message = { kind: 'error', text: `The digit images could not be loaded. ${reason}` };
      },
    );
  }

  play(): void {
    this.message = null;
    this.send({ type: 'play', id: this.id() });
  }

  pause(): void {
    this.send({ type: 'pause', id: this.id() });
  }

  /**
   * The Lab's views call this as they begin a frame that draws a training snapshot: the
   * engine then sends one snapshot per frame, timed for the next (core/runner.ts, pacing).
   */
  frameStarted(): void {
    this.send({ type: 'drawn', id: this.id() });
  }

  togglePlay(): void {
    if (this.running) this.pause();
    else this.play();
  }

  step(unit: 'batch' | 'epoch' = 'epoch'): void {
    this.send({ type: 'step', id: this.id(), unit });
    this.dirty = true;
  }

  reset(): void {
    this.history = [];
    this.message = null;
    this.send({ type: 'reset', id: this.id() });
    this.dirty = true;
  }

  /** Changes training settings at once, without a reset (e.g. the learning rate mid-run). */
  setTraining(training: Partial<TrainingSettings>): void {
    this.config.training = { ...this.config.training, ...training };
    this.send({ type: 'set-training', id: this.id(), training });
    this.dirty = true;
  }

  setParameter(index: number, value: number): void {
    this.send({ type: 'set-parameter', id: this.id(), index, value });
    this.dirty = true;
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.send({ type: 'set-speed', id: this.id(), speed });
  }

  /** Asks the engine for its exact state (parameters, optimizer moments, epoch). */
  requestState(): Promise<EngineState> {
    const id = this.id();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingStates.delete(id);
        reject(new Error('The training engine did not answer. Try again in a moment.'));
      }, STATE_TIMEOUT_MS);
      this.pendingStates.set(id, (state) => {
        clearTimeout(timer);
        resolve(state);
      });
      this.send({ type: 'get-state', id });
    });
  }

  /**
   * Replaces the whole Lab with a saved project: configuration, exact state, history, view.
   * A digits project first waits for the images (the view and the saved flag change at once).
   */
  applyProject(restore: LabRestore): Promise<void> {
    if (restore.view) Object.assign(this.view, restore.view);
    this.message = null;
    this.dirty = false;
    return this.whenTableReady(restore.config, () => {
      this.config = restore.config;
      this.send({ type: 'configure', id: this.id(), config: restore.config });
      this.send({ type: 'load-state', id: this.id(), state: restore.state });
      this.pendingHistory = restore.history.slice();
    });
  }

  /** Opens a network from elsewhere (a lesson) in the Lab: its configuration and, if given, its weights. */
  openNetwork(config: LabConfig, params: Float64Array | null): Promise<void> {
    this.dirty = true;
    return this.whenTableReady(config, () => {
      this.sendConfig(config);
      if (!params) return;
      const moments = { sgd: 0, momentum: 1, adam: 2 }[config.training.optimizer];
      const zeros = () => new Array<number>(params.length).fill(0);
      this.send({
        type: 'load-state',
        id: this.id(),
        state: { epoch: 0, params: Array.from(params), optimizer: Array.from({ length: moments }, zeros), step: 0 },
      });
    });
  }

  markSaved(): void {
    this.dirty = false;
  }

  private pendingHistory: HistoryPoint[] | null = null;

  private receive(event: EngineEvent): void {
    switch (event.type) {
      case 'snapshot':
        this.accept(event.snapshot);
        break;
      case 'diverged':
        this.accept(event.snapshot);
        this.message = { kind: 'warning', text: event.message };
        break;
      case 'state':
        this.pendingStates.get(event.replyTo)?.(event.state);
        this.pendingStates.delete(event.replyTo);
        break;
      case 'error':
        this.message = { kind: 'error', text: event.message };
        break;
    }
  }

  private accept(snapshot: Snapshot): void {
    let history = this.history;
    if (snapshot.configVersion !== this.lastConfigVersion) {
      this.lastConfigVersion = snapshot.configVersion;
      history = this.pendingHistory ?? [];
      this.pendingHistory = null;
    } else if (history.length > 0 && snapshot.epoch < history[history.length - 1].epoch) {
      // Training went back in time (reset, or an older state loaded): start a fresh curve.
      history = [];
    } else {
      history = history.slice();
    }
    appendHistory(history, snapshot.history);
    this.history = history;
    this.snapshot = snapshot;
    if (snapshot.running) this.dirty = true;
  }

  private id(): number {
    return this.nextId++;
  }

  private send(command: Parameters<EngineHost['send']>[0]): void {
    this.host.send(command);
  }
}
