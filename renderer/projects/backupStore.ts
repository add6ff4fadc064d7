/**
 * Where the browser host keeps a backup of unsaved work: IndexedDB, written piece by piece.
 *
 * A digits network's project is several megabytes of text: more than localStorage holds
 * (5 million characters in Chromium) and, written in one go, a long task (localStorage took
 * 85 ms for 4 MB; one IndexedDB put of 6.5 MB 20 ms). So the text arrives in pieces, each
 * stored as it comes, and the description (`BackupInfo`) is written last. Two slots take
 * turns, so a backup cut off half-way (the tab closed) leaves the previous one whole.
 * Where IndexedDB is missing, localStorage serves small projects the same way.
 */

/** What the restore prompt shows, readable without reading the project itself. */
export interface BackupInfo {
  name: string;
  backedUpAt: string;
  epoch: number;
  /** One line about the network, e.g. "784 → 64 → 10, handwritten digits". */
  summary: string;
}

export interface BackupWriter {
  /** Adds the next piece of the project text. */
  write(piece: string): Promise<void>;
  /** Makes the pieces written so far the backup. */
  finish(info: BackupInfo): Promise<void>;
}

export interface BackupStore {
  begin(): Promise<BackupWriter>;
  readInfo(): Promise<BackupInfo | null>;
  /** The whole project text of the backup, or null when there is none (or it is incomplete). */
  readText(): Promise<string | null>;
  clear(): Promise<void>;
}

/** Pieces are gathered to about this many characters before each store write. */
export const STORE_CHUNK_CHARS = 512 * 1024;

interface StoredInfo extends BackupInfo {
  slot: 0 | 1;
  chunks: number;
}

/** Reads stored info back, trusting nothing (another version of the app may have written it). */
export function readStoredInfo(raw: unknown): StoredInfo | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, backedUpAt, epoch, summary, slot, chunks } = raw as Record<string, unknown>;
  if (typeof name !== 'string' || typeof backedUpAt !== 'string' || typeof summary !== 'string') return null;
  if (typeof epoch !== 'number' || !Number.isFinite(epoch) || (slot !== 0 && slot !== 1)) return null;
  if (typeof chunks !== 'number' || !Number.isInteger(chunks) || chunks < 1) return null;
  return { name: name.slice(0, 200) || 'Untitled', backedUpAt, epoch, summary: summary.slice(0, 200), slot, chunks };
}

/** Storage of numbered chunks in two slots, plus the info that says which slot is whole. */
interface ChunkStorage {
  getInfo(): Promise<unknown>;
  /** Removes every chunk of `slot`. */
  clearSlot(slot: 0 | 1): Promise<void>;
  putChunk(slot: 0 | 1, index: number, text: string): Promise<void>;
  putInfo(info: StoredInfo): Promise<void>;
  getChunks(slot: 0 | 1, count: number): Promise<unknown[]>;
  clearAll(): Promise<void>;
}

/** The slot logic shared by both kinds of storage. */
function slottedStore(chunks: ChunkStorage): BackupStore {
  return {
    async begin() {
      const current = readStoredInfo(await chunks.getInfo());
      const slot: 0 | 1 = current?.slot === 0 ? 1 : 0;
      await chunks.clearSlot(slot);
      let pending: string[] = [];
      let pendingChars = 0;
      let written = 0;
      const flush = async () => {
        if (pending.length === 0) return;
        const text = pending.join('');
        pending = [];
        pendingChars = 0;
        await chunks.putChunk(slot, written, text);
        written++;
      };
      return {
        async write(piece) {
          pending.push(piece);
          pendingChars += piece.length;
          if (pendingChars >= STORE_CHUNK_CHARS) await flush();
        },
        async finish(info) {
          await flush();
          if (written === 0) throw new Error('An empty backup cannot be kept.');
          await chunks.putInfo({ ...info, slot, chunks: written });
        },
      };
    },
    async readInfo() {
      const info = readStoredInfo(await chunks.getInfo());
      return info && { name: info.name, backedUpAt: info.backedUpAt, epoch: info.epoch, summary: info.summary };
    },
    async readText() {
      const info = readStoredInfo(await chunks.getInfo());
      if (!info) return null;
      const parts = await chunks.getChunks(info.slot, info.chunks);
      if (parts.length !== info.chunks || parts.some((part) => typeof part !== 'string')) return null;
      return parts.join('');
    },
    clear: () => chunks.clearAll(),
  };
}

