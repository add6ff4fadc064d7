import { describe, expect, it } from 'vitest';
import { CHANNELS, type ProjectAction, type ProjectUpdate } from '../../core/ipc';
import { encodeDigits } from '../../core/tabular/digits';
import { MAX_DIGITS_FILE_BYTES } from '../../core/tabular/provide';
import { IpcRejection, MAX_PROGRESS_CHARS, NOT_A_PROJECT_MESSAGE, createIpcHandlers, type SenderEvent } from '../../electron/ipc-handlers';

function setup(devOrigin: string | null = null) {
  const calls: Array<[string, unknown]> = [];
  const handlers = createIpcHandlers({
    devOrigin,
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
      openPath: async (file: string) => {
        calls.push(['open', file]);
        return { ok: true, message: '' };
      },
      recent: async () => ['/a.actlab'],
    },
    progress: {
      load: async () => '{"done":[]}',
      save: async (json: string) => {
        calls.push(['progress', json]);
      },
    },
    appInfo: () => ({ name: 'Activation Lab', version: '0.1.0', electron: '45', chrome: '142', node: '22' }),
  });
  return { handlers, calls };
}

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
  [CHANNELS.engineCommand]: [{ type: 'play', id: 1 }],
  [CHANNELS.engineDigits]: [twoDigits],
  [CHANNELS.projectUpdate]: [{ json: '{}', dirty: true }],
  [CHANNELS.projectAction]: ['save'],
  [CHANNELS.projectOpenPath]: ['/home/ana/spiral.actlab'],
  [CHANNELS.projectRecent]: [],
  [CHANNELS.progressLoad]: [],
  [CHANNELS.progressSave]: ['{"done":["01"]}'],
  [CHANNELS.appInfo]: [],
};

