import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDigits, digitsFileBytes, digitsTable, encodeDigits, readDigitsHeader } from '../../../core/tabular/digits';
import { registerTable } from '../../../core/tabular/table';
import { digitsConfig } from '../../../core/tabular/presets';
import { createSession, measureDue } from '../../../core/session';
import { createModel, trainEpoch } from '../../../core/engine/model';
import { measureSet } from '../../../core/engine/metrics';
import { checkConfig } from '../../../core/engine/validate';
import { networkShape } from '../../../core/engine/shape';
import type { Snapshot } from '../../../core/protocol';
import { digitSlice, sliceBytes } from './slice';

describe('digits file', () => {
  it('round-trips labels and pixels', () => {
    const set = digitSlice(3);
    const bytes = encodeDigits(set);
    expect(bytes.length).toBe(digitsFileBytes(30));
    expect(readDigitsHeader(bytes)).toBe(30);
    const back = decodeDigits(bytes);
    expect(Array.from(back.labels)).toEqual(Array.from(set.labels));
    expect(Array.from(back.pixels)).toEqual(Array.from(set.pixels));
  });

  it('refuses a file with a wrong header, a wrong length or a bad label', () => {
    const bytes = sliceBytes(1);
    expect(() => decodeDigits(bytes.slice(0, bytes.length - 1))).toThrow(/cut short/);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0;
    expect(() => decodeDigits(wrongMagic)).toThrow(/not a digits file/);
    const badLabel = bytes.slice();
    badLabel[8] = 12;
    expect(() => decodeDigits(badLabel)).toThrow(/label 12/);
  });

  it('the build script packs all 10,000 images of the mnist package, balanced from the start', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'digits-')), 'digits.bin');
    execFileSync(process.execPath, [resolve('scripts/build-digits.mjs'), out], { stdio: 'ignore' });
    const set = decodeDigits(new Uint8Array(readFileSync(out)));
    expect(set.count).toBe(10000);
    expect(Array.from(set.labels.subarray(0, 20))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Same pixels as the slice read straight from the package.
    const slice = digitSlice(2);
    expect(Array.from(set.pixels.subarray(0, 20 * 784))).toEqual(Array.from(slice.pixels));
    // A digit image is mostly blank but has some ink.
    const first = set.pixels.subarray(0, 784);
    const inked = first.filter((v) => v > 0).length;
    expect(inked).toBeGreaterThan(40);
    expect(inked).toBeLessThan(400);
  }, 60_000);
});