const DB_NAME = 'activation-lab';
const DB_STORE = 'unsaved-project';
const INFO_KEY = 'info';

/** Chunk keys sort in order: "1:000012". */
function chunkKey(slot: 0 | 1, index: number): string {
  return `${slot}:${String(index).padStart(6, '0')}`;
}

function slotRange(slot: 0 | 1): IDBKeyRange {
  return IDBKeyRange.bound(`${slot}:`, `${slot}:\uffff`);
}

function done(request: IDBRequest): Promise<unknown> {
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

/** The backup in IndexedDB (the database opens on first use). */
export function indexedDbBackupStore(factory: IDBFactory): BackupStore {
  let opening: Promise<IDBDatabase> | null = null;
  const db = () => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(DB_STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  };
  const write = async (task: (store: IDBObjectStore) => void) => {
    const transaction = (await db()).transaction(DB_STORE, 'readwrite');
    task(transaction.objectStore(DB_STORE));
    await committed(transaction);
  };
  const read = async (task: (store: IDBObjectStore) => IDBRequest) =>
    done(task((await db()).transaction(DB_STORE, 'readonly').objectStore(DB_STORE)));
  return slottedStore({
    getInfo: () => read((store) => store.get(INFO_KEY)),
    clearSlot: (slot) => write((store) => store.delete(slotRange(slot))),
    putChunk: (slot, index, text) => write((store) => store.put(text, chunkKey(slot, index))),
    putInfo: (info) => write((store) => store.put(info, INFO_KEY)),
    getChunks: async (slot, count) => (await read((store) => store.getAll(slotRange(slot), count))) as unknown[],
    clearAll: () => write((store) => store.clear()),
  });
}

const LOCAL_PREFIX = 'activation-lab:unsaved-work';

/** The backup in localStorage, for browsers without IndexedDB: fine for small projects. */
export function localBackupStore(storage: Storage): BackupStore {
  const key = (slot: 0 | 1, index: number) => `${LOCAL_PREFIX}:${chunkKey(slot, index)}`;
  const slotKeys = (slot: 0 | 1) => {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const name = storage.key(i);
      if (name !== null && name.startsWith(`${LOCAL_PREFIX}:${slot}:`)) keys.push(name);
    }
    return keys;
  };
  return slottedStore({
    getInfo: async () => {
      try {
        return JSON.parse(storage.getItem(`${LOCAL_PREFIX}:${INFO_KEY}`) ?? 'null');
      } catch {
        return null;
      }
    },
    clearSlot: async (slot) => {
      for (const name of slotKeys(slot)) storage.removeItem(name);
    },
    putChunk: async (slot, index, text) => storage.setItem(key(slot, index), text),
    putInfo: async (info) => storage.setItem(`${LOCAL_PREFIX}:${INFO_KEY}`, JSON.stringify(info)),
    getChunks: async (slot, count) => Array.from({ length: count }, (_, i) => storage.getItem(key(slot, i))),
    clearAll: async () => {
      for (const name of [...slotKeys(0), ...slotKeys(1), `${LOCAL_PREFIX}:${INFO_KEY}`]) storage.removeItem(name);
    },
  });
}

/** The page's backup store: IndexedDB where there is one, else `storage`, else none. */
export function browserBackupStore(storage: Storage | null): BackupStore | null {
  const factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (factory) return indexedDbBackupStore(factory);
  return storage ? localBackupStore(storage) : null;
}
