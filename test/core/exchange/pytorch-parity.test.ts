/**
 * The PyTorch export against the engine: scripts for 2-D networks (every hidden activation,
 * extra input features, each loss and optimizer), an Iris network and a digits network are
 * written to a temporary folder and run with python3 and PyTorch. Their outputs must equal
 * the engine's within 1e-5 and one training batch must move the weights as the engine's does.
 *
 * Needs PyTorch (Debian: python3-torch; .ci/run installs it). Without it the test is skipped
 * with a message, except in CI (CI set), where it fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig, type LabConfig } from '../../../core/config';
import { createModel, trainBatch, trainEpoch, type Model } from '../../../core/engine/model';
import { createPredictor } from '../../../core/engine/table-predict';
import { presetKnots } from '../../../core/engine/drawn';
import { pytorchScript } from '../../../core/exchange/pytorch';
import { momentArrays } from '../../../core/engine/optimizer';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { digitsTable, decodeDigits } from '../../../core/tabular/digits';
import { registerTable } from '../../../core/tabular/table';
import { sliceBytes } from '../tabular/slice';

/** A python3 that can import torch: $ACTLAB_PYTHON, the one on PATH, or Debian's own. */
function findPython(): string | null {
  const candidates = [process.env.ACTLAB_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['-c', 'import torch'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

const python = findPython();
const inCi = !!process.env.CI;
if (python === null && !inCi) {
  console.warn('PyTorch parity test skipped: no python3 with torch found (install python3-torch, or set ACTLAB_PYTHON). CI runs it.');
}

const folder = mkdtempSync(join(tmpdir(), 'actlab-pytorch-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface ScriptRun {
  start: { params: number[]; train: number[][]; test: number[][] };
  end: { params: number[] };
}

function runScript(name: string, script: string): ScriptRun {
  if (python === null) throw new Error('PyTorch is missing: CI must install python3-torch (see .ci/run).');
  const file = join(folder, `${name}.py`);
  const out = join(folder, `${name}.json`);
  writeFileSync(file, script);
  execFileSync(python, [file, '--steps', '1', '--json', out], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(readFileSync(out, 'utf8')) as ScriptRun;
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** Trains a few epochs in the engine (so the optimizer has memory), exports, runs, compares. */
function checkParity(name: string, config: LabConfig, epochs: number): void {
  const model: Model = createModel(config);
  for (let e = 0; e < epochs; e++) trainEpoch(model);
  const before = Float64Array.from(model.params);
  const script = pytorchScript({
    config,
    params: before,
    epoch: epochs,
    moments: { arrays: momentArrays(model.optimizer).map((m) => Float64Array.from(m)), step: model.optimizer.step },
  });
  const run = runScript(name, script);

  expect(run.start.params).toEqual(Array.from(before));
  const predictor = createPredictor(config);
  const k = predictor.topo.sizes[predictor.topo.depth];
  const appTrain = Float64Array.from(predictor.outputs(before, model.trainX, model.data.train.length));
  const appTest = Float64Array.from(predictor.outputs(before, model.testX, model.data.test.length));
  expect(run.start.train[0].length).toBe(k);
  expect(maxDifference(run.start.train.flat(), appTrain)).toBeLessThan(1e-5);
  expect(maxDifference(run.start.test.flat(), appTest)).toBeLessThan(1e-5);

  // One batch from the start of an epoch, as the script's trainer takes it.
  expect(model.cursor).toBe(0);
  trainBatch(model);
  const moved = maxDifference(model.params, before);
  expect(moved).toBeGreaterThan(1e-6);
  expect(maxDifference(run.end.params, model.params)).toBeLessThan(Math.max(1e-9, moved * 1e-4));
}

function plane(edit: (c: LabConfig) => void): LabConfig {
  const c = defaultConfig();
  c.data.size = 200;
  edit(c);
  return c;
}

describe.skipIf(python === null && !inCi)('PyTorch export runs in PyTorch and matches the engine', () => {
  it('2-D: drawn, ELU, softplus and tanh layers, extra features, binary cross-entropy on a tanh output, momentum and L2', () => {
    const config = plane((c) => {
      c.data.dataset = 'spiral';
      c.features = ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2', 'cosX1', 'cosX2'];
      c.network = {
        hidden: [
          { size: 6, activation: 'drawn' },
          { size: 5, activation: 'elu' },
          { size: 4, activation: 'softplus' },
          { size: 3, activation: 'tanh' },
        ],
        outputActivation: 'tanh',
        drawn: presetKnots('sawtooth'),
      };
      c.training = {
        ...c.training,
        loss: 'binaryCrossEntropy',
        optimizer: 'momentum',
        regularization: 'l2',
        regularizationRate: 0.003,
        batchSize: 7,
      };
    });
    checkParity('plane-momentum', config, 3);
  });

  it('2-D, three classes: ReLU, leaky ReLU, GELU and swish layers, softmax cross-entropy, Adam and L1', () => {
    const config = plane((c) => {
      c.data.dataset = 'spiral3';
      c.network = {
        hidden: [
          { size: 8, activation: 'relu' },
          { size: 6, activation: 'leakyRelu' },
          { size: 5, activation: 'gelu' },
          { size: 4, activation: 'swish' },
        ],
        outputActivation: 'softmax',
      };
      c.training = {
        ...c.training,
        loss: 'softmaxCrossEntropy',
        optimizer: 'adam',
        learningRate: 0.01,
        regularization: 'l1',
        regularizationRate: 0.001,
      };
    });
    checkParity('plane-adam', config, 4);
  });

  it('2-D regression: sine, cosine, sigmoid and linear layers, a linear output, plain SGD', () => {
    const config = plane((c) => {
      c.data.dataset = 'plane';
      c.data.problem = 'regression';
      c.features = ['x1', 'x2', 'sinX1'];
      c.network = {
        hidden: [
          { size: 4, activation: 'sin' },
          { size: 4, activation: 'cos' },
          { size: 3, activation: 'sigmoid' },
          { size: 3, activation: 'identity' },
        ],
        outputActivation: 'identity',
      };
    });
    checkParity('plane-regression', config, 2);
  });

  it('2-D: ½·squared error on a sigmoid output and on a two-class softmax output', () => {
    const sigmoidOut = plane((c) => {
      c.data.dataset = 'xor';
      c.network = { hidden: [{ size: 5, activation: 'relu' }], outputActivation: 'sigmoid' };
      c.training.optimizer = 'adam';
    });
    checkParity('plane-sigmoid', sigmoidOut, 2);
    const softmaxOut = plane((c) => {
      c.data.dataset = 'circle';
      c.network = { hidden: [{ size: 5, activation: 'tanh' }], outputActivation: 'softmax' };
    });
    checkParity('plane-softmax-squared', softmaxOut, 2);
  });

  it('Iris: four measurements, tanh and swish layers, softmax, Adam', () => {
    const config = irisConfig([
      { size: 8, activation: 'tanh' },
      { size: 6, activation: 'swish' },
    ]);
    checkParity('iris', config, 5);
  });

  it('digits: 784 pixels (base64 in the script), a ReLU layer, softmax, Adam', () => {
    registerTable(digitsTable(decodeDigits(sliceBytes(30))));
    const config = digitsConfig([{ size: 24, activation: 'relu' }]);
    config.data.size = 300;
    checkParity('digits', config, 2);
  });
});
