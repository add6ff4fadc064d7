/**
 * What the project worker (electron/project-worker.ts) does with the bytes of a project file
 * or a backup: decode, check and write out again. Pure functions over bytes, so tests and
 * the fuzz script call them directly; the main process only ever runs them in the worker.
 */
import { readSync } from 'node:fs';
import { parseProject, serializeProject, structureProblem, summarize } from '../../core/project';
import { fileErrorMessage } from './errors';

/**
 * A read project, as the UTF-8 bytes of the text the page loads (canonical: checked, upgraded,
 * unknown fields gone). Bytes in a buffer of their own, not a string: the worker transfers the
 * buffer to the main process without a copy, so even the largest project (about 39 MB) does
 * not hold main's event loop while it arrives (see parse-host.ts).
 */
export type ProjectReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/**
 * A backup left by an earlier run, decoded and checked; null when damaged. The project is
 * the UTF-8 bytes of its canonical text in a buffer of their own, transferred to the main
 * process like a read project's (see ProjectReply): main hands them on to the page and to
 * this run's backup without ever making them a string.
 */
export interface DecodedBackup {
  bytes: Uint8Array;
  name: string;
  path: string | null;
  backedUpAt: string;
  summary: string;
}

export const BACKUP_KIND = 'activation-lab-backup';
const BACKUP_FIELDS: ReadonlySet<string> = new Set(['kind', 'version', 'backedUpAt', 'name', 'path', 'json']);

function text(bytes: Uint8Array): string {
  // Not fatal: invalid UTF-8 becomes U+FFFD, and the envelope names binary data and other encodings.
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** The message when the file grew after the main process checked its size. */
export function changedWhileReading(name: string): string {
  return `"${name}" changed while it was being read. Wait until the program writing it has finished, then open it again.`;
}

/**
 * Reads the `size` bytes fstat reported from an open file, and checks nothing follows them
 * (the file did not grow past the checked size). Synchronous: it runs in the worker.
 */
export function readOpenFile(fd: number, size: number): Uint8Array | 'grew' {
  const bytes = new Uint8Array(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  if (readSync(fd, new Uint8Array(1), 0, 1, filled) > 0) return 'grew';
  return filled === size ? bytes : bytes.subarray(0, filled);
}

/** Reads and decodes a project from an open file; never throws. */
export function decodeProjectFile(fd: number, size: number, name: string): ProjectReply {
  let bytes: Uint8Array | 'grew';
  try {
    bytes = readOpenFile(fd, size);
  } catch (error) {
    return { ok: false, message: fileErrorMessage(error, 'open', name) };
  }
  return bytes === 'grew' ? { ok: false, message: changedWhileReading(name) } : decodeProject(bytes, name);
}

/** Reads and decodes a backup from an open file; null when it cannot be read or is damaged. */
export function decodeBackupFile(fd: number, size: number): DecodedBackup | null {
  try {
    const bytes = readOpenFile(fd, size);
    return bytes === 'grew' ? null : decodeBackup(bytes);
  } catch {
    return null;
  }
}

export function decodeProject(bytes: Uint8Array, fileName: string): ProjectReply {
  const result = parseProject(text(bytes), { fileName });
  return result.ok ? { ok: true, bytes: new TextEncoder().encode(serializeProject(result.project)) } : result;
}

export function decodeBackup(bytes: Uint8Array): DecodedBackup | null {
  const wrapper = text(bytes);
  if (structureProblem(wrapper, BACKUP_FIELDS) !== null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(wrapper);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { kind, json, name, path: where, backedUpAt } = raw as Record<string, unknown>;
  if (kind !== BACKUP_KIND || typeof json !== 'string' || typeof name !== 'string' || typeof backedUpAt !== 'string') return null;
  if (where !== null && typeof where !== 'string') return null;
  const project = parseProject(json);
  if (!project.ok) return null;
  return {
    bytes: new TextEncoder().encode(serializeProject(project.project)),
    name: name.slice(0, 300) || 'Untitled',
    path: where,
    backedUpAt: backedUpAt.slice(0, 40),
    summary: summarize(project.project.config).line,
  };
}
