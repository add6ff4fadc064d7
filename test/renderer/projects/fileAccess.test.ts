/**
 * The File System Access module's decisions (renderer/projects/fileAccess.ts) with handles and
 * pickers that answer as Chromium's do: which answers are a cancel, which mean "use the file
 * input and downloads", and when the learner is asked for permission. The real handles are
 * tested in Chromium (test/e2e/recent-handles.spec.ts, recent-store.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { allowed, filePickers, readThrough, saveTarget, writeThrough, type FilePickers } from '../../../renderer/projects/fileAccess';

function domError(name: string): Error {
  const error = new Error(`${name} happened`);
  error.name = name;
  return error;
}

interface FakeHandle {
  handle: FileSystemFileHandle;
  asked: string[];
  written: string[];
}

/** A handle whose permission answers are `query` and then `request`; `file` is what getFile gives or throws. */
function fakeHandle(
  name: string,
  query: PermissionState | null,
  request: PermissionState = 'denied',
  file: () => File = () => new File(['{}'], name),
): FakeHandle {
  const asked: string[] = [];
  const written: string[] = [];
  const handle = {
    kind: 'file',
    name,
    getFile: async () => file(),
    createWritable: async () => ({
      write: async (text: string) => {
        if (text === 'fail') throw domError('QuotaExceededError');
        written.push(text);
      },
      close: async () => void written.push('closed'),
      abort: async () => void written.push('aborted'),
    }),
    ...(query === null
      ? {}
      : {
          queryPermission: async ({ mode }: { mode: string }) => (asked.push(`query ${mode}`), query),
          requestPermission: async ({ mode }: { mode: string }) => (asked.push(`request ${mode}`), request),
        }),
  };
  return { handle: handle as unknown as FileSystemFileHandle, asked, written };
}

function pickers(answer: () => Promise<FileSystemFileHandle>): FilePickers {
  const page = { showOpenFilePicker: async () => [await answer()], showSaveFilePicker: answer };
  const found = filePickers(page);
  if (!found) throw new Error('no pickers');
  return found;
}

describe('filePickers', () => {
  it('is null where the browser lacks either picker (Firefox, Safari)', () => {
    expect(filePickers({})).toBeNull();
    expect(filePickers({ showOpenFilePicker: async () => [] })).toBeNull();
    expect(filePickers({ showSaveFilePicker: async () => ({}) })).toBeNull();
  });

  it('asks for project files, with the suggested name, and tells a cancel from no picker', async () => {
    const seen: unknown[] = [];
    const { handle } = fakeHandle('a.actlab', 'granted');
    const found = filePickers({
      showOpenFilePicker: async (options: unknown) => (seen.push(options), [handle]),
      showSaveFilePicker: async (options: unknown) => (seen.push(options), handle),
    });
    expect(await found?.open()).toEqual({ kind: 'picked', handle });
    expect(await found?.save('my spiral.actlab')).toEqual({ kind: 'picked', handle });
    expect(JSON.stringify(seen)).toContain('".actlab"');
    expect(seen[1]).toMatchObject({ suggestedName: 'my spiral.actlab' });
    expect(await pickers(() => Promise.reject(domError('AbortError'))).open()).toEqual({ kind: 'cancelled' });
    expect(await pickers(() => Promise.reject(domError('SecurityError'))).save('x.actlab')).toEqual({ kind: 'unavailable' });
    expect(await pickers(() => Promise.reject(domError('NotAllowedError'))).open()).toEqual({ kind: 'unavailable' });
  });
});

describe('allowed', () => {
  it('asks the learner only when the browser has not already granted it', async () => {
    const granted = fakeHandle('a', 'granted');
    expect(await allowed(granted.handle, 'readwrite')).toBe(true);
    expect(granted.asked).toEqual(['query readwrite']);
    const prompt = fakeHandle('b', 'prompt', 'granted');
    expect(await allowed(prompt.handle, 'read')).toBe(true);
    expect(prompt.asked).toEqual(['query read', 'request read']);
    expect(await allowed(fakeHandle('c', 'prompt', 'denied').handle, 'read')).toBe(false);
    expect(await allowed(fakeHandle('d', 'denied', 'denied').handle, 'readwrite')).toBe(false);
    // A handle with no permission calls (a browser that does not ask) may be used.
    expect(await allowed(fakeHandle('e', null).handle, 'read')).toBe(true);
    const throwing = { kind: 'file', queryPermission: () => Promise.reject(domError('SecurityError')) } as unknown as FileSystemFileHandle;
    expect(await allowed(throwing, 'read')).toBe(false);
  });
});

describe('readThrough', () => {
  it('reads the file, and says whether it has gone, was refused, or failed otherwise', async () => {
    const read = await readThrough(fakeHandle('a.actlab', 'granted').handle);
    expect(read.ok && read.file.name).toBe('a.actlab');
    const gone = fakeHandle('b', 'granted', 'denied', () => {
      throw domError('NotFoundError');
    });
    expect(await readThrough(gone.handle)).toMatchObject({ ok: false, why: 'gone' });
    expect(await readThrough(fakeHandle('c', 'prompt', 'denied').handle)).toMatchObject({ ok: false, why: 'denied' });
    const odd = fakeHandle('d', 'granted', 'denied', () => {
      throw domError('TypeMismatchError');
    });
    expect(await readThrough(odd.handle)).toMatchObject({ ok: false, why: 'failed', detail: 'TypeMismatchError happened' });
  });
});

describe('writeThrough', () => {
  it('writes and closes, or aborts and throws so the caller can download instead', async () => {
    const good = fakeHandle('a', 'granted');
    await writeThrough(good.handle, '{"n":1}');
    expect(good.written).toEqual(['{"n":1}', 'closed']);
    const bad = fakeHandle('b', 'granted');
    await expect(writeThrough(bad.handle, 'fail')).rejects.toThrow('QuotaExceededError happened');
    expect(bad.written).toEqual(['aborted']);
  });
});

describe('saveTarget', () => {
  const picked = fakeHandle('new.actlab', 'granted').handle;
  it('writes back to the open file when allowed, without a dialog', async () => {
    const current = fakeHandle('open.actlab', 'prompt', 'granted');
    const never = pickers(() => Promise.reject(new Error('the dialog should not show')));
    expect(await saveTarget(never, current.handle, 'x.actlab')).toEqual({ kind: 'handle', handle: current.handle, picked: false });
    expect(current.asked).toEqual(['query readwrite', 'request readwrite']);
  });

  it('downloads when the learner refuses the open file, or where there are no dialogs', async () => {
    const refused = fakeHandle('open.actlab', 'prompt', 'denied').handle;
    expect(
      await saveTarget(
        pickers(async () => picked),
        refused,
        'x.actlab',
      ),
    ).toEqual({ kind: 'download' });
    expect(await saveTarget(null, null, 'x.actlab')).toEqual({ kind: 'download' });
    expect(
      await saveTarget(
        pickers(() => Promise.reject(domError('SecurityError'))),
        null,
        'x.actlab',
      ),
    ).toEqual({ kind: 'download' });
  });

  it('asks where with the Save dialog otherwise; closing it saves nowhere', async () => {
    expect(
      await saveTarget(
        pickers(async () => picked),
        null,
        'x.actlab',
      ),
    ).toEqual({ kind: 'handle', handle: picked, picked: true });
    expect(
      await saveTarget(
        pickers(() => Promise.reject(domError('AbortError'))),
        null,
        'x.actlab',
      ),
    ).toEqual({ kind: 'cancelled' });
  });
});
