/**
 * The training session: one configured network, its data and its training run, driven by
 * the commands of core/protocol.ts. Both worker hosts wrap it in an EngineRunner; the lessons
 * use it directly. Everything it reports (snapshots, states) is a copy, so the receiver can
 * keep it.
 */
import { defaultConfig, type LabConfig, type TrainingSettings } from './config';
import {
  assertNever,
  type SessionCommand,
  type EngineEvent,
  type EngineState,
  type HistoryPoint,
  type Instruments,
  type Snapshot,
  type PlayStop,
  type Speed,
} from './protocol';
import type { SessionLike } from './runner';
import { initializeModel, trainBatch, trainEpoch, updateSettings, type Model } from './engine/model';
import { measure, type ModelMetrics } from './engine/metrics';
import { checkConfig, checkTraining, checkTrainingFor } from './engine/validate';
import {
  largestMagnitude,
  lossRunaway,
  runawayCause,
  runawayLimits,
  runawayMessage,
  withinLimit,
  type Runaway,
  type RunawayLimits,
} from './engine/runaway';
import { traceExample, trainExample } from './engine/trace';
import { checkpointOf, restoreCheckpoint, saveCheckpoint, smallerLearningRate, type Checkpoint } from './session/checkpoint';
import { activityDue, DEFAULT_SPEED, historyDue, measureDue, SLOW_SNAPSHOT_MS, trainsBatchwise } from './session/measuring';
import { applyState, buildModel, checkState, copyConfig, instrumentsOf, stateOf } from './session/state';

export { smallerLearningRate } from './session/checkpoint';
export { DEFAULT_SPEED, measureDue } from './session/measuring';

export interface SessionOptions {
  /** Train with code generated for the network's shape (needs `new Function`; falls back if it throws). */
  fastPath?: boolean;
  /** Use Math.tanh instead of the engine's cheaper tanh (for comparisons). */
  exactTanh?: boolean;
  /** Collect the instruments' numbers (gradient flow, dead neurons) for every snapshot; on unless false. */
  instruments?: boolean;
}

export interface TrainingSession extends SessionLike {
  /** The configuration in force (a copy). */
  config(): LabConfig;
  /** Whether the shape-specialised code is training this network. */
  usesFastPath(): boolean;
}

