/**
 * The speed workloads of issue #3, run on our engine: the Playground's defaults (500 spiral
 * points, half for training, batch 10, learning rate 0.03, tanh, ½·squared error, SGD) on two
 * network shapes, and every neuron of the larger one over a 100 × 100 grid.
 */
import { defaultConfig, type LabConfig } from '../../core/config';
import { createGridEvaluator, networkShape } from '../../core/engine';
import { createRandom } from '../../core/engine/rng';
import { createSession } from '../../core/session';

export interface TrainingWorkload {
  id: string;
  label: string;
  hidden: number[];
  /** Target from the issue, epochs per second. */
  target: number;
}

export const TRAINING_WORKLOADS: TrainingWorkload[] = [
  { id: 'spiral-2-4-2-1', label: 'spiral, 2→4→2→1', hidden: [4, 2], target: 30_000 },
  { id: 'spiral-2-8x6-1', label: 'spiral, 2→8×6→1', hidden: [8, 8, 8, 8, 8, 8], target: 3_400 },
];

export const GRID = { id: 'grid-2-8x6-1-100', label: 'all neurons of 2→8×6→1 on 100×100', hidden: [8, 8, 8, 8, 8, 8], resolution: 100, targetMs: 8 };

export function workloadConfig(hidden: number[]): LabConfig {
  const config = defaultConfig();
  config.data.dataset = 'spiral';
  config.network.hidden = hidden.map((size) => ({ size, activation: 'tanh' }));
  return config;
}

/** Best of `rounds` runs of `ms` milliseconds each: noise from other processes only ever slows a run down. */
function bestOf(rounds: number, run: () => number): number {
  let best = 0;
  for (let i = 0; i < rounds; i++) best = Math.max(best, run());
  return best;
}

/**
 * Epochs per second of a session as the engine worker runs it: time slices of 14 ms, metrics
 * measured after each slice, the parameters checked for blow-ups every epoch.
 */
export function sessionEpochsPerSecond(hidden: number[], fastPath: boolean, ms = 1000, rounds = 3): number {
  const session = createSession({ fastPath });
  session.handle({ type: 'configure', id: 1, config: workloadConfig(hidden) });
  session.train(200, () => 0, Number.POSITIVE_INFINITY); // warm up: let V8 optimise
  return bestOf(rounds, () => {
    const start = performance.now();
    let epochs = 0;
    while (performance.now() - start < ms) {
      const before = session.snapshot().epoch;
      session.train(Number.POSITIVE_INFINITY, () => performance.now(), performance.now() + 14);
      epochs += session.snapshot().epoch - before;
    }
    return epochs / ((performance.now() - start) / 1000);
  });
}

/** Median milliseconds of one call evaluating every neuron over the grid. */
export function gridMilliseconds(hidden: number[], resolution: number, calls = 60): number {
  const config = workloadConfig(hidden);
  const evaluator = createGridEvaluator(config, resolution);
  const random = createRandom(3);
  const params = Float64Array.from({ length: networkShape(config).paramCount }, () => random() - 0.5);
  for (let i = 0; i < 10; i++) evaluator.evaluate(params);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    params[i % params.length] += 1e-3; // as during training: new numbers every frame
    const t = performance.now();
    evaluator.evaluate(params);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
