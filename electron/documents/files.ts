/**
 * Reading and writing project files on disk, safely. Saving writes a temporary file in
 * the target's folder, flushes it to the disk, keeps the previous file as
 * `name.actlab.bak`, then renames the temporary file over the target: at every moment the
 * target is either the whole old file or the whole new one. Temporary files a crashed save
 * left in that folder are removed on the next save there. Reading opens the file once,
 * checks through that handle that it is an ordinary file within the size cap, reads at most
 * the cap from it, and parses the bytes in the project worker (parse-host.ts), never on the
 * main process's event loop. Every failure becomes a plain sentence.
 */
import { constants, promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { CUT_OFF_MESSAGE, MAX_PROJECT_BYTES, PROJECT_EXTENSION, tooLargeMessage } from '../../core/project';
import { DocumentError, errorCode, fileErrorMessage } from './errors';
import type { OpenFile, ProjectParser } from './parse-host';

/** The file operations used here; tests pass versions that fail on purpose. */
export interface FileSystem {
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  link: typeof nodeFs.link;
  copyFile: typeof nodeFs.copyFile;
  unlink: typeof nodeFs.unlink;
  stat: typeof nodeFs.stat;
  readFile: typeof nodeFs.readFile;
  mkdir: typeof nodeFs.mkdir;
  readdir: typeof nodeFs.readdir;
  lstat: typeof nodeFs.lstat;
}

export const realFileSystem: FileSystem = {
  open: nodeFs.open,
  rename: nodeFs.rename,
  link: nodeFs.link,
  copyFile: nodeFs.copyFile,
  unlink: nodeFs.unlink,
  stat: nodeFs.stat,
  readFile: nodeFs.readFile,
  mkdir: nodeFs.mkdir,
  readdir: nodeFs.readdir,
  lstat: nodeFs.lstat,
};

export const BACKUP_SUFFIX = '.bak';

let temporaryCounter = 0;

function temporaryPath(target: string): string {
  temporaryCounter += 1;
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${Date.now()}-${temporaryCounter}.tmp`);
}

async function ignoreMissing(task: Promise<unknown>): Promise<void> {
  try {
    await task;
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

/** Writes the whole text to a new file and flushes it to the disk before closing. */
async function writeFlushed(fs: FileSystem, file: string, text: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a file that is already written (a copy) to the disk. */
async function flushFile(fs: FileSystem, file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * True when something is already saved at `target`. A pipe, a device or a socket there is
 * refused: copying it as the backup would never end, and replacing it is not what was meant.
 */
async function existingTarget(fs: FileSystem, target: string): Promise<boolean> {
  try {
    const info = await fs.stat(target);
    if (!info.isFile()) throw new DocumentError(notOrdinaryMessage(target, 'save'));
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false; // nothing saved there yet
    throw error;
  }
}

/** Keeps the current target as `target.bak`: a hard link when the disk allows it, else a flushed copy. */
async function keepPrevious(fs: FileSystem, target: string): Promise<void> {
  const backup = target + BACKUP_SUFFIX;
  await ignoreMissing(fs.unlink(backup));
  try {
    await fs.link(target, backup);
  } catch {
    await fs.copyFile(target, backup);
    await flushFile(fs, backup);
  }
}

/** A temporary file of a save: `.name.actlab.<pid>-<time>-<n>.tmp` (see temporaryPath). */
const LEFTOVER = /^\..+\.actlab\.(\d+)-\d+-\d+\.tmp$/i;
/** A temporary file this old is a leftover even if a process with its number is running now. */
export const LEFTOVER_AGE_MS = 60 * 60 * 1000;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Removes the hidden temporary files that saves of crashed runs left in `folder` (each the
 * size of a project). A file of a process still running is left alone unless it is old.
 * Never throws: tidying up must not stop a save.
 */
export async function removeLeftovers(fs: FileSystem, folder: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = LEFTOVER.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid) continue;
    const file = path.join(folder, name);
    try {
      const info = await fs.lstat(file);
      if (!info.isFile() || (running(pid) && now - info.mtimeMs < LEFTOVER_AGE_MS)) continue;
      await fs.unlink(file);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/** Flushes the folder entry of a rename; some systems (Windows) cannot, which is fine. */
async function syncFolder(fs: FileSystem, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not supported here; the rename itself is still atomic.
  }
}

/**
 * Saves `text` at `target` atomically, keeping the previous version as `target.bak`.
 * Throws a DocumentError with a plain message; on failure the target is unchanged.
 */
export async function writeProjectFile(target: string, text: string, fs: FileSystem = realFileSystem): Promise<void> {
  const temporary = temporaryPath(target);
  let renamed = false;
  try {
    const exists = await existingTarget(fs, target);
    await removeLeftovers(fs, path.dirname(target));
    await writeFlushed(fs, temporary, text);
    if (exists) await keepPrevious(fs, target);
    await fs.rename(temporary, target);
    renamed = true;
    await syncFolder(fs, path.dirname(target));
  } catch (error) {
    if (!renamed) await fs.unlink(temporary).catch(() => undefined);
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(fileErrorMessage(error, 'save', target));
  }
}

/** Like writeProjectFile for small app files (recent list, backups), creating the folder first. */
export async function writeAppFile(target: string, text: string | Uint8Array, fs: FileSystem = realFileSystem): Promise<void> {
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
  } catch (error) {
    throw new DocumentError(fileErrorMessage(error, 'save', target));
  }
  const temporary = temporaryPath(target);
  try {
    await writeFlushed(fs, temporary, text);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.unlink(temporary).catch(() => undefined);
    throw new DocumentError(fileErrorMessage(error, 'save', target));
  }
}

/**
 * A read project file: the UTF-8 bytes of its checked, canonical text, as the worker handed
 * them over (see decode.ts). `missing` is set when the file is not there at all (so it can
 * leave the recent list).
 */
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string; missing?: boolean };

type Opened =
  { ok: true; handle: Awaited<ReturnType<FileSystem['open']>>; file: OpenFile } | { ok: false; message: string; missing?: boolean };

/** Opening a pipe for reading would wait for a writer; without blocking it opens at once and fstat says what it is. */
const READ_FLAGS = constants.O_NONBLOCK === undefined ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;

export function notOrdinaryMessage(file: string, action: 'open' | 'save'): string {
  const name = `"${path.basename(file)}"`;
  return action === 'open'
    ? `${name} is not an ordinary file (it is a pipe, a device or a socket), so it holds no project. Choose a project file saved on a disk.`
    : `${name} is not an ordinary file (it is a pipe, a device or a socket), so Activation Lab will not save over it. Use Save As… to choose another place.`;
}

/**
 * Opens a file once and checks through that handle (fstat) that it is an ordinary file of at
 * most `cap` bytes: what is checked is what the worker then reads, even if the path is
 * swapped meanwhile. The caller closes the handle. Never throws.
 */
export async function openOrdinaryFile(file: string, cap: number, fs: FileSystem = realFileSystem): Promise<Opened> {
  let handle: Awaited<ReturnType<FileSystem['open']>>;
  try {
    handle = await fs.open(file, READ_FLAGS);
  } catch (error) {
    return { ok: false, message: fileErrorMessage(error, 'open', file), missing: errorCode(error) === 'ENOENT' };
  }
  const refuse = async (message: string, missing?: boolean): Promise<Opened> => {
    await handle.close().catch(() => undefined);
    return missing ? { ok: false, message, missing } : { ok: false, message };
  };
  try {
    const info = await handle.stat();
    if (info.isDirectory()) return refuse(fileErrorMessage({ code: 'EISDIR' }, 'open', file));
    if (!info.isFile()) return refuse(notOrdinaryMessage(file, 'open'));
    if (info.size > cap) return refuse(tooLargeMessage(info.size, path.basename(file)));
    return { ok: true, handle, file: { fd: handle.fd, size: info.size, name: path.basename(file) } };
  } catch (error) {
    return refuse(fileErrorMessage(error, 'open', file), errorCode(error) === 'ENOENT');
  }
}

/**
 * A cut-off file that has a `.bak` beside it was being saved by Activation Lab when the save
 * broke off; the previous version is in the backup, so say where it is and how to open it.
 */
async function cutOffMessage(fs: FileSystem, file: string): Promise<string> {
  const backup = file + BACKUP_SUFFIX;
  try {
    const info = await fs.stat(backup);
    if (!info.isFile() || info.size === 0) return CUT_OFF_MESSAGE;
  } catch {
    return CUT_OFF_MESSAGE;
  }
  return (
    `The file "${path.basename(file)}" is cut off — saving it may have been interrupted. ` +
    `The version saved before it is kept beside it as "${path.basename(backup)}": make a copy of that file, ` +
    `rename the copy so that its name ends in ${PROJECT_EXTENSION}, and open the copy.`
  );
}

/** Reads and checks a project file, parsing it in the project worker; never throws. */
export async function readProjectFile(file: string, parser: ProjectParser, fs: FileSystem = realFileSystem): Promise<ReadResult> {
  const opened = await openOrdinaryFile(file, MAX_PROJECT_BYTES, fs);
  if (!opened.ok) return opened;
  let reply: ReadResult;
  try {
    reply = await parser.project(opened.file);
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
  if (!reply.ok && reply.message === CUT_OFF_MESSAGE) return { ok: false, message: await cutOffMessage(fs, file) };
  return reply;
}
