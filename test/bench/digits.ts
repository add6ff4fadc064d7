/**
 * Digits benchmark (issue #8): a 784→128→10 network (ReLU, softmax cross-entropy, Adam, batch
 * 32, learning rate 0.002) trained on 8,000 bundled digits until it classifies at least 95 % of 2,000 held-out
 * digits, and the same network trained with @tensorflow/tfjs on its CPU backend, in the same
 * run, for the examples-per-second comparison. Not a test: it measures.
 * Run alone: `npx tsx test/bench/digits.ts [--json]`; test/bench/run.ts may call runDigitsBenchmark().
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, type LabConfig } from '../../core/config';
import { createModel, trainEpoch } from '../../core/engine/model';
import { measureSet } from '../../core/engine/metrics';
import { decodeDigits, digitsTable, type DigitSet } from '../../core/tabular/digits';
import { DIGIT_PIXELS } from '../../core/tabular/info';
import { registerTable } from '../../core/tabular/table';

export interface DigitsBenchResult {
  id: 'digits-784-128-10';
  /** Our engine's training speed (evaluation time excluded). */
  examplesPerSecond: number;
  tfjsExamplesPerSecond: number;
  /** Test accuracy (0–1) when training stopped. */
  testAccuracy: number;
  /** Seconds of training and per-epoch evaluation until the target was reached (or the budget ran out). */
  seconds: number;
  /** The same two figures in this process's CPU time (steadier when other programs share the processor). */
  examplesPerCpuSecond: number;
  cpuSeconds: number;
  tfjsExamplesPerCpuSecond: number;
  epochs: number;
  reachedTarget: boolean;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIGITS_FILE = resolve(root, 'renderer/lab/digits/assets/digits.bin');
export const TARGET_ACCURACY = 0.95;
const BUDGET_SECONDS = 60;
const TFJS_EXAMPLES = 3200;

/** The bundled digits, built from the mnist package first if the file is missing. */
export function loadDigitSet(): DigitSet {
  if (!existsSync(DIGITS_FILE)) execFileSync(process.execPath, [resolve(root, 'scripts/build-digits.mjs')], { stdio: 'ignore' });
  return decodeDigits(new Uint8Array(readFileSync(DIGITS_FILE)));
}

/** The benchmark's network as a Lab configuration: 10,000 digits split 8,000 / 2,000 by the seed. */
export function digitsBenchConfig(): LabConfig {
  const config = defaultConfig();
  config.data = { ...config.data, dataset: 'digits', size: 10000, trainRatio: 0.8 };
  config.network = { hidden: [{ size: 128, activation: 'relu' }], outputActivation: 'softmax' };
  config.training = {
    ...config.training,
    loss: 'softmaxCrossEntropy',
    optimizer: 'adam',
    learningRate: 0.002,
    batchSize: 32,
    initializer: 'he',
  };
  return config;
}

/** CPU seconds this process has used since `from` (user + system). */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

function ours(
  set: DigitSet,
  log: (line: string) => void,
): Omit<DigitsBenchResult, 'id' | 'tfjsExamplesPerSecond' | 'tfjsExamplesPerCpuSecond'> {
  registerTable(digitsTable(set));
  const model = createModel(digitsBenchConfig());
  const nTrain = model.data.train.length;
  let trainMs = 0;
  let trainCpu = 0;
  let examples = 0;
  let accuracy = 0;
  let epochs = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (accuracy < TARGET_ACCURACY && performance.now() - start < BUDGET_SECONDS * 1000) {
    const t = performance.now();
    const c = process.cpuUsage();
    trainEpoch(model);
    trainMs += performance.now() - t;
    trainCpu += cpuSince(c);
    examples += nTrain;
    epochs += 1;
    accuracy = measureSet(model, model.data.test, model.testX, model.testT).accuracy ?? 0;
    log(
      `  ours: epoch ${epochs}, test accuracy ${(accuracy * 100).toFixed(2)} %, ${((performance.now() - start) / 1000).toFixed(1)} s (${cpuSince(cpuStart).toFixed(1)} s CPU)`,
    );
  }
  return {
    examplesPerSecond: examples / (trainMs / 1000),
    testAccuracy: accuracy,
    seconds: (performance.now() - start) / 1000,
    examplesPerCpuSecond: examples / trainCpu,
    cpuSeconds: cpuSince(cpuStart),
    epochs,
    reachedTarget: accuracy >= TARGET_ACCURACY,
  };
}

async function theirs(set: DigitSet, log: (line: string) => void): Promise<{ wall: number; cpu: number }> {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const n = TFJS_EXAMPLES;
  const x = new Float32Array(n * DIGIT_PIXELS);
  for (let i = 0; i < x.length; i++) x[i] = set.pixels[i] / 255;
  const y = new Float32Array(n * 10);
  for (let i = 0; i < n; i++) y[i * 10 + set.labels[i]] = 1;
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [DIGIT_PIXELS], units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  const xs = tf.tensor2d(x, [n, DIGIT_PIXELS]);
  const ys = tf.tensor2d(y, [n, 10]);
  // One warm-up batch so kernel set-up is not timed.
  await model.fit(xs.slice([0, 0], [32, DIGIT_PIXELS]), ys.slice([0, 0], [32, 10]), { batchSize: 32, epochs: 1, verbose: 0 });
  const t = performance.now();
  const c = process.cpuUsage();
  await model.fit(xs, ys, { batchSize: 32, epochs: 1, shuffle: false, verbose: 0 });
  const rate = n / ((performance.now() - t) / 1000);
  const cpuRate = n / cpuSince(c);
  log(`  tfjs (${tf.getBackend()} backend): ${n} examples, ${rate.toFixed(0)} examples/s (${cpuRate.toFixed(0)} per CPU second)`);
  xs.dispose();
  ys.dispose();
  model.dispose();
  return { wall: rate, cpu: cpuRate };
}

export async function runDigitsBenchmark(log: (line: string) => void = () => {}): Promise<DigitsBenchResult> {
  const set = loadDigitSet();
  const mine = ours(set, log);
  const tfjs = await theirs(set, log);
  return { id: 'digits-784-128-10', ...mine, tfjsExamplesPerSecond: tfjs.wall, tfjsExamplesPerCpuSecond: tfjs.cpu };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const json = process.argv.includes('--json');
  const result = await runDigitsBenchmark(json ? () => {} : (line) => console.log(line));
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(
      `digits-784-128-10: ${result.examplesPerSecond.toFixed(0)} examples/s (tfjs cpu ${result.tfjsExamplesPerSecond.toFixed(0)}, ` +
        `${(result.examplesPerSecond / result.tfjsExamplesPerSecond).toFixed(1)}x); test accuracy ${(result.testAccuracy * 100).toFixed(2)} % ` +
        `after ${result.epochs} epochs in ${result.seconds.toFixed(1)} s (${result.cpuSeconds.toFixed(1)} s of CPU time; ` +
        `${result.examplesPerCpuSecond.toFixed(0)} vs tfjs ${result.tfjsExamplesPerCpuSecond.toFixed(0)} examples per CPU second)`,
    );
  }
}