describe('training on a digits slice', () => {
  registerTable(digitsTable(digitSlice(60)));
  const config = { ...digitsConfig([{ size: 32, activation: 'relu' }]), data: { ...digitsConfig().data, size: 600, trainRatio: 0.75 } };

  it('sizes the network from the pixels: 784 inputs, ten outputs', () => {
    expect(checkConfig(config)).toBeNull();
    const shape = networkShape(config);
    expect(shape.inputs).toBe(784);
    expect(shape.layers.map((l) => l.size)).toEqual([32, 10]);
    expect(shape.paramCount).toBe(784 * 32 + 32 + 32 * 10 + 10);
  });

  it('loss falls and test accuracy beats chance (10 %) by far', () => {
    const model = createModel(config);
    expect(model.data.train.length).toBe(450);
    expect(model.data.test.length).toBe(150);
    const before = measureSet(model, model.data.test, model.testX, model.testT);
    for (let e = 0; e < 8; e++) trainEpoch(model);
    const train = measureSet(model, model.data.train, model.trainX, model.trainT);
    const after = measureSet(model, model.data.test, model.testX, model.testT);
    expect(after.loss).toBeLessThan(before.loss * 0.5);
    expect(train.accuracy).toBeGreaterThan(0.9);
    expect(after.accuracy).toBeGreaterThan(0.7);
    expect(after.confusion).toHaveLength(10);
    expect(after.confusion!.flat().reduce((a, b) => a + b, 0)).toBe(150);
  });

  it('the protocol session trains it, and its state reloads into a fresh session', () => {
    const session = createSession();
    const configured = session.handle({ type: 'configure', id: 1, config });
    expect(configured[0].type).toBe('snapshot');
    const start = (configured[0] as { snapshot: Snapshot }).snapshot.metrics.testLoss;
    for (let i = 0; i < 4; i++) {
      session.handle({ type: 'step', id: 2 + i, unit: 'epoch' });
      // A long epoch's step is trained by the runner's slices; here one call trains it all.
      while (session.isRunning()) session.train(Number.POSITIVE_INFINITY, () => 0, Number.POSITIVE_INFINITY);
    }
    const snap = session.snapshot();
    expect(snap.epoch).toBe(4);
    expect(snap.metrics.testLoss).toBeLessThan(start);
    expect(snap.params.length).toBe(networkShape(config).paramCount);
    const state = session.handle({ type: 'get-state', id: 9 })[0];
    expect(state.type).toBe('state');
    const other = createSession();
    other.handle({ type: 'configure', id: 1, config });
    other.handle({ type: 'load-state', id: 2, state: (state as { state: import('../../../core/protocol').EngineState }).state });
    expect(other.snapshot().metrics.testLoss).toBeCloseTo(snap.metrics.testLoss, 12);
  });

  it('while playing, measures a batch-by-batch network when an epoch ends or when measuring would take at most a fifth of the time', () => {
    expect(measureDue(true, 0, 1000)).toBe(true);
    expect(measureDue(false, 399, 100)).toBe(false);
    expect(measureDue(false, 400, 100)).toBe(true);
    expect(measureDue(false, 0, 0)).toBe(true);

    const session = createSession();
    const first = (session.handle({ type: 'configure', id: 1, config })[0] as { snapshot: Snapshot }).snapshot.history;
    expect(first.map((h) => h.epoch)).toEqual([0]);
    const history = [...first];
    session.handle({ type: 'play', id: 2 });
    expect(session.snapshotInterval?.()).toBe(100);
    // A fake clock that moves 1 ms per reading: a slice trains a few batches and one measurement
    // reads as 1 ms, so some slices are measured and some are not, whatever the machine's load.
    let clockMs = 0;
    const now = (): number => (clockMs += 1);
    let measured = 0;
    let last = session.snapshot().metrics;
    for (let i = 0; i < 40; i++) {
      const before = session.snapshot().epoch;
      session.train(Number.POSITIVE_INFINITY, now, now() + 3);
      const snap = session.snapshot();
      history.push(...snap.history);
      if (snap.metrics.trainLoss !== last.trainLoss) measured += 1;
      // An epoch that ended is always measured, so the read-outs and history show it.
      if (snap.epoch > before) expect(snap.metrics.epoch).toBe(snap.epoch);
      last = snap.metrics;
    }
    expect(session.snapshot().epoch).toBeGreaterThan(0);
    expect(measured).toBeGreaterThan(0);
    expect(measured).toBeLessThan(40);
    // One history point per epoch: measurements inside an epoch never replace the one it began with.
    const epochs = history.map((h) => h.epoch);
    expect(epochs).toEqual(Array.from({ length: epochs.length }, (_, e) => e));
    expect(history[0]).toEqual(first[0]);

    // Train a little more without a measurement, then pause: the paused read-outs are measured
    // now, so they match the same weights reopened in a fresh session.
    session.train(Number.POSITIVE_INFINITY, now, now() + 2);
    const paused = session.handle({ type: 'pause', id: 3 })[0] as { snapshot: Snapshot };
    const state = session.handle({ type: 'get-state', id: 4 })[0] as { state: import('../../../core/protocol').EngineState };
    const other = createSession();
    other.handle({ type: 'configure', id: 1, config });
    other.handle({ type: 'load-state', id: 2, state: state.state });
    expect(paused.snapshot.metrics.testAccuracy).toBe(other.snapshot().metrics.testAccuracy);
    expect(paused.snapshot.metrics.trainLoss).toBeCloseTo(other.snapshot().metrics.trainLoss, 12);
  });

  it('allows wide hidden layers for tables only', () => {
    expect(checkConfig(digitsConfig([{ size: 128, activation: 'relu' }]))).toBeNull();
    expect(checkConfig(digitsConfig([{ size: 300, activation: 'relu' }]))).toMatch(/from 1 to 256 neurons/);
    const circle = digitsConfig([{ size: 17, activation: 'relu' }]);
    circle.data = { ...circle.data, dataset: 'circle', size: 200 };
    circle.network.outputActivation = 'tanh';
    circle.training.loss = 'halfSquared';
    expect(checkConfig(circle)).toMatch(/from 1 to 16 neurons/);
  });
});
