/**
 * The Lab's state on the page: the configuration the learner builds, the view settings and
 * the saved flag, over the app's shared engine. The training itself (newest snapshot,
 * bounded history, commands) is a TrainingRun (engine/run.svelte.ts), the same class every
 * other screen that trains uses; the Lab passes its getters and commands through.
 */
import {
  defaultConfig,
  type ActivationName,
  type DatasetName,
  type LabConfig,
  type TableDatasetName,
  type TrainingSettings,
} from '../../core/config';
import type { EngineState, HistoryPoint, Snapshot, Speed } from '../../core/protocol';
import { DEFAULT_EXPLORER_ACTIVATION, DEFAULT_GRADIENT_FLOW_OPEN, type Challenge } from '../../core/project/types';
import { changeRefusal, solutionIn } from '../../core/challenge';
import { isTableDataset } from '../../core/tabular/info';
import type { EngineConnection } from '../engine/connection';
import { ExampleWalk, type PickedNeuron } from '../engine/example.svelte';
import { TrainingRun, type RunMessage } from '../engine/run.svelte';
import { bundledDigits, DataMemory, TableGate, type DigitsSource } from '../lab';

export interface ViewState {
  area: 'lessons' | 'lab' | 'projects';
  showTestData: boolean;
  discretize: boolean;
  layerSpaceLayer: number;
  /** The Gradient flow panel is open (saved as the project's optional `view.gradientFlowOpen`). */
  gradientFlowOpen: boolean;
  /** The activation the explorer shows. */
  explorerActivation: ActivationName;
  /** Curve view: draw each last-hidden-layer neuron's contribution and the output bias. */
  showEachNeuron: boolean;
  /** The neuron whose formula One example writes out; absent for the network's first. */
  exampleNeuron?: PickedNeuron;
}

/** The Lab's view settings before anything is chosen or opened. */
export function defaultLabView(): ViewState {
  return {
    area: 'lab',
    showTestData: false,
    discretize: false,
    layerSpaceLayer: 0,
    gradientFlowOpen: DEFAULT_GRADIENT_FLOW_OPEN,
    explorerActivation: DEFAULT_EXPLORER_ACTIVATION,
    showEachNeuron: false,
  };
}

/** What a saved project restores into the Lab. */
export interface LabRestore {
  config: LabConfig;
  state: EngineState;
  history: HistoryPoint[];
  view?: Partial<ViewState>;
}

export class Lab {
  config = $state<LabConfig>(defaultConfig());
  view = $state<ViewState>(defaultLabView());
  /** True when something changed since the project was last saved or opened. */
  dirty = $state(false);
  /**
   * The table data set a change is waiting for (the digit images still downloading), or null.
   * Until it arrives `config` stays the one the engine runs.
   */
  waitingFor = $state<TableDatasetName | null>(null);
  /**
   * The teacher's challenge the open project holds, or null. While there is one, `configure`
   * refuses changes that break its limits, and every snapshot is checked against its goal.
   */
  challenge = $state<Challenge | null>(null);
  /** The training on the shared engine. */
  readonly run: TrainingRun;
  /** One example, forward and backward, on the same engine (the One example button). */
  readonly example: ExampleWalk;

  private readonly tables: TableGate;
  /** The network last used with each kind of data, for switching back and forth. */
  private readonly memory = new DataMemory();

  /** `digits` is where the digit images come from: the page's one download unless a test gives its own. */
  constructor(
    engine: EngineConnection,
    readonly digits: DigitsSource = bundledDigits,
  ) {
    this.run = new TrainingRun(engine, {
      onEvent: (event) => {
        if (event.type === 'snapshot' && event.snapshot.running) this.dirty = true;
        if (event.type === 'snapshot') this.checkChallenge(event.snapshot);
      },
    });
    const view = this.view;
    this.example = new ExampleWalk(this.run, {
      onTrained: () => (this.dirty = true),
      // The picked neuron lives in the view, so a project saves it and opening one restores it.
      store: {
        get picked() {
          return view.exampleNeuron ?? null;
        },
        set picked(neuron: PickedNeuron | null) {
          if (neuron === null) delete view.exampleNeuron;
          else view.exampleNeuron = neuron;
        },
      },
    });
    this.tables = new TableGate(engine, digits);
  }

  /** The newest snapshot; older ones are dropped, the page draws once per frame. */
  get snapshot(): Snapshot | null {
    return this.run.snapshot;
  }
  /** Loss and accuracy over time, thinned so it never grows without bound. */
  get history(): HistoryPoint[] {
    return this.run.history;
  }
  get speed(): Speed {
    return this.run.speed;
  }
  /** A message for the learner (training diverged, the engine refused a setting…). */
  get message(): RunMessage | null {
    return this.run.message;
  }
  set message(message: RunMessage | null) {
    this.run.message = message;
  }
  get running(): boolean {
    return this.run.running;
  }
  get epoch(): number {
    return this.run.epoch;
  }

