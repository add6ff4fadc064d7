/**
 * Pictures and summaries for the recent list (File › Open Recent and the Projects area): one
 * per recent file, kept as JSON in the user-data folder beside the list itself. The page
 * draws the picture of the project it has open and sends it (core/ipc.ts 'project:preview');
 * main keeps it only for the open file, and only while that file is on the recent list, so
 * the store never holds more entries than the list (ten) and never names a path the page
 * chose. A damaged or unreadable file reads as no pictures, so it can never stop the app.
 */
import { promises as nodeFs } from 'node:fs';
import { readRecentDetails, type RecentDetails } from '../../core/recent';
import { writeAppFile } from './files';
import { MAX_RECENT } from './recent';

export interface PreviewDeps {
  /** Where the pictures live, e.g. userData/recent-previews.json. */
  file: string;
  /** Paths differ only by case on Windows and (usually) macOS. */
  caseInsensitive?: boolean;
}

export class RecentPreviews {
  private details = new Map<string, RecentDetails>();
  private queue: Promise<void> = Promise.resolve();
  private loading: Promise<void> | null = null;

  constructor(private readonly deps: PreviewDeps) {}

  private key(file: string): string {
    return this.deps.caseInsensitive ? file.toLowerCase() : file;
  }

  /** Reads the stored pictures once; anything that does not look right is left out. Never throws. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      let stored: unknown = null;
      try {
        stored = (JSON.parse(await nodeFs.readFile(this.deps.file, 'utf8')) as { previews?: unknown } | null)?.previews;
      } catch {
        stored = null;
      }
      if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return;
      for (const [file, raw] of Object.entries(stored).slice(0, MAX_RECENT)) {
        const details = readRecentDetails(raw);
        if (details && file.length <= 4096) this.details.set(this.key(file), details);
      }
    })();
    return this.loading;
  }

  get(file: string): RecentDetails | null {
    return this.details.get(this.key(file)) ?? null;
  }

  /** Keeps the details for `file`, and only for the files of `list` (the recent list now). */
  async set(file: string, details: RecentDetails, list: readonly string[]): Promise<void> {
    await this.load();
    this.details.set(this.key(file), details);
    await this.keepOnly(list, true);
  }

  /** Forgets every picture whose file is not on `list`; writes only when something went. */
  async keepOnly(list: readonly string[], force = false): Promise<void> {
    await this.load();
    const keep = new Set(list.slice(0, MAX_RECENT).map((file) => this.key(file)));
    let changed = force;
    for (const key of [...this.details.keys()]) {
      if (!keep.has(key)) {
        this.details.delete(key);
        changed = true;
      }
    }
    if (changed) await this.persist();
  }

  /** Saves the pictures; a failure to save them is not worth bothering the learner about. */
  private persist(): Promise<void> {
    const text = `${JSON.stringify({ previews: Object.fromEntries(this.details) })}\n`;
    const next = this.queue.then(() => writeAppFile(this.deps.file, text));
    this.queue = next.catch(() => undefined);
    return next.catch(() => undefined);
  }
}
