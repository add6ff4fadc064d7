/**
 * The real engine worker, bundled by scripts/build-electron.mjs into a temporary folder and
 * started with worker_threads, driven through the supervising EngineHost.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { rigsForThisFile, snapshots, until } from './real-worker';

const rig = rigsForThisFile();

describe('the real engine worker under the host', () => {
  it('trains: snapshots arrive with Float64Array parameters and the loss goes down', async () => {
    const { host, events } = rig();
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    host.send({ type: 'set-speed', id: 2, speed: { mode: 'epochsPerFrame', epochs: 10 } });
    host.send({ type: 'play', id: 3 });
    await until(() => snapshots(events).some((s) => s.epoch >= 200), 'epoch 200');
    host.send({ type: 'pause', id: 4 });
    const all = snapshots(events);
    const first = all[0];
    const last = all[all.length - 1];
    expect(first.params).toBeInstanceOf(Float64Array);
    expect(first.params.length).toBeGreaterThan(0);
    expect(last.epoch).toBeGreaterThanOrEqual(200);
    expect(last.metrics.trainLoss).toBeLessThan(first.metrics.trainLoss * 0.8);
    // Epochs only move forward while training.
    const epochs = all.filter((s) => s.configVersion === last.configVersion).map((s) => s.epoch);
    expect([...epochs].sort((a, b) => a - b)).toEqual(epochs);
    expect(events.some((e) => e.type === 'error')).toBe(false);
  });

  it('still hears the host while it trains flat out: a pause stops it and no restart is needed', async () => {
    // Yielding with a message to itself would starve the parent's port in Node for ~1,000
    // slices (14 s); the shared entry yields with setImmediate there.
    const { host, events, notices } = rig();
    const config = defaultConfig();
    config.network.hidden = [
      { size: 8, activation: 'tanh' },
      { size: 8, activation: 'tanh' },
    ];
    host.send({ type: 'configure', id: 1, config });
    host.send({ type: 'set-speed', id: 2, speed: { mode: 'max' } });
    host.send({ type: 'play', id: 3 });
    await until(() => snapshots(events).filter((s) => s.running).length >= 20, '20 training snapshots');
    host.send({ type: 'pause', id: 4 });
    await until(() => snapshots(events).some((s) => !s.running && s.epoch > 0), 'the pause', 5000);
    expect(notices).toEqual([]);
  });

  it('rejects malformed commands with an error event; they never reach the worker', async () => {
    const { host, events, posted } = rig();
    const bad: unknown[] = [
      null,
      'play',
      { type: 'explode', id: 1 },
      { type: 'play' },
      { type: 'step', id: 2, unit: 'century' },
      { type: 'set-parameter', id: 3, index: -1, value: 1 },
      { type: 'set-parameter', id: 4, index: 0, value: Number.NaN },
      { type: 'load-state', id: 5, state: { epoch: 1, params: ['x'] } },
      { type: 'set-speed', id: 6, speed: { mode: 'epochsPerFrame', epochs: 1e9 } },
    ];
    for (const message of bad) host.send(message);
    const errors = events.filter((e) => e.type === 'error');
    expect(errors).toHaveLength(bad.length);
    expect(errors.map((e) => (e.type === 'error' ? e.replyTo : 0))).toEqual([null, null, 1, null, 2, 3, 4, 5, 6]);
    expect(errors.every((e) => e.type === 'error' && e.message.length > 10)).toBe(true);
    expect(posted).toEqual([]);
    // A good command still goes through afterwards.
    host.send({ type: 'configure', id: 7, config: defaultConfig() });
    await until(() => snapshots(events).length > 0, 'a snapshot');
    expect(posted).toHaveLength(2); // the configure, then the host's own get-state
  });

  it('restarts a killed worker and resumes training from the last state, not from epoch 0', async () => {
    const { host, events, notices, workers } = rig({ heartbeatMs: 50 });
    host.send({ type: 'configure', id: 1, config: defaultConfig() });
    host.send({ type: 'set-speed', id: 2, speed: { mode: 'epochsPerFrame', epochs: 5 } });
    host.send({ type: 'play', id: 3 });
    await until(() => (host.knownState?.epoch ?? 0) >= 150, 'a known state past epoch 150');
    const before = snapshots(events);
    const versionBefore = before[before.length - 1].configVersion;
    const known = host.knownState!.epoch;
    const seenBefore = events.length;

    await workers[0].terminate(); // the worker dies mid-training

    await until(() => notices.length > 0, 'the restart notice');
    expect(workers).toHaveLength(2);
    expect(host.restartTotal).toBe(1);
    expect(notices[0]).toMatch(/^The training engine stopped unexpectedly and was restarted; training resumed from epoch [\d,]+\.$/);
    const resumedFrom = Number(notices[0].match(/epoch ([\d,]+)/)![1].replace(/,/g, ''));
    expect(resumedFrom).toBeGreaterThanOrEqual(known);

    await until(() => snapshots(events.slice(seenBefore)).some((s) => s.epoch >= resumedFrom + 50), 'training after the restart');
    const after = snapshots(events.slice(seenBefore));
    // Nothing from the restarted worker goes back to the start, and it is still the same network.
    expect(Math.min(...after.map((s) => s.epoch))).toBeGreaterThanOrEqual(resumedFrom);
    expect(after.every((s) => s.configVersion === versionBefore)).toBe(true);
    expect(after[after.length - 1].running).toBe(true);
    // The loss carries on from where it was rather than from an untrained network.
    const lossBefore = before[before.length - 1].metrics.trainLoss;
    expect(after[0].metrics.trainLoss).toBeLessThan(before[0].metrics.trainLoss);
    expect(after[0].metrics.trainLoss).toBeLessThanOrEqual(lossBefore * 1.5);
  });
});
