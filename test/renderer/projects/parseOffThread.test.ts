import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProject, momentCount, paramCount, parseProject, serializeProject } from '../../../core/project';
import { digitsConfig } from '../../../core/tabular/presets';
import { projectText } from '../../../renderer/projects/projectText';
import { sampleProject } from '../../core/project/sample';

/** A stand-in for the page's Worker that runs the worker's job in this thread, a moment later. */
class FakeWorker {
  static made = 0;
  static broken = false;
  static silent = false;
  static terminated = 0;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    FakeWorker.made++;
  }
  /** What parse.worker.ts does with a message: the text (or the decoded bytes), parsed. */
  postMessage(data: { id: number; text: unknown; fileName?: string }): void {
    FakeWorker.received.push(data.text);
    if (FakeWorker.silent) return;
    setTimeout(() => {
      if (FakeWorker.broken) this.onerror?.(new Error('worker failed'));
      else this.onmessage?.({ data: { id: data.id, result: parseProject(projectText(data.text), { fileName: data.fileName }) } });
    }, 1);
  }
  static received: unknown[] = [];
  terminate(): void {
    FakeWorker.terminated++;
  }
}

/** A fresh copy of the module, so that each test starts without a worker. */
async function load() {
  vi.resetModules();
  return import('../../../renderer/projects/parseOffThread');
}

function digitsText(): string {
  const config = digitsConfig([{ size: 16, activation: 'relu' }]);
  const values = () => Array.from({ length: paramCount(config) }, (_, i) => (i % 13) / 100 - 0.06);
  return serializeProject(
    createProject({
      config,
      state: {
        epoch: 1,
        params: values(),
        optimizer: Array.from({ length: momentCount('adam') }, (_, m) => (m === 1 ? values().map(Math.abs) : values())),
        step: 2,
      },
      savedAt: new Date(0),
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = 0;
  FakeWorker.broken = false;
  FakeWorker.silent = false;
  FakeWorker.terminated = 0;
  FakeWorker.received = [];
});

describe('reading project text away from the page', () => {
  it('reads a big file in the worker and gives what parseProject gives', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { parseOffThread, OFF_THREAD_CHARS } = await load();
    const text = digitsText();
    expect(text.length).toBeGreaterThan(OFF_THREAD_CHARS);
    const [a, b] = await Promise.all([parseOffThread(text), parseOffThread(text.slice(0, -40))]);
    expect(a).toEqual(parseProject(text));
    expect(b).toEqual(parseProject(text.slice(0, -40)));
    expect(b.ok).toBe(false);
    // One worker serves every request.
    expect(FakeWorker.made).toBe(1);
  });

  it('takes the UTF-8 bytes main sends: a big file is decoded in the worker, not the page, with the same answer', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { parseOffThread } = await load();
    const text = digitsText().replace(/"name": ?"/, (field) => `${field}Ziffern → ü ✓ `);
    expect(text).toContain('Ziffern → ü ✓');
    const bytes = new TextEncoder().encode(text);
    expect(await parseOffThread(bytes)).toEqual(parseProject(text));
    expect((await parseOffThread(bytes)).ok).toBe(true);
    expect(FakeWorker.received.every((sent) => sent instanceof Uint8Array)).toBe(true);
    // Cut-off bytes get the same refusal as cut-off text.
    const cut = bytes.subarray(0, bytes.length - 40);
    expect(await parseOffThread(cut)).toEqual(parseProject(new TextDecoder().decode(cut)));
    // Small ones are decoded and read at once.
    const small = serializeProject(sampleProject());
    expect(await parseOffThread(new TextEncoder().encode(small))).toEqual(parseProject(small));
    expect(FakeWorker.received).toHaveLength(3);
  });

  it('reads small files at once, without a worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { parseOffThread } = await load();
    const text = serializeProject(sampleProject());
    expect(await parseOffThread(text)).toEqual(parseProject(text));
    expect(FakeWorker.made).toBe(0);
  });

  it('reads in the page where no worker runs, or when the worker breaks', async () => {
    const text = digitsText();
    const { parseOffThread } = await load();
    expect(await parseOffThread(text)).toEqual(parseProject(text));
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.broken = true;
    const again = await load();
    expect(await again.parseOffThread(text)).toEqual(parseProject(text));
  });

  it('ends a worker that runs past its time limit and refuses the file, instead of waiting for good', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.silent = true;
    const { parseOffThread, TOO_SLOW_MESSAGE } = await load();
    expect(await parseOffThread(digitsText(), { timeLimitMs: 20 })).toEqual({ ok: false, message: TOO_SLOW_MESSAGE });
    expect(FakeWorker.terminated).toBe(1);
    // The next file gets a fresh worker.
    FakeWorker.silent = false;
    const text = digitsText();
    expect(await parseOffThread(text)).toEqual(parseProject(text));
    expect(FakeWorker.made).toBe(2);
  });

  it('refuses a file of millions of tiny values, with advice that fits its name', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { parseOffThread } = await load();
    const junk = `{"format":"activation-lab-project","version":2,"junk":[${'{},'.repeat(2_500_000)}{}]}`;
    const result = await parseOffThread(junk, { fileName: 'junk.actlab' });
    expect(result.ok ? '' : result.message).toMatch(/^This file holds more than [\d,]+ values/);
    const other = await parseOffThread(`{"name":"x","config":"${'y'.repeat(300_000)}"}`, { fileName: 'junk.actlab' });
    expect(other.ok ? '' : other.message).toMatch(/Its name ends in \.actlab, but it does not hold a project saved by Activation Lab/);
  });
});
