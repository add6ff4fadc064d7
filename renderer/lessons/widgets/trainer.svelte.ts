/**
 * The lessons' live trainer: a TrainingRun on a dedicated engine (a Web Worker of its own),
 * trained a few epochs per frame while playing. It keeps the numbers a step's check reads
 * (see TrainerState), and the data points for drawing; the history and the newest
 * parameters are the run's.
 */
import { onDestroy } from 'svelte';
import type { ActivationName, DataPoint, DatasetName, LabConfig, RegularizationName } from '../../../core/config';
import type { EngineEvent, HistoryPoint, PlayStop, Snapshot } from '../../../core/protocol';
import { dedicatedEngine, type EngineConnection } from '../../engine/connection';
import { TrainingRun } from '../../engine/run.svelte';
import { forwardPoints, generateData, collapse } from '../engine';
import type { TrainerPreset, TrainerState } from '../types';
import { lessonsVisible } from '../visibility';
import { DEFAULT_LESSON_SPEED, engineSpeed, type LessonSpeed } from './speed';

/** What the shared TrainerControls drive: one trainer, or several side by side (the race). */
export interface TrainerTransport {
  readonly running: boolean;
  readonly epoch: number;
  readonly speed: LessonSpeed;
  play(): void;
  pause(): void;
  stepEpoch(): void;
  restart(): void;
  setSpeed(speed: LessonSpeed): void;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class TrainerModel implements TrainerTransport {
  config: LabConfig = $state() as LabConfig;
  diverged = $state(false);
  /** The learning rates training blew up at while this widget was open. */
  divergedAt = $state<number[]>([]);
  answer = $state<string | null>(null);
  /** With a race target: per activation, over every run since the widget opened, the first epoch at the target… */
  race = $state<Partial<Record<ActivationName, number>>>({});
  /** …and the best test accuracy (kept across Start over and activation changes). */
  bestAccuracy = $state<Partial<Record<ActivationName, number>>>({});
  peakTestLoss = $state(0);
  lowestTestLoss = $state(Number.POSITIVE_INFINITY);
  /** Bumped whenever new parameters arrive, so views know to redraw. */
  version = $state(0);
  train: DataPoint[] = $state([]);
  test: DataPoint[] = $state([]);
  /** How fast it trains while playing (the speed menu). */
  speed = $state<LessonSpeed>(DEFAULT_LESSON_SPEED);
  readonly run: TrainingRun;

  constructor(
    readonly preset: TrainerPreset,
    engine: EngineConnection = dedicatedEngine(),
  ) {
    this.speed = preset.speed ?? DEFAULT_LESSON_SPEED;
    this.run = new TrainingRun(engine, {
      speed: engineSpeed(this.speed),
      onEvent: (event) => this.receive(event),
    });
    this.configure(copy(preset.config));
  }

  get running(): boolean {
    return this.run.running;
  }
  get epoch(): number {
    return this.run.epoch;
  }
  /** Loss and accuracy since the last fresh start. */
  get history(): HistoryPoint[] {
    return this.run.history;
  }
  /** The newest parameters, or null before the first snapshot. */
  get params(): Float64Array | null {
    return this.run.snapshot?.params ?? null;
  }
  get trainLoss(): number {
    return this.run.snapshot?.metrics.trainLoss ?? Number.NaN;
  }
  get testLoss(): number {
    return this.run.snapshot?.metrics.testLoss ?? Number.NaN;
  }
  get trainAccuracy(): number | null {
    return this.run.snapshot?.metrics.trainAccuracy ?? null;
  }
  get testAccuracy(): number | null {
    return this.run.snapshot?.metrics.testAccuracy ?? null;
  }
  get message(): string {
    return this.run.message?.text ?? '';
  }

  /** Builds a fresh network (and data) for a configuration. */
  configure(config: LabConfig): void {
    this.pause();
    this.config = config;
    const data = generateData(config.data, config.seed);
    this.train = data.train;
    this.test = data.test;
    this.fresh();
    this.run.configure(copy(config));
  }

  setActivation(activation: ActivationName): void {
    const next = copy(this.config);
    next.network.hidden = next.network.hidden.map((h) => ({ ...h, activation }));
    this.configure(next);
  }

  setDataset(dataset: DatasetName): void {
    const next = copy(this.config);
    next.data.dataset = dataset;
    this.configure(next);
  }

  setNoise(noise: number): void {
    const next = copy(this.config);
    next.data.noise = noise;
    this.configure(next);
  }

  setLearningRate(learningRate: number): void {
    this.setTraining({ learningRate });
  }

  setRegularization(regularization: RegularizationName, rate: number): void {
    this.setTraining({ regularization, regularizationRate: regularization === 'none' ? 0 : rate });
  }

  private setTraining(change: Partial<LabConfig['training']>): void {
    const next = copy(this.config);
    next.training = { ...next.training, ...change };
    this.config = next;
    this.diverged = false;
    this.run.message = null;
    this.run.setTraining(change);
  }

  reseed(): void {
    const next = copy(this.config);
    next.seed = next.seed + 1;
    this.configure(next);
  }

  /** New random weights, same data. */
  restart(): void {
    this.pause();
    this.fresh();
    this.run.reset();
  }

  /** Where Train pauses by itself: the preset's epoch budget, unless a caller (a racer) says more. */
  play(stop: PlayStop | undefined = this.preset.epochBudget === undefined ? undefined : { epoch: this.preset.epochBudget }): void {
    if (this.running) return;
    this.diverged = false;
    this.run.play(stop);
  }

  pause(): void {
    this.run.pause();
  }

  /** Trains exactly one epoch (while paused). */
  stepEpoch(): void {
    if (this.running) return;
    this.diverged = false;
    this.run.message = null;
    this.run.step('epoch');
  }

  setSpeed(speed: LessonSpeed): void {
    this.speed = speed;
    this.run.setSpeed(engineSpeed(speed));
  }

  dispose(): void {
    this.run.close();
  }

  /** Forgets what the last network did: the loss extremes and a blow-up. */
  private fresh(): void {
    this.peakTestLoss = 0;
    this.lowestTestLoss = Number.POSITIVE_INFINITY;
    this.diverged = false;
    this.run.message = null;
  }

  private receive(event: EngineEvent): void {
    if (event.type === 'diverged') {
      this.diverged = true;
      const rate = this.config.training.learningRate;
      if (!this.divergedAt.includes(rate)) this.divergedAt = [...this.divergedAt, rate];
    }
    if (event.type === 'snapshot' || event.type === 'diverged') this.take(event.snapshot);
  }

  private take(snapshot: Snapshot): void {
    // Every epoch since the last snapshot counts (at full speed one snapshot covers many).
    const points = snapshot.history.length > 0 ? snapshot.history : [snapshot.metrics];
    const target = this.preset.raceTarget;
    for (const m of points) {
      if (Number.isFinite(m.testLoss)) {
        this.peakTestLoss = Math.max(this.peakTestLoss, m.testLoss);
        this.lowestTestLoss = Math.min(this.lowestTestLoss, m.testLoss);
      }
      if (target === null || m.testAccuracy === null || m.epoch === 0) continue;
      const activation = this.config.network.hidden[0]?.activation ?? 'identity';
      if (m.testAccuracy > (this.bestAccuracy[activation] ?? 0)) this.bestAccuracy = { ...this.bestAccuracy, [activation]: m.testAccuracy };
      if (m.testAccuracy >= target) {
        const best = this.race[activation];
        if (best === undefined || m.epoch < best) this.race = { ...this.race, [activation]: m.epoch };
      }
    }
    this.version++;
  }

  /** The network's output at each probe point (first output neuron). */
  probeOutputs(): number[] | null {
    const points = this.preset.probePoints;
    const params = this.params;
    if (points === null || params === null) return null;
    const xy = new Float64Array(points.flatMap((p) => [p.x1, p.x2]));
    const layers = forwardPoints(this.config, params, xy);
    const out = layers[layers.length - 1];
    const k = out.length / points.length;
    return points.map((_, i) => out[i * k]);
  }

  collapsed(): { W: number[][]; b: number[] } | null {
    const params = this.params;
    return params === null ? null : collapse(this.config, params);
  }

  state(): TrainerState {
    const params = this.params;
    return {
      config: copy(this.config),
      epoch: this.epoch,
      trainLoss: this.trainLoss,
      testLoss: this.testLoss,
      trainAccuracy: this.trainAccuracy,
      testAccuracy: this.testAccuracy,
      diverged: this.diverged,
      divergedAt: [...this.divergedAt],
      collapsed: this.collapsed() !== null,
      answer: this.answer,
      race: { ...this.race },
      bestAccuracy: { ...this.bestAccuracy },
      peakTestLoss: this.peakTestLoss,
      lowestTestLoss: this.lowestTestLoss,
      params: params === null ? null : params.slice(),
      probeOutputs: this.probeOutputs(),
      history: this.history,
    };
  }
}

/**
 * A lesson widget's trainer, closed with the widget: call it while the component is set up.
 * Every live lesson trainer (Trainer, Gradient flow, Dead neurons, Curve) starts this way.
 */
export function lessonTrainer(preset: TrainerPreset, engine?: EngineConnection): TrainerModel {
  const model = new TrainerModel(preset, engine ?? dedicatedEngine());
  onDestroy(() => model.dispose());
  // Hidden behind another area (the Lab), it pauses rather than train unseen.
  const visible = lessonsVisible();
  $effect(() => {
    if (!visible()) model.pause();
  });
  return model;
}
