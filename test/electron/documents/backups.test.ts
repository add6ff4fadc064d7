import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProject } from '../../../core/project';
import { Backups, type Timer } from '../../../electron/documents/backups';
import { sampleProject } from '../../core/project/sample';
import { temporaryFolder } from './helpers';
import { projectWorkerForThisFile } from './parser';

const worker = projectWorkerForThisFile();

/** A timer that runs only when told to, to test the debounce without waiting. */
class ManualTimer implements Timer {
  now = 0;
  private pending = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;
  set(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + ms, fn });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, job] of [...this.pending]) {
      if (job.at <= this.now) {
        this.pending.delete(id);
        job.fn();
      }
    }
  }
  get count(): number {
    return this.pending.size;
  }
}

let folder: ReturnType<typeof temporaryFolder>;
let dir: string;
beforeEach(() => {
  folder = temporaryFolder();
  dir = path.join(folder.dir, 'backups');
});
afterEach(() => folder.remove());

const json = serializeProject(sampleProject());
const later = serializeProject({ ...sampleProject(), name: 'later' });

function backups(sessionId: string, timer = new ManualTimer(), time = 0): Backups {
  return new Backups({
    dir,
    sessionId,
    timer,
    delayMs: 3000,
    parser: worker.parser(),
    now: () => new Date(Date.UTC(2026, 10, 28, 21, 0, time)),
  });
}

describe('Backups', () => {
  it('writes a backup a few seconds after the last change, not before', async () => {
    const timer = new ManualTimer();
    const store = backups('run-1', timer);
    store.changed({ json, name: 'Untitled', path: null });
    timer.advance(2000);
    store.changed({ json: later, name: 'Untitled', path: null });
    timer.advance(2000);
    expect(existsSync(store.path)).toBe(false);
    expect(timer.count).toBe(1);
    timer.advance(1000);
    await store.flush();
    expect(existsSync(store.path)).toBe(true);
    const found = await backups('run-2').pendingBackup();
    expect(new TextDecoder().decode(found?.bytes)).toBe(later);
  });

  it('after a crash, the next run finds the newest valid backup', async () => {
    const older = backups('run-1', new ManualTimer(), 10);
    older.changed({ json, name: 'spiral.actlab', path: '/projects/spiral.actlab' });
    await older.flush();
    const newer = backups('run-2', new ManualTimer(), 20);
    newer.changed({ json: later, name: 'Untitled', path: null });
    await newer.flush();
    // Two runs "crashed"; a third starts and does not see its own (empty) backup.
    const third = backups('run-3');
    expect(await third.pendingBackup()).toEqual({
      bytes: new TextEncoder().encode(later),
      name: 'Untitled',
      path: null,
      backedUpAt: '2026-11-28T21:00:20.000Z',
      summary: '4 → 6 → 3 → 1, spiral',
    });
    await third.forgetEarlier();
    expect(await third.pendingBackup()).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is deleted once the work is saved or discarded', async () => {
    const timer = new ManualTimer();
    const store = backups('run-1', timer);
    store.changed({ json, name: 'Untitled', path: null });
    await store.flush();
    expect(existsSync(store.path)).toBe(true);
    await store.discard();
    expect(existsSync(store.path)).toBe(false);
    // A change waiting when the work is discarded is never written.
    store.changed({ json, name: 'Untitled', path: null });
    await store.discard();
    timer.advance(10_000);
    await store.flush();
    expect(existsSync(store.path)).toBe(false);
    expect(await backups('run-2').pendingBackup()).toBeNull();
  });

  it('ignores damaged backups and a missing folder', async () => {
    expect(await backups('run-1').pendingBackup()).toBeNull();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'backup-old.json'), '{"kind": "activation-lab-backup", "json": "{trunc');
    writeFileSync(
      path.join(dir, 'backup-older.json'),
      JSON.stringify({ kind: 'activation-lab-backup', backedUpAt: 'x', name: 'a', path: null, json: '{}' }),
    );
    writeFileSync(path.join(dir, 'backup-binary.json'), Buffer.from([0, 1, 2, 255]));
    expect(await backups('run-1').pendingBackup()).toBeNull();
  });

  it('reports a backup it cannot write, without throwing', async () => {
    writeFileSync(path.join(folder.dir, 'blocked'), 'a file where the folder should be');
    const errors: string[] = [];
    const store = new Backups({
      dir: path.join(folder.dir, 'blocked', 'backups'),
      sessionId: 'run-1',
      parser: worker.parser(),
      timer: new ManualTimer(),
      onError: (m) => errors.push(m),
    });
    store.changed({ json, name: 'Untitled', path: null });
    await store.flush();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Unsaved work could not be backed up: /);
  });
});
