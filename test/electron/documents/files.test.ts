import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PROJECT_BYTES, serializeProject } from '../../../core/project';
import { readProjectFile, realFileSystem, writeProjectFile } from '../../../electron/documents/files';
import { sampleProject } from '../../core/project/sample';
import { codeError, faultyFs, permissionsApply, temporaryFolder, utf8 } from './helpers';
import { replyTransfer, type ProjectParser } from '../../../electron/documents/parse-host';
import { projectWorkerForThisFile } from './parser';

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
    else
      fs = faultyFs({
        open: ((file: string, flags: string) =>
          flags === 'wx' ? Promise.reject(codeError('EACCES')) : realFileSystem.open(file, flags)) as typeof realFileSystem.open,
      });
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

const worker = projectWorkerForThisFile();

describe('readProjectFile', () => {
  it('reads a saved project, as the UTF-8 bytes of the canonical text, each in a buffer of its own', async () => {
    await writeProjectFile(target(), first);
    const read = await readProjectFile(target(), worker.parser());
    expect(read).toEqual({ ok: true, bytes: utf8(first) });
    // The worker hands the buffer over (transfer list) rather than making main copy a string.
    const { bytes } = read as { bytes: Uint8Array };
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    // A name outside ASCII comes through as its UTF-8 bytes.
    const named = serializeProject({ ...sampleProject(), name: 'Ziffern → ü ✓' });
    await writeProjectFile(target(), named);
    const again = await readProjectFile(target(), worker.parser());
    expect(again.ok && new TextDecoder().decode(again.bytes)).toBe(named);
  });

  it('a reply hands over only a buffer its bytes own whole; a view over a larger one is copied instead', () => {
    const own = utf8(first);
    expect(replyTransfer({ kind: 'project', reply: { ok: true, bytes: own } })).toEqual([own.buffer]);
    expect(replyTransfer({ kind: 'project', reply: { ok: true, bytes: own.subarray(1) } })).toEqual([]);
    expect(replyTransfer({ kind: 'project', reply: { ok: false, message: 'no' } })).toEqual([]);
    expect(replyTransfer({ kind: 'backup', backup: null })).toEqual([]);
  });

  it('a file that vanished', async () => {
    const result = await readProjectFile(path.join(folder.dir, 'missing.actlab'), worker.parser());
    expect(result).toEqual({
      ok: false,
      message: 'The file "missing.actlab" is not there any more — it may have been moved, renamed or deleted.',
      missing: true,
    });
  });

  it('a folder instead of a file', async () => {
    mkdirSync(path.join(folder.dir, 'odd.actlab'));
    const result = await readProjectFile(path.join(folder.dir, 'odd.actlab'), worker.parser());
    expect(result.ok ? '' : result.message).toBe('"odd.actlab" is a folder, not a project file. Choose a project file instead.');
  });

  it('an unreadable file', async () => {
    writeFileSync(target(), first);
    let fs = realFileSystem;
    if (permissionsApply) chmodSync(target(), 0o000);
    else fs = faultyFs({ open: (() => Promise.reject(codeError('EACCES'))) as unknown as typeof realFileSystem.open });
    const result = await readProjectFile(target(), worker.parser(), fs);
    expect(result.ok ? '' : result.message).toMatch(/^Activation Lab is not allowed to read "spiral.actlab"/);
  });

  it('a 200 MB file is refused from its handle before anything is read', async () => {
    writeFileSync(target(), first);
    const fs = faultyFs({
      open: (async (...args: Parameters<typeof realFileSystem.open>) => {
        const handle = await realFileSystem.open(...args);
        const stat = handle.stat.bind(handle);
        return Object.assign(handle, { stat: async () => Object.assign(await stat(), { size: 200 * 1024 * 1024 }) });
      }) as typeof realFileSystem.open,
    });
    let asked = 0;
    const real = worker.parser();
    const counting: ProjectParser = { project: (file) => (asked++, real.project(file)), backup: (file) => (asked++, real.backup(file)) };
    const result = await readProjectFile(target(), counting, fs);
    expect(result.ok ? '' : result.message).toMatch(
      /^This file is too big to be an Activation Lab project \(200 MB; projects are at most 64 MB\)/,
    );
    expect(result.ok ? '' : result.message).not.toMatch(/Choose a file that ends in/);
    expect(asked).toBe(0);
    expect(MAX_PROJECT_BYTES).toBe(64 * 1024 * 1024);
  });

  it('a file that grows past its checked size while it is read is refused', async () => {
    writeFileSync(target(), first);
    const fs = faultyFs({
      open: (async (...args: Parameters<typeof realFileSystem.open>) => {
        const handle = await realFileSystem.open(...args);
        const stat = handle.stat.bind(handle);
        return Object.assign(handle, { stat: async () => Object.assign(await stat(), { size: 100 }) });
      }) as typeof realFileSystem.open,
    });
    const result = await readProjectFile(target(), worker.parser(), fs);
    expect(result.ok ? '' : result.message).toBe(
      '"spiral.actlab" changed while it was being read. Wait until the program writing it has finished, then open it again.',
    );
  });

  it('a damaged file gives the loader message', async () => {
    writeFileSync(target(), first.slice(0, 200));
    const result = await readProjectFile(target(), worker.parser());
    expect(result.ok ? '' : result.message).toMatch(/^The file is cut off/);
    writeFileSync(target(), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]));
    const binary = await readProjectFile(target(), worker.parser());
    expect(binary.ok ? '' : binary.message).toMatch(/binary data/);
    writeFileSync(target(), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(first, 'utf16le')]));
    const utf16 = await readProjectFile(target(), worker.parser());
    expect(utf16.ok ? '' : utf16.message).toMatch(/saved in another text encoding.*save it as UTF-8/);
  });

  it('a cut-off file the learner saved points to the .bak beside it', async () => {
    await writeProjectFile(target(), first);
    await writeProjectFile(target(), second);
    writeFileSync(target(), second.slice(0, 300));
    const result = await readProjectFile(target(), worker.parser());
    expect(result.ok ? '' : result.message).toBe(
      'The file "spiral.actlab" is cut off — saving it may have been interrupted. The version saved before it is kept beside it as ' +
        '"spiral.actlab.bak": make a copy of that file, rename the copy so that its name ends in .actlab, and open the copy.',
    );
    expect(readFileSync(`${target()}.bak`, 'utf8')).toBe(first);
  });

  it.runIf(process.platform === 'linux')('a FIFO named x.actlab is refused at once, not waited on (Linux)', async () => {
    const fifo = path.join(folder.dir, 'x.actlab');
    execFileSync('mkfifo', [fifo]);
    const result = await readProjectFile(fifo, worker.parser());
    expect(result.ok ? '' : result.message).toBe(
      '"x.actlab" is not an ordinary file (it is a pipe, a device or a socket), so it holds no project. Choose a project file saved on a disk.',
    );
    const saving = await messageOf(writeProjectFile(fifo, first));
    expect(saving).toBe(
      '"x.actlab" is not an ordinary file (it is a pipe, a device or a socket), so Activation Lab will not save over it. Use Save As… to choose another place.',
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(folder.dir)).toEqual(['x.actlab']);
  });

  it.runIf(process.platform === 'linux')('a symlink to /dev/zero is refused without reading from it (Linux)', async () => {
    const link = path.join(folder.dir, 'zero.actlab');
    symlinkSync('/dev/zero', link);
    const before = process.memoryUsage().rss;
    const result = await readProjectFile(link, worker.parser());
    expect(result.ok ? '' : result.message).toMatch(/^"zero.actlab" is not an ordinary file/);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    expect(await messageOf(writeProjectFile(link, first))).toMatch(/will not save over it/);
  });
});
