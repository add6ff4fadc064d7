/**
 * The browser's Save and Open (renderer/projects/browserFiles.ts) with a plain object for the
 * open project and handles that answer as Chromium's do: which file Save writes, when it falls
 * back to a download and says why, and what Open… keeps (the handle, the text) or says when the
 * file cannot be read. The real dialogs and handles are tested in Chromium (test/e2e/projects.spec.ts,
 * recent-handles.spec.ts); this covers the branches a browser will not show on demand.
 */
import { describe, expect, it } from 'vitest';
import { serializeProject, type Project } from '../../../core/project';
import { BrowserFiles, type FileDesk } from '../../../renderer/projects/browserFiles';
import type { FilePickers, Picked } from '../../../renderer/projects/fileAccess';
import type { RecentRead } from '../../../renderer/projects/recentStore';
import { sampleProject } from '../../core/project/sample';

interface Remembered {
  name: string;
  text?: string;
  handle?: FileSystemFileHandle;
}

/** A handle that may always be used; `fail` makes writing throw, `file` is what reading gives. */
function handle(name: string, options: { fail?: string; file?: () => File } = {}): FileSystemFileHandle & { written: string[] } {
  const written: string[] = [];
  return {
    kind: 'file',
    name,
    written,
    getFile: async () => (options.file ? options.file() : new File([serializeProject(sampleProject())], name)),
    createWritable: async () => ({
      write: async (text: string) => {
        if (options.fail) throw new Error(options.fail);
        written.push(text);
      },
      close: async () => undefined,
      abort: async () => undefined,
    }),
  } as unknown as FileSystemFileHandle & { written: string[] };
}

function pickers(open: Picked, save: Picked = open): FilePickers {
  return { open: async () => open, save: async () => save };
}

function setup(options: { pickers?: FilePickers | null; current?: FileSystemFileHandle | null; read?: RecentRead } = {}) {
  const remembered: Remembered[] = [];
  const downloads: string[] = [];
  const said: string[] = [];
  const adopted: Project[] = [];
  const desk: FileDesk = {
    pickers: options.pickers ?? null,
    fileHandle: options.current ?? null,
    projectName: 'spiral',
    message: null,
    recentWork: {
      remember: async (name, _project, from) => void remembered.push({ name, ...from }),
      read: async () => options.read ?? { ok: false, missing: true, message: 'gone' },
    },
  };
  const files = new BrowserFiles(
    desk,
    {
      checkedProject: async () => ({ ...sampleProject(), name: desk.projectName }),
      saved: (text) => void said.push(text),
      adopt: async (project, text) => {
        adopted.push(project);
        said.push(text);
      },
    },
    (_text, fileName) => void downloads.push(fileName),
  );
  return { desk, files, remembered, downloads, said, adopted };
}

describe('BrowserFiles.save', () => {
  it('downloads where the browser has no dialogs, and keeps the text on the recent list', async () => {
    const t = setup();
    await t.files.save(false);
    expect(t.downloads).toEqual(['spiral.actlab']);
    expect(t.said).toEqual(['Saved as spiral.actlab in your downloads.']);
    expect(t.desk.fileHandle).toBeNull();
    expect(t.remembered).toHaveLength(1);
    expect(t.remembered[0].name).toBe('spiral.actlab');
    expect(t.remembered[0].handle).toBeUndefined();
    expect(t.remembered[0].text).toMatch(/"name": ?"spiral"/);
  });

  it('writes back to the open file, without a dialog or a download', async () => {
    const open = handle('mine.actlab');
    const t = setup({ pickers: pickers({ kind: 'cancelled' }), current: open });
    await t.files.save(false);
    expect(open.written).toHaveLength(1);
    expect(t.downloads).toEqual([]);
    expect(t.said).toEqual(['Saved mine.actlab.']);
    expect(t.desk.fileHandle).toBe(open);
    expect(t.remembered[0]).toMatchObject({ name: 'mine.actlab', handle: open });
  });

  it('downloads instead when the file cannot be written, and says why', async () => {
    const open = handle('locked.actlab', { fail: 'the disk is full' });
    const t = setup({ current: open });
    await t.files.save(false);
    expect(t.downloads).toEqual(['spiral.actlab']);
    expect(t.said).toEqual(['Saved as spiral.actlab in your downloads (“locked.actlab” could not be written: the disk is full).']);
    expect(t.desk.fileHandle).toBeNull();
  });

  it('Save As asks where even with a file open, and takes the new file’s name', async () => {
    const open = handle('old.actlab');
    const chosen = handle('new name.actlab');
    const t = setup({ pickers: pickers({ kind: 'cancelled' }, { kind: 'picked', handle: chosen }), current: open });
    await t.files.save(true);
    expect(open.written).toEqual([]);
    expect(chosen.written[0]).toMatch(/"name": ?"new name"/);
    expect(t.desk.projectName).toBe('new name');
    expect(t.desk.fileHandle).toBe(chosen);
  });

  it('saves nothing when the learner closes the Save dialog', async () => {
    const t = setup({ pickers: pickers({ kind: 'cancelled' }) });
    await t.files.save(true);
    expect(t.desk.message).toEqual({ kind: 'info', text: 'Not saved: no file was chosen.' });
    expect(t.downloads).toEqual([]);
    expect(t.said).toEqual([]);
    expect(t.remembered).toEqual([]);
  });
});

