/**
 * The IPC handlers registered through the typed helpers (electron/ipc-typed.ts) on a
 * stand-in ipcMain: every channel's sender check and payload parser, run once per message
 * by the helpers, and what each handler passes on.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGE_CHANNELS, PAGE_REQUEST_CHANNELS, type ProjectAction, type ProjectUpdate } from '../../core/ipc';
import { encodeDigits } from '../../core/tabular/digits';
import { MAX_DIGITS_FILE_BYTES } from '../../core/tabular/provide';
import { MAX_PROGRESS_CHARS, NOT_A_PROJECT_MESSAGE, registerIpcHandlers } from '../../electron/ipc-handlers';
import { MAX_EXPORT_CHARS } from '../../electron/ipc-payloads';
import { typedIpcMain, type SenderEvent } from '../../electron/ipc-typed';
import { standInIpcMain } from './ipc-stand-in';
import { DEVICE_PATH_MESSAGE, NETWORK_PATH_MESSAGE } from '../../electron/paths';

function setup(devOrigin: string | null = null) {
  const calls: Array<[string, unknown]> = [];
  const log: string[] = [];
  const { ipc, on, handle } = standInIpcMain();
  registerIpcHandlers(typedIpcMain(ipc, { devOrigin, log: (line) => log.push(line) }), {
    engine: {
      send: (command) => calls.push(['engine', command]),
      provideDigits: (bytes) => calls.push(['digits', bytes]),
      reportError: (message) => calls.push(['engine-error', message]),
    },
    project: {
      update: (update: ProjectUpdate) => calls.push(['update', update]),
      action: async (action: ProjectAction) => {
        calls.push(['action', action]);
        return { ok: true, message: '' };
      },
      openRecent: async (file: string) => {
        calls.push(['open-recent', file]);
        return { ok: true, message: '' };
      },
      openDropped: async (file: string) => {
        calls.push(['open-dropped', file]);
        return { ok: true, message: '' };
      },
      recent: async () => ({ projects: [{ path: '/a.actlab', details: null }], removed: ['/gone.actlab'] }),
      preview: (preview) => calls.push(['preview', preview]),
      restoreBackup: async () => {
        calls.push(['restore-backup', null]);
        return { ok: true, message: '' };
      },
      discardBackup: async () => {
        calls.push(['discard-backup', null]);
      },
    },
    progress: {
      load: async () => '{"done":[]}',
      save: async (json: string) => {
        calls.push(['progress', json]);
      },
    },
    appInfo: () => ({ name: 'Activation Lab', version: '0.1.0', electron: '45', chrome: '142', node: '22' }),
    saveExport: async (file) => {
      calls.push(['export', file]);
      return { ok: true, message: `Saved ${file.name}.` };
    },
    exportsAvailable: (items) => calls.push(['exports', items]),
  });
  return { handlers: { on, handle }, calls, log };
}

const PICTURE = { light: 'data:image/png;base64,iVBORw0KGgo=', dark: 'data:image/png;base64,iVBORw0KGgoA', label: 'Decision boundary' };

/** A whole digits file of two blank images labelled 3 and 7. */
const twoDigits = encodeDigits({ count: 2, labels: new Uint8Array([3, 7]), pixels: new Uint8Array(2 * 784) });

const ours: SenderEvent = { senderFrame: { url: 'app://lab/index.html' } };
const strangers: SenderEvent[] = [
  { senderFrame: { url: 'https://evil.example/' } },
  { senderFrame: { url: 'file:///home/ana/index.html' } },
  { senderFrame: { url: 'app://evil/index.html' } },
  { senderFrame: { url: 'http://127.0.0.1:5173/' } },
  { senderFrame: { url: '' } },
  { senderFrame: null },
  { senderFrame: undefined },
];

