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
import type { Rollback } from '../../core/history';
import type { EngineState, HistoryPoint, Snapshot, Speed } from '../../core/protocol';
import { DEFAULT_EXPLORER_ACTIVATION, DEFAULT_GRADIENT_FLOW_OPEN, type Challenge } from '../../core/project/types';
import { DATASET_INFO } from '../../core/engine';
import { isTableDataset } from '../../core/tabular/info';
import type { EngineConnection } from '../engine/connection';
import { ExampleWalk, type PickedNeuron } from '../engine/example.svelte';
import { TrainingRun, type RunMessage } from '../engine/run.svelte';
import { bundledDigits, DataMemory, TableGate, type DigitsSource } from '../lab';
import { ChallengeGate, type ChallengeQuestion } from './challenge-gate.svelte';

export type { ChallengeQuestion } from './challenge-gate.svelte';

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
  get challenge(): Challenge | null {
    return this.gate.challenge;
  }
  /** Another challenge (or none) makes any question about the last one moot, and a new one any note about the last. */
  set challenge(challenge: Challenge | null) {
    this.gate.challenge = challenge;
    this.gate.keep();
    if (challenge !== null && this.message?.kind === 'info') this.message = null;
  }
  /** A network from elsewhere that would break the challenge's limits, waiting for the learner's answer; null when none is. */
  get question(): ChallengeQuestion | null {
    return this.gate.question;
  }
  private readonly gate = new ChallengeGate();
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
  /** The last blow-up training went back from, with the losses that led to it (the chart keeps them). */
  get rollback(): Rollback | null {
    return this.run.rollback;
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
    const refusal = this.gate.refusal(() => $state.snapshot(this.config) as LabConfig, config);
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
   * When the open challenge's limits would refuse that network, the Lab asks first (`question`).
   */
  pickData(dataset: DatasetName): Promise<void> {
    const current = $state.snapshot(this.config) as LabConfig;
    const next = this.memory.configFor(dataset, current);
    const subject = `The network for ${DATASET_INFO[dataset].label}`;
    return this.replaceNetwork(next, subject, `The Lab now shows ${DATASET_INFO[dataset].label}.`, () => {
      this.memory.remember(current);
      return this.configure(next);
    });
  }

  /**
   * Why the open challenge's limits on the network keep `dataset`'s picker greyed out, in
   * words that name the limit and the network's numbers; null when picking it is allowed.
   * Null too under a data lock: that disables every picker at once, and says so in its own words.
   */
  pickRefusal(dataset: DatasetName): string | null {
    const current = () => $state.snapshot(this.config) as LabConfig;
    return this.gate.pickRefusal(dataset, current, (now) => this.memory.configFor(dataset, now));
  }

  /**
   * Every path that replaces the Lab's network with a whole one from elsewhere (a lesson's
   * hand-off, a data set's own network) comes here. With no challenge open, or one whose
   * limits `next` keeps, `open` runs at once. Otherwise nothing changes: `question` asks the
   * learner to leave the challenge (`leaveChallenge`, which then runs `open`) or keep it.
   */
  private replaceNetwork(next: LabConfig, subject: string, opened: string, open: () => Promise<void>): Promise<void> {
    return this.gate.replace(() => $state.snapshot(this.config) as LabConfig, next, subject, opened, open);
  }

  /** The learner's answer to `question`: the challenge closes (its file keeps it) and the network opens. */
  leaveChallenge(): Promise<void> {
    const answered = this.gate.leave();
    if (answered === null) return Promise.resolve();
    this.challenge = null;
    this.dirty = true;
    const done = answered.open();
    this.message = { kind: 'info', text: `You left the challenge. ${answered.opened} Open the challenge’s file again to go back to it.` };
    return done;
  }

  /** The other answer to `question`: nothing changes, the challenge stays. */
  keepChallenge(): void {
    this.gate.keep();
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

  /**
   * Opens a network from elsewhere (a lesson) in the Lab: its configuration and, if given, its
   * weights — with the epoch they were trained to and their loss curve, when known. When the
   * open challenge's limits would refuse it, nothing changes and `question` asks first.
   */
  openNetwork(
    config: LabConfig,
    params: Float64Array | null,
    trained?: { epoch: number; history: readonly HistoryPoint[] },
  ): Promise<void> {
    return this.replaceNetwork(config, 'The lesson’s network', 'The lesson’s network is in the Lab.', () => {
      this.dirty = true;
      return this.whenTableReady(config, () => {
        if (!params) return this.sendConfig(config);
        const moments = { sgd: 0, momentum: 1, adam: 2 }[config.training.optimizer];
        const zeros = () => new Array<number>(params.length).fill(0);
        const state = {
          epoch: trained?.epoch ?? 0,
          params: Array.from(params),
          optimizer: Array.from({ length: moments }, zeros),
          step: 0,
        };
        this.sendConfig(config, { state, history: trained ? trained.history.slice() : [] });
      });
    });
  }

  /** Records the challenge as solved at the first newly measured point that meets its goal (see ChallengeGate.record). */
  private checkChallenge(snapshot: Snapshot): void {
    if (this.gate.record(snapshot, this.config)) this.dirty = true;
  }

  markSaved(): void {
    this.dirty = false;
  }
}
