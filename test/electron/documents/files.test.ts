import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PROJECT_BYTES, serializeProject } from '../../../core/project';
import { readProjectFile, realFileSystem, writeProjectFile } from '../../../electron/documents/files';
import { sampleProject } from '../../core/project/sample';
import { codeError, faultyFs, permissionsApply, temporaryFolder } from './helpers';

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => (folder = temporaryFolder()));
afterEach(() => {
  chmodSync(folder.dir, 0o755);
  folder.remove();
});

const first = serializeProject(sampleProject());
const second = serializeProject({ ...sampleProject(), name: 'second version' });

function target(): string {
  return path.join(folder.dir, 'spiral.actlab');
}

async function messageOf(task: Promise<unknown>): Promise<string> {
  try {
    await task;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('writeProjectFile', () => {
  it('writes the file, leaves no temporary file and no .bak the first time', async () => {
    await writeProjectFile(target(), first);
    expect(readFileSync(target(), 'utf8')).toBe(first);
    expect(readdirSync(folder.dir)).toEqual(['spiral.actlab']);
  });

  it('keeps the previous version as name.actlab.bak', async () => {
    await writeProjectFile(target(), first);
    await writeProjectFile(target(), second);
    expect(readFileSync(target(), 'utf8')).toBe(second);
    expect(readFileSync(`${target()}.bak`, 'utf8')).toBe(first);
    await writeProjectFile(target(), first);
    expect(readFileSync(`${target()}.bak`, 'utf8')).toBe(second);
    expect(readdirSync(folder.dir).sort()).toEqual(['spiral.actlab', 'spiral.actlab.bak']);
  });

  it('copies the previous version where hard links are not possible', async () => {
    await writeProjectFile(target(), first);
    const noLinks = faultyFs({ link: () => Promise.reject(codeError('EPERM')) });
    await writeProjectFile(target(), second, noLinks);
    expect(readFileSync(`${target()}.bak`, 'utf8')).toBe(first);
    expect(readFileSync(target(), 'utf8')).toBe(second);
  });

  it('a crash between writing the temporary file and renaming leaves the original intact', async () => {
    await writeProjectFile(target(), first);
    // The process "dies" at the rename: the rename fails and nothing is cleaned up afterwards.
    const crash = faultyFs({ rename: () => Promise.reject(codeError('EIO')), unlink: () => Promise.resolve() });
    await expect(writeProjectFile(target(), second, crash)).rejects.toThrow(/reported an error while writing "spiral.actlab"/);
    expect(readFileSync(target(), 'utf8')).toBe(first);
    const leftovers = readdirSync(folder.dir).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toHaveLength(1);
    expect(readFileSync(path.join(folder.dir, leftovers[0]), 'utf8')).toBe(second);
    // The next save works normally despite the leftover.
    await writeProjectFile(target(), second);
    expect(readFileSync(target(), 'utf8')).toBe(second);
  });

  it('a failed rename cleans up its temporary file', async () => {
    await writeProjectFile(target(), first);
    const failing = faultyFs({ rename: () => Promise.reject(codeError('EBUSY')) });
    expect(await messageOf(writeProjectFile(target(), second, failing))).toBe(
      '"spiral.actlab" is in use by another program. Close it there and try again.',
    );
    expect(readFileSync(target(), 'utf8')).toBe(first);
    expect(readdirSync(folder.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a full disk gives a message and changes nothing', async () => {
    await writeProjectFile(target(), first);
    const full = faultyFs({
      open: (async (file: string, flags: string) => {
        const handle = await realFileSystem.open(file, flags);
        if (flags === 'wx') {
          return Object.assign(Object.create(handle) as object, {
            writeFile: () => Promise.reject(codeError('ENOSPC')),
            close: () => handle.close(),
          });
        }
        return handle;
      }) as typeof realFileSystem.open,
    });
    expect(await messageOf(writeProjectFile(target(), second, full))).toMatch(/^The disk is full, so "spiral.actlab" was not saved/);
    expect(readFileSync(target(), 'utf8')).toBe(first);
    expect(readdirSync(folder.dir)).toEqual(['spiral.actlab']);
  });

  it('a read-only folder gives a message and changes nothing', async () => {
    await writeProjectFile(target(), first);
    let fs = realFileSystem;
    if (permissionsApply) chmodSync(folder.dir, 0o555);
    else fs = faultyFs({ open: ((file: string, flags: string) => (flags === 'wx' ? Promise.reject(codeError('EACCES')) : realFileSystem.open(file, flags))) as typeof realFileSystem.open });
    const folderName = path.basename(folder.dir);
    expect(await messageOf(writeProjectFile(target(), second, fs))).toBe(
      `Activation Lab is not allowed to save in the folder "${folderName}". Use Save As… to choose another place.`,
    );
    chmodSync(folder.dir, 0o755);
    expect(readFileSync(target(), 'utf8')).toBe(first);
    expect(readdirSync(folder.dir)).toEqual(['spiral.actlab']);
  });

  it('a read-only disk and a vanished folder give messages', async () => {
    const readOnly = faultyFs({ open: () => Promise.reject(codeError('EROFS')) });
    expect(await messageOf(writeProjectFile(target(), first, readOnly))).toMatch(/is read-only, so nothing can be saved there/);
    const gone = path.join(folder.dir, 'gone', 'x.actlab');
    expect(await messageOf(writeProjectFile(gone, first))).toBe(
      'The folder "gone" is not there any more, so "x.actlab" could not be saved. Use Save As… to choose another place.',
    );
    expect(existsSync(path.join(folder.dir, 'gone'))).toBe(false);
  });
});

describe('readProjectFile', () => {
  it('reads a saved project', async () => {
    await writeProjectFile(target(), first);
    const result = await readProjectFile(target());
    expect(result.ok && serializeProject(result.project)).toBe(first);
  });

  it('a file that vanished', async () => {
    const result = await readProjectFile(path.join(folder.dir, 'missing.actlab'));
    expect(result).toEqual({ ok: false, message: 'The file "missing.actlab" is not there any more — it may have been moved, renamed or deleted.', missing: true });
  });

  it('a folder instead of a file', async () => {
    mkdirSync(path.join(folder.dir, 'odd.actlab'));
    const result = await readProjectFile(path.join(folder.dir, 'odd.actlab'));
    expect(result.ok ? '' : result.message).toBe('"odd.actlab" is a folder, not a project file. Choose a file that ends in .actlab.');
  });

  it('an unreadable file', async () => {
    writeFileSync(target(), first);
    let fs = realFileSystem;
    if (permissionsApply) chmodSync(target(), 0o000);
    else fs = faultyFs({ readFile: (() => Promise.reject(codeError('EACCES'))) as unknown as typeof realFileSystem.readFile });
    const result = await readProjectFile(target(), fs);
    expect(result.ok ? '' : result.message).toMatch(/^Activation Lab is not allowed to read "spiral.actlab"/);
  });

  it('a 200 MB file is refused before it is read', async () => {
    writeFileSync(target(), '');
    let reads = 0;
    const fs = faultyFs({
      stat: (async (file: string) => Object.assign(await realFileSystem.stat(file), { size: 200 * 1024 * 1024 })) as typeof realFileSystem.stat,
      readFile: ((...args: Parameters<typeof realFileSystem.readFile>) => {
        reads++;
        return realFileSystem.readFile(...args);
      }) as typeof realFileSystem.readFile,
    });
    const result = await readProjectFile(target(), fs);
    expect(result.ok ? '' : result.message).toMatch(/^This file is too big to be an Activation Lab project \(200 MB; projects are at most 64 MB\)/);
    expect(reads).toBe(0);
    expect(MAX_PROJECT_BYTES).toBe(64 * 1024 * 1024);
  });

  it('a damaged file gives the loader message', async () => {
    writeFileSync(target(), first.slice(0, 200));
    const result = await readProjectFile(target());
    expect(result.ok ? '' : result.message).toMatch(/^The file is cut off/);
    writeFileSync(target(), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]));
    const binary = await readProjectFile(target());
    expect(binary.ok ? '' : binary.message).toMatch(/binary data/);
  });
});