describe('BrowserFiles.openPicked', () => {
  it('is false where no dialog could be shown, so the caller uses its file input', async () => {
    expect(await setup().files.openPicked()).toBe(false);
    expect(await setup({ pickers: pickers({ kind: 'unavailable' }) }).files.openPicked()).toBe(false);
  });

  it('is true and changes nothing when the learner closes the dialog', async () => {
    const t = setup({ pickers: pickers({ kind: 'cancelled' }) });
    expect(await t.files.openPicked()).toBe(true);
    expect(t.adopted).toEqual([]);
    expect(t.desk.message).toBeNull();
  });

  it('opens the picked file and keeps its handle, so Save writes back to it', async () => {
    const picked = handle('picked.actlab');
    const t = setup({ pickers: pickers({ kind: 'picked', handle: picked }) });
    expect(await t.files.openPicked()).toBe(true);
    expect(t.said).toEqual(['Opened picked.actlab.']);
    expect(t.desk.fileHandle).toBe(picked);
    expect(t.remembered[0]).toMatchObject({ name: 'picked.actlab', handle: picked });
    expect(t.remembered[0].text).toBeDefined();
  });

  it('says so when the picked file cannot be read', async () => {
    const unreadable = handle('away.actlab', {
      file: () => {
        throw new Error('gone');
      },
    });
    const t = setup({ pickers: pickers({ kind: 'picked', handle: unreadable }) });
    expect(await t.files.openPicked()).toBe(true);
    expect(t.desk.message).toEqual({ kind: 'error', text: 'The browser could not read “away.actlab”. Choose it again.' });
    expect(t.adopted).toEqual([]);
  });
});

describe('BrowserFiles.opened', () => {
  it('leaves everything as it was when the file is not a project', async () => {
    const t = setup({ current: handle('open.actlab') });
    await t.files.opened(new File(['not json'], 'notes.actlab'), null);
    expect(t.desk.message?.kind).toBe('error');
    expect(t.adopted).toEqual([]);
    expect(t.desk.fileHandle?.name).toBe('open.actlab');
    expect(t.remembered).toEqual([]);
  });
});

describe('BrowserFiles.openRecent', () => {
  const item = { key: '1', name: 'kept.actlab', where: null, summary: null, when: null, picture: null, from: 'copy' as const };
  const text = serializeProject(sampleProject());

  it('says so when the recent project has gone', async () => {
    const t = setup();
    await t.files.openRecent(item);
    expect(t.desk.message).toEqual({ kind: 'error', text: 'gone' });
    expect(t.adopted).toEqual([]);
  });

  it('opens the file through its handle, and Save writes back to it', async () => {
    const kept = handle('kept.actlab');
    const t = setup({ read: { ok: true, text, name: 'kept.actlab', handle: kept } });
    await t.files.openRecent(item);
    expect(t.said).toEqual(['Opened kept.actlab.']);
    expect(t.desk.fileHandle).toBe(kept);
    expect(t.remembered[0]).toMatchObject({ name: 'kept.actlab', handle: kept, text });
  });

  it('opens the kept copy of a file the page may not read: Save asks where', async () => {
    const kept = handle('kept.actlab');
    const t = setup({ current: handle('other.actlab'), read: { ok: true, text, name: 'kept.actlab', handle: kept, copy: true } });
    await t.files.openRecent(item);
    expect(t.desk.fileHandle).toBeNull();
    expect(t.remembered[0]).toMatchObject({ handle: kept });
  });

  it('says why a kept text is not a project', async () => {
    const t = setup({ read: { ok: true, text: '{"format":"something else"}', name: 'kept.actlab' } });
    await t.files.openRecent(item);
    expect(t.desk.message?.kind).toBe('error');
    expect(t.adopted).toEqual([]);
  });
});
