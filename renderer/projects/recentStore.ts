/**
 * The browser's recent projects: the last ten it opened or saved, each with a small picture
 * and the network in a line, kept in IndexedDB (database `activation-lab-recent`).
 *
 * A project comes back either from a File System Access handle (Chromium, a file opened or
 * saved through the system's dialogs, fileAccess.ts: the file on disk is read again, so a moved
 * or deleted file is noticed) or from its text, kept here. A handle entry keeps the text too
 * where the budget allows, read only when the learner does not let the page read the file; a
 * file that has gone still leaves the list. The store stays bounded: ten entries,
 * small pictures (core/recent.ts checks them), and at most 32 million characters of project
 * text in all (the oldest go first). Nothing read back is trusted: an entry that does not look right is
 * deleted, and a store that cannot be opened reads as empty, so it never stops the page.
 */
import { readRecentDetails, type RecentDetails } from '../../core/recent';
import { readThrough } from './fileAccess';

export const MAX_RECENT = 10;
/** Most project text kept for all entries together. */
export const MAX_TEXT_CHARS = 32 * 1024 * 1024;
const MAX_NAME = 200;

export interface RecentEntry extends RecentDetails {
  /** The file name, lower-cased: saving or opening the same name again replaces the entry. */
  id: string;
  /** The file name as shown, "my-spiral.actlab". */
  name: string;
  /** Where the project comes back from: the file on disk (a handle) or the text kept here. */
  source: 'handle' | 'text';
}

/** What is remembered: the description, the file's handle where there is one, and its text. */
export interface RememberedProject extends RecentDetails {
  name: string;
  /** Needed without a handle; with one, kept as the copy to fall back on (when it fits). */
  text?: string;
  handle?: FileSystemFileHandle;
}

/**
 * A kept project read back: `handle` when the entry has one, `copy` when the text is the copy
 * kept here because the page was not allowed to read the file.
 */
export type RecentRead =
  | { ok: true; text: string; name: string; handle?: FileSystemFileHandle; copy?: boolean }
  | { ok: false; missing: boolean; message: string };

export interface RecentStore {
  /** Newest first; never throws (a store that cannot be read is empty). */
  list(): Promise<RecentEntry[]>;
  /** Puts a project at the top of the list (false when it could not be kept). */
  remember(project: RememberedProject): Promise<boolean>;
  /** The project's text, from its file or from the store. */
  read(id: string): Promise<RecentRead>;
  forget(id: string): Promise<void>;
}

/** How an entry is stored (the text lives in its own object store, read only when opened). */
interface Stored extends RecentEntry {
  handle: FileSystemFileHandle | null;
  chars: number;
}

const DB_NAME = 'activation-lab-recent';
const ENTRIES = 'entries';
const TEXTS = 'texts';

export const recentId = (name: string): string => name.trim().toLowerCase();

function isHandle(value: unknown): value is FileSystemFileHandle {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'file' && 'getFile' in value;
}

/** A stored entry as written by any version of the page, or null when it does not look right. */
export function readStored(raw: unknown): Stored | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, name, source, handle, chars } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME || id !== recentId(name))
    return null;
  const details = readRecentDetails(raw);
  if (!details) return null;
  if (typeof chars !== 'number' || !Number.isSafeInteger(chars) || chars < 0) return null;
  if (source === 'handle' && isHandle(handle)) return { id, name, ...details, source, handle, chars };
  if (source === 'text' && chars > 0) return { id, name, ...details, source, handle: null, chars };
  return null;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

const newestFirst = (a: { at: string }, b: { at: string }) => Date.parse(b.at) - Date.parse(a.at);

/** Said when a kept project cannot be found any more. */
export function goneMessage(name: string, source: 'handle' | 'text'): string {
  return source === 'handle'
    ? `“${name}” is not where it was: it may have been moved, renamed or deleted. It has been removed from your recent projects; use Open… to choose it again.`
    : `The copy of “${name}” this browser kept is gone (the browser's storage may have been cleared). It has been removed from your recent projects; use Open… to choose the file again.`;
}

/** Reads the file behind a handle (asking for permission again where the browser wants that). */
async function readHandle(entry: Stored & { handle: FileSystemFileHandle }): Promise<RecentRead | 'denied'> {
  const read = await readThrough(entry.handle);
  if (read.ok) {
    try {
      return { ok: true, text: await read.file.text(), name: read.file.name, handle: entry.handle };
    } catch (error) {
      return {
        ok: false,
        missing: false,
        message: `“${entry.name}” could not be read (${error instanceof Error ? error.message : String(error)}).`,
      };
    }
  }
  if (read.why === 'gone') return { ok: false, missing: true, message: goneMessage(entry.name, 'handle') };
  if (read.why === 'denied') return 'denied';
  return { ok: false, missing: false, message: `“${entry.name}” could not be read (${read.detail}).` };
}

