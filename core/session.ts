/**
 * The training session: one configured network, its data and its training run, driven by
 * the commands of core/protocol.ts. Both worker hosts wrap it in an EngineRunner; the lessons
 * use it directly. Everything it reports (snapshots, states) is a copy, so the receiver can
 * keep it.
 */
import { defaultConfig, LEARNING_RATES, type LabConfig, type TrainingSettings } from './config';
import { assertNever, type SessionCommand, type EngineEvent, type EngineState, type HistoryPoint, type Snapshot, type Speed } from './protocol';
import type { SessionLike } from './runner';
import { createModel, initializeModel, trainBatch, trainEpoch, updateSettings, type Model } from './engine/model';
import { measure, type ModelMetrics } from './engine/metrics';
import { momentArrays } from './engine/optimizer';
import { checkConfig, checkTraining, checkTrainingFor } from './engine/validate';
import { traceExample, trainExample } from './engine/trace';

/**
 * Networks whose epoch costs more than this many weight-times-example products (about a
 * slice of work) are trained batch by batch, so Pause and other commands never wait for a
 * long epoch (784→128→10 on 8,000 digits is 800 million).
 */
const BATCHWISE_WORK = 5_000_000;

/**
 * Batch-by-batch networks (digits) are measured on all their data only when an epoch ends or
 * after training this many times as long as the last measurement took, so measuring takes at
 * most a fifth of the time. (Measuring 10,000 digits after every ~14 ms slice took over 95 %.)
 */
const MEASURE_EVERY = 4;

/** Batch-by-batch networks are big: a snapshot (all their weights) at most this often while playing, in ms. */
const SLOW_SNAPSHOT_MS = 100;

/** Whether a batch-by-batch network is due to be measured after a slice of training. */
export function measureDue(epochEnded: boolean, trainedMs: number, lastMeasureMs: number): boolean {
  return epochEnded || trainedMs >= MEASURE_EVERY * lastMeasureMs;
}

export interface SessionOptions {
  /** Train with code generated for the network's shape (needs `new Function`; falls back if it throws). */
  fastPath?: boolean;
  /** Use Math.tanh instead of the engine's cheaper tanh (for comparisons). */
  exactTanh?: boolean;
}

export interface TrainingSession extends SessionLike {
  /** The configuration in force (a copy). */
  config(): LabConfig;
  /** Whether the shape-specialised code is training this network. */
  usesFastPath(): boolean;
}

/** Speed until the UI sets one: one epoch per frame, like the Playground. */
export const DEFAULT_SPEED: Speed = { mode: 'epochsPerFrame', epochs: 1 };

function copyConfig(config: LabConfig): LabConfig {
  return JSON.parse(JSON.stringify(config)) as LabConfig;
}

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] - values[i] !== 0) return false;
  return true;
}

/** A learning rate to suggest after a blow-up: the largest preset at most a tenth of the current one. */
export function smallerLearningRate(current: number): number {
  const target = current / 10;
  let best = LEARNING_RATES[0];
  for (const r of LEARNING_RATES) if (r <= target * (1 + 1e-9)) best = r;
  return best;
}

/** Saved parameters and optimizer moments to go back to. */
interface Checkpoint {
  params: Float64Array;
  /** Copies of the optimizer's m and v (empty when it has none). */
  m: Float64Array;
  v: Float64Array;
  step: number;
  epoch: number;
}

/** Copies `from` into `into`, replacing `into` when the length differs; returns the copy. */
function copyInto(into: Float64Array, from: Float64Array): Float64Array {
  if (into.length !== from.length) return from.slice();
  into.set(from);
  return into;
}

