/**
 * `npx tsx test/bench/instruments.ts`: what the instruments' engine features cost. Prints
 * epochs per second of the spiral network 2→8×6→1 with tanh, ReLU and the drawn activation
 * (the sawtooth preset), on the fast path and the plain path, a curve-fitting network on the
 * sine wave, and the time of one curve view, one example's trace and one activation explored.
 * A benchmark, not a test: it measures and reports. Compare ratios within one run (the machine
 * is shared, so absolute numbers vary).
 */
import type { ActivationName, LabConfig } from '../../core/config';
import { createCurveEvaluator, curveXs } from '../../core/engine/curve';
import { presetKnots } from '../../core/engine/drawn';
import { exploreActivation } from '../../core/engine/explorer';
import { createModel } from '../../core/engine/model';
import { traceExample } from '../../core/engine/trace';
import { createSession } from '../../core/session';
import { bestRate, median, workloadConfig, type Rate } from './workloads';

function withActivation(activation: ActivationName): LabConfig {
  const config = workloadConfig([8, 8, 8, 8, 8, 8]);
  config.network.hidden = config.network.hidden.map((h) => ({ ...h, activation }));
  if (activation === 'drawn') config.network.drawn = presetKnots('sawtooth');
  return config;
}

function curveConfig(): LabConfig {
  const config = workloadConfig([16, 8]);
  config.data = { ...config.data, dataset: 'sine', problem: 'regression', size: 500 };
  config.network = {
    hidden: [
      { size: 16, activation: 'relu' },
      { size: 8, activation: 'relu' },
    ],
    outputActivation: 'identity',
  };
  return config;
}

function epochsPerSecond(config: LabConfig, fastPath: boolean): Rate {
  const session = createSession({ fastPath });
  session.handle({ type: 'configure', id: 1, config });
  session.train(200, () => 0, Number.POSITIVE_INFINITY);
  return bestRate(5, 1000, () => {
    const before = session.snapshot().epoch;
    session.train(Number.POSITIVE_INFINITY, () => performance.now(), performance.now() + 14);
    return session.snapshot().epoch - before;
  });
}

/** Median milliseconds of `run` over `calls` calls, after ten to warm up. */
function medianMs(calls: number, run: (i: number) => void): number {
  for (let i = 0; i < 10; i++) run(i);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    run(i);
    times.push(performance.now() - t);
  }
  return median(times);
}

const n = (v: number, digits = 0): string => v.toLocaleString('en-US', { maximumFractionDigits: digits });

console.log('epochs per second (best of 5 one-second runs; wall clock / CPU time)');
for (const [label, config] of [
  ['spiral 2→8×6→1, tanh', withActivation('tanh')],
  ['spiral 2→8×6→1, ReLU', withActivation('relu')],
  ['spiral 2→8×6→1, drawn (sawtooth)', withActivation('drawn')],
  ['sine 1→16→8→1, ReLU', curveConfig()],
] as const) {
  const fast = epochsPerSecond(config, true);
  const plain = epochsPerSecond(config, false);
  console.log(
    `  ${label.padEnd(34)} fast ${n(fast.wall).padStart(7)} / ${n(fast.cpu).padStart(7)}   plain ${n(plain.wall).padStart(7)} / ${n(plain.cpu).padStart(7)}`,
  );
}

const curve = curveConfig();
const model = createModel(curve);
const evaluator = createCurveEvaluator(curve, curveXs(400));
console.log(
  `curve view, 400 x values, 1→16→8→1: ${n(
    medianMs(200, () => evaluator.evaluate(model.params)),
    3,
  )} ms (median)`,
);
const deep = createModel(withActivation('drawn'));
console.log(
  `one example's trace, 2→8×6→1: ${n(
    medianMs(500, (i) => traceExample(deep, i % deep.data.train.length)),
    3,
  )} ms (median)`,
);
console.log(
  `exploring sigmoid (601 samples, saturated regions): ${n(
    medianMs(200, () => exploreActivation('sigmoid')),
    3,
  )} ms (median)`,
);