export function createSession(options: SessionOptions = {}): TrainingSession {
  const instrumentsOn = options.instruments !== false;
  let model: Model = build(defaultConfig());
  let configVersion = 0;
  let epoch = 0;
  let running = false;
  /** Where the current run pauses by itself (set by play). */
  let stop: PlayStop | undefined;
  /** True when one epoch of this network is too long to train without checking the clock. */
  let slowEpochs = false;
  /**
   * An epoch step of a batch-by-batch network in progress. It trains in slices as playing
   * does (the runner calls train), so the worker keeps answering commands and the host's
   * heartbeat during a long epoch, and it stops when the epoch ends. Snapshots say paused.
   */
  let stepping = false;
  let speed: Speed = DEFAULT_SPEED;
  let current: ModelMetrics = measure(model, 0, instrumentsOn);
  let pending: HistoryPoint[] = [current.point];
  /** The epoch of the newest history point (sent or pending). */
  let pointEpoch = 0;
  /** Batch-by-batch networks: training time since the last measurement, and what that one took (ms). */
  let trainedSinceMeasure = 0;
  let lastMeasureMs = 0;
  /** Slices measured since the neurons' activity was (see ACTIVITY_EVERY). */
  let slicesSinceActivity = 0;
  /** True when the weights trained on since the metrics were last measured. */
  let stale = false;
  /**
   * The parameters with the lowest training loss measured since training was last set up
   * (configure, reset, load-state, a weight edited, a setting changed): where a runaway goes back to.
   */
  const best = checkpointOf(model, 0);
  /** The bounds training is held to, from the state it was last set up at (engine/runaway.ts). */
  let limits: RunawayLimits = runawayLimits(current.point.trainLoss, model.params);
  startRun();

  function build(config: LabConfig): Model {
    return buildModel(config, options.fastPath === true, { exactTanh: options.exactTanh, gradientFlow: instrumentsOn });
  }

  /** Runs before every epoch, so it only copies (no allocation once the sizes settle). */
  function save(into: Checkpoint): void {
    saveCheckpoint(into, model, epoch, current.point.trainLoss);
  }

  function restore(from: Checkpoint): void {
    epoch = restoreCheckpoint(model, from);
  }

  /**
   * Measures the metrics now and records a history point when the epoch moved on. Without
   * `history` only the read-outs change: a batch-by-batch network measured mid-epoch must not
   * replace the point of the epoch it started from (the chart would lose its first loss).
   */
  function record(history = true, playing = false): void {
    // The neurons' slopes take a slower pass over the training set (dead.ts): while playing
    // they are measured with every ACTIVITY_EVERY-th slice (every slice at a speed in epochs per
    // second); every command measures them.
    const activity = instrumentsOn && activityDue(playing, slicesSinceActivity, speed);
    measureNow(activity);
    slicesSinceActivity = activity ? 0 : slicesSinceActivity + 1;
    if (history) keepPoint();
  }

  /** The metrics measured now (the neurons' activity only with `activity`, else the last kept). */
  function measureNow(activity: boolean): void {
    const previous = current.activity;
    current = measure(model, epoch, activity);
    if (!activity) current.activity = previous;
    stale = false;
    if (current.point.trainLoss < best.loss && current.point.trainLoss <= limits.loss && withinLimit(model.params, limits.param))
      save(best);
  }

  /** The current metrics as the history point of this epoch (replacing one of the same epoch). */
  function keepPoint(): void {
    const last = pending.length > 0 ? pending[pending.length - 1] : null;
    if (last !== null && last.epoch === epoch) pending[pending.length - 1] = current.point;
    else pending.push(current.point);
    pointEpoch = epoch;
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
      ...(instrumentsOn ? { instruments: instruments() } : {}),
    };
  }

  /** The instruments' numbers for a snapshot (copies). */
  function instruments(): Instruments {
    return instrumentsOf(model, current.activity, epoch);
  }

  /** Training was (re)set up here: the bounds and the checkpoint to go back to start from this state. */
  function startRun(): void {
    limits = runawayLimits(current.point.trainLoss, model.params);
    save(best);
  }

  /** A weight past the bound (or not a number), or null. */
  function weightsRunaway(): Runaway | null {
    return withinLimit(model.params, limits.param) ? null : { kind: 'weights', magnitude: largestMagnitude(model.params) };
  }

  /** Goes back to the weights from before a runaway began, pauses, and explains. */
  function runaway(what: Runaway, atEpoch: number): EngineEvent[] {
    const cause = runawayCause(what, atEpoch, limits);
    restore(best);
    record();
    running = false;
    stepping = false;
    const message = runawayMessage(cause, epoch, current.point.trainLoss, smallerLearningRate(model.settings.learningRate));
    return [{ type: 'diverged', snapshot: snapshot(), message }];
  }

  function train(maxEpochs: number, clock: () => number, deadline: number): EngineEvent[] {
    const startedAt = slowEpochs ? clock() : 0;
    const most = stepping && !running ? 1 : maxEpochs;
    let done = 0;
    while (done < most && !(running && stop?.epoch !== undefined && epoch >= stop.epoch)) {
      // The slice trains on past the last epoch: keep its point if due (historyDue), so a slice
      // of many epochs at full speed still leaves enough points for the loss chart. The slice's
      // last epoch is recorded after the loop, as ever.
      if (done > 0 && !slowEpochs && historyDue(epoch, pointEpoch)) {
        measureNow(false);
        keepPoint();
        // Measured mid-slice, a target accuracy reached here stops the run at this epoch.
        if (running && reachedStop()) break;
      }
      if (slowEpochs) {
        // An epoch outlasts a slice (digits): train batch by batch so Pause is never kept waiting.
        if (trainBatch(model)) {
          epoch += 1;
          done += 1;
        }
      } else {
        trainEpoch(model);
        epoch += 1;
        done += 1;
      }
      const weights = weightsRunaway();
      if (weights !== null) return runaway(weights, epoch);
      if (clock() >= deadline) break;
    }
    if (done > 0) stepping = false;
    if (slowEpochs) {
      const measuredAt = clock();
      trainedSinceMeasure += measuredAt - startedAt;
      // Between measurements the snapshot keeps the last numbers; the weights are always new.
      if (!measureDue(done > 0, trainedSinceMeasure, lastMeasureMs)) {
        stale = true;
        return [];
      }
      record(done > 0, running);
      lastMeasureMs = clock() - measuredAt;
      trainedSinceMeasure = 0;
    } else record(true, running);
    if (running && reachedStop()) {
      running = false;
      stop = undefined;
    }
    return checkLoss();
  }

  /** The run has reached where play said to stop: its epoch, or its target test accuracy. */
  function reachedStop(): boolean {
    if (stop === undefined) return false;
    if (stop.epoch !== undefined && epoch >= stop.epoch) return true;
    const accuracy = current.point.testAccuracy;
    return stop.testAccuracy !== undefined && accuracy !== null && accuracy >= stop.testAccuracy;
  }

  function checkLoss(): EngineEvent[] {
    const loss = lossRunaway(current.point.trainLoss, current.point.testLoss, limits);
    return loss === null ? [] : runaway(loss, epoch);
  }

  function stepBatch(): EngineEvent[] {
    const ended = trainBatch(model);
    if (ended) epoch += 1;
    const weights = weightsRunaway();
    if (weights !== null) return runaway(weights, epoch);
    record(ended || !slowEpochs);
    return checkLoss();
  }

  /** One example as a batch of one (the 'One example' instrument's update). */
  function stepExample(id: number): EngineEvent[] {
    if (model.data.train.length === 0) return fail(id, 'There are no training examples to step through.');
    const step = trainExample(model);
    if (step.epochEnded) epoch += 1;
    const weights = weightsRunaway();
    if (weights !== null) return runaway(weights, epoch);
    record(step.epochEnded || !slowEpochs);
    const loss = checkLoss();
    if (loss.length > 0) return loss;
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
    slowEpochs = trainsBatchwise(model.topo.paramCount, model.data.train.length);
    trainedSinceMeasure = 0;
    lastMeasureMs = 0;
    configVersion += 1;
    epoch = 0;
    running = false;
    stepping = false;
    restart();
    startRun();
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
    startRun();
    return reply();
  }

  function loadState(id: number, state: EngineState): EngineEvent[] {
    const problem = checkState(model, state);
    if (problem !== null) return fail(id, problem);
    applyState(model, state);
    epoch = state.epoch;
    stepping = false;
    restart();
    startRun();
    return reply();
  }

  function handle(command: SessionCommand): EngineEvent[] {
    switch (command.type) {
      case 'configure':
        return configure(command.id, command.config);
      case 'play':
        running = true;
        stepping = false;
        stop = command.stop;
        return reply();
      case 'pause':
        running = false;
        stepping = false;
        // What a paused network shows is what it is now (and what it shows when reopened).
        if (stale) record(false);
        return reply();
      case 'step': {
        running = false;
        stepping = false;
        if (command.unit === 'example') return stepExample(command.id);
        if (command.unit === 'epoch' && slowEpochs) {
          // A long epoch: trained in slices by the runner from now on (see `stepping`).
          stepping = true;
          return reply();
        }
        const events = command.unit === 'batch' ? stepBatch() : train(1, () => 0, Number.POSITIVE_INFINITY);
        return events.length > 0 ? events : reply();
      }
      case 'reset':
        initializeModel(model);
        epoch = 0;
        running = false;
        stepping = false;
        restart();
        startRun();
        return reply();
      case 'set-training':
        return setTraining(command.id, command.training);
      case 'set-parameter':
        if (command.index >= model.topo.paramCount) {
          return fail(command.id, `There is no parameter ${command.index}: this network has ${model.topo.paramCount}.`);
        }
        model.params[command.index] = command.value;
        record();
        startRun();
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
            state: stateOf(model, epoch),
          },
        ];
      default:
        return assertNever(command);
    }
  }

  return {
    handle,
    isRunning: () => running || stepping,
    speed: () => speed,
    train,
    snapshot,
    snapshotInterval: () => (slowEpochs ? SLOW_SNAPSHOT_MS : 0),
    config: () => copyConfig(model.config),
    usesFastPath: () => model.fast !== null,
  };
}
