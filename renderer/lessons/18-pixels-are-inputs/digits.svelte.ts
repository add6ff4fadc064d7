/**
 * The digits lesson's network: a TrainingRun on a dedicated engine, fed the page's one download
 * of the digit images (handed to its engine once, as the Lab does: lab/table/gate.ts). The
 * views are the Lab's own (lab/digits/DigitsViews.svelte) over this run.
 */
import type { LabConfig, LayerSpec } from '../../../core/config';
import { digitsConfig } from '../../../core/tabular/presets';
import { bundledDigits, TableGate, type DigitsProgress, type DigitsSource } from '../../lab';
import { dedicatedEngine, type EngineConnection } from '../../engine/connection';
import { TrainingRun } from '../../engine/run.svelte';

export class LessonDigits {
  config = $state.raw<LabConfig>(digitsConfig());
  /** How the download of the images is going. */
  progress = $state.raw<DigitsProgress>({ status: 'idle', received: 0, total: null, message: null });
  /** True once the engine has the images and the network is configured. */
  ready = $state(false);
  /** The best test accuracy seen from a linear network and from one with an activation, for the lesson's comparison. */
  best = $state.raw<{ linear: number | null; nonLinear: number | null }>({ linear: null, nonLinear: null });
  readonly run: TrainingRun;
  private readonly gate: TableGate;
  private readonly stop: () => void;

  constructor(
    hidden: LayerSpec[],
    readonly digits: DigitsSource = bundledDigits,
    engine: EngineConnection = dedicatedEngine(),
  ) {
    this.config = digitsConfig(hidden);
    this.run = new TrainingRun(engine);
    this.gate = new TableGate(engine, digits);
    this.stop = digits.subscribe((progress) => (this.progress = progress));
  }

  get running(): boolean {
    return this.run.running;
  }

  /** Downloads the images (once per page), gives them to the engine, then builds the network. */
  load(): Promise<void> {
    // Once built, the network stays: the next step shows the one trained in this one.
    if (this.ready) return Promise.resolve();
    return this.gate
      .run('digits', () => this.configure(this.config))
      .then(
        () => {},
        () => {
          // The download's own message is in `progress`; "Try again" calls load() again.
        },
      );
  }

  /** Keeps a measured test accuracy if it is the best of its kind (the kind is the network's, not the step's). */
  record(accuracy: number | null): void {
    if (accuracy === null || !Number.isFinite(accuracy)) return;
    const kind = this.config.network.hidden.every((layer) => layer.activation === 'identity') ? 'linear' : 'nonLinear';
    const old = this.best[kind];
    if (old === null || accuracy > old) this.best = { ...this.best, [kind]: accuracy };
  }

  setHidden(hidden: LayerSpec[]): void {
    this.configure({ ...this.config, network: { ...this.config.network, hidden } });
  }

  setLearningRate(learningRate: number): void {
    this.config = { ...this.config, training: { ...this.config.training, learningRate } };
    this.run.setTraining({ learningRate });
  }

  private configure(config: LabConfig): void {
    this.config = config;
    this.run.message = null;
    this.run.configure(config);
    this.ready = true;
  }

  dispose(): void {
    this.stop();
    this.run.close();
  }
}
