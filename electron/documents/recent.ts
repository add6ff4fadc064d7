/**
 * The recent-files list for File › Open Recent: at most ten paths, newest first, each once,
 * kept as JSON in the user-data folder. Files that have gone are dropped when the list is
 * read. A damaged or unreadable list file reads as an empty list and is rewritten on the
 * next change, so it can never stop the app from starting.
 */
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { PROJECT_EXTENSION } from '../../core/project';
import { writeAppFile } from './files';

export const MAX_RECENT = 10;
const MAX_PATH_LENGTH = 4096;

export interface RecentDeps {
  /** Where the list lives, e.g. userData/recent-projects.json. */
  file: string;
  /** Whether a project file still exists (tests can pretend). */
  exists?(file: string): Promise<boolean>;
  /** Paths differ only by case on Windows and (usually) macOS. */
  caseInsensitive?: boolean;
}

async function fileExists(file: string): Promise<boolean> {
  try {
    return (await nodeFs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Keeps only sensible entries: absolute .actlab paths, no repeats, at most ten. */
export function cleanList(value: unknown, caseInsensitive: boolean): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || item.length === 0 || item.length > MAX_PATH_LENGTH || item.includes('\0')) continue;
    if (!path.isAbsolute(item) && !path.win32.isAbsolute(item)) continue;
    if (!item.toLowerCase().endsWith(PROJECT_EXTENSION)) continue;
    const key = caseInsensitive ? item.toLowerCase() : item;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
    if (out.length === MAX_RECENT) break;
  }
  return out;
}

export class RecentFiles {
  private list: string[] = [];
  /** Files found gone when the list was read, not yet reported (takeGone). */
  private gone: string[] = [];
  private readonly exists: (file: string) => Promise<boolean>;
  private readonly caseInsensitive: boolean;
  /** Writes happen one after another, in the order asked. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: RecentDeps) {
    this.exists = deps.exists ?? fileExists;
    this.caseInsensitive = deps.caseInsensitive ?? false;
  }

  /** The list as last read or changed (for building the menu synchronously). */
  cached(): string[] {
    return this.list.slice();
  }

  /** Reads the list from disk, dropping files that no longer exist. Never throws. */
  async load(): Promise<string[]> {
    let stored: unknown = [];
    try {
      const decoded = JSON.parse(await nodeFs.readFile(this.deps.file, 'utf8')) as unknown;
      stored = (decoded as { files?: unknown } | null)?.files;
    } catch {
      stored = [];
    }
    const candidates = cleanList(stored, this.caseInsensitive);
    const present = await Promise.all(candidates.map((file) => this.exists(file)));
    this.list = candidates.filter((_, i) => present[i]);
    const gone = candidates.filter((_, i) => !present[i]);
    if (gone.length > 0) {
      this.gone = [...this.gone, ...gone].slice(-MAX_RECENT);
      await this.persist();
    }
    return this.cached();
  }

  /** The files found gone since this was last asked (each said once). */
  takeGone(): string[] {
    return this.gone.splice(0);
  }

  /** True when `file` is on the list as last read or changed. */
  has(file: string): boolean {
    const key = this.caseInsensitive ? file.toLowerCase() : file;
    return this.list.some((item) => (this.caseInsensitive ? item.toLowerCase() : item) === key);
  }

  /** Puts a file at the top of the list. */
  async add(file: string): Promise<string[]> {
    this.list = cleanList([file, ...this.list], this.caseInsensitive);
    await this.persist();
    return this.cached();
  }

  async remove(file: string): Promise<string[]> {
    const key = this.caseInsensitive ? file.toLowerCase() : file;
    this.list = this.list.filter((item) => (this.caseInsensitive ? item.toLowerCase() : item) !== key);
    await this.persist();
    return this.cached();
  }

  async clear(): Promise<void> {
    this.list = [];
    await this.persist();
  }

  /** Saves the list; a failure to save it is not worth bothering the learner about. */
  private persist(): Promise<void> {
    const text = `${JSON.stringify({ files: this.list }, null, 2)}\n`;
    const next = this.queue.then(() => writeAppFile(this.deps.file, text));
    this.queue = next.catch(() => undefined);
    return next.catch(() => undefined);
  }
}
