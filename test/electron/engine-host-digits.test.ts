/**
 * The desktop engine learns the handwritten digits: the real bundled worker behind a real
 * EngineHost gets the app's packed digit file (provideDigits), trains a digits network well
 * past chance, and keeps it through a worker crash because the host re-sends the file first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabConfig } from '../../core/config';
import { digitsConfig } from '../../core/tabular/presets';
import { notLoadedMessage } from '../../core/tabular/table';
import { DIGITS_FILE_MESSAGE } from '../../core/tabular/provide';
import { buildDigitsFile, errors, rigsForThisFile, snapshots, until } from './real-worker';

let digits: Uint8Array;
const rig = rigsForThisFile();

beforeAll(() => {
  digits = buildDigitsFile();
}, 60_000);

function typeOf(message: unknown): string {
  return (message as { type: string }).type;
}

/** All 10,000 digits split 8,000 / 2,000, with a small hidden layer so the test stays quick. */
const small: LabConfig = digitsConfig([{ size: 16, activation: 'relu' }], 7);

describe('digits in the desktop engine worker', () => {
  it('trains a digits network on the provided file well past chance', async () => {
    const { host, events, posted } = rig();
    host.provideDigits(digits);
    host.send({ type: 'configure', id: 1, config: small });
    host.send({ type: 'play', id: 2 });
    await until(() => snapshots(events).some((s) => (s.metrics.testAccuracy ?? 0) > 0.8), 'test accuracy over 80 %', 60_000);
    host.send({ type: 'pause', id: 3 });
    expect(errors(events)).toEqual([]);
    const all = snapshots(events);
    // An untrained network guesses: about one digit in ten.
    expect(all[0].metrics.testAccuracy).toBeLessThan(0.3);
    expect(Math.max(...all.map((s) => s.metrics.testAccuracy ?? 0))).toBeGreaterThan(0.8);
    // 784 inputs → 16 → 10 outputs.
    expect(all[0].params.length).toBe(784 * 16 + 16 + 16 * 10 + 10);
    expect(posted.slice(0, 2).map(typeOf)).toEqual([DIGITS_FILE_MESSAGE, 'configure']);
  }, 90_000);

  it('a restarted worker gets the file first and the digits network back at its epoch', async () => {
    const { host, events, notices, workers, posted, postedTo } = rig({ heartbeatMs: 50 });
    host.provideDigits(digits);
    host.send({ type: 'configure', id: 1, config: small });
    host.send({ type: 'play', id: 2 });
    await until(
      () => (host.knownState?.epoch ?? 0) >= 1 && snapshots(events).some((s) => (s.metrics.testAccuracy ?? 0) > 0.6),
      'a known state after an epoch',
      60_000,
    );
    const known = host.knownState!.epoch;
    const seenBefore = events.length;
    const accuracyBefore = Math.max(...snapshots(events).map((s) => s.metrics.testAccuracy ?? 0));

    await workers[0].terminate(); // the worker dies mid-training

    await until(() => notices.length > 0, 'the restart notice');
    expect(host.restartTotal).toBe(1);
    expect(notices[0]).toMatch(/training resumed from epoch [\d,]+\.$/);
    // The new worker's first messages: the digits file, then the configuration, then its state.
    const toNew = posted.filter((_, i) => postedTo[i] === 1).map(typeOf);
    expect(toNew.slice(0, 3)).toEqual([DIGITS_FILE_MESSAGE, 'configure', 'load-state']);

    await until(() => snapshots(events.slice(seenBefore)).length >= 3, 'snapshots from the restarted worker', 30_000);
    host.send({ type: 'pause', id: 3 });
    expect(errors(events)).toEqual([]);
    const after = snapshots(events.slice(seenBefore));
    expect(Math.min(...after.map((s) => s.epoch))).toBeGreaterThanOrEqual(known);
    // The restored network still reads digits; a fresh one would be back near 10 %.
    expect(after[0].metrics.testAccuracy).toBeGreaterThan(Math.min(0.6, accuracyBefore - 0.1));
  }, 120_000);

  it('configuring digits without the file first is refused with a plain sentence', async () => {
    const { host, events, posted } = rig();
    host.send({ type: 'configure', id: 1, config: small });
    await until(() => errors(events).length > 0, 'the refusal');
    expect(events.find((e) => e.type === 'error')).toEqual({ type: 'error', replyTo: 1, message: notLoadedMessage('digits') });
    expect(snapshots(events)).toEqual([]);
    expect(posted.map(typeOf)).not.toContain(DIGITS_FILE_MESSAGE);
  });

  it('refuses a file with a bad label in the host: nothing reaches the worker and nothing is kept', async () => {
    const { host, events, posted, workers, log } = rig({ heartbeatMs: 50 });
    const bad = digits.slice();
    bad[8 + 5] = 10;
    host.provideDigits(bad);
    expect(errors(events)).toEqual(['The digit images could not be loaded. Image 5 has the label 10; digits go from 0 to 9.']);
    expect(log.some((line) => line.includes('Image 5 has the label 10'))).toBe(true);
    expect(posted).toEqual([]);
    // Nor is it sent to a restarted worker.
    await workers[0].terminate();
    await until(() => workers.length === 2, 'the restart');
    expect(posted).toEqual([]);
  });

  it('the worker limits fit 784 → 128 → 10 on all 10,000 digits with Adam, and a starved heap would not', async () => {
    const big = digitsConfig([{ size: 128, activation: 'relu' }], 3);
    const weights = 784 * 128 + 128 + 128 * 10 + 10;
    // The worker is busy for the whole epoch, so the heartbeat may wait that long.
    const { host, events, log } = rig({ heartbeatMs: 200, heartbeatTimeoutMs: 150_000 });
    host.provideDigits(digits);
    host.send({ type: 'configure', id: 1, config: big });
    // One whole epoch (8,000 images in batches of 32), then a state with Adam's moments read back through the host.
    const started = Date.now();
    host.send({ type: 'step', id: 2, unit: 'epoch' });
    host.send({ type: 'get-state', id: 3 });
    // The epoch step trains in slices, so the state request is answered while it runs.
    await until(
      () => events.some((e) => e.type === 'state') && snapshots(events).some((s) => s.epoch === 1),
      'one whole epoch of the big network and its state',
      150_000,
    );
    console.log(
      `784 → 128 → 10, one epoch on 8,000 digits with Adam in the engine worker: ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(errors(events)).toEqual([]);
    expect(log).toEqual([]);
    expect(host.restartTotal).toBe(0);
    const trained = snapshots(events).find((s) => s.epoch === 1);
    expect(trained?.metrics.testAccuracy).toBeGreaterThan(0.8);
    const state = events.find((e) => e.type === 'state');
    expect(state?.type === 'state' && state.state.params.length).toBe(weights);
    expect(state?.type === 'state' && state.state.optimizer.map((moments) => moments.length)).toEqual([weights, weights]);

    // The control: the same work on a heap far too small kills the worker, so the check above
    // would notice limits that are too tight.
    const starved = rig({
      resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 2 },
      maxRestarts: 0,
      heartbeatTimeoutMs: 150_000,
    });
    starved.host.provideDigits(digits);
    starved.host.send({ type: 'configure', id: 1, config: big });
    starved.host.send({ type: 'step', id: 2, unit: 'epoch' });
    starved.host.send({ type: 'get-state', id: 3 });
    await until(() => starved.log.some((line) => line.includes('memory limit')), 'the starved worker to die', 150_000);
    expect(starved.events.some((e) => e.type === 'state')).toBe(false);
  }, 330_000);
});
