/**
 * The activation race: the same data, network shape and seed trained with 2–4 hidden
 * activations side by side, each in its own Web Worker running the same engine as the Lab.
 */
import type { ActivationName, LabConfig } from '../../core/config';
import { laneConfig, nextMove, raceProblem, startSpeed } from './race-plan';
import { appendHistory } from '../../core/history';
import type { Command, EngineEvent, HistoryPoint } from '../../core/protocol';

/** Starts one engine; the page may start workers from its own origin, Electron's included. */
export type EngineFactory = () => {
  post(command: Command): void;
  onEvent(listener: (event: EngineEvent) => void): void;
  terminate(): void;
};

export const browserEngine: EngineFactory = () => {
  // Vite bundles the worker only when it sees this exact `new Worker(new URL(...))` form.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const worker = new Worker(new URL('../engine/engine.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (command) => worker.postMessage(command),
    onEvent: (listener) => {
      worker.onmessage = (message: MessageEvent<EngineEvent>) => listener(message.data);
    },
    terminate: () => worker.terminate(),
  };
};

export { RACE_MAX, RACE_MIN } from './race-plan';
/** Per lane, at most this many history points are kept. */
const LANE_HISTORY = 400;

export class RaceLane {
  history = $state.raw<HistoryPoint[]>([]);
  params = $state.raw<Float64Array | null>(null);
  epoch = $state(0);
  running = $state(false);
  message = $state('');

  constructor(
    readonly activation: ActivationName,
    readonly config: LabConfig,
  ) {}

  receive(event: EngineEvent): void {
    if (event.type === 'error') {
      this.message = event.message;
      return;
    }
    if (event.type !== 'snapshot' && event.type !== 'diverged') return;
    const snapshot = event.snapshot;
    const history = this.history.slice();
    appendHistory(history, snapshot.history, LANE_HISTORY);
    this.history = history;
    this.params = snapshot.params;
    this.epoch = snapshot.epoch;
    this.running = snapshot.running;
    if (event.type === 'diverged') this.message = event.message;
  }
}

export class Race {
  lanes = $state.raw<RaceLane[]>([]);
  /** The race stops by itself at this epoch. */
  targetEpochs = $state(300);
  private engines: ReturnType<EngineFactory>[] = [];

  constructor(private readonly factory: EngineFactory = browserEngine) {}

  get running(): boolean {
    return this.lanes.some((lane) => lane.running);
  }

  start(config: LabConfig, activations: readonly ActivationName[]): void {
    const problem = raceProblem(config, activations);
    if (problem) throw new Error(problem);
    this.stop();
    const lanes = activations.map((a) => new RaceLane(a, laneConfig(config, a)));
    this.engines = lanes.map((lane) => {
      const engine = this.factory();
      let id = 1;
      engine.onEvent((event) => {
        lane.receive(event);
        if (!lane.running) return;
        const move = nextMove(lane.epoch, this.targetEpochs);
        if (move?.type === 'pause') engine.post({ type: 'pause', id: id++ });
        else if (move?.type === 'speed') engine.post({ type: 'set-speed', id: id++, speed: move.speed });
      });
      engine.post({ type: 'configure', id: id++, config: lane.config });
      engine.post({ type: 'set-speed', id: id++, speed: startSpeed(this.targetEpochs) });
      engine.post({ type: 'play', id: id++ });
      return engine;
    });
    this.lanes = lanes;
  }

  /** Stops every engine; the lanes keep their last pictures and curves. */
  stop(): void {
    for (const engine of this.engines) engine.terminate();
    this.engines = [];
    for (const lane of this.lanes) lane.running = false;
  }

  dispose(): void {
    this.stop();
    this.lanes = [];
  }
}