describe('IPC handlers', () => {
  it('covers every renderer-to-main channel of the contract exactly once', () => {
    const { handlers } = setup();
    const names = [...Object.keys(handlers.on), ...Object.keys(handlers.handle)].sort();
    expect(names).toEqual(Object.keys(validArgs).sort());
  });

  it('serves our own page', async () => {
    const { handlers, calls } = setup();
    handlers.on[CHANNELS.engineCommand](ours, { type: 'play', id: 1 });
    handlers.on[CHANNELS.engineDigits](ours, twoDigits);
    handlers.on[CHANNELS.projectUpdate](ours, { json: '{"a":1}', dirty: false });
    expect(await handlers.handle[CHANNELS.projectAction](ours, 'save-as')).toEqual({ ok: true, message: '' });
    expect(await handlers.handle[CHANNELS.projectOpenPath](ours, 'C:\\Users\\ana\\xor.actlab')).toEqual({ ok: true, message: '' });
    expect(await handlers.handle[CHANNELS.projectRecent](ours)).toEqual(['/a.actlab']);
    expect(await handlers.handle[CHANNELS.progressLoad](ours)).toBe('{"done":[]}');
    await handlers.handle[CHANNELS.progressSave](ours, '{"done":["01"]}');
    expect(await handlers.handle[CHANNELS.appInfo](ours)).toMatchObject({ name: 'Activation Lab' });
    expect(calls).toEqual([
      ['engine', { type: 'play', id: 1 }],
      ['digits', twoDigits],
      ['update', { json: '{"a":1}', dirty: false }],
      ['action', 'save-as'],
      ['open', 'C:\\Users\\ana\\xor.actlab'],
      ['progress', '{"done":["01"]}'],
    ]);
  });

  it('rejects every channel from a wrong sender, naming the channel, and does nothing', async () => {
    const { handlers, calls } = setup();
    for (const sender of strangers) {
      for (const [channel, handler] of Object.entries(handlers.on)) {
        expect(() => handler(sender, ...validArgs[channel])).toThrow(IpcRejection);
        expect(() => handler(sender, ...validArgs[channel])).toThrow(`${channel}: refused a message from`);
      }
      for (const [channel, handler] of Object.entries(handlers.handle)) {
        await expect(Promise.resolve().then(() => handler(sender, ...validArgs[channel]))).rejects.toThrow(`${channel}: refused`);
      }
    }
    expect(calls).toEqual([]);
  });

  it('accepts the dev server only when one is configured', async () => {
    const dev = { senderFrame: { url: 'http://127.0.0.1:5173/index.html' } };
    const withDev = setup('http://127.0.0.1:5173');
    expect(await withDev.handlers.handle[CHANNELS.appInfo](dev)).toMatchObject({ version: '0.1.0' });
    await expect(setup().handlers.handle[CHANNELS.appInfo](dev)).rejects.toThrow(/refused/);
  });

  it('rejects bad payloads with a clear sentence', async () => {
    const { handlers, calls } = setup();
    const update = handlers.on[CHANNELS.projectUpdate];
    expect(() => update(ours, null)).toThrow('project:update: needs { json, dirty }.');
    expect(() => update(ours, { json: 5, dirty: true })).toThrow('json must be a string');
    expect(() => update(ours, { json: '{}', dirty: 'yes' })).toThrow('dirty must be true or false');
    const action = handlers.handle[CHANNELS.projectAction];
    await expect(action(ours, 'delete-everything')).rejects.toThrow('project:action: unknown action "delete-everything"');
    await expect(action(ours, { action: 'save' })).rejects.toThrow(/unknown action/);
    const open = handlers.handle[CHANNELS.projectOpenPath];
    await expect(open(ours, 42)).rejects.toThrow('project:open-path: needs a file path.');
    await expect(open(ours, 'relative/x.actlab')).rejects.toThrow('the path must be absolute');
    // A file that is simply not a project gets a friendly answer rather than an error.
    await expect(open(ours, '/home/ana/photo.png')).resolves.toEqual({ ok: false, message: NOT_A_PROJECT_MESSAGE });
    await expect(open(ours, '/tmp/a\0.actlab')).rejects.toThrow('the path is not valid');
    const save = handlers.handle[CHANNELS.progressSave];
    await expect(save(ours, { done: [] })).rejects.toThrow('progress:save: needs the progress as JSON text.');
    await expect(save(ours, '{not json')).rejects.toThrow('not valid JSON');
    await expect(save(ours, JSON.stringify('x'.repeat(MAX_PROGRESS_CHARS)))).rejects.toThrow('too large');
    await expect(handlers.handle[CHANNELS.projectRecent](ours, 'extra')).rejects.toThrow('project:recent: takes no arguments.');
    await expect(handlers.handle[CHANNELS.appInfo](ours, 1, 2)).rejects.toThrow('takes no arguments');
    expect(calls).toEqual([]);
  });

  it('refuses a payload that is not a digits file, tells the page why, and never passes it on', () => {
    const { handlers, calls } = setup();
    const digits = handlers.on[CHANNELS.engineDigits];
    const wrongMagic = twoDigits.slice();
    wrongMagic[0] = 0x50;
    const cases: Array<[unknown, string]> = [
      ['DGT1', 'No file came with the message.'],
      [Array.from(twoDigits), 'No file came with the message.'],
      [undefined, 'No file came with the message.'],
      [wrongMagic, 'This is not a digits file: its first bytes are wrong.'],
      [twoDigits.subarray(0, 100), 'The file is cut short or too long: 100 bytes for 2 images.'],
      [new Uint8Array(MAX_DIGITS_FILE_BYTES + 1), `The file is too large: ${MAX_DIGITS_FILE_BYTES + 1} bytes, and at most ${MAX_DIGITS_FILE_BYTES} are accepted.`],
    ];
    for (const [payload, reason] of cases) {
      expect(() => digits(ours, payload)).toThrow(`engine:digits: ${reason}`);
    }
    expect(calls).toEqual(cases.map(([, reason]) => ['engine-error', `The digit images could not be loaded. ${reason}`]));
    expect(calls.some(([kind]) => kind === 'digits')).toBe(false);
  });
});
