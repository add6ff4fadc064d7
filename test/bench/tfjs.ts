/**
 * The same workloads with @tensorflow/tfjs on its CPU backend: dense tanh layers, SGD with
 * learning rate 0.03, mean squared error, batches of 10 over the same 250 training points in
 * the same order, one optimizer step per batch (a plain loop; `fit` adds overhead of its own).
 */
import type * as TF from '@tensorflow/tfjs';
import { generateData } from '../../core/engine';
import { gridPoints } from '../../core/engine';
import { bestRate, cpuSeconds, median, workloadConfig, type Rate } from './workloads';

type Tf = typeof TF;

let loaded: Tf | null = null;

async function tfjs(): Promise<Tf> {
  if (loaded === null) {
    // tfjs suggests its native Node package on first use; the pure-JS CPU backend is what we compare with.
    const warn = console.warn;
    const log = console.log;
    console.warn = () => {};
    console.log = () => {};
    try {
      loaded = await import('@tensorflow/tfjs');
      await loaded.setBackend('cpu');
      await loaded.ready();
      loaded.tensor1d([0]).dispose(); // the greeting comes with the first tensor written
    } finally {
      console.warn = warn;
      console.log = log;
    }
  }
  return loaded;
}

function buildModel(tf: Tf, hidden: number[]): TF.Sequential {
  const model = tf.sequential();
  hidden.forEach((units, i) => model.add(tf.layers.dense({ units, activation: 'tanh', ...(i === 0 ? { inputShape: [2] } : {}) })));
  model.add(tf.layers.dense({ units: 1, activation: 'tanh', ...(hidden.length === 0 ? { inputShape: [2] } : {}) }));
  return model;
}

export async function tfjsEpochsPerSecond(hidden: number[], ms = 2000): Promise<Rate> {
  const tf = await tfjs();
  const data = generateData(workloadConfig(hidden).data, workloadConfig(hidden).seed);
  const n = data.train.length;
  const batch = 10;
  const xs = tf.tensor2d(
    data.train.flatMap((p) => [p.x1, p.x2]),
    [n, 2],
  );
  const ys = tf.tensor2d(
    data.train.map((p) => (p.label === 1 ? 1 : -1)),
    [n, 1],
  );
  const batches = Array.from({ length: Math.ceil(n / batch) }, (_, b) => {
    const size = Math.min(batch, n - b * batch);
    return { x: xs.slice([b * batch, 0], [size, 2]), y: ys.slice([b * batch, 0], [size, 1]) };
  });
  const model = buildModel(tf, hidden);
  const optimizer = tf.train.sgd(0.03);
  const epoch = (): void => {
    for (const { x, y } of batches) {
      optimizer.minimize(() => tf.losses.meanSquaredError(y, model.predict(x) as TF.Tensor) as TF.Scalar);
    }
  };
  epoch(); // warm up
  const rate = bestRate(1, ms, () => {
    epoch();
    return 1;
  });
  for (const b of batches) tf.dispose([b.x, b.y]);
  tf.dispose([xs, ys]);
  optimizer.dispose();
  model.dispose();
  return rate;
}

/** Median milliseconds for tfjs to compute every layer's output over the grid (and read it back). */
export async function tfjsGridMilliseconds(hidden: number[], resolution: number, calls = 20): Promise<Rate> {
  const tf = await tfjs();
  const model = buildModel(tf, hidden);
  const all = tf.model({ inputs: model.inputs, outputs: model.layers.map((l) => l.output as TF.SymbolicTensor) });
  const grid = tf.tensor2d(Float32Array.from(gridPoints(resolution)), [resolution * resolution, 2]);
  const run = (): void => {
    const outs = all.predict(grid) as TF.Tensor[];
    for (const o of outs) o.dataSync();
    tf.dispose(outs);
  };
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    const c = cpuSeconds();
    run();
    cpu.push((cpuSeconds() - c) * 1000);
    wall.push(performance.now() - t);
  }
  grid.dispose();
  model.dispose();
  return { wall: median(wall), cpu: median(cpu) };
}
