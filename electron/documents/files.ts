/**
 * Reading and writing project files on disk, safely. Saving writes a temporary file in
 * the target's folder, flushes it to the disk, keeps the previous file as
 * `name.actlab.bak`, then renames the temporary file over the target: at every moment the
 * target is either the whole old file or the whole new one. Reading checks the size before
 * reading, and turns every failure into a plain sentence.
 */
import { promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { MAX_PROJECT_BYTES, parseProject, tooLargeMessage, type Project } from '../../core/project';
import { DocumentError, errorCode, fileErrorMessage } from './errors';

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
async function writeFlushed(fs: FileSystem, file: string, text: string): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Keeps the current target as `target.bak`: a hard link when the disk allows it, else a copy. */
async function keepPrevious(fs: FileSystem, target: string): Promise<void> {
  try {
    await fs.stat(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return; // nothing saved there yet
    throw error;
  }
  const backup = target + BACKUP_SUFFIX;
  await ignoreMissing(fs.unlink(backup));
  try {
    await fs.link(target, backup);
  } catch {
    await fs.copyFile(target, backup);
  }
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
    await writeFlushed(fs, temporary, text);
    await keepPrevious(fs, target);
    await fs.rename(temporary, target);
    renamed = true;
    await syncFolder(fs, path.dirname(target));
  } catch (error) {
    if (!renamed) await fs.unlink(temporary).catch(() => undefined);
    throw new DocumentError(fileErrorMessage(error, 'save', target));
  }
}

/** Like writeProjectFile for small app files (recent list, backups), creating the folder first. */
export async function writeAppFile(target: string, text: string, fs: FileSystem = realFileSystem): Promise<void> {
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

/** `missing` is set when the file is not there at all (so it can leave the recent list). */
export type ReadResult = { ok: true; project: Project } | { ok: false; message: string; missing?: boolean };

/** Reads and checks a project file; never throws. */
export async function readProjectFile(file: string, fs: FileSystem = realFileSystem): Promise<ReadResult> {
  let text: string;
  try {
    const info = await fs.stat(file);
    if (info.isDirectory()) return { ok: false, message: fileErrorMessage({ code: 'EISDIR' }, 'open', file) };
    if (info.size > MAX_PROJECT_BYTES) return { ok: false, message: tooLargeMessage(info.size) };
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, message: fileErrorMessage(error, 'open', file), missing: errorCode(error) === 'ENOENT' };
  }
  return parseProject(text);
}
