/**
 * Finite-difference gradient check of the whole objective (mean loss + regularization) for
 * every hidden activation × output activation × loss × regularization the engine accepts,
 * on random small networks. Uses Math.tanh so the analytic derivative is exact.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_NAMES,
  LOSS_NAMES,
  OUTPUT_ACTIVATION_NAMES,
  REGULARIZATION_NAMES,
  FEATURE_NAMES,
  type LabConfig,
  type RegularizationName,
} from '../../../core/config';
import { checkConfig } from '../../../core/engine';
import { backwardBatch, createWorkspace, forwardBatch } from '../../../core/engine/kernels';
import { lossSum, outputDelta } from '../../../core/engine/loss';
import { createModel, type Model } from '../../../core/engine/model';
import { regularizationGradient } from '../../../core/engine/optimizer';
import { createRandom, type Random } from '../../../core/engine/rng';
import { configWith } from './helpers';

const RATE = 0.07;

function objective(model: Model, kind: RegularizationName): number {
  const n = model.data.train.length;
  const ws = createWorkspace(model.topo, n);
  const last = model.topo.depth - 1;
  forwardBatch(model.topo, model.params, model.trainX, 0, n, ws, model.tanh);
  let value = lossSum(model.lossCode, model.topo.codes[last], ws.pre[last], ws.act[last], model.trainT, 0, n, model.outputs) / n;
  for (let k = 0; k < model.params.length; k++) {
    if (model.isWeight[k] === 0) continue;
    const w = model.params[k];
    value += kind === 'l1' ? RATE * Math.abs(w) : kind === 'l2' ? 0.5 * RATE * w * w : 0;
  }
  return value;
}

function analyticGradient(model: Model, kind: RegularizationName): Float64Array {
  const n = model.data.train.length;
  const ws = createWorkspace(model.topo, n);
  const last = model.topo.depth - 1;
  const grad = new Float64Array(model.params.length);
  forwardBatch(model.topo, model.params, model.trainX, 0, n, ws, model.tanh);
  outputDelta(model.lossCode, model.topo.codes[last], ws.pre[last], ws.act[last], model.trainT, 0, n, model.outputs, ws.delta[last]);
  backwardBatch(model.topo, model.params, model.trainX, 0, n, ws, grad);
  for (let k = 0; k < grad.length; k++) {
    grad[k] /= n;
    if (model.isWeight[k] === 1) grad[k] += regularizationGradient(kind, RATE, model.params[k]);
  }
  return grad;
}

/** Largest relative error between the analytic and the central-difference gradient. */
function worstError(model: Model, kind: RegularizationName): number {
  const analytic = analyticGradient(model, kind);
  const h = 1e-6;
  let worst = 0;
  for (let k = 0; k < model.params.length; k++) {
    const keep = model.params[k];
    model.params[k] = keep + h;
    const up = objective(model, kind);
    model.params[k] = keep - h;
    const down = objective(model, kind);
    model.params[k] = keep;
    const numeric = (up - down) / (2 * h);
    const scale = Math.max(Math.abs(numeric), Math.abs(analytic[k]), 1e-3);
    worst = Math.max(worst, Math.abs(numeric - analytic[k]) / scale);
  }
  return worst;
}

function randomNetwork(random: Random, base: LabConfig): LabConfig {
  const layers = 1 + Math.floor(random() * 2);
  const hidden = base.network.hidden[0].activation;
  const features = FEATURE_NAMES.filter(() => random() < 0.5);
  return {
    ...base,
    features: features.length > 0 ? features : ['x1', 'x2'],
    network: {
      ...base.network,
      hidden: Array.from({ length: layers }, () => ({ size: 1 + Math.floor(random() * 3), activation: hidden })),
    },
  };
}

/** Moves every parameter to a random value so the check does not sit on special points. */
function scramble(model: Model, random: Random): void {
  for (let k = 0; k < model.params.length; k++) {
    let v = (random() - 0.5) * 1.6;
    if (Math.abs(v) < 0.05) v += 0.1; // keep clear of the kinks of |w| and ReLU-like functions
    model.params[k] = v;
  }
}

describe('gradient check', () => {
  const datasets = [
    { name: 'two classes', data: { dataset: 'xor' as const } },
    { name: 'three classes', data: { dataset: 'blobs3' as const } },
    { name: 'regression', data: { dataset: 'multiGaussian' as const } },
  ];
  for (const set of datasets) {
    it(`matches finite differences for every accepted combination (${set.name})`, () => {
      const random = createRandom(1234);
      let checked = 0;
      const failures: string[] = [];
      for (const hidden of ACTIVATION_NAMES) {
        for (const output of OUTPUT_ACTIVATION_NAMES) {
          for (const loss of LOSS_NAMES) {
            for (const regularization of REGULARIZATION_NAMES) {
              const base = configWith({
                ...set.data,
                size: 12,
                hidden: [[2, hidden]],
                output,
                training: { loss, regularization, regularizationRate: RATE },
                noise: 20,
              });
              const config = randomNetwork(random, base);
              if (checkConfig(config) !== null) continue;
              const model = createModel(config, { exactTanh: true });
              scramble(model, random);
              const error = worstError(model, regularization);
              checked++;
              if (!(error <= 1e-4)) failures.push(`${hidden}/${output}/${loss}/${regularization}: ${error}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThan(set.name === 'regression' ? 60 : 150);
    });
  }
});
