/**
 * One training run as the page sees it: the newest snapshot, the bounded history for the
 * charts (core/history.ts), the learner's message and the commands, over one engine
 * connection. The Lab, each racer, every lesson trainer and lesson 10 hold one; nothing
 * trains on the page's main thread.
 */
import type { LabConfig, TrainingSettings } from '../../core/config';
import { appendHistory, DEFAULT_HISTORY_LIMIT, splitAtRollback, type Rollback } from '../../core/history';
import type { EngineEvent, EngineState, HistoryPoint, PlayStop, Snapshot, Speed } from '../../core/protocol';
import type { EngineConnection } from './connection';
import { instrumentPoint, withInstrumentPoint, type InstrumentPoint } from './instruments';

export interface RunMessage {
  kind: 'error' | 'warning' | 'info';
  text: string;
}

export interface RunOptions {
  /** At most this many history points are kept (older ones are thinned). */
  historyLimit?: number;
  /** The pace the engine trains at from the start. */
  speed?: Speed;
  /** Called with every event after the run has taken it in (a snapshot is already `snapshot`). */
  onEvent?: (event: EngineEvent) => void;
}

export class TrainingRun {
  /** The newest snapshot; older ones are dropped, the page draws once per frame. */
  snapshot = $state.raw<Snapshot | null>(null);
  /** Loss and accuracy over time, thinned so it never grows without bound. */
  history = $state.raw<HistoryPoint[]>([]);
  /** Gradient flow per completed epoch (instruments.ts), bounded like `history`; cleared with it. */
  instrumentHistory = $state.raw<readonly InstrumentPoint[]>([]);
  speed = $state.raw<Speed>({ mode: 'max' });
  /** A message for the learner (training diverged, the engine refused a setting…). */
  message = $state<RunMessage | null>(null);
  /**
   * The last blow-up the engine rolled back from, with the losses that led to it: the history
   * goes back to the restored epoch, and the charts keep drawing the climb from this until a
   * fresh start (configure, reset, a loaded state) or the next blow-up.
   */
  rollback = $state.raw<Rollback | null>(null);
  /** False once the run is closed: its engine no longer trains. */
  open = $state(true);

  /**
   * Set by a fresh start (configure: a new network; reset: new weights) until the engine's first
   * snapshot of it, so the old network's epoch is not shown meanwhile, however long the engine
   * takes to answer (a digits network can be busy for a second or two).
   */
  private restarting = $state<'network' | 'weights' | null>(null);

  // Getters, not `$derived` fields: a `$derived` belongs to the effect that was running when the
  // run was made, and stops updating once that effect is destroyed (Svelte's `derived_inert`),
  // while a run may outlive the component that made it (lesson 18 keeps one for all its steps).
  /** Whether the engine is training, as its newest snapshot says (a fresh start is paused). */
  get running(): boolean {
    return this.open && this.restarting === null && (this.snapshot?.running ?? false);
  }
  /** The epoch reached: 0 at once after a fresh start. */
  get epoch(): number {
    return this.restarting !== null ? 0 : (this.snapshot?.epoch ?? 0);
  }
  /** True while a fresh start waits for its first snapshot: `snapshot` still shows the old network. */
  get starting(): boolean {
    return this.restarting !== null;
  }

  private lastConfigVersion = -1;
  /** Networks up to this configVersion were replaced by a configure sent since. */
  private replaced = -1;
  /** A saved history that belongs to the next configuration's snapshots. */
  private pendingHistory: HistoryPoint[] | null = null;
  private readonly historyLimit: number;
  private readonly stop: () => void;

  constructor(
    readonly engine: EngineConnection,
    private readonly options: RunOptions = {},
  ) {
    this.historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this.stop = engine.onEvent((event) => this.receive(event));
    // The engine starts at its own default pace; from the start it trains at the speed shown.
    this.setSpeed(options.speed ?? this.speed);
  }

  /**
   * Builds data and network afresh (weights from its seed, epoch 0). `state` and `history`,
   * when given, restore a saved run on top of it.
   */
  configure(config: LabConfig, restore?: { state: EngineState; history: HistoryPoint[] }): void {
    this.history = [];
    this.instrumentHistory = [];
    this.rollback = null;
    this.replaced = this.lastConfigVersion;
    this.restarting = restore === undefined ? 'network' : null;
    this.engine.send({ type: 'configure', config });
    if (!restore) return;
    this.engine.send({ type: 'load-state', state: restore.state });
    this.pendingHistory = restore.history.slice();
  }

