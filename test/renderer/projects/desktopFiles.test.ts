/**
 * The desktop app's side of the open project (renderer/projects/desktopFiles.ts) against a fake
 * of main's project API: main is told the newest state before each action, its refusals reach
 * `message` while a cancel says nothing, work handed back returns without moving the learner,
 * and the page counts main's loads only once the Lab holds them.
 */
import { describe, expect, it } from 'vitest';
import type { ActionResult, LabApi, LoadedProject, SavedProject } from '../../../core/ipc';
import { serializeProject, type Project } from '../../../core/project';
import { DesktopFiles, type DesktopDesk } from '../../../renderer/projects/desktopFiles';
import { sampleProject } from '../../core/project/sample';

function setup(answer: ActionResult = { ok: true, message: '' }) {
  const said: string[] = [];
  const applied: { project: Project; dirty: boolean }[] = [];
  let onLoad: (loaded: LoadedProject) => void = () => undefined;
  let onSaved: (saved: SavedProject) => void = () => undefined;
  const api = {
    project: {
      action: async (action: string) => (said.push(`action ${action}`), answer),
      openPath: async (file: string) => (said.push(`open ${file}`), answer),
      restoreBackup: async () => (said.push('restore'), answer),
      preview: () => void said.push('preview'),
      onLoad: (listener: typeof onLoad) => ((onLoad = listener), () => undefined),
      onSaved: (listener: typeof onSaved) => ((onSaved = listener), () => undefined),
      onBackupFound: () => () => undefined,
    },
  } as unknown as LabApi;
  const desk: DesktopDesk = {
    path: '/old.actlab',
    projectName: 'old',
    message: null,
    pendingRestore: { name: 'spiral', savedAt: '', epoch: null } as unknown as DesktopDesk['pendingRestore'],
    recentWork: { describeToMain: () => void said.push('describe'), refresh: async () => void said.push('refresh') },
  };
  const files = new DesktopFiles(api, desk, {
    currentProject: async () => sampleProject(),
    apply: async (project, dirty) => void applied.push({ project, dirty }),
    markSaved: () => void said.push('marked saved'),
    area: () => 'lessons',
    note: (kind) => void said.push(`note ${kind}`),
    sync: async () => void said.push('sync'),
  });
  files.listen();
  return { desk, files, said, applied, load: (loaded: LoadedProject) => onLoad(loaded), save: (saved: SavedProject) => onSaved(saved) };
}

/** Lets the promises a listener started settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const bytes = new TextEncoder().encode(serializeProject(sampleProject()));

describe('DesktopFiles', () => {
  it('tells main the newest state before an action, and shows main’s refusal', async () => {
    const t = setup({ ok: false, message: 'The disk is read-only.' });
    await t.files.action('save');
    expect(t.said).toEqual(['sync', 'action save']);
    expect(t.desk.message).toEqual({ kind: 'error', text: 'The disk is read-only.' });
  });

  it('says nothing when the learner cancels main’s dialog', async () => {
    const t = setup({ ok: false, message: '' });
    await t.files.openRecent('/a.actlab');
    expect(t.said).toEqual(['sync', 'open /a.actlab', 'refresh']);
    expect(t.desk.message).toBeNull();
  });

  it('keeps the restore notice when the learner keeps their newer changes, and drops it otherwise', async () => {
    const cancelled = setup({ ok: false, message: '' });
    await cancelled.files.restore();
    expect(cancelled.desk.pendingRestore).not.toBeNull();
    const done = setup({ ok: true, message: '' });
    await done.files.restore();
    expect(done.desk.pendingRestore).toBeNull();
  });

  it('opens a copy only once main’s new document is in; not at all when main refuses', async () => {
    const t = setup();
    expect(await t.files.newDocument()).toBe(true);
    expect(t.desk.path).toBeNull();
    const refused = setup({ ok: false, message: 'No.' });
    expect(await refused.files.newDocument()).toBe(false);
    expect(refused.desk.path).toBe('/old.actlab');
    expect(refused.desk.message).toEqual({ kind: 'error', text: 'No.' });
  });

  it('takes in a file main opened, and counts the load once the Lab has it', async () => {
    const t = setup();
    t.load({ bytes, name: 'spiral.actlab', path: '/p/spiral.actlab', restored: false, seq: 3 });
    await settle();
    expect(t.files.loadedSeq).toBe(3);
    expect(t.desk).toMatchObject({
      path: '/p/spiral.actlab',
      projectName: 'spiral',
      message: { kind: 'info', text: 'Opened spiral.actlab.' },
    });
    expect(t.applied[0].dirty).toBe(false);
    expect(t.said).toContain('describe');
  });

  it('returns unsaved work where the learner is, unsaved, with no picture for main', async () => {
    const t = setup();
    t.load({ bytes, name: 'Untitled', path: null, restored: true, seq: 2 });
    await settle();
    expect(t.applied[0]).toMatchObject({ dirty: true, project: { view: { area: 'lessons' } } });
    expect(t.desk.message?.text).toBe('Your unsaved work from last time is back. Save it to keep it.');
    expect(t.said).not.toContain('describe');
  });

  it('hears main save: the new path and name, the Lab clean, main told the picture', async () => {
    const t = setup();
    t.save({ path: '/p/new.actlab', name: 'new.actlab' });
    expect(t.desk).toMatchObject({ path: '/p/new.actlab', projectName: 'new', message: { kind: 'info', text: 'Saved as new.actlab.' } });
    expect(t.said.slice(0, 2)).toEqual(['marked saved', 'note settings']);
    await settle();
    expect(t.said).toContain('describe');
  });
});
