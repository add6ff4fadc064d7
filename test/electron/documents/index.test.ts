/**
 * The Electron glue with a stand-in `electron` module: real files in a temporary user-data
 * folder, a fake window that emits close events like BrowserWindow does.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeProject } from '../../../core/project';
import { sampleProject } from '../../core/project/sample';
import { temporaryFolder, utf8 } from './helpers';
import { projectWorkerForThisFile } from './parser';

const electron = vi.hoisted(() => {
  const appEvents = new Map<string, (() => void)[]>();
  return {
    answers: [] as number[],
    boxes: [] as { type?: string; message: string; detail?: string }[],
    quits: 0,
    recentDocs: [] as string[],
    appEvents,
  };
});

vi.mock('electron', () => ({
  app: {
    on: (name: string, fn: () => void) => electron.appEvents.set(name, [...(electron.appEvents.get(name) ?? []), fn]),
    quit: () => {
      electron.quits++;
      for (const fn of electron.appEvents.get('before-quit') ?? []) fn();
    },
    getPath: () => '/documents',
    addRecentDocument: (file: string) => electron.recentDocs.push(file),
  },
  dialog: {
    showMessageBox: async (...args: unknown[]) => {
      const options = args[args.length - 1] as { type?: string; message: string; detail?: string };
      electron.boxes.push(options);
      return { response: electron.answers.shift() ?? 0, checkboxChecked: false };
    },
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
  },
}));

const { installDocuments } = await import('../../../electron/documents/index');
const worker = projectWorkerForThisFile();

class FakeWindow extends EventEmitter {
  title = '';
  destroyed = false;
  webContents = new EventEmitter();
  setTitle(title: string) {
    this.title = title;
  }
  setDocumentEdited() {}
  setRepresentedFilename() {}
  isDestroyed() {
    return this.destroyed;
  }
  /** Like BrowserWindow.close(): a 'close' event that may be prevented, then 'closed'. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
  }
}

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => {
  folder = temporaryFolder();
  electron.answers.length = 0;
  electron.boxes.length = 0;
  electron.quits = 0;
  electron.appEvents.clear();
});
afterEach(() => folder.remove());

function install() {
  const win = new FakeWindow();
  const sent: { channel: string; payload: unknown }[] = [];
  const documents = installDocuments({
    userData: path.join(folder.dir, 'user-data'),
    window: () => win as never,
    toPage: (channel, payload) => sent.push({ channel, payload }),
    onRecentChanged: () => undefined,
    log: () => undefined,
    projectWorkerFile: worker.workerFile(),
  });
  documents.attachWindow(win as never);
  return { win, sent, documents };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 50));
const text = serializeProject(sampleProject());

describe('installDocuments', () => {
  it('opens a file from the OS: the page gets it, the title and recent list follow', async () => {
    const { win, sent, documents } = install();
    const file = path.join(folder.dir, 'spiral.actlab');
    writeFileSync(file, text);
    expect(await documents.openPath(file)).toEqual({ ok: true, message: '' });
    expect(sent).toEqual([
      { channel: 'project:load', payload: { bytes: utf8(text), name: 'spiral.actlab', path: file, restored: false, seq: 1 } },
    ]);
    expect(win.title).toMatch(/^spiral.actlab — Activation Lab$/);
    expect(documents.recentFiles()).toEqual([file]);
    expect(electron.recentDocs).toEqual([file]);
  });

  it('the recent list carries the picture the page sent for the open file, and says which files have gone', async () => {
    const { documents } = install();
    const spiral = path.join(folder.dir, 'spiral.actlab');
    const xor = path.join(folder.dir, 'xor.actlab');
    writeFileSync(spiral, text);
    writeFileSync(xor, text);
    expect(await documents.openPath(spiral)).toEqual({ ok: true, message: '' });
    const picture = { light: 'data:image/png;base64,iVBORw0KGgo=', dark: 'data:image/png;base64,iVBORw0KGgoA', label: 'Decision boundary' };
    const at = '2026-12-01T10:00:00.000Z';
    // A preview from before the page had this load is not taken; one for it is.
    documents.project.preview({ summary: 'old', picture, at, loaded: 0 });
    documents.project.preview({ summary: '2 → 8 → 1, spiral', picture, at, loaded: 1 });
    await flush();
    expect(await documents.openPath(xor)).toEqual({ ok: true, message: '' });
    expect(await documents.project.recent()).toEqual({
      projects: [
        { path: xor, details: null },
        { path: spiral, details: { summary: '2 → 8 → 1, spiral', picture, at } },
      ],
      removed: [],
    });

    // The spiral file moves away: the next look at the list takes it off and says so, once.
    unlinkSync(spiral);
    expect(await documents.project.recent()).toEqual({ projects: [{ path: xor, details: null }], removed: [spiral] });
    expect((await documents.project.recent()).removed).toEqual([]);
    // Opening a recent file that has just gone says it was taken off the list.
    unlinkSync(xor);
    const result = await documents.project.openRecent(xor);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('It has been taken off your recent projects.');
    expect((await documents.project.recent()).projects).toEqual([]);
  });

  it('a damaged file from the menu shows a message box and the page gets nothing', async () => {
    const { sent, documents } = install();
    const file = path.join(folder.dir, 'bad.actlab');
    writeFileSync(file, '{"format": "something-else"}');
    const result = await documents.openPath(file);
    expect(result.ok).toBe(false);
    expect(electron.boxes).toEqual([
      expect.objectContaining({ type: 'warning', message: 'The project could not be opened', detail: result.message }),
    ]);
    expect(sent).toEqual([]);
  });

  it("closing a window with unsaved changes asks first; Cancel keeps it, Don't Save closes it", async () => {
    const { win, documents } = install();
    documents.project.update({ json: text, dirty: true });
    electron.answers.push(2);
    win.close();
    await flush();
    expect(electron.boxes[0].message).toBe('Do you want to save the changes you made to "Untitled"?');
    expect(win.destroyed).toBe(false);
    electron.answers.push(1);
    win.close();
    await flush();
    expect(win.destroyed).toBe(true);
  });

  it('quitting with unsaved changes asks, then quits', async () => {
    const { win, documents } = install();
    documents.project.update({ json: text, dirty: true });
    electron.answers.push(1);
    for (const fn of electron.appEvents.get('before-quit') ?? []) fn();
    win.close();
    await flush();
    expect(electron.quits).toBe(1);
  });

  it('tells the page of a backup an earlier run left once it has loaded, asking nothing; the page restores it', async () => {
    const backups = path.join(folder.dir, 'user-data', 'backups');
    mkdirSync(backups, { recursive: true });
    const left = {
      kind: 'activation-lab-backup',
      version: 1,
      backedUpAt: '2026-11-28T21:00:00.000Z',
      name: 'Untitled',
      path: null,
      json: text,
    };
    writeFileSync(path.join(backups, 'backup-earlier-run.json'), JSON.stringify(left));
    const { win, sent, documents } = install();
    win.webContents.emit('did-finish-load');
    // The backup is read in the project worker, which takes a moment to start.
    await vi.waitFor(() => expect(sent).toHaveLength(1), { timeout: 10_000 });
    expect(electron.boxes).toEqual([]);
    expect(sent[0]).toMatchObject({
      channel: 'project:backup-found',
      payload: { name: 'Untitled', backedUpAt: '2026-11-28T21:00:00.000Z' },
    });
    expect(await documents.project.restoreBackup()).toEqual({ ok: true, message: '' });
    expect(electron.boxes).toEqual([]);
    expect(sent[1]).toEqual({
      channel: 'project:load',
      payload: { bytes: utf8(text), name: 'Untitled', path: null, restored: true, seq: 1 },
    });
    expect(win.title).toBe('• Untitled — Activation Lab');
  });

  it('hands the open document to the page again on every later load (the page crashed and was reloaded), dirty as it was', async () => {
    const { win, sent, documents } = install();
    const file = path.join(folder.dir, 'spiral.actlab');
    writeFileSync(file, text);
    win.webContents.emit('did-finish-load');
    await flush();
    expect(await documents.openPath(file)).toEqual({ ok: true, message: '' });
    const work = serializeProject({ ...sampleProject(), name: 'changed' });
    documents.project.update({ json: work, dirty: true, loaded: 1 });
    win.webContents.emit('did-finish-load');
    await flush();
    expect(sent.at(-1)).toEqual({
      channel: 'project:load',
      payload: { bytes: utf8(work), name: 'spiral.actlab', path: file, restored: true, seq: 2 },
    });
    // The reloaded page's default project, from before it had the document: not taken.
    documents.project.update({ json: text, dirty: false, loaded: 0 });
    expect(win.title).toBe('• spiral.actlab — Activation Lab');
  });
});
