import { describe, expect, it } from 'vitest';
import type { ProjectUpdate } from '../../../core/ipc';
import { parseProject, type Project } from '../../../core/project';
import { BACKUP_FAILED, readBackupInfo, readBackupProject } from '../../../renderer/projects/backup';
import { BackupSchedule, DEFAULT_SCHEDULE } from '../../../renderer/projects/backupSchedule';
import { localBackupStore } from '../../../renderer/projects/backupStore';
import { BrowserBackups, desktopSync, type SyncSource } from '../../../renderer/projects/hostSync';
import { sampleProject } from '../../core/project/sample';
import { FakeClock, settle } from './fakeClock';
import { MemoryStorage } from './memoryStorage';

/** A Lab whose epoch moves on with time, as while training; counts how often its state was asked for. */
function trainingLab(clock: FakeClock) {
  const lab = {
    dirty: true,
    held: false,
    asked: 0,
    epochNow: () => Math.floor(clock.t / 10),
  };
  const source: SyncSource = {
    currentProject: async () => {
      lab.asked++;
      const project: Project = sampleProject();
      project.state!.epoch = lab.epochNow();
      return project;
    },
    dirty: () => lab.dirty,
    held: () => lab.held,
  };
  return { lab, source };
}

/** Snapshots every 16 ms for `ms`, noted the way the Projects area notes them. */
async function train(clock: FakeClock, schedule: BackupSchedule, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 16) {
    schedule.note('progress');
    await clock.advance(16);
  }
}

describe('desktop host: telling main', () => {
  it('sends the project at most once per spacing while training and soon after a pause', async () => {
    const clock = new FakeClock();
    const { lab, source } = trainingLab(clock);
    const updates: ProjectUpdate[] = [];
    const schedule = new BackupSchedule(
      desktopSync(source, (update) => updates.push(update)),
      clock,
    );
    await train(clock, schedule, 20_000);
    expect(updates.length).toBeGreaterThanOrEqual(3);
    expect(updates.length).toBeLessThanOrEqual(20_000 / DEFAULT_SCHEDULE.spacingMs);
    expect(lab.asked).toBe(updates.length);

    schedule.note('pause');
    const pausedEpoch = lab.epochNow();
    await clock.advance(DEFAULT_SCHEDULE.idleTimeoutMs + 6 * DEFAULT_SCHEDULE.sliceTimeoutMs);
    const last = updates[updates.length - 1];
    const sent = parseProject(last.json);
    expect(sent.ok && sent.project.state!.epoch).toBeGreaterThanOrEqual(pausedEpoch);
    expect(last.dirty).toBe(true);
  });

  it('tells main nothing while the Lab waits for the digit images', async () => {
    const clock = new FakeClock();
    const { lab, source } = trainingLab(clock);
    lab.held = true;
    const updates: ProjectUpdate[] = [];
    const schedule = new BackupSchedule(
      desktopSync(source, (update) => updates.push(update)),
      clock,
    );
    schedule.note('pause');
    await clock.advance(2 * DEFAULT_SCHEDULE.idleTimeoutMs);
    expect(updates).toEqual([]);
    expect(lab.asked).toBe(0);
  });
});

describe('browser host: backups', () => {
  it('backs up at most once per spacing while training, and the paused network after a pause', async () => {
    const clock = new FakeClock();
    const { lab, source } = trainingLab(clock);
    const store = localBackupStore(new MemoryStorage());
    const errors: string[] = [];
    const backups = new BrowserBackups(source, store, (message) => errors.push(message));
    const schedule = new BackupSchedule(backups.sync, clock);
    await train(clock, schedule, 20_000);
    expect(lab.asked).toBeGreaterThanOrEqual(3);
    expect(lab.asked).toBeLessThanOrEqual(20_000 / DEFAULT_SCHEDULE.spacingMs);

    schedule.note('pause');
    const pausedEpoch = lab.epochNow();
    await clock.advance(DEFAULT_SCHEDULE.idleTimeoutMs + 10 * DEFAULT_SCHEDULE.sliceTimeoutMs);
    expect((await readBackupInfo(store))?.epoch).toBeGreaterThanOrEqual(pausedEpoch);
    expect((await readBackupProject(store)).ok).toBe(true);
    expect(errors).toEqual([]);
  });

  it('writes nothing for saved work or while a restore offer is open', async () => {
    const clock = new FakeClock();
    const { lab, source } = trainingLab(clock);
    const store = localBackupStore(new MemoryStorage());
    const schedule = new BackupSchedule(new BrowserBackups(source, store, () => undefined).sync, clock);
    lab.dirty = false;
    schedule.note('pause');
    await clock.advance(2 * DEFAULT_SCHEDULE.idleTimeoutMs);
    lab.dirty = true;
    lab.held = true;
    schedule.note('pause');
    await clock.advance(2 * DEFAULT_SCHEDULE.idleTimeoutMs);
    expect(lab.asked).toBe(0);
    expect(await readBackupInfo(store)).toBeNull();
  });

  it('throws away a backup that was being written when the work was saved', async () => {
    const clock = new FakeClock();
    const { lab, source } = trainingLab(clock);
    // The engine answers only when told: the backup is under way until then.
    let answer: () => void = () => undefined;
    const slowSource: SyncSource = {
      ...source,
      currentProject: () => new Promise<Project>((resolve) => (answer = () => void source.currentProject().then(resolve))),
    };
    const store = localBackupStore(new MemoryStorage());
    const backups = new BrowserBackups(slowSource, store, () => undefined);
    const schedule = new BackupSchedule(backups.sync, clock);
    schedule.note('pause');
    await clock.advance(DEFAULT_SCHEDULE.idleTimeoutMs + 1);
    expect(schedule.pending).toBe(true);
    // Save now, then the engine's answer arrives and the backup is written.
    lab.dirty = false;
    await backups.forget();
    answer();
    await clock.advance(20 * DEFAULT_SCHEDULE.sliceTimeoutMs);
    await settle();
    expect(lab.asked).toBe(1);
    expect(schedule.pending).toBe(false);
    expect(await readBackupInfo(store)).toBeNull();
  });

  it('keeps a backup written for work that is still unsaved', async () => {
    const clock = new FakeClock();
    const { source } = trainingLab(clock);
    const store = localBackupStore(new MemoryStorage());
    const schedule = new BackupSchedule(new BrowserBackups(source, store, () => undefined).sync, clock);
    schedule.note('pause');
    await clock.advance(DEFAULT_SCHEDULE.idleTimeoutMs + 10 * DEFAULT_SCHEDULE.sliceTimeoutMs);
    expect((await readBackupInfo(store))?.summary).toBe('4 → 6 → 3 → 1, spiral');
  });

  it('says so when the browser cannot keep the backup', async () => {
    const clock = new FakeClock();
    const { source } = trainingLab(clock);
    const errors: string[] = [];
    const store = localBackupStore(new MemoryStorage(1000));
    const schedule = new BackupSchedule(new BrowserBackups(source, store, (message) => errors.push(message)).sync, clock);
    schedule.note('pause');
    await clock.advance(DEFAULT_SCHEDULE.idleTimeoutMs + 20 * DEFAULT_SCHEDULE.sliceTimeoutMs);
    expect(errors).toEqual([BACKUP_FAILED]);
  });
});
