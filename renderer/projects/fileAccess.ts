/**
 * Project files through the File System Access API, where the browser has it (Chromium in a
 * secure context): Open… and Save show the system's own file dialogs and give back a
 * FileSystemFileHandle, which the recent list keeps (recentStore.ts) and Save writes back
 * through. Elsewhere (Firefox, Safari), or when the learner does not let the page at a file,
 * these functions say so (`unavailable`, `false`) and never throw for it: the caller then does
 * what every browser can, a file input to open and a download to save (files.ts).
 */
import { PROJECT_EXTENSION } from '../../core/project/types';

/** The permission calls Chromium adds to a handle (not in TypeScript's DOM types). */
type AskingHandle = FileSystemFileHandle & {
  queryPermission?(options: { mode: AccessMode }): Promise<PermissionState>;
  requestPermission?(options: { mode: AccessMode }): Promise<PermissionState>;
};

export type AccessMode = 'read' | 'readwrite';

interface PickerType {
  description: string;
  accept: Record<string, string[]>;
}

/** The two pickers as the page has them (only where the browser does). */
interface PickerWindow {
  showOpenFilePicker?(options: {
    types: PickerType[];
    excludeAcceptAllOption?: boolean;
    multiple?: boolean;
  }): Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?(options: { types: PickerType[]; suggestedName?: string }): Promise<FileSystemFileHandle>;
}

/** What a picker gave: a handle, nothing (the learner closed it), or no picker to use. */
export type Picked = { kind: 'picked'; handle: FileSystemFileHandle } | { kind: 'cancelled' } | { kind: 'unavailable' };

export interface FilePickers {
  /** Shows the system's Open dialog for a project file. */
  open(): Promise<Picked>;
  /** Shows the system's Save dialog, with `suggestedName` filled in; the handle may write. */
  save(suggestedName: string): Promise<Picked>;
}

const TYPES: PickerType[] = [{ description: 'Activation Lab project', accept: { 'application/json': [PROJECT_EXTENSION] } }];

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : '';
}

/** A picker's answer: AbortError is the learner closing it; anything else (not allowed, no gesture) is no picker. */
async function pick(show: () => Promise<FileSystemFileHandle | undefined>): Promise<Picked> {
  try {
    const handle = await show();
    return handle ? { kind: 'picked', handle } : { kind: 'cancelled' };
  } catch (error) {
    return errorName(error) === 'AbortError' ? { kind: 'cancelled' } : { kind: 'unavailable' };
  }
}

/** The pickers, or null where the browser has none (so the file input and downloads are used). */
export function filePickers(page: object = globalThis): FilePickers | null {
  const win = page as PickerWindow;
  const { showOpenFilePicker, showSaveFilePicker } = win;
  if (typeof showOpenFilePicker !== 'function' || typeof showSaveFilePicker !== 'function') return null;
  return {
    open: () => pick(async () => (await showOpenFilePicker.call(win, { types: TYPES, excludeAcceptAllOption: false, multiple: false }))[0]),
    save: (suggestedName) => pick(() => showSaveFilePicker.call(win, { types: TYPES, suggestedName })),
  };
}

/**
 * Whether the page may use the file now: asks the browser, and asks the learner where the
 * browser wants that (it needs the click that led here). False when refused or when asking fails.
 */
export async function allowed(handle: FileSystemFileHandle, mode: AccessMode): Promise<boolean> {
  const asking = handle as AskingHandle;
  try {
    if (!asking.queryPermission) return true;
    if ((await asking.queryPermission({ mode })) === 'granted') return true;
    return asking.requestPermission ? (await asking.requestPermission({ mode })) === 'granted' : false;
  } catch {
    return false;
  }
}

/** What reading a file through its handle gave. */
export type HandleRead =
  | { ok: true; file: File }
  /** `gone`: the file is not there any more; `denied`: the page may not read it; `failed`: anything else. */
  | { ok: false; why: 'gone' | 'denied' | 'failed'; detail: string };

/** Reads the file behind a handle as it is on disk now, asking for permission where needed. */
export async function readThrough(handle: FileSystemFileHandle): Promise<HandleRead> {
  if (!(await allowed(handle, 'read'))) return { ok: false, why: 'denied', detail: 'not allowed' };
  try {
    return { ok: true, file: await handle.getFile() };
  } catch (error) {
    const name = errorName(error);
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, why: name === 'NotFoundError' || name === 'NotReadableError' ? 'gone' : 'failed', detail };
  }
}

/** Replaces the file's contents with `text` (the browser swaps the new contents in on close). Throws on failure. */
export async function writeThrough(handle: FileSystemFileHandle, text: string): Promise<void> {
  const writable = await handle.createWritable();
  try {
    await writable.write(text);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

/** Where Save puts the file: through a handle (`picked` when the Save dialog just gave it), as a download, or nowhere. */
export type SaveTarget = { kind: 'handle'; handle: FileSystemFileHandle; picked: boolean } | { kind: 'download' } | { kind: 'cancelled' };

/**
 * Where Save writes: back to the open file (`current`) when the page may write it, or else to
 * the file the Save dialog gives; a download where there is no dialog or the learner does not
 * let the page write; nowhere when they close the dialog. Called before the file's text is
 * made, while the click that asked still lets the page show a dialog.
 */
export async function saveTarget(
  pickers: FilePickers | null,
  current: FileSystemFileHandle | null,
  suggestedName: string,
): Promise<SaveTarget> {
  if (current) return (await allowed(current, 'readwrite')) ? { kind: 'handle', handle: current, picked: false } : { kind: 'download' };
  if (!pickers) return { kind: 'download' };
  const picked = await pickers.save(suggestedName);
  if (picked.kind === 'picked') return { kind: 'handle', handle: picked.handle, picked: true };
  return picked.kind === 'cancelled' ? { kind: 'cancelled' } : { kind: 'download' };
}