  /** `stop`: where the engine pauses by itself (an epoch budget, a target accuracy). */
  play(stop?: PlayStop): void {
    this.message = null;
    this.engine.send(stop === undefined ? { type: 'play' } : { type: 'play', stop });
  }

  pause(): void {
    this.engine.send({ type: 'pause' });
  }

  toggle(): void {
    if (this.running) this.pause();
    else this.play();
  }

  step(unit: 'batch' | 'epoch' = 'epoch'): void {
    this.engine.send({ type: 'step', unit });
  }

  /** New random weights, same data and network. */
  reset(): void {
    this.history = [];
    this.instrumentHistory = [];
    this.rollback = null;
    this.message = null;
    this.restarting = 'weights';
    this.engine.send({ type: 'reset' });
  }

  /** Changes training settings at once, without a reset (e.g. the learning rate mid-run). */
  setTraining(training: Partial<TrainingSettings>): void {
    this.engine.send({ type: 'set-training', training });
  }

  setParameter(index: number, value: number): void {
    this.engine.send({ type: 'set-parameter', index, value });
  }

  /** Loads exact weights (and optimizer moments) into the network configured last. */
  loadState(state: EngineState): void {
    this.restarting = null;
    this.rollback = null;
    this.engine.send({ type: 'load-state', state });
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.engine.send({ type: 'set-speed', speed });
  }

  /**
   * Views call this as they begin a frame that draws a training snapshot: the engine then
   * sends one snapshot per frame, timed for the next (core/runner.ts, pacing).
   */
  frameStarted(): void {
    this.engine.send({ type: 'drawn' });
  }

  /** Asks the engine for its exact state (parameters, optimizer moments, epoch). */
  requestState(): Promise<EngineState> {
    return this.engine.requestState();
  }

  /** Stops listening and closes the connection (a dedicated engine ends); the last snapshot stays. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.stop();
    this.engine.dispose();
  }

  private receive(event: EngineEvent): void {
    // A snapshot of a network configured before the newest one (still on its way) is dropped;
    // configVersion only grows, also across a restart of the desktop engine.
    if ((event.type === 'snapshot' || event.type === 'diverged') && this.stale(event.snapshot.configVersion)) return;
    switch (event.type) {
      case 'snapshot':
        this.accept(event.snapshot);
        break;
      case 'diverged':
        this.rollBack(event.snapshot);
        this.message = { kind: 'warning', text: event.message };
        break;
      case 'error':
        this.message = { kind: 'error', text: event.message };
        break;
      case 'state':
        break;
    }
    this.options.onEvent?.(event);
  }

  /**
   * The engine caught a blow-up and put back the weights of the snapshot's epoch: the history
   * goes back there too, and the measurements that led to the blow-up become `rollback`.
   */
  private rollBack(snapshot: Snapshot): void {
    if (snapshot.configVersion === this.lastConfigVersion) {
      const { kept, rollback } = splitAtRollback(this.history, snapshot.history, snapshot.epoch);
      this.history = kept;
      this.instrumentHistory = this.instrumentHistory.filter((p) => p.epoch <= snapshot.epoch);
      if (rollback !== null) this.rollback = rollback;
    }
    this.accept({ ...snapshot, history: snapshot.history.filter((p) => p.epoch <= snapshot.epoch) });
  }

  private stale(configVersion: number): boolean {
    return configVersion < this.lastConfigVersion || configVersion <= this.replaced;
  }

  private accept(snapshot: Snapshot): void {
    let history = this.history;
    let instruments = this.instrumentHistory;
    if (snapshot.configVersion !== this.lastConfigVersion) {
      this.lastConfigVersion = snapshot.configVersion;
      history = this.pendingHistory ?? [];
      this.pendingHistory = null;
      instruments = [];
    } else if (history.length > 0 && snapshot.epoch < history[history.length - 1].epoch) {
      // Training went back in time (reset, or an older state loaded): start a fresh curve.
      history = [];
      instruments = [];
      this.rollback = null;
    } else {
      history = history.slice();
    }
    appendHistory(history, snapshot.history, this.historyLimit);
    this.history = history;
    this.instrumentHistory = withInstrumentPoint(instruments, instrumentPoint(snapshot), this.historyLimit);
    this.snapshot = snapshot;
    // Snapshots of a replaced network never get here (stale), so a new network's first is its own;
    // after a reset, one sent before the engine got it may still come first, and the reset's is at epoch 0.
    if (this.restarting === 'network' || snapshot.epoch === 0) this.restarting = null;
  }
}
