import { describe, expect, it } from 'vitest';
import { fetchDigits } from '../../../renderer/lab/digits/loader';
import { decodeDigits, digitsFileBytes } from '../../../core/tabular/digits';
import { sliceBytes } from './slice';

/** A fetch that answers with `bytes` in chunks of `chunk`, with or without a Content-Length. */
function fakeFetch(bytes: Uint8Array, chunk: number, withLength: boolean): typeof fetch {
  return (async () => {
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) {
          controller.close();
          return;
        }
        controller.enqueue(bytes.slice(at, at + chunk));
        at += chunk;
      },
    });
    const headers = withLength ? { 'Content-Length': String(bytes.length) } : undefined;
    return new Response(body, { status: 200, headers });
  }) as typeof fetch;
}

describe('fetchDigits', () => {
  const bytes = sliceBytes(2);

  it('reports progress as chunks arrive and returns the whole file', async () => {
    const seen: [number, number | null][] = [];
    const out = await fetchDigits('digits.bin', (r, t) => seen.push([r, t]), fakeFetch(bytes, 1000, true));
    expect(out.length).toBe(bytes.length);
    expect(decodeDigits(out).count).toBe(20);
    const received = seen.map((s) => s[0]);
    expect(received[0]).toBe(0);
    expect(received[received.length - 1]).toBe(bytes.length);
    expect(received.every((r, i) => i === 0 || r > received[i - 1])).toBe(true);
    expect(seen.every(([, t]) => t === bytes.length)).toBe(true);
  });

  it('learns the total from the file header when no Content-Length is sent', async () => {
    const seen: (number | null)[] = [];
    await fetchDigits('digits.bin', (_r, t) => seen.push(t), fakeFetch(bytes, 3, false));
    expect(seen[0]).toBeNull();
    expect(seen[seen.length - 1]).toBe(digitsFileBytes(20));
  });

  it('says plainly when the file cannot be read', async () => {
    const missing = (async () => new Response('nope', { status: 404 })) as typeof fetch;
    await expect(fetchDigits('digits.bin', () => {}, missing)).rejects.toThrow(/could not be read \(404\)/);
  });
});
