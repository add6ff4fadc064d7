/** Real temporary folders and small fault injectors for the document tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { realFileSystem, type FileSystem } from '../../../electron/documents/files';

export function temporaryFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'actlab-docs-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function codeError(code: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated`);
  error.code = code;
  return error;
}

/** The real file system with some operations replaced. */
export function faultyFs(overrides: Partial<FileSystem>): FileSystem {
  return { ...realFileSystem, ...overrides };
}

/** True where file permissions actually stop this process (not when running as root). */
export const permissionsApply = typeof process.getuid === 'function' && process.getuid() !== 0;

/** The file of issue 13: just under 64 MB of `{},` after a valid format and version. */
export function tinyValuesFile(bytes = 64 * 1024 * 1024 - 64): Buffer {
  const head = '{"format":"activation-lab-project","version":2,"junk":[';
  const count = Math.floor((bytes - head.length - 3) / 3);
  return Buffer.from(`${head}${'{},'.repeat(count)}{}]}`);
}

/** A project's text as the UTF-8 bytes main reads and hands to the page. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The text of the bytes a LoadedProject carries. */
export const textOf = (project: { bytes: Uint8Array }): string => new TextDecoder('utf-8', { fatal: true }).decode(project.bytes);