const validArgs: Record<string, unknown[]> = {
  'engine:command': [{ type: 'play', id: 1 }],
  'engine:digits': [twoDigits],
  'project:update': [{ json: '{}', dirty: true }],
  'export:available': [['history-csv', 'pytorch']],
  'project:preview': [{ summary: '2 → 1, circle', picture: null, at: '2026-01-01T00:00:00.000Z', loaded: 1 }],
  'project:action': ['save'],
  'project:open-recent': ['/home/ana/spiral.actlab'],
  'project:open-dropped': ['/home/ana/dropped.actlab'],
  'project:recent': [],
  'project:restore-backup': [],
  'project:discard-backup': [],
  'progress:load': [],
  'progress:save': ['{"done":["01"]}'],
  'app:info': [],
  'file:export': [{ kind: 'csv', name: 'history.csv', data: 'epoch\n' }],
};

describe('IPC handlers over the typed helpers', () => {
  it('registers every page-to-main channel of the contract exactly once, each the right way', () => {
    const { handlers } = setup();
    expect(Object.keys(handlers.on).sort()).toEqual([...PAGE_MESSAGE_CHANNELS].sort());
    expect(Object.keys(handlers.handle).sort()).toEqual([...PAGE_REQUEST_CHANNELS].sort());
    expect([...Object.keys(handlers.on), ...Object.keys(handlers.handle)].sort()).toEqual(Object.keys(validArgs).sort());
  });

  it('serves our own page', async () => {
    const { handlers, calls, log } = setup();
    handlers.on['engine:command'](ours, { type: 'play', id: 1 });
    handlers.on['engine:digits'](ours, twoDigits);
    handlers.on['project:update'](ours, { json: '{"a":1}', dirty: false });
    handlers.on['export:available'](ours, ['output-png', 'history-csv']);
    handlers.on['project:preview'](ours, { summary: '2 → 1, circle', picture: PICTURE, at: '2026-01-01T00:00:00.000Z', loaded: 2 });
    expect(await handlers.handle['project:action'](ours, 'save-as')).toEqual({ ok: true, message: '' });
    expect(await handlers.handle['project:open-recent'](ours, 'C:\\Users\\ana\\xor.actlab')).toEqual({ ok: true, message: '' });
    expect(await handlers.handle['project:open-dropped'](ours, '/home/ana/dropped.actlab')).toEqual({ ok: true, message: '' });
    expect(await handlers.handle['project:recent'](ours)).toEqual({
      projects: [{ path: '/a.actlab', details: null }],
      removed: ['/gone.actlab'],
    });
    expect(await handlers.handle['progress:load'](ours)).toBe('{"done":[]}');
    await handlers.handle['progress:save'](ours, '{"done":["01"]}');
    expect(await handlers.handle['app:info'](ours)).toMatchObject({ name: 'Activation Lab' });
    const png = new Uint8Array([137, 80, 78, 71]);
    expect(await handlers.handle['file:export'](ours, { kind: 'png', name: 'plot.png', data: png })).toEqual({
      ok: true,
      message: 'Saved plot.png.',
    });
    expect(calls).toEqual([
      ['engine', { type: 'play', id: 1 }],
      ['digits', twoDigits],
      ['update', { json: '{"a":1}', dirty: false }],
      ['exports', ['output-png', 'history-csv']],
      ['preview', { summary: '2 → 1, circle', picture: PICTURE, at: '2026-01-01T00:00:00.000Z', loaded: 2 }],
      ['action', 'save-as'],
      ['open-recent', 'C:\\Users\\ana\\xor.actlab'],
      ['open-dropped', '/home/ana/dropped.actlab'],
      ['progress', '{"done":["01"]}'],
      ['export', { kind: 'png', name: 'plot.png', data: png }],
    ]);
    expect(log).toEqual([]);
  });

  it('rejects every channel from a wrong sender, naming the channel, and does nothing', async () => {
    const { handlers, calls, log } = setup();
    for (const sender of strangers) {
      for (const [channel, handler] of Object.entries(handlers.on)) {
        // A message has no reply to carry the refusal: it is logged.
        expect(handler(sender, ...validArgs[channel])).toBeUndefined();
        expect(log.at(-1)).toMatch(`${channel}: refused a message from`);
      }
      for (const [channel, handler] of Object.entries(handlers.handle)) {
        await expect(Promise.resolve().then(() => handler(sender, ...validArgs[channel]))).rejects.toThrow(`${channel}: refused`);
      }
    }
    expect(log).toHaveLength(strangers.length * PAGE_MESSAGE_CHANNELS.length);
    expect(calls).toEqual([]);
  });

  it('accepts the dev server only when one is configured', async () => {
    const dev = { senderFrame: { url: 'http://127.0.0.1:5173/index.html' } };
    const withDev = setup('http://127.0.0.1:5173');
    expect(await withDev.handlers.handle['app:info'](dev)).toMatchObject({ version: '0.1.0' });
    await expect(setup().handlers.handle['app:info'](dev)).rejects.toThrow(/refused/);
  });

  it('rejects bad payloads with a clear sentence', async () => {
    const { handlers, calls, log } = setup();
    const update = handlers.on['project:update'];
    update(ours, null);
    update(ours, { json: 5, dirty: true });
    update(ours, { json: '{}', dirty: 'yes' });
    update(ours, { json: '{}', dirty: true }, 'extra');
    update(ours, { json: '{}', dirty: true, loaded: -1 });
    update(ours, { json: '{}', dirty: true, loaded: '2' });
    const preview = handlers.on['project:preview'];
    const at = '2026-01-01T00:00:00.000Z';
    preview(ours, { summary: 's', picture: null, at, loaded: -1 });
    preview(ours, { summary: 'x'.repeat(301), picture: null, at, loaded: 1 });
    preview(ours, { summary: 's', picture: { ...PICTURE, light: 'javascript:alert(1)' }, at, loaded: 1 });
    preview(ours, { summary: 's', picture: { ...PICTURE, dark: `data:image/png;base64,${'A'.repeat(128 * 1024)}` }, at, loaded: 1 });
    preview(ours, { summary: 's', picture: null, at: 'yesterday', loaded: 1 });
    const exports = handlers.on['export:available'];
    exports(ours, 'pytorch');
    exports(ours, ['pytorch', 'format-disk']);
    exports(ours, ['pytorch', 'pytorch']);
    exports(
      ours,
      Array.from({ length: 7 }, () => 'pytorch'),
    );
    expect(log).toEqual([
      'project:update: needs { json, dirty }.',
      'project:update: json must be a string.',
      'project:update: dirty must be true or false.',
      'project:update: takes one argument, not 2.',
      'project:update: loaded must be a whole number, 0 or more.',
      'project:update: loaded must be a whole number, 0 or more.',
      'project:preview: loaded must be a whole number, 0 or more.',
      'project:preview: needs a summary of at most 300 characters and the time as an ISO date.',
      'project:preview: the picture must be null or { light, dark, label } with PNG data URLs of at most 128 KB each.',
      'project:preview: the picture must be null or { light, dark, label } with PNG data URLs of at most 128 KB each.',
      'project:preview: needs a summary of at most 300 characters and the time as an ISO date.',
      'export:available: needs a list of at most 6 export items.',
      'export:available: unknown export "format-disk"; use one of output-png, diagram-png, history-csv, network-json, pytorch, points-csv.',
      'export:available: names an export more than once.',
      'export:available: needs a list of at most 6 export items.',
    ]);
    const action = handlers.handle['project:action'];
    await expect(action(ours, 'delete-everything')).rejects.toThrow('project:action: unknown action "delete-everything"');
    await expect(action(ours, { action: 'save' })).rejects.toThrow(/unknown action/);
    for (const channel of ['project:open-recent', 'project:open-dropped']) {
      const open = handlers.handle[channel];
      await expect(open(ours, 42)).rejects.toThrow(`${channel}: needs a file path.`);
      await expect(open(ours, 'relative/x.actlab')).rejects.toThrow('the path must be absolute');
      // A file that is simply not a project gets a friendly answer rather than an error.
      await expect(open(ours, '/home/ana/photo.png')).resolves.toEqual({ ok: false, message: NOT_A_PROJECT_MESSAGE });
      await expect(open(ours, '/tmp/a\0.actlab')).rejects.toThrow('the path is not valid');
      // Network shares and device paths, in either slash.
      await expect(open(ours, '\\\\host\\share\\x.actlab')).rejects.toThrow(NETWORK_PATH_MESSAGE);
      await expect(open(ours, '//host/share/x.actlab')).rejects.toThrow(NETWORK_PATH_MESSAGE);
      await expect(open(ours, '\\\\?\\C:\\x.actlab')).rejects.toThrow(DEVICE_PATH_MESSAGE);
      await expect(open(ours, '\\\\.\\PhysicalDrive0\\x.actlab')).rejects.toThrow(DEVICE_PATH_MESSAGE);
      await expect(open(ours, '\\\\?\\UNC\\host\\share\\x.actlab')).rejects.toThrow(DEVICE_PATH_MESSAGE);
    }
    const save = handlers.handle['progress:save'];
    await expect(save(ours, { done: [] })).rejects.toThrow('progress:save: needs the progress as JSON text.');
    await expect(save(ours, '{not json')).rejects.toThrow('not valid JSON');
    await expect(save(ours, JSON.stringify('x'.repeat(MAX_PROGRESS_CHARS)))).rejects.toThrow('too large');
    await expect(handlers.handle['project:recent'](ours, 'extra')).rejects.toThrow('project:recent: takes no arguments.');
    await expect(handlers.handle['app:info'](ours, 1, 2)).rejects.toThrow('takes no arguments');
    const saveExport = handlers.handle['file:export'];
    await expect(saveExport(ours, { kind: 'exe', name: 'a.exe', data: '' })).rejects.toThrow(
      'unknown kind "exe"; use one of png, csv, json, py.',
    );
    await expect(saveExport(ours, { kind: 'py', name: '../../evil.py', data: '' })).rejects.toThrow('plain file name ending in .py');
    await expect(saveExport(ours, { kind: 'py', name: 'C:evil.py', data: '' })).rejects.toThrow('plain file name');
    await expect(saveExport(ours, { kind: 'png', name: 'plot.py', data: new Uint8Array(4) })).rejects.toThrow('ending in .png');
    await expect(saveExport(ours, { kind: 'png', name: 'plot.png', data: [1, 2] })).rejects.toThrow('data must be text or bytes');
    await expect(saveExport(ours, { kind: 'csv', name: 'h.csv', data: 'x'.repeat(MAX_EXPORT_CHARS + 1) })).rejects.toThrow('too large');
    expect(calls).toEqual([]);
  });

  it('refuses a payload that is not a digits file, tells the page why, and never passes it on', () => {
    const { handlers, calls, log } = setup();
    const digits = handlers.on['engine:digits'];
    const wrongMagic = twoDigits.slice();
    wrongMagic[0] = 0x50;
    const cases: Array<[unknown, string]> = [
      ['DGT1', 'No file came with the message.'],
      [Array.from(twoDigits), 'No file came with the message.'],
      [undefined, 'No file came with the message.'],
      [wrongMagic, 'This is not a digits file: its first bytes are wrong.'],
      [twoDigits.slice(0, 100), 'The file is cut short or too long: 100 bytes for 2 images.'],
      [
        new Uint8Array(MAX_DIGITS_FILE_BYTES + 1),
        `The file is too large: ${MAX_DIGITS_FILE_BYTES + 1} bytes, and at most ${MAX_DIGITS_FILE_BYTES} are accepted.`,
      ],
    ];
    for (const [payload] of cases) digits(ours, payload);
    expect(log).toEqual(cases.map(([, reason]) => `engine:digits: ${reason}`));
    expect(calls).toEqual(cases.map(([, reason]) => ['engine-error', `The digit images could not be loaded. ${reason}`]));
    expect(calls.some(([kind]) => kind === 'digits')).toBe(false);
  });
});