  dispose(): void {
    this.example.dispose();
    this.run.close();
  }

  /**
   * Builds data and network afresh from `config` (weights from its seed, epoch 0). For the
   * digits it first waits, once, for the images to reach the page and the engine.
   */
  configure(config: LabConfig = this.config): Promise<void> {
    // Every change the learner makes comes here: one a challenge's limits refuse changes nothing and says why.
    const refusal = this.challenge
      ? changeRefusal($state.snapshot(this.challenge), $state.snapshot(this.config) as LabConfig, config)
      : null;
    if (refusal) {
      this.message = { kind: 'info', text: refusal };
      return Promise.resolve();
    }
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

  private sendConfig(config: LabConfig, restore?: { state: EngineState; history: HistoryPoint[] }): void {
    this.clearStopWarning();
    this.config = config;
    this.run.configure($state.snapshot(config) as LabConfig, restore);
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
    this.run.play();
  }

  pause(): void {
    this.run.pause();
  }

  /**
   * The Lab's views call this as they begin a frame that draws a training snapshot: the
   * engine then sends one snapshot per frame, timed for the next (core/runner.ts, pacing).
   */
  frameStarted(): void {
    this.run.frameStarted();
  }

  togglePlay(): void {
    this.run.toggle();
  }

  step(unit: 'batch' | 'epoch' = 'epoch'): void {
    this.run.step(unit);
    this.dirty = true;
  }

  reset(): void {
    this.clearStopWarning();
    this.run.reset();
    this.dirty = true;
  }

  /** Changes training settings at once, without a reset (e.g. the learning rate mid-run). */
  setTraining(training: Partial<TrainingSettings>): void {
    this.config.training = { ...this.config.training, ...training };
    if (training.learningRate !== undefined) this.clearStopWarning();
    this.run.setTraining(training);
    this.dirty = true;
  }

  /**
   * "Training stopped" is about the run that blew up: once the learner resets, builds another
   * network or changes the learning rate, its advice (and its suggested rate) no longer applies.
   */
  private clearStopWarning(): void {
    if (this.message?.kind === 'warning') this.message = null;
  }

  setParameter(index: number, value: number): void {
    this.run.setParameter(index, value);
    this.dirty = true;
  }

  setSpeed(speed: Speed): void {
    this.run.setSpeed(speed);
  }

  /** Asks the engine for its exact state (parameters, optimizer moments, epoch). */
  requestState(): Promise<EngineState> {
    return this.run.requestState();
  }

  /**
   * Replaces the whole Lab with a saved project: configuration, exact state, history, view.
   * A digits project first waits for the images (the view and the saved flag change at once).
   */
  applyProject(restore: LabRestore): Promise<void> {
    // A project saved before a view field existed gets that field's default.
    if (restore.view) Object.assign(this.view, { gradientFlowOpen: DEFAULT_GRADIENT_FLOW_OPEN }, restore.view);
    // A project without a picked neuron shows the network's first one, not the last project's pick.
    if (restore.view && restore.view.exampleNeuron === undefined) delete this.view.exampleNeuron;
    this.message = null;
    this.dirty = false;
    return this.whenTableReady(restore.config, () => this.sendConfig(restore.config, restore));
  }

  /** Opens a network from elsewhere (a lesson) in the Lab: its configuration and, if given, its weights. */
  openNetwork(config: LabConfig, params: Float64Array | null): Promise<void> {
    this.dirty = true;
    return this.whenTableReady(config, () => {
      this.sendConfig(config);
      if (!params) return;
      const moments = { sgd: 0, momentum: 1, adam: 2 }[config.training.optimizer];
      const zeros = () => new Array<number>(params.length).fill(0);
      this.run.loadState({ epoch: 0, params: Array.from(params), optimizer: Array.from({ length: moments }, zeros), step: 0 });
    });
  }

  /**
   * Records the challenge as solved at the first newly measured point that meets its goal,
   * with the network that met it (only while the network keeps every limit).
   */
  private checkChallenge(snapshot: Snapshot): void {
    if (this.challenge === null || this.challenge.solved !== null) return;
    const points = snapshot.history.length > 0 ? snapshot.history : [snapshot.metrics];
    // A time stamp for the file, never shown reactively: a plain Date is right here.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const solved = solutionIn(this.challenge, this.config, points, new Date());
    if (solved === null) return;
    this.challenge.solved = solved;
    this.dirty = true;
  }

  markSaved(): void {
    this.dirty = false;
  }
}
