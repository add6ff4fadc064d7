/**
 * Backups of unsaved work in the user-data folder, as VS Code's hot exit does: a few
 * seconds after each change the current project is written to this run's backup file.
 * At the next start, `pendingBackup()` finds the newest backup left by an earlier run
 * (after a crash or a kill), so the app can offer to restore it. A backup is deleted once
 * the work is saved or discarded. A backup read back arrives from the project worker as the
 * bytes of its project's text, and a restored one is written again from those bytes
 * (backup-bytes.ts): the project never becomes a string on the main process's event loop.
 */
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { MAX_PROJECT_BYTES } from '../../core/project';
import { backupFileBytes } from './backup-bytes';
import { BACKUP_KIND, type DecodedBackup } from './decode';
import { openOrdinaryFile, writeAppFile } from './files';
import type { ProjectParser } from './parse-host';

export const BACKUP_DELAY_MS = 3000;
/** A backup holds a project's text inside a JSON string, where every quote gains a backslash. */
const MAX_BACKUP_BYTES = 2 * MAX_PROJECT_BYTES;
const PREFIX = 'backup-';
const SUFFIX = '.json';

export interface Timer {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimer: Timer = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface BackupEntry {
  /** The project file text: as the page sent it, or as the UTF-8 bytes a restored backup arrived in. */
  json: string | Uint8Array;
  /** Display name, e.g. "spiral.actlab" or "Untitled". */
  name: string;
  /** Where the project is saved, or null when it never was. */
  path: string | null;
}

/**
 * A backup an earlier run left, as the project worker decoded it: the project as the bytes of
 * its canonical text, its name, where it is saved (or null), the ISO time it was written and
 * the network in a line (e.g. "784 → 64 → 10, handwritten digits").
 */
export type PendingBackup = DecodedBackup;

export interface BackupDeps {
  /** The backup folder, e.g. userData/backups. */
  dir: string;
  /** Unique for this run of the app (several runs may leave backups). */
  sessionId: string;
  /** Reads backups left by earlier runs off the main thread (parse-host.ts). */
  parser: ProjectParser;
  delayMs?: number;
  timer?: Timer;
  now?: () => Date;
  /** Told when a backup could not be written (the work itself is still in the window). */
  onError?: (message: string) => void;
}

function sessionFileName(sessionId: string): string {
  return `${PREFIX}${sessionId.replace(/[^A-Za-z0-9_-]/g, '_')}${SUFFIX}`;
}

export class Backups {
  private readonly file: string;
  private readonly timer: Timer;
  private readonly delayMs: number;
  private readonly now: () => Date;
  private handle: unknown = null;
  private waiting: BackupEntry | null = null;
  /** Writes and deletes run one after another, so a late write cannot undo a delete. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: BackupDeps) {
    this.file = path.join(deps.dir, sessionFileName(deps.sessionId));
    this.timer = deps.timer ?? realTimer;
    this.delayMs = deps.delayMs ?? BACKUP_DELAY_MS;
    this.now = deps.now ?? (() => new Date());
  }

  /** This run's backup file (for tests and logs). */
  get path(): string {
    return this.file;
  }

  /** Notes a change; the backup is written once no change has come for the delay. */
  changed(entry: BackupEntry): void {
    this.waiting = entry;
    if (this.handle !== null) this.timer.clear(this.handle);
    this.handle = this.timer.set(() => {
      this.handle = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Writes a waiting change now (before quitting, say). */
  flush(): Promise<void> {
    if (this.handle !== null) {
      this.timer.clear(this.handle);
      this.handle = null;
    }
    const entry = this.waiting;
    this.waiting = null;
    if (!entry) return this.queue;
    const fields = { kind: BACKUP_KIND, version: 1, backedUpAt: this.now().toISOString(), name: entry.name, path: entry.path };
    const { json } = entry;
    return this.enqueue(async () => {
      try {
        // Bytes (a restored backup) are escaped into the file a slice at a time, never made a string.
        const body = typeof json === 'string' ? `${JSON.stringify({ ...fields, json })}\n` : await backupFileBytes(fields, json);
        await writeAppFile(this.file, body);
      } catch (error) {
        this.deps.onError?.(`Unsaved work could not be backed up: ${(error as Error).message}`);
      }
    });
  }

  /** The work was saved or thrown away: forget any waiting change and delete this run's backup. */
  discard(): Promise<void> {
    if (this.handle !== null) this.timer.clear(this.handle);
    this.handle = null;
    this.waiting = null;
    return this.enqueue(() => nodeFs.rm(this.file, { force: true }));
  }

  /** Backup files left by earlier runs (any order). */
  private async earlierFiles(): Promise<string[]> {
    let names: string[];
    try {
      names = await nodeFs.readdir(this.deps.dir);
    } catch {
      return [];
    }
    const own = path.basename(this.file);
    return names
      .filter((name) => name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name !== own)
      .map((name) => path.join(this.deps.dir, name));
  }

  /** The newest valid backup an earlier run left behind, or null. Never throws. */
  async pendingBackup(): Promise<PendingBackup | null> {
    let newest: PendingBackup | null = null;
    for (const file of await this.earlierFiles()) {
      const opened = await openOrdinaryFile(file, MAX_BACKUP_BYTES);
      if (!opened.ok) continue;
      const backup = await this.deps.parser.backup(opened.file).finally(() => opened.handle.close().catch(() => undefined));
      if (backup && (newest === null || backup.backedUpAt > newest.backedUpAt)) newest = backup;
    }
    return newest;
  }

  /** Deletes every backup left by earlier runs (once restored into this run, or declined). */
  async forgetEarlier(): Promise<void> {
    for (const file of await this.earlierFiles()) await nodeFs.rm(file, { force: true }).catch(() => undefined);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return this.queue;
  }
}
