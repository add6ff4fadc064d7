import { describe, expect, it } from 'vitest';
import type { BackupOffer, LoadedProject } from '../../../core/ipc';
import { createProject, parseProject, serializeProject } from '../../../core/project';
import { defaultConfig } from '../../../core/config';
import {
  DocumentController,
  NOT_RECENT_MESSAGE,
  NO_BACKUP_MESSAGE,
  type ControllerDeps,
  type Question,
  type WindowAdapter,
} from '../../../electron/documents/controller';
import type { BackupEntry, PendingBackup } from '../../../electron/documents/backups';
import type { ReadResult } from '../../../electron/documents/files';
import { sampleProject } from '../../core/project/sample';
import { irisConfig } from '../../../core/tabular/presets';
import { DEVICE_PATH_MESSAGE, NETWORK_PATH_MESSAGE } from '../../../electron/paths';
import { textOf, utf8 } from './helpers';

const projectText = serializeProject(sampleProject());
const otherText = serializeProject({ ...sampleProject(), name: 'other' });

/** Every adapter of the controller, recording what happens. */
function setup(platform = 'linux') {
  const disk = new Map<string, string>();
  const log: string[] = [];
  const answers: number[] = [];
  const questions: Question[] = [];
  const loaded: LoadedProject[] = [];
  const saved: { name: string; path: string }[] = [];
  const offers: BackupOffer[] = [];
  const recent: string[] = [];
  const backups = { changed: [] as BackupEntry[], discarded: 0, flushed: 0, forgotten: 0, pending: null as PendingBackup | null };
  const dialogs = { open: [] as (string | null)[], save: [] as (string | null)[], saveDefaults: [] as string[] };
  let writeError: string | null = null;
  const window = { title: '', edited: false, represented: '' };
  const adapter: WindowAdapter = {
    setTitle: (t) => (window.title = t),
    setDocumentEdited: (e) => (window.edited = e),
    setRepresentedFilename: (f) => (window.represented = f),
  };
  const deps: ControllerDeps = {
    platform,
    files: {
      read: async (file): Promise<ReadResult> => {
        const text = disk.get(file);
        if (text === undefined) return { ok: false, message: `The file "${file}" is not there any more.`, missing: true };
        const parsed = parseProject(text);
        return parsed.ok ? { ok: true, bytes: utf8(serializeProject(parsed.project)) } : parsed;
      },
      write: async (file, text) => {
        if (writeError) throw new Error(writeError);
        disk.set(file, text);
        log.push(`write ${file}`);
      },
    },
    dialogs: {
      chooseOpen: async () => dialogs.open.shift() ?? null,
      chooseSave: async (name) => {
        dialogs.saveDefaults.push(name);
        return dialogs.save.shift() ?? null;
      },
    },
    ask: async (question) => {
      questions.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${question.message}`);
      return answer;
    },
    page: { load: (p) => loaded.push(p), saved: (s) => saved.push(s), offer: (o) => offers.push(o) },
    recent: {
      has: (file) => recent.includes(file),
      add: async (file) => {
        const i = recent.indexOf(file);
        if (i >= 0) recent.splice(i, 1);
        recent.unshift(file);
      },
      remove: async (file) => {
        const i = recent.indexOf(file);
        if (i >= 0) recent.splice(i, 1);
      },
    },
    backups: {
      changed: (entry) => void backups.changed.push(entry),
      flush: async () => void backups.flushed++,
      discard: async () => void backups.discarded++,
      pendingBackup: async () => backups.pending,
      forgetEarlier: async () => void backups.forgotten++,
    },
    newProjectJson: () => serializeProject(createProject({ config: defaultConfig(), savedAt: new Date(0) })),
    now: () => new Date(Date.UTC(2026, 10, 28, 22, 0, 0)),
  };
  const controller = new DocumentController(deps);
  controller.attachWindow(adapter);
  return {
    controller,
    disk,
    log,
    answers,
    questions,
    loaded,
    saved,
    offers,
    recent,
    backups,
    dialogs,
    window,
    setWriteError: (m: string | null) => (writeError = m),
  };
}

const SAVE = 0;
const DONT_SAVE = 1;
const CANCEL = 2;

describe('DocumentController', () => {
  it('titles the window with the name and a dirty marker', () => {
    const t = setup();
    expect(t.window.title).toBe('Untitled — Activation Lab');
    t.controller.update({ json: projectText, dirty: true });
    expect(t.window.title).toBe('• Untitled — Activation Lab');
  });

  it('uses setDocumentEdited and setRepresentedFilename on macOS', async () => {
    const t = setup('darwin');
    t.disk.set('/p/spiral.actlab', projectText);
    await t.controller.openPath('/p/spiral.actlab');
    expect(t.window).toEqual({ title: 'spiral.actlab — Activation Lab', edited: false, represented: '/p/spiral.actlab' });
    t.controller.update({ json: projectText, dirty: true });
    expect(t.window).toEqual({ title: 'spiral.actlab — Activation Lab', edited: true, represented: '/p/spiral.actlab' });
  });

  it('Save on a new project asks where, writes, and marks it saved', async () => {
    const t = setup();
    t.controller.update({ json: projectText, dirty: true });
    t.dialogs.save.push('/p/my-spiral');
    expect(await t.controller.save()).toEqual({ ok: true, message: '' });
    expect(t.dialogs.saveDefaults).toEqual(['spiral.actlab']);
    const written = parseProject(t.disk.get('/p/my-spiral.actlab')!);
    expect(written.ok && written.project.name).toBe('my-spiral');
    expect(written.ok && written.project.savedAt).toBe('2026-11-28T22:00:00.000Z');
    expect(t.controller.current()).toEqual({ path: '/p/my-spiral.actlab', name: 'my-spiral.actlab', dirty: false });
    expect(t.window.title).toBe('my-spiral.actlab — Activation Lab');
    expect(t.saved).toEqual([{ name: 'my-spiral.actlab', path: '/p/my-spiral.actlab' }]);
    expect(t.recent).toEqual(['/p/my-spiral.actlab']);
    expect(t.backups.discarded).toBe(1);
    // A second Save goes straight to the same file.
    t.controller.update({ json: otherText, dirty: true });
    expect(await t.controller.save()).toEqual({ ok: true, message: '' });
    expect(t.log).toEqual(['write /p/my-spiral.actlab', 'write /p/my-spiral.actlab']);
  });

  it('a failed save shows the message and changes nothing', async () => {
    const t = setup();
    t.disk.set('/p/spiral.actlab', projectText);
    await t.controller.openPath('/p/spiral.actlab');
    t.controller.update({ json: otherText, dirty: true });
    t.setWriteError('The disk is full, so "spiral.actlab" was not saved.');
    expect(await t.controller.save()).toEqual({ ok: false, message: 'The disk is full, so "spiral.actlab" was not saved.' });
    expect(t.controller.current()).toEqual({ path: '/p/spiral.actlab', name: 'spiral.actlab', dirty: true });
    expect(t.disk.get('/p/spiral.actlab')).toBe(projectText);
    expect(t.saved).toEqual([]);
    expect(t.window.title).toBe('• spiral.actlab — Activation Lab');
  });

  it('Save As… cancelled does nothing', async () => {
    const t = setup();
    t.controller.update({ json: projectText, dirty: true });
    expect(await t.controller.saveAs()).toEqual({ ok: false, message: '' });
    expect(t.controller.current().dirty).toBe(true);
    expect(t.disk.size).toBe(0);
  });

  it("Open on a dirty project asks Save / Don't Save / Cancel", async () => {
    const t = setup();
    t.disk.set('/p/a.actlab', projectText);
    t.disk.set('/p/b.actlab', otherText);
    await t.controller.openPath('/p/a.actlab');
    t.controller.update({ json: otherText, dirty: true });

    t.answers.push(CANCEL);
    t.dialogs.open.push('/p/b.actlab');
    expect(await t.controller.open()).toEqual({ ok: false, message: '' });
    expect(t.questions[0]).toMatchObject({
      message: 'Do you want to save the changes you made to "a.actlab"?',
      buttons: ['Save', "Don't Save", 'Cancel'],
      cancelId: 2,
    });
    expect(t.controller.current()).toEqual({ path: '/p/a.actlab', name: 'a.actlab', dirty: true });
    expect(t.loaded).toHaveLength(1);

    t.answers.push(SAVE);
    expect(await t.controller.openPath('/p/b.actlab')).toEqual({ ok: true, message: '' });
    expect(t.disk.get('/p/a.actlab')).toContain('"name": "a"');
    expect(t.controller.current()).toEqual({ path: '/p/b.actlab', name: 'b.actlab', dirty: false });
    expect(t.loaded[1]).toEqual({ bytes: utf8(otherText), name: 'b.actlab', path: '/p/b.actlab', restored: false, seq: 2 });
    expect(t.recent).toEqual(['/p/b.actlab', '/p/a.actlab']);
  });

  it('a bad file does not ask anything and leaves the open project as it was', async () => {
    const t = setup();
    t.controller.update({ json: projectText, dirty: true });
    t.disk.set('/p/broken.actlab', projectText.slice(0, 300));
    const result = await t.controller.openPath('/p/broken.actlab');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^The file is cut off/);
    expect(t.questions).toEqual([]);
    expect(t.loaded).toEqual([]);
    expect(t.controller.current()).toEqual({ path: null, name: 'Untitled', dirty: true });
  });

  it('a table network (iris) opens like any other project: page, title and recent list', async () => {
    const t = setup();
    t.controller.update({ json: projectText, dirty: false });
    const iris = createProject({ name: 'flowers', config: irisConfig([{ size: 8, activation: 'tanh' }]), savedAt: new Date(0) });
    const text = serializeProject(iris);
    t.disk.set('/p/flowers.actlab', text);
    const result = await t.controller.openPath('/p/flowers.actlab');
    expect(result).toEqual({ ok: true, message: '' });
    expect(t.loaded).toEqual([{ bytes: utf8(text), name: 'flowers.actlab', path: '/p/flowers.actlab', restored: false, seq: 1 }]);
    expect(t.recent).toEqual(['/p/flowers.actlab']);
    expect(t.controller.current()).toEqual({ path: '/p/flowers.actlab', name: 'flowers.actlab', dirty: false });
  });

  it('a recent file that vanished is dropped from the list', async () => {
    const t = setup();
    t.recent.push('/p/gone.actlab');
    const result = await t.controller.openPath('/p/gone.actlab');
    expect(result.message).toMatch(/is not there any more/);
    expect(t.recent).toEqual([]);
  });

  it("the page's Open Recent opens only a file on the recent list, so it cannot then save over any other", async () => {
    const t = setup();
    t.disk.set('/p/spiral.actlab', projectText);
    t.disk.set('/home/ana/.bashrc.actlab', otherText);
    t.controller.update({ json: otherText, dirty: false });
    expect(await t.controller.openRecent('/home/ana/.bashrc.actlab')).toEqual({ ok: false, message: NOT_RECENT_MESSAGE });
    expect(t.loaded).toEqual([]);
    // Save then still has no file of its own: it asks where (cancelled here), and writes nothing.
    expect(await t.controller.save()).toEqual({ ok: false, message: '' });
    expect(t.dialogs.saveDefaults).toHaveLength(1);
    expect(t.log).toEqual([]);
    // A file on the list opens.
    t.recent.push('/p/spiral.actlab');
    expect(await t.controller.openRecent('/p/spiral.actlab')).toEqual({ ok: true, message: '' });
    expect(t.controller.current().path).toBe('/p/spiral.actlab');
  });

  it('refuses network shares and device paths from any source, even on the recent list', async () => {
    const t = setup('win32');
    const forms: Array<[string, string]> = [
      ['\\\\host\\share\\x.actlab', NETWORK_PATH_MESSAGE],
      ['//host/share/x.actlab', NETWORK_PATH_MESSAGE],
      ['\\\\?\\C:\\x.actlab', DEVICE_PATH_MESSAGE],
      ['\\\\.\\COM1\\x.actlab', DEVICE_PATH_MESSAGE],
      ['\\\\?\\UNC\\host\\share\\x.actlab', DEVICE_PATH_MESSAGE],
    ];
    for (const [file, message] of forms) {
      t.disk.set(file, projectText);
      t.recent.push(file);
      expect(await t.controller.openPath(file)).toEqual({ ok: false, message });
      expect(await t.controller.openRecent(file)).toEqual({ ok: false, message });
    }
    expect(t.loaded).toEqual([]);
    expect(t.controller.current().path).toBeNull();
  });

  it('after the page reloads it gets the open document back, still dirty, and ignores what the page knew before', async () => {
    const t = setup();
    t.disk.set('/p/spiral.actlab', projectText);
    const work = serializeProject(sampleProject(undefined, 99));
    expect(await t.controller.pageReloaded()).toBe(false);
    await t.controller.openPath('/p/spiral.actlab');
    t.controller.update({ json: work, dirty: true, loaded: 1 });
    // The page crashes and loads again: main hands it the unsaved work.
    expect(await t.controller.pageReloaded()).toBe(true);
    expect(t.loaded.at(-1)).toEqual({ bytes: utf8(work), name: 'spiral.actlab', path: '/p/spiral.actlab', restored: true, seq: 2 });
    // The fresh page's default project, from before it had that (loaded 0), and a late one from the old page (1): ignored.
    t.controller.update({ json: projectText, dirty: false, loaded: 0 });
    t.controller.update({ json: projectText, dirty: false, loaded: 1 });
    expect(t.controller.current()).toEqual({ path: '/p/spiral.actlab', name: 'spiral.actlab', dirty: true });
    expect(t.window.title).toBe('• spiral.actlab — Activation Lab');
    // Save (Ctrl+S) writes the learner's work, not the blank project.
    expect(await t.controller.save()).toEqual({ ok: true, message: '' });
    const written = parseProject(t.disk.get('/p/spiral.actlab')!);
    const expected = parseProject(work);
    if (!written.ok || !expected.ok) throw new Error('unreadable');
    expect(written.project.state?.params).toEqual(expected.project.state?.params);
    // Once the page has it, its updates count again.
    t.controller.update({ json: projectText, dirty: true, loaded: 2 });
    expect(t.controller.current().dirty).toBe(true);
  });

  it("New with Don't Save throws the changes away and deletes the backup", async () => {
    const t = setup();
    t.controller.update({ json: projectText, dirty: true });
    expect(t.backups.changed).toHaveLength(1);
    t.answers.push(DONT_SAVE);
    expect(await t.controller.newProject()).toEqual({ ok: true, message: '' });
    expect(t.loaded[0]).toMatchObject({ name: 'Untitled', path: null, restored: false });
    expect(parseProject(textOf(t.loaded[0])).ok).toBe(true);
    expect(t.backups.discarded).toBe(1);
    expect(t.controller.current().dirty).toBe(false);
  });

  it('closing: a clean project closes at once; a dirty one asks, and Save that is cancelled keeps the window', async () => {
    const t = setup();
    t.controller.update({ json: projectText, dirty: false });
    expect(await t.controller.confirmClose()).toBe(true);
    expect(t.questions).toHaveLength(0);
    t.controller.update({ json: projectText, dirty: true });
    t.answers.push(SAVE);
    expect(await t.controller.confirmClose()).toBe(false); // the Save As dialog was cancelled
    t.answers.push(CANCEL);
    expect(await t.controller.confirmClose()).toBe(false);
    t.answers.push(DONT_SAVE);
    expect(await t.controller.confirmClose()).toBe(true);
    t.answers.push(SAVE);
    t.dialogs.save.push('/p/kept.actlab');
    t.controller.update({ json: projectText, dirty: true });
    expect(await t.controller.confirmClose()).toBe(true);
    expect(t.disk.has('/p/kept.actlab')).toBe(true);
  });

  const crashed = (name: string, file: string | null) => ({
    bytes: utf8(otherText),
    name,
    path: file,
    backedUpAt: '2026-11-28T21:00:00.000Z',
    summary: '4 → 6 → 3 → 1, spiral',
  });

  it('tells the page about work a crash left, asking nothing, and restores it when the page asks', async () => {
    const t = setup();
    t.backups.pending = crashed('spiral.actlab', '/p/spiral.actlab');
    expect(await t.controller.offerBackup()).toBe(true);
    expect(t.questions).toHaveLength(0);
    expect(t.offers).toEqual([{ name: 'spiral.actlab', backedUpAt: '2026-11-28T21:00:00.000Z', summary: '4 → 6 → 3 → 1, spiral' }]);
    expect(t.loaded).toEqual([]);
    expect(await t.controller.restoreOffered()).toEqual({ ok: true, message: '' });
    expect(t.questions).toHaveLength(0);
    expect(t.loaded).toEqual([{ bytes: utf8(otherText), name: 'spiral.actlab', path: '/p/spiral.actlab', restored: true, seq: 1 }]);
    expect(t.controller.current()).toEqual({ path: '/p/spiral.actlab', name: 'spiral.actlab', dirty: true });
    expect(t.backups.changed.at(-1)).toEqual({ json: utf8(otherText), name: 'spiral.actlab', path: '/p/spiral.actlab' });
    expect(t.backups.flushed).toBe(1);
    expect(t.backups.forgotten).toBe(1);
    expect(t.window.title).toBe('• spiral.actlab — Activation Lab');
    // Answered: asking again changes nothing.
    expect((await t.controller.restoreOffered()).message).toBe(NO_BACKUP_MESSAGE);
    expect(t.loaded).toHaveLength(1);
  });

  it("restoring over changes made since asks Save / Don't Save / Cancel first; Cancel keeps both", async () => {
    const t = setup();
    t.backups.pending = crashed('Untitled', null);
    await t.controller.offerBackup();
    t.controller.update({ json: projectText, dirty: true });
    t.answers.push(CANCEL);
    expect(await t.controller.restoreOffered()).toEqual({ ok: false, message: '' });
    expect(t.questions[0].message).toMatch(/^Do you want to save the changes/);
    expect(t.loaded).toEqual([]);
    expect(t.backups.forgotten).toBe(0);
    t.answers.push(DONT_SAVE);
    expect((await t.controller.restoreOffered()).ok).toBe(true);
    expect(t.loaded).toEqual([{ bytes: utf8(otherText), name: 'Untitled', path: null, restored: true, seq: 1 }]);
  });

  it('Discard lets the work go for good; no backup offers nothing; a reloaded page is offered it again', async () => {
    const t = setup();
    expect(await t.controller.offerBackup()).toBe(false);
    expect(t.offers).toEqual([]);
    const u = setup();
    u.backups.pending = crashed('Untitled', null);
    await u.controller.offerBackup();
    await u.controller.pageReloaded();
    expect(u.offers).toHaveLength(2);
    await u.controller.discardOffered();
    expect(u.backups.forgotten).toBe(1);
    expect((await u.controller.restoreOffered()).message).toBe(NO_BACKUP_MESSAGE);
    await u.controller.pageReloaded();
    expect(u.offers).toHaveLength(2);
    expect(u.loaded).toEqual([]);
    expect(u.questions).toHaveLength(0);
  });

  it('refuses to save a project text that is not valid', async () => {
    const t = setup();
    expect((await t.controller.save()).message).toMatch(/nothing to save yet/);
    t.controller.update({ json: '{"format": "activation-lab-project", "version": 2}', dirty: true });
    t.dialogs.save.push('/p/x.actlab');
    const result = await t.controller.save();
    expect(result.message).toMatch(/^The project could not be saved because it is not complete/);
    expect(t.disk.size).toBe(0);
  });

  it('runs actions one at a time', async () => {
    const t = setup();
    t.controller.update({ json: projectText, dirty: true });
    t.dialogs.save.push('/p/one.actlab');
    const [first, second] = await Promise.all([t.controller.save(), t.controller.save()]);
    expect(first.ok && second.ok).toBe(true);
    expect(t.dialogs.saveDefaults).toHaveLength(1);
    expect(t.log).toEqual(['write /p/one.actlab', 'write /p/one.actlab']);
  });
});
