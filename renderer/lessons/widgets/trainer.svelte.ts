/**
 * The lessons' live trainer: one training session run directly in the page (the lesson
 * networks are tiny), stepped a few epochs per animation frame while playing. It keeps the
 * numbers a step's check reads (see TrainerState) and the newest parameters for drawing.
 */
import type { ActivationName, DataPoint, DatasetName, LabConfig, RegularizationName } from '../../../core/config';
import type { EngineEvent, Snapshot } from '../../../core/protocol';
import { createSession, forwardPoints, generateData, collapse, type TrainingSession } from '../engine';
import type { TrainerPreset, TrainerState } from '../types';

/** Epochs trained per frame at most, and the time a frame may spend training. */
const EPOCHS_PER_FRAME = 4;
const FRAME_BUDGET_MS = 10;
/** Loss history kept for the chart; halved (every other point dropped) when full. */
const CURVE_LIMIT = 1000;

export interface LossCurve {
  epochs: number[];
  train: number[];
  test: number[];
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export class TrainerModel {
  config: LabConfig = $state() as LabConfig;
  epoch = $state(0);
  trainLoss = $state(Number.NaN);
  testLoss = $state(Number.NaN);
  trainAccuracy = $state<number | null>(null);
  testAccuracy = $state<number | null>(null);
  running = $state(false);
  diverged = $state(false);
  message = $state('');
  answer = $state<string | null>(null);
  race = $state<Partial<Record<ActivationName, number>>>({});
  peakTestLoss = $state(0);
  lowestTestLoss = $state(Number.POSITIVE_INFINITY);
  /** Bumped whenever new parameters arrive, so views know to redraw. */
  version = $state(0);
  params: Float64Array | null = null;
  /** Loss history since the last fresh start (plain arrays: redraws follow `version`). */
  curve: LossCurve = { epochs: [], train: [], test: [] };
  train: DataPoint[] = $state([]);
  test: DataPoint[] = $state([]);

  private session: TrainingSession = createSession();
  private frame = 0;
  private nextId = 1;

  constructor(readonly preset: TrainerPreset) {
    this.configure(copy(preset.config));
  }

  /** Builds a fresh network (and data) for a configuration. */
  configure(config: LabConfig): void {
    this.pause();
    this.config = config;
    const data = generateData(config.data, config.seed);
    this.train = data.train;
    this.test = data.test;
    this.apply(this.session.handle({ type: 'configure', id: this.nextId++, config: copy(config) }), true);
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
    this.message = '';
    this.apply(this.session.handle({ type: 'set-training', id: this.nextId++, training: change }), false);
  }

  reseed(): void {
    const next = copy(this.config);
    next.seed = next.seed + 1;
    this.configure(next);
  }

  /** New random weights, same data. */
  restart(): void {
    this.pause();
    this.apply(this.session.handle({ type: 'reset', id: this.nextId++ }), true);
  }

  play(): void {
    if (this.running) return;
    this.running = true;
    this.diverged = false;
    this.message = '';
    this.frame = requestAnimationFrame(this.tick);
  }

  pause(): void {
    this.running = false;
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  dispose(): void {
    this.pause();
  }

  private tick = (): void => {
    this.frame = 0;
    if (!this.running) return;
    const start = performance.now();
    const events = this.session.train(EPOCHS_PER_FRAME, () => performance.now(), start + FRAME_BUDGET_MS);
    if (events.length > 0) this.apply(events, false);
    else this.take(this.session.snapshot());
    if (this.running) this.frame = requestAnimationFrame(this.tick);
  };

  private apply(events: EngineEvent[], fresh: boolean): void {
    if (fresh) {
      this.curve = { epochs: [], train: [], test: [] };
      this.peakTestLoss = 0;
      this.lowestTestLoss = Number.POSITIVE_INFINITY;
      this.diverged = false;
      this.message = '';
    }
    for (const event of events) {
      if (event.type === 'snapshot') this.take(event.snapshot);
      else if (event.type === 'diverged') {
        this.take(event.snapshot);
        this.pause();
        this.diverged = true;
        this.message = event.message;
      } else if (event.type === 'error') {
        this.pause();
        this.message = event.message;
      }
    }
  }

  private take(snapshot: Snapshot): void {
    const m = snapshot.metrics;
    this.epoch = snapshot.epoch;
    this.trainLoss = m.trainLoss;
    this.testLoss = m.testLoss;
    this.trainAccuracy = m.trainAccuracy;
    this.testAccuracy = m.testAccuracy;
    this.params = snapshot.params;
    this.record(snapshot);
    if (Number.isFinite(m.testLoss)) {
      this.peakTestLoss = Math.max(this.peakTestLoss, m.testLoss);
      this.lowestTestLoss = Math.min(this.lowestTestLoss, m.testLoss);
    }
    const target = this.preset.raceTarget;
    if (target !== null && m.testAccuracy !== null && m.testAccuracy >= target && snapshot.epoch > 0) {
      const activation = this.config.network.hidden[0]?.activation ?? 'identity';
      const best = this.race[activation];
      if (best === undefined || snapshot.epoch < best) this.race = { ...this.race, [activation]: snapshot.epoch };
    }
    this.version++;
  }

  private record(snapshot: Snapshot): void {
    const c = this.curve;
    const points = snapshot.history.length > 0 ? snapshot.history : [snapshot.metrics];
    for (const h of points) {
      if (c.epochs.length > 0 && h.epoch <= c.epochs[c.epochs.length - 1]) continue;
      c.epochs.push(h.epoch);
      c.train.push(h.trainLoss);
      c.test.push(h.testLoss);
    }
    if (c.epochs.length === 0) {
      c.epochs.push(snapshot.epoch);
      c.train.push(snapshot.metrics.trainLoss);
      c.test.push(snapshot.metrics.testLoss);
    }
    if (c.epochs.length > CURVE_LIMIT) {
      const keep = (_: number, i: number): boolean => i % 2 === 0 || i === c.epochs.length - 1;
      this.curve = { epochs: c.epochs.filter(keep), train: c.train.filter(keep), test: c.test.filter(keep) };
    }
  }

  /** The network's output at each probe point (first output neuron). */
  probeOutputs(): number[] | null {
    const points = this.preset.probePoints;
    if (points === null || this.params === null) return null;
    const xy = new Float64Array(points.flatMap((p) => [p.x1, p.x2]));
    const layers = forwardPoints(this.config, this.params, xy);
    const out = layers[layers.length - 1];
    const k = out.length / points.length;
    return points.map((_, i) => out[i * k]);
  }

  collapsed(): { W: number[][]; b: number[] } | null {
    return this.params === null ? null : collapse(this.config, this.params);
  }

  state(): TrainerState {
    return {
      config: copy(this.config),
      epoch: this.epoch,
      trainLoss: this.trainLoss,
      testLoss: this.testLoss,
      trainAccuracy: this.trainAccuracy,
      testAccuracy: this.testAccuracy,
      diverged: this.diverged,
      collapsed: this.collapsed() !== null,
      answer: this.answer,
      race: { ...this.race },
      peakTestLoss: this.peakTestLoss,
      lowestTestLoss: this.lowestTestLoss,
      params: this.params === null ? null : this.params.slice(),
      probeOutputs: this.probeOutputs(),
    };
  }
}
