/**
 * The activation race: the same data, network shape and seed trained with 2–4 hidden
 * activations side by side, each a TrainingRun on a dedicated engine (a Web Worker of its
 * own, running the same engine as the Lab).
 */
import type { ActivationName, LabConfig } from '../../core/config';
import { laneConfig, nextMove, raceProblem, startSpeed } from './race-plan';
import type { HistoryPoint } from '../../core/protocol';
import { dedicatedEngine, type EngineConnection } from '../engine/connection';
import { TrainingRun } from '../engine/run.svelte';

export { RACE_MAX, RACE_MIN } from './race-plan';
/** Per lane, at most this many history points are kept. */
const LANE_HISTORY = 400;

export class RaceLane {
  readonly run: TrainingRun;

  constructor(
    readonly activation: ActivationName,
    readonly config: LabConfig,
    engine: EngineConnection,
    targetEpochs: () => number,
  ) {
    this.run = new TrainingRun(engine, {
      historyLimit: LANE_HISTORY,
      speed: startSpeed(targetEpochs()),
      onEvent: () => {
        if (!this.run.running) return;
        const move = nextMove(this.run.epoch, targetEpochs());
        if (move?.type === 'pause') this.run.pause();
        else if (move?.type === 'speed') this.run.setSpeed(move.speed);
      },
    });
    this.run.configure(config);
    this.run.play();
  }

  get history(): HistoryPoint[] {
    return this.run.history;
  }
  get params(): Float64Array | null {
    return this.run.snapshot?.params ?? null;
  }
  get epoch(): number {
    return this.run.epoch;
  }
  get running(): boolean {
    return this.run.running;
  }
  get message(): string {
    return this.run.message?.text ?? '';
  }
}

export class Race {
  lanes = $state.raw<RaceLane[]>([]);
  /** The race stops by itself at this epoch. */
  targetEpochs = $state(300);

  constructor(private readonly engine: () => EngineConnection = dedicatedEngine) {}

  get running(): boolean {
    return this.lanes.some((lane) => lane.running);
  }

  start(config: LabConfig, activations: readonly ActivationName[]): void {
    const problem = raceProblem(config, activations);
    if (problem) throw new Error(problem);
    this.stop();
    this.lanes = activations.map((a) => new RaceLane(a, laneConfig(config, a), this.engine(), () => this.targetEpochs));
  }

  /** Stops every engine; the lanes keep their last pictures and curves. */
  stop(): void {
    for (const lane of this.lanes) lane.run.close();
  }

  dispose(): void {
    this.stop();
    this.lanes = [];
  }
}
