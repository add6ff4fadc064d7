import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import type { EngineEvent } from '../../core/protocol';
import { EngineRunner, SLICE_MS, type RunnerHost } from '../../core/runner';
import { createSession } from '../../core/session';

/** A host with a hand-driven clock and timer queue: every call to now() moves time on by 0.5 ms. */
class FakeHost implements RunnerHost {
  events: EngineEvent[] = [];
  time = 0;
  timers: { at: number; fn: () => void }[] = [];

  post(event: EngineEvent): void {
    this.events.push(event);
  }

  now(): number {
    this.time += 0.5;
    return this.time;
  }

  later(fn: () => void, ms: number): void {
    this.timers.push({ at: this.time + ms, fn });
  }

  /** Runs the earliest timer; returns false when none is waiting. */
  runNext(): boolean {
    if (this.timers.length === 0) return false;
    this.timers.sort((a, b) => a.at - b.at);
    const timer = this.timers.shift()!;
    this.time = Math.max(this.time, timer.at);
    timer.fn();
    return true;
  }

  take(): EngineEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }
}

function setup(): { host: FakeHost; runner: EngineRunner } {
  const host = new FakeHost();
  const runner = new EngineRunner(createSession(), host);
  return { host, runner };
}

describe('EngineRunner with a training session', () => {
  it('answers commands', () => {
    const { host, runner } = setup();
    runner.receive({ type: 'configure', id: 1, config: defaultConfig() });
    const [reply] = host.take();
    expect(reply.type).toBe('snapshot');
    if (reply.type === 'snapshot') expect(reply.snapshot.configVersion).toBe(1);
    runner.receive({ type: 'get-state', id: 2 });
    const [state] = host.take();
    expect(state).toMatchObject({ type: 'state', replyTo: 2 });
    expect(host.timers).toEqual([]);
  });

  it('answers malformed messages with an error event', () => {
    const { host, runner } = setup();
    runner.receive(42);
    runner.receive({ type: 'explode', id: 5 });
    runner.receive({ type: 'step', id: 6, unit: 'fortnight' });
    runner.receive({ type: 'configure', id: 7, config: { data: null } });
    runner.receive({ type: 'set-parameter', id: 8, index: 0, value: Number.NaN });
    const events = host.take();
    expect(events.map((e) => e.type)).toEqual(['error', 'error', 'error', 'error', 'error']);
    expect(events.map((e) => (e.type === 'error' ? e.replyTo : undefined))).toEqual([null, 5, 6, 7, 8]);
    for (const e of events) if (e.type === 'error') expect(e.message).toMatch(/^\S.{10,}\.$/);
  });

  it('posts snapshots while playing, and stops when paused', () => {
    const { host, runner } = setup();
    runner.receive({ type: 'configure', id: 1, config: defaultConfig() });
    runner.receive({ type: 'set-speed', id: 2, speed: { mode: 'max' } });
    runner.receive({ type: 'play', id: 3 });
    host.take();
    for (let i = 0; i < 4; i++) expect(host.runNext()).toBe(true);
    const snapshots = host.take().flatMap((e) => (e.type === 'snapshot' ? [e.snapshot] : []));
    expect(snapshots).toHaveLength(4);
    const epochs = snapshots.map((s) => s.epoch);
    expect(epochs[0]).toBeGreaterThan(0);
    for (let i = 1; i < epochs.length; i++) expect(epochs[i]).toBeGreaterThan(epochs[i - 1]);
    // Each slice stops at its deadline: the fake clock advances 0.5 ms per look.
    expect(epochs[1] - epochs[0]).toBeLessThanOrEqual(SLICE_MS * 2);
    expect(snapshots.every((s) => s.running)).toBe(true);

    runner.receive({ type: 'pause', id: 4 });
    const [paused] = host.take();
    expect(paused.type === 'snapshot' && paused.snapshot.running).toBe(false);
    while (host.runNext()) {
      /* drain whatever was already scheduled */
    }
    expect(host.take()).toEqual([]);
  });

  it('trains the set number of epochs per frame', () => {
    const { host, runner } = setup();
    runner.receive({ type: 'set-speed', id: 1, speed: { mode: 'epochsPerFrame', epochs: 3 } });
    runner.receive({ type: 'play', id: 2 });
    host.take();
    host.runNext();
    host.runNext();
    const epochs = host.take().flatMap((e) => (e.type === 'snapshot' ? [e.snapshot.epoch] : []));
    expect(epochs).toEqual([3, 6]);
  });

  it('posts the divergence instead of a snapshot and stops', () => {
    const { host, runner } = setup();
    const config = defaultConfig();
    config.data.dataset = 'plane';
    config.network.hidden = [{ size: 4, activation: 'identity' }];
    config.network.outputActivation = 'identity';
    config.training.learningRate = 10;
    runner.receive({ type: 'configure', id: 1, config });
    runner.receive({ type: 'play', id: 2 });
    host.take();
    let guard = 0;
    while (host.runNext() && guard++ < 100) {
      /* tick until it stops */
    }
    const events = host.take();
    expect(events.at(-1)?.type).toBe('diverged');
    expect(host.timers).toEqual([]);
  });

  it('posts at most one snapshot per snapshotInterval while playing, and always the last one when training stops', () => {
    const host = new FakeHost();
    const session = createSession();
    let interval = 100;
    const runner = new EngineRunner({ ...session, snapshotInterval: () => interval }, host);
    runner.receive({ type: 'set-speed', id: 1, speed: { mode: 'max' } });
    runner.receive({ type: 'play', id: 2 });
    host.take();
    const start = host.time;
    for (let i = 0; i < 40; i++) host.runNext();
    const elapsed = host.time - start;
    const snapshots = host.take().filter((e) => e.type === 'snapshot');
    expect(elapsed).toBeGreaterThan(400);
    expect(snapshots.length).toBeGreaterThanOrEqual(Math.floor(elapsed / interval) - 1);
    expect(snapshots.length).toBeLessThanOrEqual(Math.ceil(elapsed / interval) + 1);
    interval = 0;
    for (let i = 0; i < 5; i++) host.runNext();
    expect(host.take().filter((e) => e.type === 'snapshot')).toHaveLength(5);
  });
});
