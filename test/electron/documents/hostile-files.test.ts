/**
 * Files that try to freeze or hang the main process, through the real read path (one
 * handle, the bundled project worker) and the document controller, plus the leftovers a
 * crashed save leaves and the flushed copy of the backup.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeProject } from '../../../core/project';
import { DocumentController } from '../../../electron/documents/controller';
import { LEFTOVER_AGE_MS, readProjectFile, realFileSystem, removeLeftovers, writeProjectFile } from '../../../electron/documents/files';
import { TOO_SLOW_MESSAGE } from '../../../electron/documents/parse-host';
import { sampleProject } from '../../core/project/sample';
import { faultyFs, temporaryFolder, tinyValuesFile } from './helpers';
import { projectWorkerForThisFile } from './parser';

const worker = projectWorkerForThisFile();
let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => (folder = temporaryFolder()));
afterEach(() => folder.remove());

const text = serializeProject(sampleProject());

/** Counts turns of this event loop and the longest gap between two, while `task` runs. */
async function whileTicking<T>(task: () => Promise<T>): Promise<{ value: T; ticks: number; longestGapMs: number }> {
  let ticks = 0;
  let last = performance.now();
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks++;
  }, 5);
  try {
    const value = await task();
    return { value, ticks, longestGapMs };
  } finally {
    clearInterval(timer);
  }
}

describe('a file cannot freeze the main process', () => {
  it('refuses the 64 MB file of tiny values while the event loop keeps turning', async () => {
    const file = path.join(folder.dir, 'junk.actlab');
    writeFileSync(file, tinyValuesFile());
    const parser = worker.parser();
    const { value, ticks, longestGapMs } = await whileTicking(() => readProjectFile(file, parser));
    expect(value.ok ? '' : value.message).toMatch(
      /^This file holds more than [\d,]+ values, more than the largest network a project can describe/,
    );
    // Generous: before, the loop stood still for the whole parse (about 30 s); now it turns throughout.
    expect(ticks).toBeGreaterThan(5);
    expect(longestGapMs).toBeLessThan(2000);
  });

  it('ends a worker that runs past its time limit and says so', async () => {
    const file = path.join(folder.dir, 'slow.actlab');
    writeFileSync(file, text);
    const result = await readProjectFile(file, worker.parser({ timeLimitMs: 1 }));
    expect(result).toEqual({ ok: false, message: TOO_SLOW_MESSAGE });
  });

  it('reads backups in the worker too: a backup of tiny values is skipped, not built', async () => {
    const { Backups } = await import('../../../electron/documents/backups');
    const dir = path.join(folder.dir, 'backups');
    const store = new Backups({ dir, sessionId: 'now', parser: worker.parser() });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'backup-junk.json'), `{"kind":"activation-lab-backup","junk":[${'{},'.repeat(3_000_000)}{}]}`);
    const { value, longestGapMs } = await whileTicking(() => store.pendingBackup());
    expect(value).toBeNull();
    expect(longestGapMs).toBeLessThan(2000);
  });
});

describe.runIf(process.platform === 'linux')('a FIFO named x.actlab (Linux; mkfifo)', () => {
  it('Open, Save and the close question answer instead of hanging', async () => {
    const fifo = path.join(folder.dir, 'x.actlab');
    execFileSync('mkfifo', [fifo]);
    const parser = worker.parser();
    const saveTo: string[] = [fifo];
    const answers = [0]; // "Save" at the close question
    const controller = new DocumentController({
      platform: 'linux',
      files: { read: (file) => readProjectFile(file, parser), write: (file, body) => writeProjectFile(file, body) },
      dialogs: { chooseOpen: async () => fifo, chooseSave: async () => saveTo.shift() ?? null },
      ask: async () => answers.shift() ?? 2,
      page: { load: () => undefined, saved: () => undefined, offer: () => undefined },
      recent: { has: () => false, add: async () => undefined, remove: async () => undefined },
      backups: {
        changed: () => undefined,
        flush: async () => undefined,
        discard: async () => undefined,
        pendingBackup: async () => null,
        forgetEarlier: async () => undefined,
      },
      newProjectJson: () => text,
      now: () => new Date(0),
    });
    const opened = await controller.open();
    expect(opened.message).toMatch(/^"x.actlab" is not an ordinary file/);
    controller.update({ json: text, dirty: true });
    saveTo.push(fifo);
    const saved = await controller.saveAs();
    expect(saved.message).toMatch(/^"x.actlab" is not an ordinary file .* will not save over it/);
    expect(await controller.confirmClose()).toBe(false);
    expect(controller.current().dirty).toBe(true);
  });
});

describe('leftovers of a crashed save', () => {
  /** The process number of a process that has ended. */
  function endedPid(): number {
    const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    return child.pid!;
  }

  it('the next save to that folder removes the hidden temporary files a crashed run left', async () => {
    const target = path.join(folder.dir, 'spiral.actlab');
    const crashed = path.join(folder.dir, `.spiral.actlab.${endedPid()}-1764626000000-3.tmp`);
    const other = path.join(folder.dir, `.circle.actlab.${endedPid()}-1764626000000-1.tmp`);
    writeFileSync(crashed, text.slice(0, 500));
    writeFileSync(other, text);
    writeFileSync(path.join(folder.dir, 'notes.tmp'), 'mine');
    await writeProjectFile(target, text);
    expect(readdirSync(folder.dir).sort()).toEqual(['notes.tmp', 'spiral.actlab']);
  });

  it('leaves a temporary file of a running save alone unless it is old', async () => {
    const live = path.join(folder.dir, `.spiral.actlab.${process.ppid}-1764626000000-1.tmp`);
    writeFileSync(live, 'half');
    expect(await removeLeftovers(realFileSystem, folder.dir)).toEqual([]);
    expect(existsSync(live)).toBe(true);
    const old = (Date.now() - LEFTOVER_AGE_MS - 60_000) / 1000;
    utimesSync(live, old, old);
    expect(await removeLeftovers(realFileSystem, folder.dir)).toEqual([path.basename(live)]);
  });

  it('flushes the .bak copy when the disk cannot hard-link', async () => {
    const target = path.join(folder.dir, 'spiral.actlab');
    await writeProjectFile(target, text);
    const synced: string[] = [];
    const fs = faultyFs({
      link: (() => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' }))) as unknown as typeof realFileSystem.link,
      open: (async (file: Parameters<typeof realFileSystem.open>[0], ...rest: unknown[]) => {
        const handle = await (realFileSystem.open as (...a: unknown[]) => ReturnType<typeof realFileSystem.open>)(file, ...rest);
        const sync = handle.sync.bind(handle);
        return Object.assign(handle, {
          sync: async () => {
            synced.push(path.basename(String(file)));
            return sync();
          },
        });
      }) as typeof realFileSystem.open,
    });
    const second = serializeProject({ ...sampleProject(), name: 'second' });
    await writeProjectFile(target, second, fs);
    expect(readFileSync(`${target}.bak`, 'utf8')).toBe(text);
    expect(synced).toContain('spiral.actlab.bak');
  });
});
