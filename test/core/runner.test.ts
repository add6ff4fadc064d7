import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import type { EngineEvent } from '../../core/protocol';
import { PACED_MIN_MS } from '../../core/pacing';
import { EngineRunner, PAGE_WAIT_MS, SLICE_MS, type RunnerHost } from '../../core/runner';
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

  it.each([1, 10, 60])('keeps to %d epochs a second by the clock, however long the timers take', (rate) => {
    const { host, runner } = setup();
    runner.receive({ type: 'set-speed', id: 1, speed: { mode: 'epochsPerSecond', epochs: rate } });
    runner.receive({ type: 'play', id: 2 });
    host.take();
    const start = host.time;
    while (host.time - start < 3000 && host.runNext()) {
      /* the fake clock moves with each timer */
    }
    const epochs = host.take().flatMap((e) => (e.type === 'snapshot' ? [e.snapshot.epoch] : []));
    expect(epochs.at(-1)).toBeGreaterThanOrEqual(3 * rate - 1);
    expect(epochs.at(-1)).toBeLessThanOrEqual(3 * rate + 1);
    // One epoch per tick: every epoch is seen.
    expect(epochs.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('trains a frame of epochs per tick above one epoch a frame, and restarts its timetable on a new speed', () => {
    const { host, runner } = setup();
    runner.receive({ type: 'set-speed', id: 1, speed: { mode: 'epochsPerSecond', epochs: 1 } });
    runner.receive({ type: 'play', id: 2 });
    host.runNext();
    host.take();
    // The next tick is a second away; a faster speed must not wait for it.
    runner.receive({ type: 'set-speed', id: 3, speed: { mode: 'epochsPerSecond', epochs: 250 } });
    host.take();
    const before = host.time;
    host.runNext();
    expect(host.time - before).toBeLessThan(20);
    const epochs = host.take().flatMap((e) => (e.type === 'snapshot' ? [e.snapshot.epoch] : []));
    expect(epochs).toEqual([1 + 4]);
  });

  it('refuses a speed in epochs per second out of range', () => {
    const { host, runner } = setup();
    runner.receive({ type: 'set-speed', id: 1, speed: { mode: 'epochsPerSecond', epochs: 0 } });
    expect(host.take()[0]).toMatchObject({ type: 'error', replyTo: 1, message: expect.stringContaining('epochsPerSecond') });
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

describe('EngineRunner paced by the page', () => {
  /** Plays at full speed and lets the page say it drew once; returns what the first slice after that posts. */
  function playPaced() {
    const { host, runner } = setup();
    runner.receive({ type: 'set-speed', id: 1, speed: { mode: 'max' } });
    runner.receive({ type: 'play', id: 2 });
    host.runNext();
    host.take();
    runner.receive({ type: 'drawn', id: 3 });
    host.runNext();
    return { host, runner, first: host.take() };
  }
  const snapshots = (events: EngineEvent[]) => events.flatMap((e) => (e.type === 'snapshot' ? [e.snapshot] : []));

  it('keeps each slice’s snapshot back until the page begins its next frame, and rests till then', () => {
    const { host, runner, first } = playPaced();
    // The page drew since the last snapshot, so this one goes at once.
    expect(snapshots(first)).toHaveLength(1);
    // The next slice's is kept back; the only timer left is the time-out of that hold.
    host.runNext();
    expect(host.take()).toEqual([]);
    expect(host.timers).toHaveLength(1);
    const epochBefore = snapshots(first)[0].epoch;
    runner.receive({ type: 'drawn', id: 4 });
    const released = snapshots(host.take());
    expect(released).toHaveLength(1);
    expect(released[0].epoch).toBeGreaterThan(epochBefore);
    expect(released[0].running).toBe(true);
    // ... and the next slice is on its way.
    expect(host.timers.some((t) => t.at <= host.time)).toBe(true);
  });

  it('lets a kept-back snapshot go after PAGE_WAIT_MS when the page stops drawing, and then trains flat out', () => {
    const { host } = playPaced();
    host.runNext();
    expect(host.take()).toEqual([]);
    const heldAt = host.time;
    host.runNext();
    expect(host.time - heldAt).toBeGreaterThanOrEqual(PAGE_WAIT_MS);
    expect(snapshots(host.take())).toHaveLength(1);
    for (let i = 0; i < 3; i++) host.runNext();
    expect(snapshots(host.take())).toHaveLength(3);
  });

  it('sends a kept-back snapshot before the answer to a command, so the page sees them in order', () => {
    const { host, runner } = playPaced();
    host.runNext();
    host.take();
    runner.receive({ type: 'pause', id: 5 });
    const [held, paused] = snapshots(host.take());
    expect(held.running).toBe(true);
    expect(paused.running).toBe(false);
    expect(paused.epoch).toBe(held.epoch);
  });

  it('trains shorter slices while the page’s frames come slowly (the pacer sets their length)', () => {
    const { host, runner, first } = playPaced();
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // The fake clock spends about 0.5 ms per epoch, so a slice's epochs tell its length.
    let last = snapshots(first)[0].epoch;
    const perFrame: number[] = [];
    for (let i = 0; i < 80; i++) {
      // Runs the slice the last frame let go (and any stale hold time-outs already due).
      while (host.timers.some((t) => t.at <= host.time)) host.runNext();
      host.time += 30;
      runner.receive({ type: 'drawn', id: 10 + i });
      const epoch = snapshots(host.take()).at(-1)?.epoch ?? last;
      perFrame.push(epoch - last);
      last = epoch;
    }
    expect(perFrame.every((n) => n > 0)).toBe(true);
    expect(mean(perFrame.slice(-10))).toBeLessThanOrEqual(PACED_MIN_MS / 0.5 + 2);
    expect(mean(perFrame.slice(-10))).toBeLessThan(SLICE_MS / 0.5 / 2);
  });
});
