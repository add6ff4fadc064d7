/**
 * Restoring unsaved work an earlier run left, at the real boundary: backup files in a
 * temporary folder, the bundled project worker behind a real WorkerParser, real Backups and
 * the DocumentController. The project must come to main as bytes in a transferred buffer and
 * go on to the page and to this run's backup as those bytes — never made a string on main's
 * event loop (issue 13, item 1) — while the file written is the very one the string path wrote.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedProject } from '../../../core/ipc';
import { serializeProject } from '../../../core/project';
import { backupFileBytes } from '../../../electron/documents/backup-bytes';
import { Backups, type PendingBackup } from '../../../electron/documents/backups';
import { DocumentController } from '../../../electron/documents/controller';
import { BACKUP_KIND } from '../../../electron/documents/decode';
import { replyTransfer, type ProjectParser } from '../../../electron/documents/parse-host';
import { sampleProject } from '../../core/project/sample';
import { temporaryFolder } from './helpers';
import { projectWorkerForThisFile } from './parser';

const worker = projectWorkerForThisFile();

let folder: ReturnType<typeof temporaryFolder>;
let dir: string;
beforeEach(() => {
  folder = temporaryFolder();
  dir = path.join(folder.dir, 'backups');
});
afterEach(() => {
  vi.restoreAllMocks();
  folder.remove();
});

const RESTORED_AT = new Date(Date.UTC(2026, 11, 2, 9, 30, 0));
/** A name that needs every kind of escape inside the backup's JSON string. */
const NAME = 'He said "hi" \\ then\tleft\n🙂 ünïcode';
const text = serializeProject({ ...sampleProject(), name: NAME });

/** Every string longer than this that main encodes, decodes or stringifies counts as "made a string of the project". */
const SMALL = 2000;

function controllerWith(backups: Backups, loaded: LoadedProject[]) {
  return new DocumentController({
    platform: 'linux',
    files: { read: async () => ({ ok: false, message: 'not used here' }), write: async () => undefined },
    dialogs: { chooseOpen: async () => null, chooseSave: async () => null },
    ask: async () => 1,
    page: { load: (project) => void loaded.push(project), saved: () => undefined, offer: () => undefined },
    recent: { has: () => false, add: async () => undefined, remove: async () => undefined },
    backups,
    newProjectJson: () => text,
    now: () => RESTORED_AT,
  });
}

describe('restoring a backup keeps the project as bytes on main', () => {
  it('the worker transfers the project, main hands the same bytes to the page and writes the same backup file as before', async () => {
    expect(text.length).toBeGreaterThan(SMALL);
    const earlier = new Backups({ dir, sessionId: 'earlier', parser: worker.parser() });
    earlier.changed({ json: text, name: 'spiral "1".actlab', path: '/projects/spiral "1".actlab' });
    await earlier.flush();

    // What the worker handed main, seen through the parser the app uses.
    const real = worker.parser();
    const received: (PendingBackup | null)[] = [];
    const parser: ProjectParser = {
      project: (file) => real.project(file),
      backup: async (file) => {
        const backup = await real.backup(file);
        received.push(backup);
        return backup;
      },
    };
    const now = new Backups({ dir, sessionId: 'now', parser, now: () => RESTORED_AT });
    const loaded: LoadedProject[] = [];
    const controller = controllerWith(now, loaded);

    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const stringify = vi.spyOn(JSON, 'stringify');
    expect(await controller.offerBackup()).toBe(true);
    expect((await controller.restoreOffered()).ok).toBe(true);
    const bigEncodes = encode.mock.calls.filter(([input]) => (input ?? '').length > SMALL);
    const bigDecodes = decode.mock.results.filter((r) => typeof r.value === 'string' && r.value.length > SMALL);
    const bigStringifies = stringify.mock.results.filter((r) => typeof r.value === 'string' && r.value.length > SMALL);
    vi.restoreAllMocks();

    // The worker answered with the project's bytes in a buffer of their own (so it can be transferred), not a string.
    const backup = received[0];
    expect(backup).not.toBeNull();
    expect(backup).not.toHaveProperty('json');
    expect(backup!.bytes).toBeInstanceOf(Uint8Array);
    expect(backup!.bytes.byteLength).toBe(backup!.bytes.buffer.byteLength);
    expect(new TextDecoder().decode(backup!.bytes)).toBe(text);
    // Main made no string of the project on its way to the page and into this run's backup.
    expect(bigEncodes).toEqual([]);
    expect(bigDecodes).toEqual([]);
    expect(bigStringifies).toEqual([]);
    // The page got the very bytes the worker sent.
    expect(loaded).toHaveLength(1);
    expect(loaded[0].bytes).toBe(backup!.bytes);
    expect(loaded[0]).toMatchObject({ name: 'spiral "1".actlab', path: '/projects/spiral "1".actlab', restored: true, seq: 1 });
    expect(controller.current()).toEqual({ path: '/projects/spiral "1".actlab', name: 'spiral "1".actlab', dirty: true });

    // This run's backup is byte for byte what the string path wrote; the earlier run's file is gone.
    expect(readdirSync(dir)).toEqual([path.basename(now.path)]);
    const expected = `${JSON.stringify({
      kind: BACKUP_KIND,
      version: 1,
      backedUpAt: RESTORED_AT.toISOString(),
      name: 'spiral "1".actlab',
      path: '/projects/spiral "1".actlab',
      json: text,
    })}\n`;
    expect(readFileSync(now.path).equals(Buffer.from(expected, 'utf8'))).toBe(true);
    // And the next run finds it.
    const next = await new Backups({ dir, sessionId: 'next', parser: worker.parser() }).pendingBackup();
    expect(next && new TextDecoder().decode(next.bytes)).toBe(text);
    expect(next?.name).toBe('spiral "1".actlab');
  });

  it("a backup's bytes are handed over, not copied; a damaged backup hands nothing", () => {
    const bytes = new TextEncoder().encode(text);
    const backup = { bytes, name: 'x', path: null, backedUpAt: '', summary: '' };
    expect(replyTransfer({ kind: 'backup', backup })).toEqual([bytes.buffer]);
    // A view over a larger buffer is copied rather than handing over the rest of it.
    expect(replyTransfer({ kind: 'backup', backup: { ...backup, bytes: bytes.subarray(1) } })).toEqual([]);
    expect(replyTransfer({ kind: 'backup', backup: null })).toEqual([]);
  });
});

describe('backupFileBytes', () => {
  it('writes exactly what JSON.stringify writes, for every escape, also when it yields after every chunk', async () => {
    const every = Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(i)).join('');
    const samples = ['', every, `${every}"é€🙂\\\u2028\u2029\u007f"`, 'x'.repeat(70_000) + '"\n'.repeat(40_000) + '\u0001'.repeat(70_000)];
    for (const sample of samples) {
      const fields = { kind: BACKUP_KIND, version: 1, backedUpAt: 'now', name: 'a "b"\n', path: null };
      const expected = Buffer.from(`${JSON.stringify({ ...fields, json: sample })}\n`, 'utf8');
      for (const sliceMs of [10, 0]) {
        const written = await backupFileBytes(fields, new TextEncoder().encode(sample), sliceMs);
        expect(Buffer.from(written).equals(expected)).toBe(true);
      }
    }
  });
});
