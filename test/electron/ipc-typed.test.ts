/**
 * The typed IPC helpers on a stand-in ipcMain: the sender check and the payload parser run
 * once, before any handler, for requests and messages alike; events go to the page typed,
 * and never to a page that is gone.
 */
import { describe, expect, it } from 'vitest';
import { encodeDigits } from '../../core/tabular/digits';
import { MAX_DIGITS_FILE_BYTES } from '../../core/tabular/provide';
import { IpcRejection, pageSender, typedIpcMain, type SenderEvent } from '../../electron/ipc-typed';
import { maxCommandValues, valuesUpTo } from '../../electron/ipc-payloads';
import { standInIpcMain } from './ipc-stand-in';

const ours: SenderEvent = { senderFrame: { url: 'app://lab/index.html' } };
const stranger: SenderEvent = { senderFrame: { url: 'https://evil.example/' } };

function helpers() {
  const { ipc, on, handle } = standInIpcMain();
  const log: string[] = [];
  return { typed: typedIpcMain(ipc, { devOrigin: null, log: (line) => log.push(line) }), on, handle, log };
}

describe('typed IPC helpers', () => {
  it('handle: rejects a wrong sender and a bad payload before the handler, and passes a good one typed', async () => {
    const { typed, handle } = helpers();
    const seen: string[] = [];
    typed.handle('progress:save', async (json) => {
      seen.push(json);
    });
    await expect(handle['progress:save'](stranger, '{}')).rejects.toThrow(IpcRejection);
    await expect(handle['progress:save'](stranger, '{}')).rejects.toThrow(
      'progress:save: refused a message from "https://evil.example/"; only the app\'s own page may call it.',
    );
    await expect(handle['progress:save'](ours, 42)).rejects.toThrow('progress:save: needs the progress as JSON text.');
    await expect(handle['progress:save'](ours, '{"a":')).rejects.toThrow('progress:save: the progress text is not valid JSON.');
    expect(seen).toEqual([]);
    await handle['progress:save'](ours, '{"done":[]}');
    expect(seen).toEqual(['{"done":[]}']);
  });

  it('on: a wrong sender or a bad payload is logged, told to `refused` (payload only), and never reaches the listener', () => {
    const { typed, on, log } = helpers();
    const seen: unknown[] = [];
    const refusals: string[] = [];
    typed.on(
      'project:update',
      (update) => seen.push(update),
      (reason) => refusals.push(reason),
    );
    expect(() => on['project:update'](stranger, { json: '{}', dirty: false })).not.toThrow();
    on['project:update']({ senderFrame: null }, { json: '{}', dirty: false });
    on['project:update'](ours, { json: '{}' });
    on['project:update'](ours, { json: '{}', dirty: true });
    expect(seen).toEqual([{ json: '{}', dirty: true }]);
    expect(refusals).toEqual(['dirty must be true or false.']);
    expect(log).toEqual([
      'project:update: refused a message from "https://evil.example/"; only the app\'s own page may call it.',
      "project:update: refused a message from an unknown frame; only the app's own page may call it.",
      'project:update: dirty must be true or false.',
    ]);
  });

  it('on: a listener that throws is logged, not thrown into Electron', () => {
    const { typed, on, log } = helpers();
    typed.on('engine:command', () => {
      throw new Error('engine gone');
    });
    on['engine:command'](ours, { type: 'play', id: 1 });
    expect(log).toEqual(['engine gone']);
  });

  it('pageSender: sends typed events to a live page and drops them when the page is gone', () => {
    const sent: unknown[][] = [];
    let destroyed = false;
    let present = true;
    const page = { isDestroyed: () => destroyed, send: (channel: string, payload: unknown) => sent.push([channel, payload]) };
    const send = pageSender(() => (present ? page : null));
    send('app:notice', 'The engine restarted.');
    send('menu:command', 'step');
    destroyed = true;
    send('app:notice', 'lost');
    destroyed = false;
    present = false;
    send('app:notice', 'lost too');
    expect(sent).toEqual([
      ['app:notice', 'The engine restarted.'],
      ['menu:command', 'step'],
    ]);
  });
});

describe('payload limits (defence in depth)', () => {
  const twoDigits = encodeDigits({ count: 2, labels: new Uint8Array([3, 7]), pixels: new Uint8Array(2 * 784) });

  it('engine:digits: refuses a small view over a huge buffer, and passes on an exact-length copy', () => {
    const { typed, on, log } = helpers();
    const got: Uint8Array[] = [];
    typed.on('engine:digits', (bytes) => got.push(bytes));
    // A whole, valid file sitting inside a block of memory far over the file limit.
    const big = new Uint8Array(MAX_DIGITS_FILE_BYTES + 1024 * 1024);
    big.set(twoDigits, 1024);
    on['engine:digits'](ours, big.subarray(1024, 1024 + twoDigits.length));
    expect(got).toEqual([]);
    expect(log).toEqual([
      `engine:digits: The file came inside a block of memory that is too large: ${big.byteLength} bytes, and at most ${MAX_DIGITS_FILE_BYTES} are accepted.`,
    ]);
    // A view inside a modest buffer is taken, as a copy of just the file.
    const modest = new Uint8Array(twoDigits.length + 4096);
    modest.set(twoDigits, 100);
    on['engine:digits'](ours, modest.subarray(100, 100 + twoDigits.length));
    const own = twoDigits.slice();
    on['engine:digits'](ours, own);
    expect(got).toHaveLength(2);
    for (const bytes of got) {
      expect(bytes).toEqual(twoDigits);
      expect(bytes.buffer.byteLength).toBe(twoDigits.length);
    }
    // A copy: what the engine keeps shares nothing with what arrived.
    expect(got[1].buffer).not.toBe(own.buffer);
  });

  it('engine:command: refuses a command holding more values than the largest real one', () => {
    const { typed, on, log } = helpers();
    const got: unknown[] = [];
    typed.on('engine:command', (command) => got.push(command.type));
    const limit = maxCommandValues();
    const params = new Array<number>(limit + 1).fill(0.5);
    on['engine:command'](ours, { type: 'load-state', id: 3, state: { epoch: 1, params, optimizer: [], step: 0 } });
    // Hidden deep in nesting too: counted without recursion.
    let deep: unknown = [1];
    for (let i = 0; i < Math.ceil(limit / 5); i++) deep = [deep, 1, 2, 3, 4, 5];
    on['engine:command'](ours, { type: 'configure', id: 4, config: deep });
    on['engine:command'](ours, 'play');
    expect(got).toEqual([]);
    expect(log).toEqual([
      `engine:command: the command is too large: it holds more than ${limit} values.`,
      `engine:command: the command is too large: it holds more than ${limit} values.`,
      'engine:command: needs a command object with a type.',
    ]);
    // The largest real command passes: a load-state of the widest network with Adam's two moments.
    const perList = Math.floor((limit - 100) / 3);
    const largest = {
      type: 'load-state',
      id: 5,
      state: { epoch: 1, params: new Array(perList).fill(0), optimizer: [new Array(perList).fill(0), new Array(perList).fill(0)], step: 9 },
    };
    on['engine:command'](ours, largest);
    expect(got).toEqual(['load-state']);
  });

  it('counts typed arrays by their bytes, and stops counting past the limit', () => {
    expect(valuesUpTo({ a: 1, b: [1, 2, 3] }, 100)).toBe(6);
    expect(valuesUpTo(new Float64Array(1000), 10_000)).toBe(1001);
    expect(valuesUpTo(new Array(1_000_000).fill(1), 10)).toBe(11);
  });
});
