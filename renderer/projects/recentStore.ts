/**
 * The browser's recent projects: the last ten it opened or saved, each with a small picture
 * and the network in a line, kept in IndexedDB (database `activation-lab-recent`).
 *
 * A project comes back either from a File System Access handle (Chromium, a file dropped or
 * picked with a handle: the file on disk is read again, so a moved or deleted file is noticed)
 * or from its text, kept here when there is no handle. The store stays bounded: ten entries,
 * small pictures (core/recent.ts checks them), and at most 32 million characters of project
 * text in all (the oldest go first). Nothing read back is trusted: an entry that does not look right is
 * deleted, and a store that cannot be opened reads as empty, so it never stops the page.
 */
import { readRecentDetails, type RecentDetails } from '../../core/recent';

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

/** What is remembered: the description and either the file's handle or its text. */
export interface RememberedProject extends RecentDetails {
  name: string;
  text?: string;
  handle?: FileSystemFileHandle;
}

/** A kept project read back; `handle` when it came from the file on disk. */
export type RecentRead =
  { ok: true; text: string; name: string; handle?: FileSystemFileHandle } | { ok: false; missing: boolean; message: string };

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
  if (source === 'handle' && isHandle(handle)) return { id, name, ...details, source, handle, chars: 0 };
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

/** Reads the file behind a handle, asking for permission again where the browser wants that. */
async function readHandle(entry: Stored): Promise<RecentRead> {
  const handle = entry.handle as FileSystemFileHandle & {
    queryPermission?(options: { mode: 'read' }): Promise<PermissionState>;
    requestPermission?(options: { mode: 'read' }): Promise<PermissionState>;
  };
  try {
    if (handle.queryPermission && (await handle.queryPermission({ mode: 'read' })) !== 'granted') {
      if (handle.requestPermission && (await handle.requestPermission({ mode: 'read' })) !== 'granted') {
        return {
          ok: false,
          missing: false,
          message: `The browser was not allowed to read “${entry.name}”. Open it again and allow reading the file.`,
        };
      }
    }
    const file = await handle.getFile();
    return { ok: true, text: await file.text(), name: file.name, handle: entry.handle ?? undefined };
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotFoundError' || name === 'NotReadableError')
      return { ok: false, missing: true, message: goneMessage(entry.name, 'handle') };
    return {
      ok: false,
      missing: false,
      message: `“${entry.name}” could not be read (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
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
      const text = project.handle ? undefined : project.text;
      if (!project.handle && (text === undefined || text.length === 0 || text.length > maxTextChars)) return false;
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
        // Keep the newest; drop what falls past ten entries or past the text budget.
        const others = (await stored()).filter((item) => item.id !== id);
        let chars = entry.chars;
        const dropped: string[] = [];
        others.forEach((item, index) => {
          chars += item.chars;
          if (index + 1 >= MAX_RECENT || chars > maxTextChars) dropped.push(item.id);
        });
        await write((entries, texts) => {
          for (const old of dropped) {
            entries.delete(old);
            texts.delete(old);
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
      if (entry.source === 'handle') {
        const result = await readHandle(entry);
        if (!result.ok && result.missing) await forget(id).catch(() => undefined);
        return result;
      }
      const name = entry.name;
      try {
        const text: unknown = await done((await db()).transaction(TEXTS, 'readonly').objectStore(TEXTS).get(id));
        if (typeof text === 'string' && text.length > 0) return { ok: true, text, name };
      } catch {
        // Read as gone, below.
      }
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