/** The recent projects in IndexedDB (the database opens on first use). */
export function indexedDbRecentStore(factory: IDBFactory, limits: { maxTextChars?: number } = {}): RecentStore {
  const maxTextChars = limits.maxTextChars ?? MAX_TEXT_CHARS;
  let opening: Promise<IDBDatabase> | null = null;
  const db = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(ENTRIES, { keyPath: 'id' });
        request.result.createObjectStore(TEXTS);
      };
      request.onsuccess = () => {
        const opened = request.result;
        // Another tab upgrading or deleting the store: step aside, and open again when next needed.
        opened.onversionchange = () => {
          opened.close();
          opening = null;
        };
        resolve(opened);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
  const write = async (task: (entries: IDBObjectStore, texts: IDBObjectStore) => void) => {
    const transaction = (await db()).transaction([ENTRIES, TEXTS], 'readwrite');
    task(transaction.objectStore(ENTRIES), transaction.objectStore(TEXTS));
    await committed(transaction);
  };

  /** Every entry that looks right, newest first; the ones that do not are deleted. */
  const stored = async (): Promise<Stored[]> => {
    const raw = await done((await db()).transaction(ENTRIES, 'readonly').objectStore(ENTRIES).getAll());
    const good: Stored[] = [];
    const bad: IDBValidKey[] = [];
    for (const item of raw) {
      const entry = readStored(item);
      if (entry) good.push(entry);
      else if (typeof item === 'object' && item !== null && 'id' in item) bad.push((item as { id: IDBValidKey }).id);
    }
    if (bad.length > 0) {
      await write((entries, texts) => {
        for (const key of bad) {
          entries.delete(key);
          texts.delete(key);
        }
      });
    }
    return good.sort(newestFirst);
  };

  /** The text kept for an entry, or null when there is none (or it cannot be read). */
  const keptText = async (id: string): Promise<string | null> => {
    try {
      const text: unknown = await done((await db()).transaction(TEXTS, 'readonly').objectStore(TEXTS).get(id));
      return typeof text === 'string' && text.length > 0 ? text : null;
    } catch {
      return null;
    }
  };

  const forget = (id: string) =>
    write((entries, texts) => {
      entries.delete(id);
      texts.delete(id);
    });

  return {
    async list() {
      try {
        return (await stored()).map(({ id, name, summary, at, picture, source }) => ({ id, name, summary, at, picture, source }));
      } catch {
        return [];
      }
    },
    async remember(project) {
      const name = project.name.slice(0, MAX_NAME);
      const id = recentId(name);
      const fits = project.text !== undefined && project.text.length > 0 && project.text.length <= maxTextChars;
      // With a handle the text is only a fallback copy: kept when it fits, else the handle alone.
      const text = fits ? project.text : undefined;
      if (!project.handle && !fits) return false;
      const details = readRecentDetails(project);
      if (!details) return false;
      const entry: Stored = {
        id,
        name,
        ...details,
        source: project.handle ? 'handle' : 'text',
        handle: project.handle ?? null,
        chars: text?.length ?? 0,
      };
      try {
        // Keep the newest; drop what falls past ten entries, and past the text budget the oldest
        // texts (an entry with a handle only loses its copy: the file itself is still there).
        const others = (await stored()).filter((item) => item.id !== id);
        let chars = entry.chars;
        let over = false;
        const dropped: string[] = [];
        const stripped: Stored[] = [];
        others.forEach((item, index) => {
          if (index + 1 >= MAX_RECENT) dropped.push(item.id);
          else if (!over && chars + item.chars <= maxTextChars) chars += item.chars;
          else {
            over = true;
            if (item.source === 'text') dropped.push(item.id);
            else if (item.chars > 0) stripped.push({ ...item, chars: 0 });
          }
        });
        await write((entries, texts) => {
          for (const old of dropped) {
            entries.delete(old);
            texts.delete(old);
          }
          for (const item of stripped) {
            entries.put(item);
            texts.delete(item.id);
          }
          entries.put(entry);
          if (text !== undefined) texts.put(text, id);
          else texts.delete(id);
        });
        return true;
      } catch {
        return false;
      }
    },
    async read(id) {
      let entry: Stored | undefined;
      try {
        entry = (await stored()).find((item) => item.id === id);
      } catch {
        return {
          ok: false,
          missing: false,
          message: 'The browser could not read its list of recent projects. Use Open… to choose the file.',
        };
      }
      if (!entry)
        return { ok: false, missing: true, message: 'That project is not in your recent projects any more. Use Open… to choose the file.' };
      const name = entry.name;
      if (entry.source === 'handle' && entry.handle) {
        const result = await readHandle({ ...entry, handle: entry.handle });
        if (result !== 'denied') {
          if (!result.ok && result.missing) await forget(id).catch(() => undefined);
          return result;
        }
        // Not allowed to read the file: the copy kept when it was last opened or saved, if any.
        const kept = entry.chars > 0 ? await keptText(id) : null;
        return kept !== null
          ? { ok: true, text: kept, name, handle: entry.handle, copy: true }
          : {
              ok: false,
              missing: false,
              message: `The browser was not allowed to read “${name}”. Use Open… to choose the file again.`,
            };
      }
      const text = await keptText(id);
      if (text !== null) return { ok: true, text, name };
      await forget(id).catch(() => undefined);
      return { ok: false, missing: true, message: goneMessage(name, 'text') };
    },
    async forget(id) {
      await forget(id).catch(() => undefined);
    },
  };
}

/** The page's recent projects: IndexedDB where there is one, else none. */
export function browserRecentStore(): RecentStore | null {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  return factory ? indexedDbRecentStore(factory) : null;
}
