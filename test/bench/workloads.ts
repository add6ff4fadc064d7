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

export const GRID = {
  id: 'grid-2-8x6-1-100',
  label: 'all neurons of 2→8×6→1 on 100×100',
  hidden: [8, 8, 8, 8, 8, 8],
  resolution: 100,
  targetMs: 8,
};

export function workloadConfig(hidden: number[]): LabConfig {
  const config = defaultConfig();
  config.data.dataset = 'spiral';
  config.network.hidden = hidden.map((size) => ({ size, activation: 'tanh' }));
  return config;
}

/** A rate both per second of wall-clock time and per second of this process's CPU time. */
export interface Rate {
  wall: number;
  cpu: number;
}

/** CPU time of this process so far, in seconds. */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Best of `rounds` runs of about `ms` milliseconds each: noise from other processes only ever
 * slows a run down. `run` does some work and returns how many units it did.
 */
export function bestRate(rounds: number, ms: number, step: () => number): Rate {
  const best: Rate = { wall: 0, cpu: 0 };
  for (let i = 0; i < rounds; i++) {
    const wall0 = performance.now();
    const cpu0 = cpuSeconds();
    let units = 0;
    while (performance.now() - wall0 < ms) units += step();
    best.wall = Math.max(best.wall, units / ((performance.now() - wall0) / 1000));
    best.cpu = Math.max(best.cpu, units / Math.max(1e-9, cpuSeconds() - cpu0));
  }
  return best;
}

/**
 * Epochs per second of a session as the engine worker runs it: time slices of 14 ms, metrics
 * measured after each slice, the parameters checked for blow-ups every epoch.
 */
export function sessionEpochsPerSecond(hidden: number[], fastPath: boolean, ms = 1000, rounds = 5, instruments = true): Rate {
  const session = createSession({ fastPath, instruments });
  session.handle({ type: 'configure', id: 1, config: workloadConfig(hidden) });
  session.train(200, () => 0, Number.POSITIVE_INFINITY); // warm up: let V8 optimise
  return bestRate(rounds, ms, () => {
    const before = session.snapshot().epoch;
    session.train(Number.POSITIVE_INFINITY, () => performance.now(), performance.now() + 14);
    return session.snapshot().epoch - before;
  });
}

/** Milliseconds of one call evaluating every neuron over the grid (median of wall and of CPU time). */
export function gridMilliseconds(hidden: number[], resolution: number, calls = 60): Rate {
  const config = workloadConfig(hidden);
  const evaluator = createGridEvaluator(config, resolution);
  const random = createRandom(3);
  const params = Float64Array.from({ length: networkShape(config).paramCount }, () => random() - 0.5);
  for (let i = 0; i < 10; i++) evaluator.evaluate(params);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < calls; i++) {
    params[i % params.length] += 1e-3; // as during training: new numbers every frame
    const t = performance.now();
    const c = cpuSeconds();
    evaluator.evaluate(params);
    cpu.push((cpuSeconds() - c) * 1000);
    wall.push(performance.now() - t);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Instruments on vs off: the workload whose figure issue 14 sets (at most 5 % slower with them). */
export const INSTRUMENTS_WORKLOAD = TRAINING_WORKLOADS[1];

/**
 * Epochs per second of the 2→8×6→1 session with the instruments (gradient flow, dead neurons)
 * on and off, measured in alternating rounds so both see the same competition for the CPU.
 */
export function instrumentsCost(rounds = 6, ms = 700): { on: Rate; off: Rate } {
  const on: Rate = { wall: 0, cpu: 0 };
  const off: Rate = { wall: 0, cpu: 0 };
  for (let i = 0; i < rounds; i++) {
    for (const [flag, best] of [
      [true, on],
      [false, off],
    ] as const) {
      const r = sessionEpochsPerSecond(INSTRUMENTS_WORKLOAD.hidden, true, ms, 1, flag);
      best.wall = Math.max(best.wall, r.wall);
      best.cpu = Math.max(best.cpu, r.cpu);
    }
  }
  return { on, off };
}
