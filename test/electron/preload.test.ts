import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type LabApi } from '../../core/ipc';

type Listener = (event: unknown, payload: unknown) => void;

const fake = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const listeners = new Map<string, Set<Listener>>();
  const sent: Array<[string, ...unknown[]]> = [];
  const invoked: Array<[string, ...unknown[]]> = [];
  return {
    exposed,
    listeners,
    sent,
    invoked,
    emit(channel: string, payload: unknown) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'secret-ipc-event', ports: [] }, payload);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      fake.exposed[key] = api;
    },
  },
  ipcRenderer: {
    send: (channel: string, ...args: unknown[]) => fake.sent.push([channel, ...args]),
    invoke: async (channel: string, ...args: unknown[]) => {
      fake.invoked.push([channel, ...args]);
      return `answer:${channel}`;
    },
    on: (channel: string, listener: Listener) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: Listener) => {
      fake.listeners.get(channel)?.delete(listener);
    },
  },
  webUtils: {
    // Like Electron's: a real dropped file has a path; a File made by script has none; anything else throws.
    getPathForFile: (file: { name?: string; real?: boolean }) => {
      if (typeof file.name !== 'string') throw new TypeError('Not a File');
      return file.real ? `/dropped/${file.name}` : '';
    },
  },
}));

let lab: LabApi;
beforeEach(async () => {
  await import('../../electron/preload');
  lab = fake.exposed.lab as LabApi;
});

describe('preload', () => {
  it('exposes exactly LabApi as window.lab and nothing else', () => {
    expect(Object.keys(fake.exposed)).toEqual(['lab']);
    expect(Object.keys(lab).sort()).toEqual(['appInfo', 'engine', 'files', 'menu', 'onNotice', 'progress', 'project']);
    expect(Object.keys(lab.files)).toEqual(['saveExport', 'setAvailableExports', 'onExport']);
    expect(Object.keys(lab.engine).sort()).toEqual(['onEvent', 'provideDigits', 'send']);
    expect(Object.keys(lab.project).sort()).toEqual([
      'action',
      'discardBackup',
      'onBackupFound',
      'onLoad',
      'onSaved',
      'openDropped',
      'openPath',
      'preview',
      'recent',
      'restoreBackup',
      'update',
    ]);
    expect(Object.keys(lab.menu)).toEqual(['onCommand']);
    expect(Object.keys(lab.progress).sort()).toEqual(['load', 'save']);
    // Every leaf is a plain function; ipcRenderer itself is not reachable.
    const leaves = [
      lab.appInfo,
      lab.onNotice,
      ...Object.values(lab.engine),
      ...Object.values(lab.project),
      ...Object.values(lab.menu),
      ...Object.values(lab.progress),
      ...Object.values(lab.files),
    ];
    expect(leaves.every((f) => typeof f === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(lab))).not.toContain('ipc');
  });

  it('sends and invokes on the contract channels', async () => {
    const file = new Uint8Array([68, 71, 84, 49, 0, 0, 0, 0]);
    lab.engine.provideDigits(file);
    lab.engine.send({ type: 'pause', id: 3 });
    lab.project.update({ json: '{}', dirty: true });
    lab.files.setAvailableExports(['pytorch']);
    lab.project.preview({ summary: 's', picture: null, at: '2026-01-01T00:00:00.000Z', loaded: 1 });
    expect(await lab.project.action('open')).toBe(`answer:${CHANNELS.projectAction}`);
    await lab.project.openPath('/x.actlab');
    expect(await lab.project.openDropped({ name: 'a.actlab', real: true })).toBe(`answer:${CHANNELS.projectOpenDropped}`);
    await lab.project.recent();
    await lab.project.restoreBackup();
    await lab.project.discardBackup();
    await lab.progress.load();
    await lab.progress.save('{}');
    await lab.appInfo();
    expect(await lab.files.saveExport({ kind: 'csv', name: 'h.csv', data: 'x' })).toBe(`answer:${CHANNELS.fileExport}`);
    // The digits file and the engine commands share one ordered renderer-to-main pipe.
    expect(fake.sent).toEqual([
      [CHANNELS.engineDigits, file],
      [CHANNELS.engineCommand, { type: 'pause', id: 3 }],
      [CHANNELS.projectUpdate, { json: '{}', dirty: true }],
      [CHANNELS.exportAvailable, ['pytorch']],
      [CHANNELS.projectPreview, { summary: 's', picture: null, at: '2026-01-01T00:00:00.000Z', loaded: 1 }],
    ]);
    expect(fake.invoked).toEqual([
      [CHANNELS.projectAction, 'open'],
      [CHANNELS.projectOpenRecent, '/x.actlab'],
      [CHANNELS.projectOpenDropped, '/dropped/a.actlab'],
      [CHANNELS.projectRecent],
      [CHANNELS.projectRestoreBackup],
      [CHANNELS.projectDiscardBackup],
      [CHANNELS.progressLoad],
      [CHANNELS.progressSave, '{}'],
      [CHANNELS.appInfo],
      [CHANNELS.fileExport, { kind: 'csv', name: 'h.csv', data: 'x' }],
    ]);
  });

  it('opens a dropped file only by the path of a real File: the page cannot name a path of its own', async () => {
    const before = fake.invoked.length;
    const refused = { ok: false, message: 'That file could not be opened: only files from this computer can be dropped here.' };
    expect(await lab.project.openDropped({ name: 'made-by-script.actlab' })).toEqual(refused);
    expect(await lab.project.openDropped('/etc/passwd.actlab' as unknown as object)).toEqual(refused);
    expect(await lab.project.openDropped({ path: '/home/ana/x.actlab' })).toEqual(refused);
    expect(fake.invoked.length).toBe(before);
  });

  it('hands listeners only the payload, never the IPC event, and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = lab.onNotice((...args: unknown[]) => seen.push(args));
    const offMenu = lab.menu.onCommand((command) => seen.push(['menu', command]));
    const offExport = lab.files.onExport((item) => seen.push(['export', item]));
    fake.emit(CHANNELS.notice, 'Engine restarted.');
    fake.emit(CHANNELS.menuCommand, 'step');
    fake.emit(CHANNELS.menuExport, 'pytorch');
    expect(seen).toEqual([['Engine restarted.'], ['menu', 'step'], ['export', 'pytorch']]);
    off();
    offMenu();
    offExport();
    fake.emit(CHANNELS.notice, 'again');
    fake.emit(CHANNELS.menuExport, 'history-csv');
    expect(seen).toHaveLength(3);
    expect(fake.listeners.get(CHANNELS.notice)?.size).toBe(0);
    expect(() => lab.onNotice('not a function' as unknown as () => void)).toThrow(TypeError);
  });
});