export function createSession(options: SessionOptions = {}): TrainingSession {
  let model: Model = build(defaultConfig());
  let configVersion = 0;
  let epoch = 0;
  let running = false;
  /** True when one epoch of this network is too long to train without checking the clock. */
  let slowEpochs = false;
  let speed: Speed = DEFAULT_SPEED;
  let current: ModelMetrics = measure(model, 0);
  let pending: HistoryPoint[] = [current.point];
  /** Batch-by-batch networks: training time since the last measurement, and what that one took (ms). */
  let trainedSinceMeasure = 0;
  let lastMeasureMs = 0;
  /** True when the weights trained on since the metrics were last measured. */
  let stale = false;
  const epochStart = checkpointOf(model, 0);
  const sliceStart = checkpointOf(model, 0);

  function build(config: LabConfig): Model {
    if (!options.fastPath) return createModel(config, { exactTanh: options.exactTanh });
    try {
      return createModel(config, { fastPath: true, exactTanh: options.exactTanh });
    } catch {
      // Code generation refused (a page's Content-Security-Policy, say): the plain path does the same job.
      return createModel(config, { exactTanh: options.exactTanh });
    }
  }

  function checkpointOf(m: Model, at: number): Checkpoint {
    return { params: m.params.slice(), m: m.optimizer.m.slice(), v: m.optimizer.v.slice(), step: m.optimizer.step, epoch: at };
  }

  /** Runs before every epoch, so it only copies (no allocation once the sizes settle). */
  function save(into: Checkpoint): void {
    into.params = copyInto(into.params, model.params);
    into.m = copyInto(into.m, model.optimizer.m);
    into.v = copyInto(into.v, model.optimizer.v);
    into.step = model.optimizer.step;
    into.epoch = epoch;
  }

  function restore(from: Checkpoint): void {
    model.params.set(from.params);
    const opt = model.optimizer;
    if (from.m.length === opt.m.length && from.v.length === opt.v.length) {
      opt.m.set(from.m);
      opt.v.set(from.v);
      opt.step = from.step;
    }
    model.grad.fill(0);
    model.cursor = 0;
    epoch = from.epoch;
  }

  /**
   * Measures the metrics now and records a history point when the epoch moved on. Without
   * `history` only the read-outs change: a batch-by-batch network measured mid-epoch must not
   * replace the point of the epoch it started from (the chart would lose its first loss).
   */
  function record(history = true): void {
    current = measure(model, epoch);
    stale = false;
    if (!history) return;
    const last = pending.length > 0 ? pending[pending.length - 1] : null;
    if (last !== null && last.epoch === epoch) pending[pending.length - 1] = current.point;
    else pending.push(current.point);
  }

  /** Starts the history afresh (configure, reset, load-state). */
  function restart(): void {
    pending = [];
    record();
  }

  function snapshot(): Snapshot {
    const history = pending;
    pending = [];
    return {
      configVersion,
      epoch,
      running,
      metrics: { ...current.point },
      history,
      params: model.params.slice(),
      confusion: current.confusion === null ? null : current.confusion.map((row) => row.slice()),
    };
  }

  function lossFinite(): boolean {
    return Number.isFinite(current.point.trainLoss) && Number.isFinite(current.point.testLoss);
  }

  /** Goes back to good weights after a blow-up, pauses, and explains. */
  function diverge(what: 'weights' | 'loss', atEpoch: number): EngineEvent[] {
    restore(what === 'weights' ? epochStart : sliceStart);
    record();
    if (!lossFinite() || !allFinite(model.params)) {
      restore(sliceStart);
      record();
    }
    running = false;
    const lossWord = Number.isNaN(current.point.trainLoss) ? 'stopped being a number' : 'became infinite';
    const happened = what === 'weights' ? 'the weights grew without limit' : `the loss ${lossWord}`;
    const rate = smallerLearningRate(model.settings.learningRate);
    const message =
      `Training blew up: ${happened} at epoch ${atEpoch}. The last good weights (from epoch ${epoch}) are back. ` +
      `Try a smaller learning rate, such as ${rate}.`;
    return [{ type: 'diverged', snapshot: snapshot(), message }];
  }

  function train(maxEpochs: number, clock: () => number, deadline: number): EngineEvent[] {
    save(sliceStart);
    const startedAt = slowEpochs ? clock() : 0;
    let done = 0;
    while (done < maxEpochs) {
      if (slowEpochs) {
        // An epoch outlasts a slice (digits): train batch by batch so Pause is never kept waiting.
        if (model.cursor === 0) save(epochStart);
        if (trainBatch(model)) {
          epoch += 1;
          done += 1;
        }
      } else {
        save(epochStart);
        trainEpoch(model);
        epoch += 1;
        done += 1;
      }
      if (!allFinite(model.params)) return diverge('weights', epoch);
      if (clock() >= deadline) break;
    }
    if (slowEpochs) {
      const measuredAt = clock();
      trainedSinceMeasure += measuredAt - startedAt;
      // Between measurements the snapshot keeps the last numbers; the weights are always new.
      if (!measureDue(done > 0, trainedSinceMeasure, lastMeasureMs)) {
        stale = true;
        return [];
      }
      record(done > 0);
      lastMeasureMs = clock() - measuredAt;
      trainedSinceMeasure = 0;
    } else record();
    if (!lossFinite()) return diverge('loss', epoch);
    return [];
  }

  function stepBatch(): EngineEvent[] {
    save(sliceStart);
    save(epochStart);
    const ended = trainBatch(model);
    if (ended) epoch += 1;
    if (!allFinite(model.params)) return diverge('weights', epoch);
    record(ended || !slowEpochs);
    if (!lossFinite()) return diverge('loss', epoch);
    return [];
  }

  /** One example as a batch of one (the 'One example' instrument's update). */
  function stepExample(id: number): EngineEvent[] {
    if (model.data.train.length === 0) return fail(id, 'There are no training examples to step through.');
    save(sliceStart);
    save(epochStart);
    const step = trainExample(model);
    if (step.epochEnded) epoch += 1;
    if (!allFinite(model.params)) return diverge('weights', epoch);
    record(step.epochEnded || !slowEpochs);
    if (!lossFinite()) return diverge('loss', epoch);
    return [{ type: 'example-step', replyTo: id, step }, ...reply()];
  }

  function traceNext(id: number): EngineEvent[] {
    if (model.data.train.length === 0) return fail(id, 'There are no training examples to trace.');
    return [{ type: 'trace', replyTo: id, trace: traceExample(model, model.cursor) }];
  }

  function reply(): EngineEvent[] {
    return [{ type: 'snapshot', snapshot: snapshot() }];
  }

  function fail(id: number, message: string): EngineEvent[] {
    return [{ type: 'error', replyTo: id, message }];
  }

  function configure(id: number, config: LabConfig): EngineEvent[] {
    const problem = checkConfig(config);
    if (problem !== null) return fail(id, problem);
    model = build(copyConfig(config));
    slowEpochs = model.topo.paramCount * model.data.train.length > BATCHWISE_WORK;
    trainedSinceMeasure = 0;
    lastMeasureMs = 0;
    configVersion += 1;
    epoch = 0;
    running = false;
    restart();
    return reply();
  }

  function setTraining(id: number, training: Partial<TrainingSettings>): EngineEvent[] {
    const problem = checkTraining(training as Record<string, unknown>);
    if (problem !== null) return fail(id, problem);
    const merged: TrainingSettings = { ...model.settings, ...training };
    const mismatch = checkTrainingFor(model.config, merged);
    if (mismatch !== null) return fail(id, mismatch);
    updateSettings(model, merged);
    record();
    return reply();
  }

  function loadState(id: number, state: EngineState): EngineEvent[] {
    const n = model.topo.paramCount;
    if (state.params.length !== n) return fail(id, `These weights belong to a different network: ${state.params.length} numbers where this one has ${n}.`);
    const moments = momentArrays(model.optimizer);
    const given = Array.isArray(state.optimizer) ? state.optimizer : [];
    if (given.length !== moments.length || given.some((a) => !Array.isArray(a) || a.length !== n || !a.every(Number.isFinite))) {
      return fail(id, `The saved optimizer state does not fit the ${model.settings.optimizer} optimizer of this network.`);
    }
    if (!Number.isInteger(state.step) || state.step < 0 || state.epoch < 0) return fail(id, 'The saved epoch and step must be whole numbers of 0 or more.');
    model.params.set(state.params);
    given.forEach((a, i) => moments[i].set(a));
    model.optimizer.step = state.step;
    model.grad.fill(0);
    model.cursor = 0;
    epoch = state.epoch;
    restart();
    return reply();
  }

  function handle(command: SessionCommand): EngineEvent[] {
    switch (command.type) {
      case 'configure':
        return configure(command.id, command.config);
      case 'play':
        running = true;
        return reply();
      case 'pause':
        running = false;
        // What a paused network shows is what it is now (and what it shows when reopened).
        if (stale) record(false);
        return reply();
      case 'step': {
        running = false;
        if (command.unit === 'example') return stepExample(command.id);
        const events = command.unit === 'batch' ? stepBatch() : train(1, () => 0, Number.POSITIVE_INFINITY);
        return events.length > 0 ? events : reply();
      }
      case 'reset':
        initializeModel(model);
        epoch = 0;
        running = false;
        restart();
        return reply();
      case 'set-training':
        return setTraining(command.id, command.training);
      case 'set-parameter':
        if (command.index >= model.topo.paramCount) {
          return fail(command.id, `There is no parameter ${command.index}: this network has ${model.topo.paramCount}.`);
        }
        model.params[command.index] = command.value;
        record();
        return reply();
      case 'set-speed':
        speed = command.speed;
        return reply();
      case 'load-state':
        return loadState(command.id, command.state);
      case 'trace-example':
        return traceNext(command.id);
      case 'get-state':
        return [
          {
            type: 'state',
            replyTo: command.id,
            state: {
              epoch,
              params: Array.from(model.params),
              optimizer: momentArrays(model.optimizer).map((a) => Array.from(a)),
              step: model.optimizer.step,
            },
          },
        ];
      default:
        return assertNever(command);
    }
  }

  return {
    handle,
    isRunning: () => running,
    speed: () => speed,
    train,
    snapshot,
    snapshotInterval: () => (slowEpochs ? SLOW_SNAPSHOT_MS : 0),
    config: () => copyConfig(model.config),
    usesFastPath: () => model.fast !== null,
  };
}
