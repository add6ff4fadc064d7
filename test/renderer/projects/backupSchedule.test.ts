import { describe, expect, it } from 'vitest';
import { BackupSchedule, DEFAULT_SCHEDULE, type Slicer } from '../../../renderer/projects/backupSchedule';
import { FakeClock, settle } from './fakeClock';

/** A backup job that works `slices` times for `workMs` each, asking the slicer before each slice. */
function job(clock: FakeClock, slices = 1, workMs = 2) {
  const starts: number[] = [];
  const slicesAt: number[] = [];
  const run = async (slicer: Slicer) => {
    starts.push(clock.t);
    for (let i = 0; i < slices; i++) {
      await slicer.next();
      slicesAt.push(clock.t);
      clock.t += workMs;
    }
  };
  return { run, starts, slicesAt };
}

/** Snapshots every 16 ms for `ms`, the way a training Lab reports progress. */
async function train(clock: FakeClock, schedule: BackupSchedule, ms: number): Promise<number> {
  let notes = 0;
  for (let t = 0; t < ms; t += 16) {
    schedule.note('progress');
    notes++;
    await clock.advance(16);
  }
  return notes;
}

describe('backup schedule', () => {
  it('backs up at most once per spacing while training, never per snapshot', async () => {
    const clock = new FakeClock();
    const work = job(clock);
    const schedule = new BackupSchedule(work.run, clock);
    const notes = await train(clock, schedule, 30_000);
    expect(notes).toBeGreaterThan(1800);
    // No idle time ever came: each backup still ran, after the idle timeout.
    expect(work.starts.length).toBeGreaterThanOrEqual(4);
    expect(work.starts.length).toBeLessThanOrEqual(30_000 / DEFAULT_SCHEDULE.spacingMs);
    for (let i = 1; i < work.starts.length; i++) {
      expect(work.starts[i] - work.starts[i - 1]).toBeGreaterThanOrEqual(DEFAULT_SCHEDULE.spacingMs);
    }
  });

  it('waits longer between backups of a project whose backup took long', async () => {
    const clock = new FakeClock();
    // 100 slices of 3 ms: 300 ms of work, as a digits network with Adam may take.
    const work = job(clock, 100, 3);
    const schedule = new BackupSchedule(work.run, clock);
    await train(clock, schedule, 60_000);
    expect(schedule.lastWork).toBe(300);
    const gaps = work.starts.slice(1).map((start, i) => start - work.starts[i]);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(DEFAULT_SCHEDULE.costFactor * 300);
  });

  it('always backs up soon after a pause, even when the page never idles', async () => {
    const clock = new FakeClock();
    const work = job(clock);
    const schedule = new BackupSchedule(work.run, clock);
    await train(clock, schedule, 6_000);
    const before = work.starts.length;
    schedule.note('pause');
    const pausedAt = clock.t;
    await clock.advance(DEFAULT_SCHEDULE.idleTimeoutMs + 5);
    expect(work.starts.length).toBe(before + 1);
    expect(work.starts[before] - pausedAt).toBeLessThanOrEqual(DEFAULT_SCHEDULE.idleTimeoutMs + 1);
    // Nothing changed since: no more backups.
    await clock.advance(20_000);
    expect(work.starts.length).toBe(before + 1);
  });

  it('runs in the first idle period once due', async () => {
    const clock = new FakeClock();
    const work = job(clock);
    const schedule = new BackupSchedule(work.run, clock);
    schedule.note('pause');
    await clock.advance(1);
    expect(work.starts).toEqual([]);
    await clock.idle(20);
    expect(work.starts).toEqual([1]);
  });

  it('gathers quick changes of settings into one backup after they settle', async () => {
    const clock = new FakeClock();
    const work = job(clock);
    const schedule = new BackupSchedule(work.run, clock);
    for (let i = 0; i < 10; i++) {
      schedule.note('settings');
      await clock.advance(100);
    }
    expect(work.starts).toEqual([]);
    await clock.advance(DEFAULT_SCHEDULE.settleMs + DEFAULT_SCHEDULE.idleTimeoutMs);
    expect(work.starts).toHaveLength(1);
    await clock.advance(10_000);
    expect(work.starts).toHaveLength(1);
  });

  it('slices a long backup over idle periods, never using up a period to its end', async () => {
    const clock = new FakeClock();
    const work = job(clock, 10, 3);
    const schedule = new BackupSchedule(work.run, clock);
    schedule.note('pause');
    await clock.advance(1);
    await clock.idle(10);
    // 10 ms with a 4 ms reserve: slices start at 0 and 3 ms into it (6 ms in, 4 are left: stop).
    expect(work.slicesAt).toHaveLength(2);
    expect(clock.waitingIdles).toBe(1);
    await clock.idle(10);
    expect(work.slicesAt).toHaveLength(4);
    // A busy page gives no idle time: each later slice waits at most the slice timeout.
    const before = clock.t;
    await clock.advance(6 * DEFAULT_SCHEDULE.sliceTimeoutMs + 20);
    expect(work.slicesAt).toHaveLength(10);
    expect(work.slicesAt[9] - before).toBeLessThanOrEqual(6 * (DEFAULT_SCHEDULE.sliceTimeoutMs + 3));
    // Waiting for idle time is not counted as work.
    expect(schedule.lastWork).toBe(30);
  });

  it('backs up a waiting change at once when the page is left, without breaks', async () => {
    const clock = new FakeClock();
    const work = job(clock, 5, 2);
    const schedule = new BackupSchedule(work.run, clock);
    schedule.note('settings');
    await clock.advance(10);
    schedule.note('leave');
    await settle();
    expect(work.starts).toEqual([10]);
    expect(work.slicesAt).toEqual([10, 12, 14, 16, 18]);
    // Leaving with nothing changed does nothing.
    schedule.note('leave');
    await settle();
    expect(work.starts).toHaveLength(1);
  });

  it('does not back up again when an idle callback comes after the page was left', async () => {
    const clock = new FakeClock();
    const work = job(clock);
    const schedule = new BackupSchedule(work.run, clock);
    schedule.note('pause');
    await clock.advance(1);
    // Due and waiting for idle time when the tab is hidden: backed up at once.
    schedule.note('leave');
    await settle();
    expect(work.starts).toEqual([1]);
    // Training goes on; the idle callback asked for earlier must not start a second backup now.
    schedule.note('progress');
    await clock.idle(20);
    await clock.advance(DEFAULT_SCHEDULE.idleTimeoutMs);
    expect(work.starts).toEqual([1]);
  });

  it('hurries a running backup when the page is left', async () => {
    const clock = new FakeClock();
    const work = job(clock, 6, 3);
    const schedule = new BackupSchedule(work.run, clock);
    schedule.note('pause');
    await clock.advance(1);
    await clock.idle(6);
    // Two slices: the second still within the least slice of 5 ms.
    expect(work.slicesAt).toHaveLength(2);
    schedule.note('leave');
    await clock.idle(0);
    expect(work.slicesAt).toHaveLength(6);
    expect(schedule.pending).toBe(false);
  });

  it('backs up a change made during a backup after it, one at a time', async () => {
    const clock = new FakeClock();
    let running = 0;
    let most = 0;
    const starts: number[] = [];
    const schedule = new BackupSchedule(async (slicer) => {
      running++;
      most = Math.max(most, running);
      starts.push(clock.t);
      for (let i = 0; i < 3; i++) {
        await slicer.next();
        clock.t += 2;
      }
      running--;
    }, clock);
    schedule.note('pause');
    await clock.advance(1);
    await clock.idle(3);
    schedule.note('settings');
    schedule.note('pause');
    expect(starts).toHaveLength(1);
    await clock.advance(3 * DEFAULT_SCHEDULE.idleTimeoutMs);
    expect(starts).toHaveLength(2);
    expect(most).toBe(1);
  });

  it('keeps trying after a failed backup, and stops for good on stop()', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const schedule = new BackupSchedule(async () => {
      calls++;
      throw new Error('storage full');
    }, clock);
    schedule.note('pause');
    await clock.advance(DEFAULT_SCHEDULE.idleTimeoutMs + 1);
    expect(calls).toBe(1);
    schedule.note('pause');
    await clock.advance(DEFAULT_SCHEDULE.idleTimeoutMs + 1);
    expect(calls).toBe(2);
    schedule.note('settings');
    schedule.stop();
    await clock.advance(10_000);
    expect(calls).toBe(2);
  });
});
